/**
 * The popup says where each number's place came from (the area code, the record, or both) and why the
 * stricter rule won; the answers come from the real engine, the expected words from the wording.
 */
import { fireEvent, render, screen } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { Popup } from '@/components/Popup';
import { answerOf } from '@/lib/law/answer';
import { type CalleeLocation, classify } from '@/lib/law/classify';
import { DEFAULT_SETTINGS } from '@/lib/settings';
import { AT, fakeApi } from './fixtures';

const located = (n: string, where: CalleeLocation | null) =>
  answerOf(classify(n, { at: AT, calleeLocation: where }), DEFAULT_SETTINGS);
const oakland: CalleeLocation = { regions: ['CA'], text: 'Oakland, CA 94607', source: 'address' };

describe('<Popup> record locations', () => {
  it('each row says where its place came from, and which rule won', async () => {
    const numbers = [
      located('212 555 0175', oakland),
      located('415 555 0134', { regions: ['NY'], text: 'State: NY', source: 'column' }),
      located('800 555 0100', { regions: ['TX'], text: 'Austin, TX 78701', source: 'address' }),
      located('212 555 0101', { regions: ['NY'], text: 'Albany, NY', source: 'address' }),
      located('305 555 0100', null),
    ];
    render(<Popup api={fakeApi(numbers)} />);
    const rows = await screen.findAllByTestId('number-row');
    const where = rows.map((r) => r.querySelector('[data-testid="row-where"]')?.textContent ?? null);
    expect(where).toEqual([
      'Record: Oakland, CA 94607 · number issued in NY · California’s rule wins',
      'Record: State: NY · number issued in CA · California’s rule wins',
      'Record: Austin, TX 78701 · the number names no place',
      'Record: Albany, NY · number issued in NY · same rule',
      null,
    ]);
    expect(rows.map((r) => r.querySelector('.summary')?.getAttribute('data-location-from'))).toEqual([
      'both',
      'both',
      'record',
      'both',
      'area-code',
    ]);
  });

  it('the details say where the place was read and why the stricter rule applies', async () => {
    const numbers = [
      located('212 555 0175', oakland),
      located('415 555 0134', { regions: ['NY'], text: 'NY', source: 'field' }),
    ];
    render(<Popup api={fakeApi(numbers)} />);
    const rows = await screen.findAllByTestId('number-row');
    fireEvent.click(rows[0] as HTMLElement);
    expect((await screen.findByTestId('details-where')).textContent).toBe(
      'Location from the record: “Oakland, CA 94607” (an address); from the area code: NY. California’s rule, from the record, is stricter, so it applies: an area code says where a number was issued, not where its owner lives.',
    );
    fireEvent.click(rows[1] as HTMLElement);
    expect((await screen.findByTestId('details-where')).textContent).toBe(
      'Location from the record: “NY” (a labelled field); from the area code: CA. California’s rule, from the area code, is stricter, so it still applies: a record never relaxes the rule.',
    );
  });

  it('one number in two records with two places is two rows, each opening its own details', async () => {
    const numbers = [
      located('212 555 0175', oakland),
      located('212 555 0175', { regions: ['TX'], text: 'Austin, TX', source: 'address' }),
    ];
    render(<Popup api={fakeApi(numbers)} />);
    const rows = await screen.findAllByTestId('number-row');
    expect(rows).toHaveLength(2);
    fireEvent.click(rows[1] as HTMLElement);
    expect((await screen.findByTestId('details-where')).textContent).toMatch(/“Austin, TX”/);
    expect(screen.getAllByTestId('details')).toHaveLength(1);
  });

  it('a number without a record says the area code alone', async () => {
    render(<Popup api={fakeApi([located('305 555 0100', null)])} />);
    fireEvent.click((await screen.findAllByTestId('number-row'))[0] as HTMLElement);
    expect((await screen.findByTestId('details-where')).textContent).toBe('Location from the area code only: FL.');
  });
});
