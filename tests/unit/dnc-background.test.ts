import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { type BackgroundDeps, handleMessage } from '@/lib/background/handle-message';
import { dncHash, hashHex } from '@/lib/dnc/hash';
import { importNumbers } from '@/lib/dnc/import';
import { DNC_LIST_VERSION } from '@/lib/dnc/list';
import { DncMatcher } from '@/lib/dnc/matcher';
import { readDncPolicy } from '@/lib/dnc/policy';
import { DEFAULT_SETTINGS } from '@/lib/settings';
import { readManaged } from '@/lib/settings/managed';
import { dncMatcher, followDncChanges } from '@/utils/dnc-matcher';
import { clearCompanyList, importSalt, loadCompanyList, saveCompanyList } from '@/utils/dnc-store';

const ID = 'consentguardid';
const PAGE = { id: ID, url: 'https://crm.example.com/contacts', tab: { id: 7 }, frameId: 0 };
const POPUP = { id: ID, url: `chrome-extension://${ID}/popup.html` };

function deps(listed: string[]): BackgroundDeps {
  const entries = new Uint32Array(listed.flatMap((n) => Object.values(dncHash('s', n))));
  const matcher = new DncMatcher([{ salt: 's', entries }]);
  return {
    extensionId: ID,
    extensionOrigin: `chrome-extension://${ID}/`,
    settings: async () => DEFAULT_SETTINGS,
    recordFrame: async (_t, _f, numbers) => numbers,
    tabNumbers: async () => ['+12125550175', '+14155550134'],
    now: () => new Date('2026-11-27T17:00:00Z'),
    dnc: async () => matcher,
  };
}

describe('do-not-call marks from the background', () => {
  it('page-scan marks a listed number (plain and located) and no other', async () => {
    const response = await handleMessage(
      {
        type: 'page-scan',
        lookup: ['+12125550175', '+14155550134'],
        present: ['+12125550175', '+14155550134'],
        located: [{ e164: '+12125550175', regions: ['CA'] }],
      },
      PAGE,
      deps(['+12125550175']),
    );
    if (!response.ok || !('badges' in response)) throw new Error('no badges');
    expect(response.badges.map((b) => [b.e164, b.dnc])).toEqual([
      ['+12125550175', 'company'],
      ['+14155550134', undefined],
      ['+12125550175', 'company'],
    ]);
  });

  it('lookup and the popup summary say it too', async () => {
    const d = deps(['+14155550134']);
    const lookup = await handleMessage({ type: 'lookup', numbers: ['(415) 555-0134', '212-555-0175'] }, POPUP, d);
    if (!lookup.ok || !('results' in lookup)) throw new Error('no results');
    expect(lookup.results.map((a) => a.dnc)).toEqual(['company', undefined]);
    const summary = await handleMessage({ type: 'popup-tab-summary', tabId: 7 }, POPUP, d);
    if (!summary.ok || !('numbers' in summary)) throw new Error('no summary');
    expect(Object.fromEntries(summary.numbers.map((a) => [a.e164, a.dnc]))).toEqual({
      '+12125550175': undefined,
      '+14155550134': 'company',
    });
  });
});

describe("do-not-call flags from the page's records", () => {
  it('page-scan passes the flagged numbers to the tab store; the popup summary marks them record (the company list first)', async () => {
    const frames: unknown[][] = [];
    const d: BackgroundDeps = {
      ...deps(['+14155550134']),
      recordFrame: async (...args) => {
        frames.push(args);
        return null;
      },
      tabFlagged: async () => ['+12125550175', '+14155550134'],
    };
    await handleMessage(
      {
        type: 'page-scan',
        lookup: [],
        present: ['+12125550175', '+14155550134'],
        flagged: ['+12125550175', 'not a number'],
      },
      PAGE,
      d,
    );
    expect(frames[0]?.[5]).toEqual(['+12125550175']);
    const summary = await handleMessage({ type: 'popup-tab-summary', tabId: 7 }, POPUP, d);
    if (!summary.ok || !('numbers' in summary)) throw new Error('no summary');
    expect(Object.fromEntries(summary.numbers.map((a) => [a.e164, a.dnc]))).toEqual({
      '+12125550175': 'record',
      '+14155550134': 'company',
    });
  });
});

describe('do-not-call policy keys', () => {
  const salt = 'acme-2026';
  it('reads the salt and the hex entries; a bad entry is dropped and counted', () => {
    // c6ed05c177004543: printf '%s%s' acme-2026 +12125550123 | sha256sum | cut -c1-16
    const p = readDncPolicy({ dncSalt: salt, dncHashes: ['C6ED05C177004543', 'nope', 12] });
    expect(p.salt).toBe(salt);
    expect(p.notices).toEqual(['2 entries of "dncHashes" are not 16 hex characters, so they are ignored.']);
    expect(new DncMatcher([{ salt, entries: p.entries }]).has('+12125550123')).toBe(true);
  });

  it('entries without a salt, a salt of the wrong type, or entries not in a list are ignored with a notice', () => {
    expect(readDncPolicy({ dncHashes: ['c6ed05c177004543'] })).toMatchObject({
      salt: null,
      notices: [expect.stringMatching(/needs "dncSalt"/)],
    });
    expect(readDncPolicy({ dncSalt: 42 }).notices).toEqual([expect.stringMatching(/"dncSalt" is not a text/)]);
    expect(readDncPolicy({ dncSalt: salt, dncHashes: 'c6ed05c177004543' }).notices).toEqual([
      expect.stringMatching(/not a list/),
    ]);
    expect(readDncPolicy(undefined)).toMatchObject({ salt: null, notices: [] });
  });

  it('the settings policy reader leaves the do-not-call keys alone (no "unknown key" notice)', () => {
    expect(readManaged({ dncSalt: salt, dncHashes: [] }).notices).toEqual([]);
  });
});

describe('the stored list (IndexedDB) and the background matcher', () => {
  beforeEach(async () => {
    await clearCompanyList();
  });

  it('an import saved by options is found by the background, and clearing it is heard', async () => {
    followDncChanges();
    expect((await dncMatcher()).has('+12125550123')).toBe(false);
    const { salt, fromPolicy } = await importSalt();
    expect(fromPolicy).toBe(false);
    expect(salt).toMatch(/^[0-9a-f]{32}$/);
    expect((await importSalt()).salt).toBe(salt); // made once
    const result = importNumbers('Phone\n(212) 555-0123\n', salt);
    await saveCompanyList({
      version: DNC_LIST_VERSION,
      salt,
      count: result.entries.length / 2,
      invalid: result.invalid,
      importedAt: '2026-12-02T17:00:00Z',
      name: 'dnc.csv',
      hashes: result.entries.buffer as ArrayBuffer,
    });
    expect((await loadCompanyList()).list?.count).toBe(1);
    expect((await dncMatcher()).has('+12125550123')).toBe(true);
    await clearCompanyList();
    expect((await dncMatcher()).has('+12125550123')).toBe(false);
  });

  it('the policy salt is the import salt, and the policy list is matched', async () => {
    await fakeBrowser.storage.managed.set({
      dncSalt: 'acme-2026',
      dncHashes: [hashHex(dncHash('acme-2026', '+13055550100'))],
    });
    expect(await importSalt()).toEqual({ salt: 'acme-2026', fromPolicy: true });
    followDncChanges();
    await fakeBrowser.storage.managed.set({
      dncSalt: 'acme-2026',
      dncHashes: [hashHex(dncHash('acme-2026', '+13055550100'))],
    });
    expect((await dncMatcher()).has('+13055550100')).toBe(true);
  });
});
