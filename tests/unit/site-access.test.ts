import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { readSettings, SETTINGS_VERSION } from '@/lib/settings';
import {
  choicesEqual,
  defaultSiteFor,
  disableSite,
  enableSite,
  keepsTabNumbers,
  patternCovers,
  registrationFor,
  type SiteChoices,
  type SiteStatusKind,
  siteChoicesOf,
  siteStatus,
  withGrantedOrigins,
  withRevokedOrigins,
} from '@/lib/sites/site-access';
import { DEFAULT_MATCHES, matchesPattern } from '@/lib/sites/sites';
import { followPermissions, loadSiteChoices, updateSiteChoices } from '@/utils/site-permissions';

const NONE: SiteChoices = { enabledSites: [], disabledSites: [] };
const SF = 'https://acme.my.salesforce.com/lightning/r/Contact/1/view';
const CRM = 'https://crm.example.com:8443/contacts?id=3';
const LOCAL = 'http://127.0.0.1:5173/contact.html';

/** What registrationFor makes of `choices`, applied to `url` as the browser would. */
const registered = (url: string, choices: SiteChoices) => {
  const { matches, excludeMatches } = registrationFor(choices);
  return matches.some((p) => matchesPattern(url, p)) && !excludeMatches.some((p) => matchesPattern(url, p));
};

describe('siteStatus', () => {
  it('a default site runs, and says which', () => {
    const status = siteStatus(SF, NONE);
    expect(status).toMatchObject({ kind: 'default', runs: true, pattern: 'https://acme.my.salesforce.com/*' });
    expect(status.site?.id).toBe('salesforce');
  });

  it('any other site is not enabled; http and ports are fine', () => {
    expect(siteStatus(CRM, NONE)).toMatchObject({
      kind: 'not-enabled',
      runs: false,
      pattern: 'https://crm.example.com/*',
    });
    expect(siteStatus(LOCAL, NONE)).toMatchObject({ kind: 'not-enabled', pattern: 'http://127.0.0.1/*' });
  });

  it('path-limited defaults: only their paths are default', () => {
    expect(siteStatus('https://dialpad.com/app/calls', NONE).kind).toBe('default');
    expect(siteStatus('https://dialpad.com/pricing', NONE).kind).toBe('not-enabled');
    expect(siteStatus('https://acme.zendesk.com/hc/en-us', NONE).kind).toBe('not-enabled');
  });

  it.each(['chrome://extensions/', 'about:blank', 'file:///tmp/a.html', 'not a url', 'data:text/html,x'])(
    '%s is unsupported',
    (url) => {
      expect(siteStatus(url, NONE)).toEqual({ kind: 'unsupported', runs: false, pattern: null, site: null });
    },
  );

  // Each case written by hand: what the agent chose, and whether the badge script must run there.
  // Both siteStatus (what the popup says) and the registration as the browser applies it must agree with it.
  const ZD = 'https://x.zendesk.com/agent/tickets/1';
  const PRICING = 'https://dialpad.com/pricing';
  const cases: [string, string, Partial<SiteChoices>, boolean, SiteStatusKind][] = [
    ['a default site', SF, {}, true, 'default'],
    ['another site', CRM, {}, false, 'not-enabled'],
    ['another site, enabled', CRM, { enabledSites: ['https://crm.example.com/*'] }, true, 'enabled'],
    [
      'a default, disabled by its own origin',
      SF,
      { disabledSites: ['https://acme.my.salesforce.com/*'] },
      false,
      'disabled',
    ],
    ['a default, disabled by a wildcard', SF, { disabledSites: ['https://*.my.salesforce.com/*'] }, false, 'disabled'],
    ['a default, disabled elsewhere only', SF, { disabledSites: ['https://crm.example.com/*'] }, true, 'default'],
    [
      'enabled and disabled: the disable wins',
      CRM,
      { enabledSites: ['https://crm.example.com/*'], disabledSites: ['https://crm.example.com/*'] },
      false,
      'disabled',
    ],
    ['plain http on a port, enabled', LOCAL, { enabledSites: ['http://127.0.0.1/*'] }, true, 'enabled'],
    ['the https origin does not enable http', LOCAL, { enabledSites: ['https://127.0.0.1/*'] }, false, 'not-enabled'],
    ['a path-limited default', ZD, {}, true, 'default'],
    ['a path-limited default, disabled', ZD, { disabledSites: ['https://*.zendesk.com/agent/*'] }, false, 'disabled'],
    ['outside the default path', PRICING, {}, false, 'not-enabled'],
    [
      'outside the default path, the origin enabled',
      PRICING,
      { enabledSites: ['https://dialpad.com/*'] },
      true,
      'enabled',
    ],
  ];
  it.each(cases)('%s', (_, url, partial, runs, kind) => {
    const choices = { ...NONE, ...partial };
    expect(siteStatus(url, choices)).toMatchObject({ runs, kind });
    expect(registered(url, choices)).toBe(runs);
  });
});

describe('enableSite / disableSite', () => {
  it('enabling a site adds its origin pattern, and then it runs', () => {
    const next = enableSite(NONE, CRM);
    expect(next).toEqual({ enabledSites: ['https://crm.example.com/*'], disabledSites: [] });
    expect(siteStatus(CRM, next)).toMatchObject({ kind: 'enabled', runs: true });
    expect(enableSite(next, CRM)).toEqual(next);
  });

  it('disabling an enabled site drops it, gives its access back, and excludes it', () => {
    const on = enableSite(NONE, CRM);
    const off = disableSite(on, CRM);
    expect(off).toEqual({
      enabledSites: [],
      disabledSites: ['https://crm.example.com/*'],
      revoke: ['https://crm.example.com/*'],
    });
    expect(siteStatus(CRM, off)).toMatchObject({ kind: 'disabled', runs: false });
    // And on again: the disable is lifted.
    expect(enableSite(off, CRM)).toEqual({ enabledSites: ['https://crm.example.com/*'], disabledSites: [] });
  });

  it('disabling one default origin keeps the rest of the default site, and gives no access back', () => {
    const off = disableSite(NONE, SF);
    expect(off).toEqual({ enabledSites: [], disabledSites: ['https://acme.my.salesforce.com/*'], revoke: [] });
    expect(siteStatus(SF, off)).toMatchObject({ kind: 'disabled', runs: false });
    expect(siteStatus('https://globex.my.salesforce.com/', off)).toMatchObject({ kind: 'default', runs: true });
    expect(registrationFor(off).excludeMatches).toEqual(['https://acme.my.salesforce.com/*']);
  });

  it('re-enabling a default origin lifts every disable covering it, adds nothing', () => {
    const off = {
      enabledSites: [],
      disabledSites: ['https://*.my.salesforce.com/*', 'https://acme.my.salesforce.com/*'],
    };
    expect(siteStatus(SF, off).runs).toBe(false);
    const on = enableSite(off, SF);
    expect(on).toEqual(NONE);
    expect(siteStatus(SF, on)).toMatchObject({ kind: 'default', runs: true });
  });

  it('leaves the choices alone for pages that are not http(s)', () => {
    expect(enableSite(NONE, 'chrome://newtab/')).toBe(NONE);
    expect(disableSite(NONE, 'about:blank')).toEqual({ ...NONE, revoke: [] });
  });
});

describe('permission events', () => {
  it('granted origins become enabled sites and lift their disables; defaults and junk are ignored', () => {
    const start = { enabledSites: ['https://a.example/*'], disabledSites: ['http://127.0.0.1/*'] };
    expect(withGrantedOrigins(start, ['http://127.0.0.1/*', DEFAULT_MATCHES[0] ?? '', 'nonsense'])).toEqual({
      enabledSites: ['https://a.example/*', 'http://127.0.0.1/*'],
      disabledSites: [],
    });
    expect(withGrantedOrigins(start, [DEFAULT_MATCHES[0] ?? ''])).toBe(start);
    // Chromium grants withheld defaults back as host patterns, paths dropped.
    const back = ['https://dialpad.com/*', 'https://*.zendesk.com/*', 'https://acme.my.salesforce.com/*'];
    expect(withGrantedOrigins(start, back)).toBe(start);
    expect(withGrantedOrigins(start, ['https://a.example/*']).enabledSites).toEqual(['https://a.example/*']);
  });

  it('revoked origins drop the enabled sites they cover', () => {
    const start = {
      enabledSites: ['https://a.example/*', 'https://b.example/*', 'http://127.0.0.1/*'],
      disabledSites: ['https://c.example/*'],
    };
    expect(withRevokedOrigins(start, ['https://a.example/*'])).toEqual({
      enabledSites: ['https://b.example/*', 'http://127.0.0.1/*'],
      disabledSites: ['https://c.example/*'],
    });
    expect(withRevokedOrigins(start, ['https://*/*']).enabledSites).toEqual(['http://127.0.0.1/*']);
    expect(withRevokedOrigins(start, ['https://z.example/*'])).toBe(start);
  });

  it('patternCovers follows match-pattern semantics', () => {
    expect(patternCovers('https://*/*', 'https://a.example/*')).toBe(true);
    expect(patternCovers('*://*/*', 'http://127.0.0.1/*')).toBe(true);
    expect(patternCovers('https://*.example.com/*', 'https://crm.example.com/*')).toBe(true);
    expect(patternCovers('https://*.example.com/*', 'https://*.crm.example.com/*')).toBe(true);
    expect(patternCovers('https://*.example.com/*', 'https://example.org/*')).toBe(false);
    expect(patternCovers('https://crm.example.com/*', 'https://*.example.com/*')).toBe(false);
    expect(patternCovers('https://*/*', 'http://a.example/*')).toBe(false);
    expect(patternCovers('https://a.example/app/*', 'https://a.example/*')).toBe(false);
    expect(patternCovers('<all_urls>', 'file:///*')).toBe(true);
  });
});

describe('stored choices', () => {
  it('siteChoicesOf reads what is there and nothing else', () => {
    expect(siteChoicesOf(undefined)).toEqual(NONE);
    expect(siteChoicesOf({ enabledSites: ['https://a.example/*'], disabledSites: 'x' })).toEqual({
      enabledSites: ['https://a.example/*'],
      disabledSites: [],
    });
    expect(siteChoicesOf({ enabledSites: [1] })).toEqual(NONE);
    expect(choicesEqual(NONE, { enabledSites: [], disabledSites: [] })).toBe(true);
    expect(choicesEqual(NONE, { enabledSites: ['x'], disabledSites: [] })).toBe(false);
  });

  it('defaultSiteFor names the site', () => {
    expect(defaultSiteFor('https://app.hubspot.com/contacts/1')?.name).toBe('HubSpot');
    expect(defaultSiteFor(CRM)).toBeNull();
  });
});

describe('utils/site-permissions with browser storage', () => {
  beforeEach(() => fakeBrowser.reset());

  it('writes only the sites: a fresh profile gets a valid settings value, other fields stay as stored', async () => {
    await updateSiteChoices((c) => enableSite(c, CRM));
    // The small part in sync, the site lists in local (lib/settings/layout.ts).
    const fresh = (await fakeBrowser.storage.sync.get('settings')).settings;
    const sites = async () => (await fakeBrowser.storage.local.get('settings.sites'))['settings.sites'];
    expect(fresh).toEqual({ version: SETTINGS_VERSION });
    expect(await sites()).toEqual({ enabledSites: ['https://crm.example.com/*'], disabledSites: [] });
    expect(readSettings(fresh).notices).toEqual([]);
    await fakeBrowser.storage.sync.set({ settings: { ...(fresh as object), company: 'Acme' } });
    await updateSiteChoices((c) => disableSite(c, SF));
    expect((await fakeBrowser.storage.sync.get('settings')).settings).toEqual({
      version: SETTINGS_VERSION,
      company: 'Acme',
    });
    expect(await sites()).toEqual({
      enabledSites: ['https://crm.example.com/*'],
      disabledSites: ['https://acme.my.salesforce.com/*'],
    });
    expect(await loadSiteChoices()).toEqual({
      enabledSites: ['https://crm.example.com/*'],
      disabledSites: ['https://acme.my.salesforce.com/*'],
    });
  });

  it('does not write when nothing changes', async () => {
    const set = vi.spyOn(fakeBrowser.storage.sync, 'set');
    const setLocal = vi.spyOn(fakeBrowser.storage.local, 'set');
    await updateSiteChoices((c) => c);
    expect(set).not.toHaveBeenCalled();
    expect(setLocal).not.toHaveBeenCalled();
  });

  it('followPermissions turns granted and revoked host access into site choices', async () => {
    const listeners: Record<string, (p: { origins?: string[] }) => void> = {};
    const event = (name: string) => ({
      addListener: (l: (p: { origins?: string[] }) => void) => {
        listeners[name] = l;
      },
    });
    vi.spyOn(fakeBrowser, 'permissions', 'get').mockReturnValue({
      onAdded: event('added'),
      onRemoved: event('removed'),
    } as never);
    followPermissions();
    listeners.added?.({ origins: ['http://127.0.0.1/*'] });
    await vi.waitFor(async () =>
      expect(await loadSiteChoices()).toEqual({ enabledSites: ['http://127.0.0.1/*'], disabledSites: [] }),
    );
    listeners.removed?.({ origins: ['http://127.0.0.1/*'] });
    await vi.waitFor(async () => expect(await loadSiteChoices()).toEqual(NONE));
  });
});

describe('keepsTabNumbers', () => {
  const choices = { enabledSites: ['https://dialer.example.com/*'], disabledSites: ['https://*.zendesk.com/*'] };
  it.each<[string | undefined, boolean, string]>([
    [undefined, false, 'no host access: the content script cannot run there'],
    ['https://acme.my.salesforce.com/lightning/r/Contact', true, 'a default site'],
    ['https://dialer.example.com/calls', true, 'a site the agent enabled'],
    ['https://acme.zendesk.com/agent', false, 'a default site the agent disabled'],
    ['https://news.example.org/', false, 'another site (host access through activeTab, say)'],
    ['chrome://newtab/', false, 'a browser page'],
  ])('%s → %s (%s)', (url, keeps) => {
    expect(keepsTabNumbers(url, choices)).toBe(keeps);
  });
});
