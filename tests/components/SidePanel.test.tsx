import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { SidePanel, type SidePanelApi } from '@/components/SidePanel';
import { answerOf } from '@/lib/law/answer';
import { classify } from '@/lib/law/classify';
import type { Answer, RecordLocation, Selected } from '@/lib/protocol/messages';
import { DEFAULT_SETTINGS } from '@/lib/settings';
import { AT, answer } from './fixtures';

const OAKLAND: RecordLocation = { regions: ['CA'], text: 'Oakland, CA 94607', source: 'address' };
function located(number: string, where: RecordLocation): Answer {
  return answerOf(
    classify(number, { agentRegion: null, policy: DEFAULT_SETTINGS.policy, at: AT, calleeLocation: where }),
    DEFAULT_SETTINGS,
  );
}

/** A fake panel API over tabs of answers; `switchTo`, `select` and `pageChanged` play the browser's part. */
function fakePanel(tabs: Record<number, Answer[]>, first = 1) {
  let active: number | null = first;
  const tabListeners = new Set<() => void>();
  const numberListeners = new Map<number, Set<() => void>>();
  const selectedListeners = new Set<(tabId: number, s: Selected | null) => void>();
  const selections = new Map<number, Selected>();
  const api: SidePanelApi & { logged: unknown[]; picked: unknown[] } = {
    logged: [],
    picked: [],
    currentTab: async () => active,
    watchTab: (l) => {
      tabListeners.add(l);
      return () => tabListeners.delete(l);
    },
    tabSummary: vi.fn(async (id: number) => ({
      ok: true as const,
      total: tabs[id]?.length ?? 0,
      numbers: tabs[id] ?? [],
    })),
    watchTabNumbers: (id, l) => {
      const set = numberListeners.get(id) ?? new Set();
      set.add(l);
      numberListeners.set(id, set);
      return () => set.delete(l);
    },
    lookup: vi.fn(async (n: string) => ({ ok: true as const, results: [answer(n)] })),
    selected: async (id) => selections.get(id) ?? null,
    watchSelected: (l) => {
      selectedListeners.add(l);
      return () => selectedListeners.delete(l);
    },
    pick: (tabId, e164) => api.picked.push([tabId, e164]),
    log: (event) => api.logged.push([event.e164, event.outcome, event.language, event.locationRegions]),
    settings: async () => DEFAULT_SETTINGS,
    watchSettings: () => () => {},
  };
  return {
    api,
    switchTo(id: number | null) {
      active = id;
      for (const l of tabListeners) l();
    },
    select(tabId: number, number: string, how: Selected['how'] = 'badge') {
      const s = { number, how, at: Date.now() };
      selections.set(tabId, s);
      for (const l of selectedListeners) l(tabId, s);
    },
    pageChanged(tabId: number, numbers: Answer[]) {
      tabs[tabId] = numbers;
      for (const l of numberListeners.get(tabId) ?? []) l();
    },
  };
}

const numbersShown = () => screen.queryAllByTestId('panel-number').map((b) => b.getAttribute('data-e164'));

describe('<SidePanel>', () => {
  it('shows the tab’s numbers and follows the agent to another tab', async () => {
    const f = fakePanel({ 1: [answer('415 555 0134')], 2: [answer('212 555 0175'), answer('305 555 0100')] });
    render(<SidePanel api={f.api} />);
    await waitFor(() => expect(numbersShown()).toEqual(['+14155550134']));
    act(() => f.switchTo(2));
    await waitFor(() => expect(numbersShown()).toEqual(['+12125550175', '+13055550100']));
    act(() => f.pageChanged(2, [answer('212 555 0175')]));
    await waitFor(() => expect(numbersShown()).toEqual(['+12125550175']));
    act(() => f.switchTo(null));
    expect(await screen.findByText('No tab to show.')).toBeTruthy();
  });

  it('shows the selected number with its rule, hours, script and log buttons; only for its own tab', async () => {
    const f = fakePanel({ 1: [answer('415 555 0134'), answer('212 555 0175')], 2: [] });
    render(<SidePanel api={f.api} />);
    expect(await screen.findByText(/Click a number's badge/)).toBeTruthy();
    act(() => f.select(2, '+12125550175'));
    act(() => f.select(1, '+14155550134'));
    const selected = await screen.findByTestId('selected-number');
    expect(selected.getAttribute('data-e164')).toBe('+14155550134');
    const section = screen.getByTestId('selected');
    expect(within(section).getByTestId('details-follow').textContent).toContain('All-party');
    expect(within(section).getByTestId('details-hours').textContent).toContain('open until 9:00 PM');
    expect(within(section).getByTestId('disclaimer-text').textContent).toMatch(/record/i);
    // From the list: no lookup needed.
    expect(f.api.lookup).not.toHaveBeenCalled();
    for (const outcome of ['announced', 'consent-given', 'declined', 'not-recorded']) {
      fireEvent.click(section.querySelector(`[data-outcome="${outcome}"]`) as Element);
    }
    expect(f.api.logged).toEqual([
      ['+14155550134', 'announced', 'en', undefined],
      ['+14155550134', 'consent-given', 'en', undefined],
      ['+14155550134', 'declined', 'en', undefined],
      ['+14155550134', 'not-recorded', 'en', undefined],
    ]);
    expect(screen.getByTestId('log-status').textContent).toBe('Logged: Call not recorded');
  });

  it('a number picked in the panel becomes the selected one and the background hears it', async () => {
    const f = fakePanel({ 1: [answer('415 555 0134'), answer('212 555 0175')] });
    render(<SidePanel api={f.api} />);
    await waitFor(() => expect(numbersShown()).toHaveLength(2));
    fireEvent.click(screen.getAllByTestId('panel-number')[1] as Element);
    await waitFor(() => expect(screen.getByTestId('selected-number').getAttribute('data-e164')).toBe('+12125550175'));
    expect(f.api.picked).toEqual([[1, '+12125550175']]);
    expect(screen.getAllByTestId('panel-number')[1]?.getAttribute('aria-pressed')).toBe('true');
  });

  it('answers selected text: a number off the page is looked up; text without one says so', async () => {
    const f = fakePanel({ 1: [] });
    render(<SidePanel api={f.api} />);
    await screen.findByText(/Click a number's badge/);
    act(() => f.select(1, '+13055550100', 'selection'));
    await waitFor(() => expect(screen.getByTestId('selected-number').getAttribute('data-e164')).toBe('+13055550100'));
    expect(screen.getByTestId('from-selection').textContent).toContain('+13055550100');
    expect(f.api.lookup).toHaveBeenCalledWith('+13055550100');
    act(() => f.select(1, 'no number here', 'selection'));
    expect((await screen.findByTestId('selection-none')).textContent).toBe(
      'No phone number in the selected text “no number here”.',
    );
    expect(screen.queryByTestId('log-buttons')).toBeNull();
  });

  it('groups a record’s numbers and gives the record the strictest rule and narrowest window', async () => {
    const f = fakePanel({
      1: [located('212 555 0175', OAKLAND), located('800 555 0100', OAKLAND), answer('212 555 0176')],
    });
    render(<SidePanel api={f.api} />);
    const record = await screen.findByTestId('record');
    expect(within(record).getByRole('heading').textContent).toBe('Oakland, CA 94607');
    expect(within(record).getAllByTestId('panel-number')).toHaveLength(2);
    const summary = within(record).getByTestId('record-answer');
    expect(summary.getAttribute('data-consent')).toBe('all-party');
    expect(summary.textContent).toContain('Whole record: All-party');
    expect(summary.textContent).toContain('Calling hours for the whole record: open until');
    expect(within(screen.getByTestId('record-other')).getAllByTestId('panel-number')).toHaveLength(1);
  });

  it('groups the numbers of a record that names no place, named by its order', async () => {
    const inRecord = (n: string, record: string) => ({ ...answer(n), record });
    const f = fakePanel({
      1: [
        inRecord('415 555 0101', '0:r1'),
        inRecord('212 555 0102', '0:r2'),
        inRecord('305 555 0103', '0:r1'),
        inRecord('512 555 0104', '0:r2'),
        inRecord('206 555 0105', '0:r3'),
      ],
    });
    render(<SidePanel api={f.api} />);
    await waitFor(() => expect(screen.getAllByTestId('record')).toHaveLength(2));
    const [first, second] = screen.getAllByTestId('record');
    expect(within(first as HTMLElement).getByRole('heading').textContent).toBe('Record 1 · no place shown');
    expect(first?.getAttribute('aria-label')).toBe('Record 1 · no place shown');
    const numbersIn = (el: HTMLElement | undefined) =>
      within(el as HTMLElement)
        .getAllByTestId('panel-number')
        .map((b) => b.getAttribute('data-e164'));
    expect(numbersIn(first)).toEqual(['+14155550101', '+13055550103']);
    expect(numbersIn(second)).toEqual(['+12125550102', '+15125550104']);
    // Each record's answer is its own: California and Florida (all-party); New York and Texas (one-party).
    expect(within(first as HTMLElement).getByTestId('record-answer').textContent).toContain('Whole record: All-party');
    expect(within(second as HTMLElement).getByTestId('record-answer').textContent).toContain('Whole record: One-party');
    // Alone in its record, without a place: with the other numbers.
    expect(numbersIn(screen.getByTestId('record-other'))).toEqual(['+12065550105']);
  });
});

describe('<Popup> opens the call panel', () => {
  it('offers the side panel where the browser has one', async () => {
    const { Popup } = await import('@/components/Popup');
    const { fakeApi } = await import('./fixtures');
    const openSidePanel = vi.fn();
    render(<Popup api={{ ...fakeApi([]), openSidePanel }} />);
    fireEvent.click(await screen.findByTestId('open-side-panel'));
    expect(openSidePanel).toHaveBeenCalledOnce();
  });
});

describe('<SidePanel> logs with the record', () => {
  it('a number answered with its record’s place logs those places', async () => {
    const f = fakePanel({ 1: [located('212 555 0175', OAKLAND)] });
    render(<SidePanel api={f.api} />);
    await waitFor(() => expect(numbersShown()).toHaveLength(1));
    fireEvent.click(screen.getByTestId('panel-number'));
    fireEvent.click((await screen.findByTestId('log-buttons')).querySelector('[data-outcome="declined"]') as Element);
    expect(f.api.logged).toEqual([['+12125550175', 'declined', 'en', ['CA']]]);
  });
});
