// Settings that fit storage.sync by design (issue #18 item 10): the small part in one sync item, each
// template in its own, the site lists in storage.local; layout 1 (one item) migrates.
import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEFAULT_SETTINGS, readSettings, type Settings } from '@/lib/settings';
import {
  itemBytes,
  joinStored,
  SYNC_QUOTA_BYTES,
  SYNC_QUOTA_BYTES_PER_ITEM,
  splitStored,
  syncQuotaProblem,
  TEMPLATE_KEYS,
} from '@/lib/settings/layout';
import { SettingsError } from '@/lib/settings/patch';
import { settingsStore } from '@/utils/settings-store';

/** Chrome's sync quotas, counted independently of the product: key + JSON, in UTF-8 bytes. */
function enforceSyncQuota() {
  const bytes = (key: string, value: unknown) => new TextEncoder().encode(key + JSON.stringify(value)).length;
  const sync = fakeBrowser.storage.sync;
  const set = sync.set.bind(sync);
  vi.spyOn(sync, 'set').mockImplementation(async (items: Record<string, unknown>) => {
    for (const [key, value] of Object.entries(items))
      if (bytes(key, value) > 8192) throw new Error(`QUOTA_BYTES_PER_ITEM quota exceeded (${key})`);
    const all = { ...(await sync.get(null)), ...items };
    if (Object.entries(all).reduce((n, [k, v]) => n + bytes(k, v), 0) > 102_400)
      throw new Error('QUOTA_BYTES quota exceeded');
    return set(items);
  });
}

/** 210 sites like an agent's own CRM hosts, and all nine templates at the 600-character limit. */
const SITES = Array.from({ length: 210 }, (_, i) => `https://crm-${String(i).padStart(3, '0')}.tenant.example.com/*`);
const FULL = (tag: string) =>
  `${tag}: ${'This call is recorded by {company} for {purpose}. '.repeat(12)}`.slice(0, 600);
const TEMPLATES: Settings['templates'] = {
  'all-party': { en: FULL('ap-en'), es: FULL('ap-es'), 'fr-CA': FULL('ap-fr') },
  'one-party': { en: FULL('op-en'), es: FULL('op-es'), 'fr-CA': FULL('op-fr') },
  unknown: { en: FULL('un-en'), es: FULL('un-es'), 'fr-CA': FULL('un-fr') },
};

describe('lib/settings/layout', () => {
  it('the worst case the schema allows fits each sync item and the sync total by design', () => {
    // '<' is the costliest character for Chrome's JSON writer (escaped to 6 bytes).
    const worst = (n: number) => '<'.repeat(n);
    const value = {
      ...DEFAULT_SETTINGS,
      agentRegion: 'QC',
      company: worst(80),
      agent: worst(80),
      purpose: { en: worst(120), es: worst(120), 'fr-CA': worst(120) },
      privacyUrl: `https://${worst(292)}`,
      companyWindow: { start: '09:00', end: '20:00' },
      templates: {
        'all-party': { en: worst(600), es: worst(600), 'fr-CA': worst(600) },
        'one-party': { en: worst(600), es: worst(600), 'fr-CA': worst(600) },
        unknown: { en: worst(600), es: worst(600), 'fr-CA': worst(600) },
      },
      enabledSites: Array.from({ length: 500 }, () => `https://${worst(292)}`),
    };
    const { sync, local } = splitStored(value);
    expect(Object.keys(sync)).toHaveLength(10);
    const sizes = Object.entries(sync).map(([k, v]) => itemBytes(k, v));
    expect(Math.max(...sizes)).toBeLessThanOrEqual(SYNC_QUOTA_BYTES_PER_ITEM);
    expect(sizes.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(SYNC_QUOTA_BYTES);
    expect(syncQuotaProblem(sync)).toBeNull();
    // The site lists alone would not fit one sync item: they live in storage.local.
    expect(itemBytes('settings.sites', local['settings.sites'])).toBeGreaterThan(SYNC_QUOTA_BYTES);
  });

  it('splits and joins back to the same value; templates and sites only when set', () => {
    const value = { ...DEFAULT_SETTINGS, company: 'Acme', templates: TEMPLATES, enabledSites: SITES };
    const { sync, local } = splitStored(value);
    expect(sync.settings).not.toHaveProperty('templates');
    expect(sync.settings).not.toHaveProperty('enabledSites');
    expect(sync[TEMPLATE_KEYS[0]?.key ?? '']).toBe(TEMPLATES['all-party'].en);
    expect(joinStored(sync, local)).toEqual(value);
    const small = splitStored({ version: 2, agent: 'Dana' });
    expect(small).toEqual({ sync: { settings: { version: 2, agent: 'Dana' } }, local: {} });
    expect(joinStored(small.sync, small.local)).toEqual({ version: 2, agent: 'Dana' });
  });

  it('an empty template item means the default wording; layout 1 is read as it was', () => {
    const { sync } = splitStored({
      version: 2,
      templates: { 'all-party': { en: 'Mine' }, 'one-party': {}, unknown: {} },
    });
    expect(Object.values(sync).filter((v) => v === '')).toHaveLength(8);
    expect(joinStored(sync, {})).toEqual({
      version: 2,
      templates: { 'all-party': { en: 'Mine' }, 'one-party': {}, unknown: {} },
    });
    const layoutOne = { settings: { version: 2, company: 'Acme', enabledSites: ['https://a.example/*'] } };
    expect(joinStored(layoutOne, {})).toEqual(layoutOne.settings);
    expect(joinStored({}, {})).toBeUndefined();
    expect(joinStored({ settings: 'junk' }, {})).toBe('junk');
  });

  it('names the item and the limit when something would not fit', () => {
    expect(syncQuotaProblem({ settings: { company: 'x'.repeat(9000) } })).toMatch(
      /^"settings" needs 9\d{3} bytes, more than the 8192/,
    );
  });
});

describe('the store with Chrome’s sync quotas enforced', () => {
  it('saves 210 sites and nine full templates, and reads them back', async () => {
    enforceSyncQuota();
    const patch = { company: 'Acme Health', agent: 'Dana', templates: TEMPLATES, enabledSites: SITES };
    await settingsStore.update(patch);
    const { settings, notices } = await settingsStore.load();
    expect(notices).toEqual([]);
    expect(settings).toEqual({ ...DEFAULT_SETTINGS, ...patch });
  });

  it('layout 1 could not hold them: the same value in one sync item is refused (the bug this fixes)', async () => {
    enforceSyncQuota();
    const value = { ...DEFAULT_SETTINGS, templates: TEMPLATES, enabledSites: SITES };
    await expect(fakeBrowser.storage.sync.set({ settings: value })).rejects.toThrow(/QUOTA_BYTES_PER_ITEM/);
  });

  it('moves layout 1 to the split layout once, losing nothing', async () => {
    const old = {
      version: 1,
      policy: 'callee-only',
      agent: 'Dana',
      templates: { 'all-party': { en: 'Ours' }, 'one-party': {}, unknown: {} },
      enabledSites: ['https://a.example/*'],
      disabledSites: ['https://acme.my.salesforce.com/*'],
    };
    await fakeBrowser.storage.sync.set({ settings: old });
    const before = await settingsStore.load();
    expect(await settingsStore.migrateLayout()).toBe(true);
    expect(await settingsStore.migrateLayout()).toBe(false);
    const core = (await fakeBrowser.storage.sync.get('settings')).settings;
    expect(core).toEqual({ version: 1, policy: 'callee-only', agent: 'Dana' });
    expect((await fakeBrowser.storage.local.get('settings.sites'))['settings.sites']).toEqual({
      enabledSites: old.enabledSites,
      disabledSites: old.disabledSites,
    });
    expect(await settingsStore.load()).toEqual(before);
    expect(before.settings.templates['all-party'].en).toBe('Ours');
    expect(before.changes).toHaveLength(1);
  });

  it('a browser quota refusal is a clear SettingsError and what was stored stays', async () => {
    await settingsStore.update({ agent: 'Dana' });
    vi.spyOn(fakeBrowser.storage.sync, 'set').mockRejectedValue(
      new Error('This request exceeds the MAX_WRITE_OPERATIONS_PER_MINUTE quota.'),
    );
    const refused = settingsStore.update({ agent: 'Lee' });
    await expect(refused).rejects.toBeInstanceOf(SettingsError);
    await expect(refused).rejects.toThrow(/storage limit was reached .*nothing stored was lost/);
    expect(readSettings((await fakeBrowser.storage.sync.get('settings')).settings).settings.agent).toBe('Dana');
  });
});
