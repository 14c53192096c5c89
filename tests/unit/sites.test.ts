import { describe, expect, it } from 'vitest';
import { DEFAULT_MATCHES, DEFAULT_SITES, isValidMatchPattern, matchesPattern, originPattern } from '@/lib/sites/sites';

const hostOf = (pattern: string): string => /^[^:]+:\/\/([^/]*)\//.exec(pattern)?.[1] ?? '';

describe('DEFAULT_SITES', () => {
  it('has unique kebab-case ids', () => {
    const ids = DEFAULT_SITES.map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
  });

  it.each(DEFAULT_SITES.map((s) => [s.id, s] as const))('%s has a name, at least one match and a source', (_, s) => {
    expect(s.name.trim()).not.toBe('');
    expect(s.matches.length).toBeGreaterThanOrEqual(1);
    expect(s.source.trim().length).toBeGreaterThan(10);
    expect(new Set(s.matches).size).toBe(s.matches.length);
  });

  it.each(DEFAULT_MATCHES.map((p) => [p]))('%s is a valid, https-only, narrow match pattern', (p) => {
    expect(isValidMatchPattern(p)).toBe(true);
    expect(p.startsWith('https://')).toBe(true);
    expect(p).not.toBe('<all_urls>');
    const host = hostOf(p);
    expect(host).not.toBe('*');
    // A wildcard must sit above a registrable domain of the vendor, never a bare public suffix.
    if (host.startsWith('*.')) expect(host.slice(2).split('.').length).toBeGreaterThanOrEqual(2);
  });

  it('never asks for every site', () => {
    for (const broad of ['<all_urls>', '*://*/*', 'https://*/*', 'http://*/*']) {
      expect(DEFAULT_MATCHES).not.toContain(broad);
    }
  });

  it('DEFAULT_MATCHES holds each site’s patterns once, in strict order', () => {
    for (let i = 1; i < DEFAULT_MATCHES.length; i++) {
      expect((DEFAULT_MATCHES[i - 1] ?? '') < (DEFAULT_MATCHES[i] ?? ''), DEFAULT_MATCHES[i]).toBe(true);
    }
    for (const site of DEFAULT_SITES) for (const p of site.matches) expect(DEFAULT_MATCHES).toContain(p);
    // A few written out by hand, so that a pattern lost from the table shows here by name.
    for (const p of [
      'https://*.my.salesforce.com/*',
      'https://app.hubspot.com/*',
      'https://*.zendesk.com/agent/*',
      'https://dialpad.com/app*',
    ])
      expect(DEFAULT_MATCHES).toContain(p);
  });

  it.each([
    'https://acme.lightning.force.com/lightning/r/Contact/003xx/view',
    'https://acme--uat.sandbox.lightning.force.com/lightning/page/home',
    'https://acme.my.salesforce.com/003xx',
    'https://acme.develop.my.salesforce.com/',
    'https://acme.my.salesforce-setup.com/lightning/setup/SetupOneHome/home',
    'https://acme--c.vf.force.com/apex/Softphone',
    'https://app.hubspot.com/contacts/123/record/0-1/456',
    'https://app-eu1.hubspot.com/contacts/123',
    'https://phone.aircall.io/calls/1',
    'https://dialpad.com/app',
    'https://dialpad.com/apps/abc123',
    'https://web.outreach.io/prospects/1/overview',
    'https://app1a.outreach.io/sequences',
    'https://app.salesloft.com/app/dialer',
    'https://app.close.com/lead/lead_1/',
    'https://acme.pipedrive.com/person/1',
    'https://acme.zendesk.com/agent/tickets/1',
    'https://acme.freshcaller.com/dashboard',
    'https://acme.myfreshworks.com/crm/sales/contacts/1',
    'https://crm.zoho.eu/crm/org1/tab/Contacts',
    'https://crm.zohocloud.ca/crm/',
    'https://app.five9.com/clients/agent/main.html',
    'https://acme.mytalkdesk.com/atlas/apps/conversation',
    'https://apps.mypurecloud.ie/directory/',
    'https://apps.usw2.pure.cloud/',
    'https://app.ringcentral.com/messages',
    'https://applications.zoom.us/integration/phone/embeddablephone/home',
    'https://voice.google.com/u/0/calls',
    'https://flex.twilio.com/agent-desktop/',
    'https://us-14496.app.gong.io/call?id=1',
    'https://app.kixie.com/history/call-history',
    'https://app.justcall.io/dialer',
    'https://app.nooks.in/workspaces/x/dialer',
    'https://acme.crm4.dynamics.com/main.aspx?appid=1',
  ])('the defaults cover the app page %s', (url) => {
    expect(DEFAULT_MATCHES.some((p) => matchesPattern(url, p))).toBe(true);
  });

  it.each([
    'https://www.salesforce.com/',
    'https://www.hubspot.com/products/crm',
    'https://www.dialpad.com/',
    'https://dialpad.com/pricing',
    'https://acme.zendesk.com/hc/en-us/articles/1',
    'https://www.google.com/',
    'http://app.hubspot.com/contacts/1',
    'https://evilsalesforce.com/',
    'https://salesforce.com.evil.io/',
    'https://lightning.force.com.evil.io/',
  ])('the defaults leave %s alone', (url) => {
    expect(DEFAULT_MATCHES.some((p) => matchesPattern(url, p))).toBe(false);
  });
});

describe('isValidMatchPattern', () => {
  it.each([
    '<all_urls>',
    'https://*/*',
    '*://*/*',
    'http://example.org/foo/bar.html',
    'https://*.example.com/*',
    'https://example.com/',
    'https://example.com/*/x*y',
    'http://127.0.0.1/*',
    'http://[::1]/*',
    'file:///foo*',
    'https://*.lightning.force.com/*',
  ])('accepts %s', (p) => {
    expect(isValidMatchPattern(p)).toBe(true);
  });

  it.each([
    '',
    'https://example.com',
    'example.com/*',
    '*.example.com/*',
    'ftp://example.com/*',
    'chrome://extensions/*',
    'https://example.com:443/*',
    'https://*.example.com:8080/*',
    'https://ex*ample.com/*',
    'https://example.*/*',
    'https://*example.com/*',
    'https://*./*',
    'https://example..com/*',
    'https://-example.com/*',
    'https:///*',
    'https://exa mple.com/*',
    'file://host/foo',
    '<all_url>',
  ])('rejects %s', (p) => {
    expect(isValidMatchPattern(p)).toBe(false);
  });
});

describe('originPattern', () => {
  it.each([
    ['https://acme.example.com/x?y', 'https://acme.example.com/*'],
    ['https://acme.example.com', 'https://acme.example.com/*'],
    ['http://localhost:8080/app#frag', 'http://localhost/*'],
    ['https://user:pw@Acme.Example.COM/x', 'https://acme.example.com/*'],
    ['https://acme.lightning.force.com/lightning/r/Contact/1/view', 'https://acme.lightning.force.com/*'],
  ])('%s -> %s', (url, expected) => {
    expect(originPattern(url)).toBe(expected);
    expect(isValidMatchPattern(expected)).toBe(true);
    expect(matchesPattern(url, expected)).toBe(true);
  });

  it.each([
    'chrome://extensions/',
    'chrome-extension://abcdef/popup.html',
    'file:///home/me/x.html',
    'about:blank',
    'data:text/html,hi',
    'not a url',
    '',
  ])('is null for %s', (url) => {
    expect(originPattern(url)).toBeNull();
  });
});

describe('matchesPattern', () => {
  it.each([
    ['https://salesforce.com/', 'https://*.salesforce.com/*'],
    ['https://na1.salesforce.com/001', 'https://*.salesforce.com/*'],
    ['https://a.b.salesforce.com/', 'https://*.salesforce.com/*'],
    ['https://ACME.Salesforce.com/x', 'https://*.salesforce.com/*'],
    ['http://example.com/', '*://*/*'],
    ['https://example.com/a/b', '*://example.com/*'],
    ['https://example.com/foo/bar.html', 'https://example.com/foo/*.html'],
    ['https://example.com/search?q=1', 'https://example.com/search?q=*'],
    ['https://example.com:8443/x', 'https://example.com/*'],
    ['https://example.com/x#frag', 'https://example.com/x'],
    ['file:///tmp/foo.html', 'file:///tmp/*'],
    ['https://example.com/', '<all_urls>'],
  ])('%s matches %s', (url, pattern) => {
    expect(matchesPattern(url, pattern)).toBe(true);
  });

  it.each([
    ['https://evilsalesforce.com/', 'https://*.salesforce.com/*'],
    ['https://salesforce.com.evil.io/', 'https://*.salesforce.com/*'],
    ['https://salesforce.com.evil.io/', 'https://salesforce.com/*'],
    ['https://evil.io/salesforce.com/', 'https://*.salesforce.com/*'],
    ['https://evil.io/?u=https://x.salesforce.com/', 'https://*.salesforce.com/*'],
    ['http://acme.salesforce.com/', 'https://*.salesforce.com/*'],
    ['ftp://example.com/', '*://*/*'],
    ['chrome://extensions/', '<all_urls>'],
    ['https://example.com/foo/bar.htm', 'https://example.com/foo/*.html'],
    ['https://example.com/ab', 'https://example.com/a.'],
    ['https://example.com/', 'https://example.com'],
    ['not a url', 'https://*/*'],
  ])('%s does not match %s', (url, pattern) => {
    expect(matchesPattern(url, pattern)).toBe(false);
  });
});
