import 'fake-indexeddb/auto';
import { createHash } from 'node:crypto';
import { beforeEach, describe, expect, it } from 'vitest';
import { type BackgroundDeps, handleMessage } from '@/lib/background/handle-message';
import { parseCsv } from '@/lib/csv';
import { DISCLAIMER_TEMPLATES } from '@/lib/data/disclaimers';
import {
  disclaimerVersion,
  filterByTime,
  LOG_MIGRATIONS,
  LOG_VERSION,
  type LogEntry,
  loggedNumber,
  readEntry,
  retentionCutoff,
  shownNumber,
} from '@/lib/log/entry';
import { CSV_HEADER, logCsv, logJson } from '@/lib/log/export';
import { DEFAULT_CONSENT_LOG, DEFAULT_SETTINGS, readSettings, type Settings } from '@/lib/settings';
import { addLogEntry, deleteLog, logSalt, pruneLog, readLog, resetLogStoreForTests } from '@/utils/consent-log-store';

const ID = 'consentguardid';
const POPUP = { id: ID, url: `chrome-extension://${ID}/popup.html` };
const PAGE = { id: ID, url: 'https://crm.example.com/contacts', tab: { id: 7 }, frameId: 0 };
const AT = new Date('2026-11-27T17:00:00.000Z');
const SALT = '00112233445566778899aabbccddeeff';

function entry(over: Partial<LogEntry> = {}): LogEntry {
  return {
    v: LOG_VERSION,
    id: 'a-1',
    at: AT.toISOString(),
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

describe('lib/log entries', () => {
  it('hashes the number with the salt (SHA-256, first 16 hex) and keeps its last four digits', () => {
    const n = loggedNumber('+14155550134', SALT, false);
    const expected = createHash('sha256').update(`${SALT}+14155550134`).digest('hex').slice(0, 16);
    expect(n).toEqual({ hash: expected, last4: '0134' });
    expect(shownNumber(n)).toBe('\u2022\u2022\u2022\u2022 0134');
    expect(JSON.stringify(n)).not.toContain('4155550134');
    // Another install's salt gives another hash.
    expect(loggedNumber('+14155550134', 'ff'.repeat(16), false)).not.toEqual(n);
  });

  it('keeps the whole number only when the settings say so', () => {
    expect(loggedNumber('+14155550134', SALT, true)).toEqual({ e164: '+14155550134', last4: '0134' });
  });

  it("versions a disclaimer by its template's SHA-256: stable, and new for new wording", () => {
    const template = DISCLAIMER_TEMPLATES['all-party'].en;
    const v = disclaimerVersion(template);
    expect(v).toBe(createHash('sha256').update(template).digest('hex').slice(0, 8));
    expect(disclaimerVersion(`${template} `)).not.toBe(v);
  });

  it('reads a stored entry, and drops what is not one', () => {
    expect(readEntry(entry())).toEqual(entry());
    expect(readEntry(null)).toBeNull();
    expect(readEntry([])).toBeNull();
    expect(readEntry({ ...entry(), outcome: 'hung-up' })).toBeNull();
    expect(readEntry({ ...entry(), at: 'yesterday' })).toBeNull();
    // A number kept whole must be E.164; a hash must be 16 hex characters.
    expect(readEntry({ ...entry(), number: { e164: '4155550134', last4: '0134' } })).toBeNull();
    expect(readEntry({ ...entry(), number: { hash: 'xyz', last4: '0134' } })).toBeNull();
    // Without a version and no migration for it: not an entry.
    const { v: _v, ...unversioned } = entry();
    expect(readEntry(unversioned)).toBeNull();
  });

  it('migrates an older entry through the table, version by version', () => {
    LOG_MIGRATIONS[0] = ({ time, ...rest }) => ({ ...rest, at: time, v: 1 });
    try {
      const { v: _v, at, ...old } = entry();
      expect(readEntry({ ...old, time: at })).toEqual(entry());
    } finally {
      delete LOG_MIGRATIONS[0];
    }
  });

  it('filters by time, newest first, and finds the retention cutoff', () => {
    const days = (n: number) => new Date(AT.getTime() - n * 86_400_000).toISOString();
    const log = [entry({ id: 'old', at: days(100) }), entry({ id: 'new', at: days(1) }), entry({ id: 'now' })];
    expect(filterByTime(log, null, null).map((e) => e.id)).toEqual(['now', 'new', 'old']);
    expect(filterByTime(log, Date.parse(days(2)), AT.getTime()).map((e) => e.id)).toEqual(['new']);
    expect(retentionCutoff(AT, 90)).toBe(AT.getTime() - 90 * 86_400_000);
  });
});

describe('lib/log export', () => {
  it('writes RFC 4180 CSV, oldest first, that parses back to the entries', () => {
    const later = entry({
      id: 'b',
      at: '2026-11-28T09:30:00.000Z',
      number: { e164: '+12125550175', last4: '0175' },
      regions: ['NT', 'NU'],
      outcome: 'consent-given',
      source: 'panel',
    });
    const csv = logCsv([later, entry()]);
    expect(csv.endsWith('\r\n')).toBe(true);
    const rows = parseCsv(csv);
    expect(rows[0]).toEqual([...CSV_HEADER]);
    expect(rows.slice(1)).toEqual([
      [
        AT.toISOString(),
        '\u2022\u2022\u2022\u2022 0134',
        '0123456789abcdef',
        'CA',
        'all-party',
        'all-party',
        'en',
        'deadbeef',
        'copied',
        'popup',
      ],
      [
        '2026-11-28T09:30:00.000Z',
        '+12125550175',
        '',
        'NT/NU',
        'all-party',
        'all-party',
        'en',
        'deadbeef',
        'consent-given',
        'panel',
      ],
    ]);
  });

  it('writes JSON with its format name and every entry', () => {
    const json = JSON.parse(logJson([entry()]));
    expect(json).toEqual({ format: 'consent-guard-log', entries: [entry()] });
    expect(json.entries.map(readEntry)).toEqual([entry()]);
  });
});

describe('settings.consentLog', () => {
  it('defaults to on, not required, 90 days, hashed numbers', () => {
    expect(DEFAULT_SETTINGS.consentLog).toEqual({
      enabled: true,
      required: false,
      retentionDays: 90,
      fullNumbers: false,
    });
    expect(readSettings({ version: 2 }).settings.consentLog).toEqual(DEFAULT_CONSENT_LOG);
  });

  it('falls back to the default for a retention outside 1..3650 days, with a notice', () => {
    const read = readSettings({ version: 2, consentLog: { ...DEFAULT_CONSENT_LOG, retentionDays: 0 } });
    expect(read.settings.consentLog).toEqual(DEFAULT_CONSENT_LOG);
    expect(read.notices.join(' ')).toContain('consentLog');
    expect(
      readSettings({ version: 2, consentLog: { ...DEFAULT_CONSENT_LOG, retentionDays: 30 } }).settings.consentLog
        .retentionDays,
    ).toBe(30);
  });
});

describe('the consent-log store (IndexedDB)', () => {
  beforeEach(async () => {
    resetLogStoreForTests();
    await deleteLog();
  });

  it('keeps entries, reads them newest first, and deletes them all', async () => {
    await addLogEntry(entry({ id: 'x', at: '2026-11-27T10:00:00.000Z' }), 90, AT);
    await addLogEntry(entry({ id: 'y', at: '2026-11-27T11:00:00.000Z' }), 90, AT);
    expect((await readLog()).entries.map((e) => e.id)).toEqual(['y', 'x']);
    await deleteLog();
    expect((await readLog()).entries).toEqual([]);
  });

  it('forgets entries past the retention on every write, and when asked', async () => {
    const ago = (days: number) => new Date(AT.getTime() - days * 86_400_000).toISOString();
    await addLogEntry(entry({ id: 'old', at: ago(40) }), 3650, AT);
    await addLogEntry(entry({ id: 'edge', at: ago(29.9) }), 3650, AT);
    expect((await readLog()).entries).toHaveLength(2);
    await addLogEntry(entry({ id: 'now' }), 30, AT);
    expect((await readLog()).entries.map((e) => e.id)).toEqual(['now', 'edge']);
    expect(await pruneLog(1, AT)).toBe(1);
    expect((await readLog()).entries.map((e) => e.id)).toEqual(['now']);
  });

  it('makes the salt once and keeps it', async () => {
    const salt = await logSalt();
    expect(salt).toMatch(/^[0-9a-f]{32}$/);
    resetLogStoreForTests();
    expect(await logSalt()).toBe(salt);
  });
});

describe('log-event in the background', () => {
  function deps(over: Partial<Settings> = {}) {
    const added: { entry: LogEntry; days: number }[] = [];
    const d: BackgroundDeps = {
      extensionId: ID,
      extensionOrigin: `chrome-extension://${ID}/`,
      settings: async () => ({ ...DEFAULT_SETTINGS, ...over }),
      recordFrame: async () => null,
      tabNumbers: async () => [],
      now: () => AT,
      consentLog: {
        salt: async () => SALT,
        add: async (e, days) => {
          added.push({ entry: e, days });
        },
      },
    };
    return { d, added };
  }

  it('stores an entry with the rule, region, language, disclaimer version and a hashed number', async () => {
    const { d, added } = deps();
    const response = await handleMessage(
      { type: 'log-event', e164: '+14155550134', outcome: 'copied', source: 'popup', language: 'es' },
      POPUP,
      d,
    );
    expect(response).toEqual({ ok: true, id: expect.any(String) });
    expect(added).toHaveLength(1);
    const stored = added[0];
    expect(stored?.days).toBe(90);
    expect(stored?.entry).toEqual({
      v: LOG_VERSION,
      id: (response as { id: string }).id,
      at: AT.toISOString(),
      number: loggedNumber('+14155550134', SALT, false),
      regions: ['CA'],
      rule: 'all-party',
      treatAs: 'all-party',
      language: 'es',
      disclaimerVersion: disclaimerVersion(DISCLAIMER_TEMPLATES['all-party'].es),
      outcome: 'copied',
      source: 'popup',
    });
    expect(readEntry(stored?.entry)).toEqual(stored?.entry);
  });

  it('takes the record location, the full number and the retention from the settings', async () => {
    const { d, added } = deps({ consentLog: { ...DEFAULT_CONSENT_LOG, fullNumbers: true, retentionDays: 7 } });
    // A Texas number whose record says California: California's all-party rule.
    await handleMessage(
      { type: 'log-event', e164: '+12145550134', outcome: 'declined', source: 'panel', locationRegions: ['CA'] },
      PAGE,
      d,
    );
    expect(added[0]?.days).toBe(7);
    expect(added[0]?.entry).toMatchObject({
      number: { e164: '+12145550134', last4: '0134' },
      regions: ['CA'],
      rule: 'all-party',
      outcome: 'declined',
      source: 'panel',
      language: 'en',
    });
  });

  it('stores nothing when the log is off', async () => {
    const { d, added } = deps({ consentLog: { ...DEFAULT_CONSENT_LOG, enabled: false } });
    expect(
      await handleMessage({ type: 'log-event', e164: '+14155550134', outcome: 'announced', source: 'popup' }, POPUP, d),
    ).toEqual({ ok: true, id: null });
    expect(added).toEqual([]);
  });

  it('refuses a malformed event and stores nothing', async () => {
    const { d, added } = deps();
    for (const bad of [
      { type: 'log-event', e164: '4155550134', outcome: 'copied', source: 'popup' },
      { type: 'log-event', e164: '+14155550134', outcome: 'hung-up', source: 'popup' },
      { type: 'log-event', e164: '+14155550134', outcome: 'copied', source: 'popup', extra: 1 },
      { type: 'log-event', e164: '+14155550134', outcome: 'copied', source: 'popup', locationRegions: ['California'] },
    ]) {
      expect(await handleMessage(bad, POPUP, d)).toMatchObject({ ok: false });
    }
    expect(added).toEqual([]);
  });
});
