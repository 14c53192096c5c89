import { fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { Options, type OptionsApi } from '@/components/Options';
import { type ConsentLogApi, ConsentLogViewer } from '@/components/options/ConsentLogViewer';
import { parseCsv } from '@/lib/csv';
import { LOG_VERSION, type LogEntry } from '@/lib/log/entry';
import { DEFAULT_CONSENT_LOG, DEFAULT_SETTINGS, type Settings } from '@/lib/settings';
import { type ResolvedSettings, resolveSettings } from '@/lib/settings/managed';
import type { SettingsPatch } from '@/lib/settings/patch';

/** An entry at local noon of `day` ("2026-11-27"). */
function entry(id: string, day: string, over: Partial<LogEntry> = {}): LogEntry {
  const [y, m, d] = day.split('-').map(Number);
  return {
    v: LOG_VERSION,
    id,
    at: new Date(y ?? 0, (m ?? 1) - 1, d, 12).toISOString(),
    number: { hash: '0123456789abcdef', last4: '0134' },
    regions: ['CA'],
    rule: 'all-party',
    treatAs: 'all-party',
    language: 'en',
    disclaimerVersion: 'deadbeef',
    outcome: 'copied',
    source: 'popup',
    ...over,
  };
}

const LOG = [
  entry('a', '2026-11-25'),
  entry('b', '2026-11-26', {
    outcome: 'consent-given',
    source: 'panel',
    number: { e164: '+12125550175', last4: '0175' },
  }),
  entry('c', '2026-11-27', { outcome: 'declined', source: 'panel' }),
];

function logApi(entries: LogEntry[] = LOG) {
  let stored = [...entries];
  const files: { name: string; text: string; type: string }[] = [];
  const api = {
    read: vi.fn(async () => ({ entries: stored, unreadable: 0 })),
    delete: vi.fn(async () => {
      stored = [];
    }),
    download: (name: string, text: string, type: string) => files.push({ name, text, type }),
  } satisfies ConsentLogApi;
  return { api, files };
}

describe('<ConsentLogViewer>', () => {
  it('shows every entry, newest first, with its outcome, number, rule and disclaimer version', async () => {
    const { api } = logApi();
    render(<ConsentLogViewer api={api} />);
    const rows = await screen.findAllByTestId('log-row');
    expect(rows.map((r) => r.dataset.outcome)).toEqual(['declined', 'consent-given', 'copied']);
    expect(rows[1]?.textContent).toContain('+12125550175');
    expect(rows[1]?.textContent).toContain('Consent given');
    expect(rows[0]?.textContent).toContain('\u2022\u2022\u2022\u2022 0134');
    expect(rows[0]?.textContent).not.toContain('0123456789abcdef');
    expect(rows[0]?.textContent).toContain('deadbeef');
    expect(screen.getByTestId('log-count').dataset.count).toBe('3');
  });

  it('filters by date, both ends included, and exports only what is shown', async () => {
    const { api, files } = logApi();
    render(<ConsentLogViewer api={api} />);
    await screen.findAllByTestId('log-row');
    fireEvent.input(screen.getByTestId('log-from'), { target: { value: '2026-11-26' } });
    fireEvent.input(screen.getByTestId('log-to'), { target: { value: '2026-11-26' } });
    await waitFor(() => expect(screen.getAllByTestId('log-row')).toHaveLength(1));
    expect(screen.getByTestId('log-row').dataset.outcome).toBe('consent-given');
    fireEvent.click(screen.getByTestId('log-export-csv'));
    fireEvent.click(screen.getByTestId('log-export-json'));
    expect(files.map((f) => [f.name.replace(/\d{4}-\d\d-\d\d/, 'DATE'), f.type])).toEqual([
      ['consent-log-DATE.csv', 'text/csv'],
      ['consent-log-DATE.json', 'application/json'],
    ]);
    const rows = parseCsv(files[0]?.text ?? '');
    expect(rows).toHaveLength(2);
    expect(rows[1]).toEqual(expect.arrayContaining(['+12125550175', 'consent-given', 'panel']));
    expect(JSON.parse(files[1]?.text ?? '').entries.map((e: LogEntry) => e.id)).toEqual(['b']);
    // From after To: nothing, and nothing to export.
    fireEvent.input(screen.getByTestId('log-from'), { target: { value: '2026-11-28' } });
    await waitFor(() => expect(screen.queryAllByTestId('log-row')).toHaveLength(0));
    expect(screen.getByTestId('log-count').textContent).toContain('No entries');
    expect((screen.getByTestId('log-export-csv') as HTMLButtonElement).disabled).toBe(true);
  });

  it('deletes the log only after a second, explicit click', async () => {
    const { api } = logApi();
    render(<ConsentLogViewer api={api} />);
    await screen.findAllByTestId('log-row');
    fireEvent.click(screen.getByTestId('log-delete'));
    expect(api.delete).not.toHaveBeenCalled();
    fireEvent.click(screen.getByTestId('log-delete-confirm'));
    await waitFor(() => expect(screen.queryAllByTestId('log-row')).toHaveLength(0));
    expect(api.delete).toHaveBeenCalledTimes(1);
    expect(screen.getByTestId('log-count').textContent).toContain('The log was deleted.');
  });

  it('says when stored entries could not be read, or the log not at all', async () => {
    render(<ConsentLogViewer api={{ read: async () => ({ entries: [], unreadable: 2 }), delete: async () => {} }} />);
    expect((await screen.findByTestId('log-unreadable')).textContent).toContain('2 stored entries');
    render(<ConsentLogViewer api={{ read: () => Promise.reject(new Error('no IDB')), delete: async () => {} }} />);
    expect(await screen.findByText(/could not be read \(IndexedDB/)).toBeTruthy();
  });
});

function optionsApi(resolved: ResolvedSettings) {
  return {
    load: vi.fn(async () => resolved),
    save: vi.fn(async (_: SettingsPatch) => {}),
    regions: [{ code: 'CA', name: 'California' }],
    log: logApi().api,
  } satisfies OptionsApi;
}
const plain = (settings: Partial<Settings> = {}): ResolvedSettings => ({
  settings: { ...DEFAULT_SETTINGS, ...settings },
  notices: [],
  locked: [],
});

describe('<Options> consent log', () => {
  it('saves the log settings the agent changed', async () => {
    const a = optionsApi(plain());
    render(<Options api={a} />);
    fireEvent.click(await screen.findByTestId('consent-log-full'));
    fireEvent.input(screen.getByTestId('consent-log-days'), { target: { value: '30' } });
    fireEvent.click(screen.getByTestId('save'));
    await waitFor(() => expect(a.save).toHaveBeenCalledTimes(1));
    expect(a.save.mock.calls[0]?.[0]).toEqual({
      consentLog: { ...DEFAULT_CONSENT_LOG, fullNumbers: true, retentionDays: 30 },
    });
    expect(await screen.findAllByTestId('log-row')).toHaveLength(3);
  });

  it('refuses a retention outside 1..3650 days', async () => {
    const a = optionsApi(plain());
    render(<Options api={a} />);
    fireEvent.input(await screen.findByTestId('consent-log-days'), { target: { value: '0' } });
    fireEvent.click(screen.getByTestId('save'));
    await waitFor(() => expect(screen.getByTestId('save-status').dataset.status).toBe('invalid'));
    expect(a.save).not.toHaveBeenCalled();
  });

  it('locked by policy: the controls are disabled, the lock shown, and the effective row says the organisation set it', async () => {
    const resolved = resolveSettings(
      { version: 2, consentLog: { ...DEFAULT_CONSENT_LOG, enabled: false } },
      { consentLog: { required: true, retentionDays: 180 }, locked: ['consentLog'], lockReason: 'Compliance' },
    );
    render(<Options api={optionsApi(resolved)} />);
    const section = await screen.findByTestId('consent-log-settings');
    expect(within(section).getByTestId('locked-note').textContent).toContain('Compliance');
    expect((within(section).getByTestId('consent-log-on') as HTMLInputElement).disabled).toBe(true);
    expect((within(section).getByTestId('consent-log-on') as HTMLInputElement).checked).toBe(true);
    expect((within(section).getByTestId('consent-log-days') as HTMLInputElement).value).toBe('180');
    expect(within(section).getByTestId('consent-log-required')).toBeTruthy();
    const row = within(screen.getByTestId('effective'))
      .getAllByRole('row')
      .find((r) => r.textContent?.includes('Consent log'));
    expect(row?.textContent).toContain('On, 180 days, hashed numbers, required');
    expect(row?.textContent).toContain('organisation');
  });

  it('unlocked: the agent may change what the organisation pushed', async () => {
    const resolved = resolveSettings(undefined, { consentLog: { retentionDays: 180 } });
    render(<Options api={optionsApi(resolved)} />);
    const section = await screen.findByTestId('consent-log-settings');
    expect(within(section).queryByTestId('locked-note')).toBeNull();
    expect((within(section).getByTestId('consent-log-days') as HTMLInputElement).disabled).toBe(false);
  });
});
