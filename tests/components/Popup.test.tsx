import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { Popup } from '@/components/Popup';
import { answerOf } from '@/lib/law/answer';
import { classify } from '@/lib/law/classify';
import { DEFAULT_SETTINGS } from '@/lib/settings';
import { answer, fakeApi, tab } from './fixtures';

const verdict = async () => (await screen.findByTestId('verdict')).textContent;

describe('<Popup> verdict and list', () => {
  it('is calm on a tab without numbers and points to the lookup box', async () => {
    render(<Popup api={fakeApi([])} />);
    expect(await verdict()).toBe('No phone numbers found on this page' + 'Type or paste a number below to check it.');
    expect(screen.queryByTestId('number-list')).toBeNull();
  });

  it('says so where the tab cannot be asked about', async () => {
    render(<Popup api={fakeApi(null)} />);
    expect(await verdict()).toContain('could not be read');
  });

  it('shows the loading state first', () => {
    render(<Popup api={fakeApi([])} />);
    expect(screen.getByText('Checking this page…')).toBeTruthy();
  });

  it('gives the strictest requirement with count and places, then every number', async () => {
    render(<Popup api={fakeApi(tab('212 555 0175', '415 555 0134', '305 555 0100', '213 555 0199'))} />);
    expect(await verdict()).toBe('All-party consent: 3 numbers in CA, FL');
    const rows = screen.getAllByTestId('number-row');
    expect(rows.map((r) => r.textContent)).toEqual([
      // Friday 27 November 2026, 17:00 UTC: California and New York keep the federal 9 pm end; Florida 8 pm.
      '(415) 555-0134CAAll-party9:00 AM local · open until 9:00 PM',
      '(305) 555-0100FLAll-party12:00 PM local · open until 8:00 PM',
      '(213) 555-0199CAAll-party9:00 AM local · open until 9:00 PM',
      '(212) 555-0175NYOne-party12:00 PM local · open until 9:00 PM',
    ]);
  });

  it('counts unknown (toll-free, international) numbers as all-party and says unknown', async () => {
    render(<Popup api={fakeApi(tab('212 555 0175', '800 555 0100', '+44 20 7946 0958'))} />);
    expect(await verdict()).toBe(
      'All-party consent: 2 numbers in Toll-free (unknown), GB (unknown)Unknown rule for 2: treated as all-party.',
    );
    const chips = screen.getAllByTestId('number-row').map((r) => r.querySelector('.chip')?.textContent);
    expect(chips).toEqual(['Unknown', 'Unknown', 'One-party']);
  });

  it('marks unsettled law (Michigan) as all-party and unsettled', async () => {
    render(<Popup api={fakeApi(tab('313 555 0100'))} />);
    expect(await verdict()).toBe('All-party consent: 1 number in MIUnsettled law for 1: treated as all-party.');
    fireEvent.click(screen.getByTestId('number-row'));
    expect(screen.getByTestId('details-law').textContent).toBe('One-party consent (unsettled)');
    expect(screen.getByTestId('details-follow').textContent).toContain('All-party consent');
  });

  it('says one-party calmly when every number allows it', async () => {
    render(<Popup api={fakeApi(tab('212 555 0175', '503 555 0100'))} />);
    expect(await verdict()).toBe('One-party consent: 2 numbers in NY, ORYou may record after announcing it.');
  });

  it('says how many it shows of a page with more numbers than the list holds', async () => {
    const numbers = Array.from({ length: 200 }, (_, i) => answer(`415 555 ${String(1000 + i)}`));
    render(<Popup api={fakeApi(numbers, {}, 950)} />);
    expect(await verdict()).toBe('All-party consent: 200 numbers in CA');
    expect(screen.getByText('Showing the first 200 of 950.')).toBeTruthy();
    expect(screen.getAllByTestId('number-row')).toHaveLength(200);
  });

  it('opens one number’s details at a time, by click or keyboard (arrows move between rows)', async () => {
    render(<Popup api={fakeApi(tab('415 555 0134', '212 555 0175'))} />);
    await verdict();
    const [first, second] = screen.getAllByTestId('number-row') as [HTMLElement, HTMLElement];
    first.focus();
    fireEvent.keyDown(first, { key: 'ArrowDown' });
    expect(document.activeElement).toBe(second);
    fireEvent.keyDown(second, { key: 'Home' });
    expect(document.activeElement).toBe(first);
    fireEvent.click(second); // Enter and Space on a button click it.
    expect(second.getAttribute('aria-expanded')).toBe('true');
    expect(first.getAttribute('aria-expanded')).toBe('false');
    const details = screen.getByTestId('details');
    expect(details.textContent).toContain('Area code 212 was issued in New York');
    expect(within(details).getByTestId('details-rules').textContent).toMatch(/N\.Y\. Penal Law.*as of 2026-12-02/);
    expect(within(details).getByTestId('details-caveats').textContent).toContain('not where the person is now');
    fireEvent.click(second);
    expect(screen.queryByTestId('details')).toBeNull();
  });
});

describe('<Popup> lookup', () => {
  it('answers a typed number after a short pause, with full details', async () => {
    const api = fakeApi([]);
    render(<Popup api={api} />);
    fireEvent.input(screen.getByTestId('lookup-input'), { target: { value: '415 555 0134' } });
    await waitFor(() => expect(screen.getByTestId('lookup-answer').textContent).toBe('CA · All-party'));
    expect(api.lookup).toHaveBeenCalledTimes(1);
    expect(api.lookup).toHaveBeenCalledWith('415 555 0134');
    expect(screen.getByTestId('details-reasons').textContent).toContain('California');
  });

  it('debounces: fast typing asks once', async () => {
    vi.useFakeTimers();
    try {
      const api = fakeApi([]);
      render(<Popup api={api} />);
      const input = screen.getByTestId('lookup-input');
      for (const value of ['4', '41', '415', '415 555 0134']) fireEvent.input(input, { target: { value } });
      await act(async () => {
        await vi.advanceTimersByTimeAsync(200);
      });
      expect(api.lookup).toHaveBeenCalledTimes(1);
    } finally {
      vi.useRealTimers();
    }
  });

  it('says calmly what is wrong with input that is not a number, and no details', async () => {
    render(<Popup api={fakeApi([])} />);
    fireEvent.input(screen.getByTestId('lookup-input'), { target: { value: 'call me maybe' } });
    await waitFor(() =>
      expect(screen.getByTestId('lookup-answer').textContent).toBe(
        'Not a phone number: it holds characters other than digits and separators.',
      ),
    );
    expect(screen.getByTestId('lookup-input').getAttribute('aria-invalid')).toBe('true');
    expect(screen.queryByTestId('details')).toBeNull();
  });

  it('says so when the background cannot answer', async () => {
    const api = fakeApi([]);
    api.lookup = vi.fn(async () => ({ ok: false as const, error: 'nope' }));
    render(<Popup api={api} />);
    fireEvent.input(screen.getByTestId('lookup-input'), { target: { value: '415 555 0134' } });
    await waitFor(() => expect(screen.getByTestId('lookup-answer').textContent).toContain('could not be checked'));
  });
});

describe('<Popup> disclaimer', () => {
  it('fills company and agent, in the settings’ language, and switches language', async () => {
    render(<Popup api={fakeApi([], { company: 'Acme', agent: 'Dana', language: 'es' })} />);
    fireEvent.input(screen.getByTestId('lookup-input'), { target: { value: '415 555 0134' } });
    const text = await screen.findByTestId('disclaimer-text');
    await waitFor(() => expect(text.textContent).toMatch(/^Hola, le habla Dana de Acme\./));
    expect((screen.getByTestId('disclaimer-language') as HTMLSelectElement).value).toBe('es');
    fireEvent.change(screen.getByTestId('disclaimer-language'), { target: { value: 'fr-CA' } });
    expect(screen.getByTestId('disclaimer-text').textContent).toMatch(/^Bonjour, ici Dana de Acme\./);
    expect(screen.getByTestId('disclaimer-text').getAttribute('lang')).toBe('fr-CA');
  });

  it('uses the agent’s own template and the one-party wording where it applies', async () => {
    const api = fakeApi(tab('212 555 0175'), {
      company: 'Acme',
      templates: { 'all-party': {}, 'one-party': { en: '{company} records calls. ({agent})' }, unknown: {} },
    });
    render(<Popup api={api} />);
    await verdict();
    fireEvent.click(screen.getByTestId('number-row'));
    await waitFor(() =>
      expect(screen.getByTestId('disclaimer-text').textContent).toBe('Acme records calls. (a representative)'),
    );
  });

  it('refreshes the answers and the disclaimer when the settings change', async () => {
    const api = fakeApi(tab('415 555 0134'), { company: 'Acme' });
    render(<Popup api={api} />);
    await verdict();
    fireEvent.click(screen.getByTestId('number-row'));
    await waitFor(() => expect(screen.getByTestId('disclaimer-text').textContent).toContain('Acme'));
    api.current.settings = { ...api.current.settings, company: 'Globex', language: 'es' };
    act(() => api.changed());
    await waitFor(() => expect(screen.getByTestId('disclaimer-text').textContent).toContain('de Globex'));
    expect(api.tabSummary).toHaveBeenCalledTimes(2);
  });
});

describe('<Popup> calling hours', () => {
  // Monday 7 December 2026, 01:30 UTC: 8:30 pm Sunday in Miami (Florida closes sales calls at 8 pm,
  // Fla. Stat. § 501.616(6)(a)); 5:30 pm in Los Angeles (federal 8 am–9 pm).
  const evening = new Date('2026-12-07T01:30:00Z');
  const at = (n: string, purpose?: 'sales' | 'service') =>
    answerOf(classify(n, { at: evening, purpose }), DEFAULT_SETTINGS);

  it('a closed number says until when and in how long; the verdict counts it', async () => {
    render(<Popup api={fakeApi([at('305 555 0100'), at('213 555 0100')])} />);
    expect(await verdict()).toContain('1 of these numbers are outside calling hours now.');
    const rows = screen.getAllByTestId('number-row');
    expect(rows[0]?.textContent).toContain('8:30 PM local · closed until Monday 8:00 AM (in 11 h 30 min)');
    expect(rows[0]?.querySelector('[data-calling]')?.getAttribute('data-calling')).toBe('closed');
    expect(rows[1]?.textContent).toContain('5:30 PM local · open until 9:00 PM');
    fireEvent.click(rows[0] as HTMLElement);
    const hours = screen.getByTestId('details-hours');
    expect(hours.textContent).toContain('Decided by Florida');
    expect(hours.textContent).toContain('Fla. Stat. § 501.616(6)');
    expect(hours.textContent).toContain('3 sales calls');
  });

  it('a service call shows the hours for information only, never as closed', async () => {
    render(<Popup api={fakeApi([at('305 555 0100', 'service')])} />);
    expect(await verdict()).not.toContain('outside calling hours');
    const row = screen.getByTestId('number-row');
    expect(row.textContent).toContain('hours for information: 8:00 AM – 8:00 PM');
    expect(row.querySelector('[data-calling]')?.getAttribute('data-calling')).toBe('info');
  });
});
