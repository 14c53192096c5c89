// Where Consent Guard runs, in real Chromium: badges on a default site and none elsewhere; a site
// enabled through Chromium's own site-access controls (chrome://extensions) gets them after a
// reload, and loses them when access is taken back; the popup's "Disable on this site" takes the
// badges off a default site and "Enable on this site" brings them back. Also: the exact permissions
// of the built manifests, and Mozilla's web-ext lint over the Firefox build.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { tsImport } from 'tsx/esm/api';
import { EXTENSION_DIR, launchBrowser, ROOT, startServer, tabIdOf, watchErrors } from './harness.mjs';

const { DEFAULT_MATCHES } = await tsImport('../../lib/sites/sites.ts', import.meta.url);
const FIREFOX_DIR = path.join(ROOT, '.output/firefox-mv3');
const BADGE = '[data-consent-number]';

let browser;
let server;
before(async () => {
  server = await startServer();
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const storedSites = () =>
  browser.worker.evaluate(async () => {
    // The site lists live in storage.local (lib/settings/layout.ts).
    const { 'settings.sites': sites } = await chrome.storage.local.get('settings.sites');
    return { enabledSites: sites?.enabledSites ?? [], disabledSites: sites?.disabledSites ?? [] };
  });
/** Badges on the page after it settled (the content script runs at document_idle). */
async function badgesAfterSettling(page) {
  await page.waitForLoadState('load');
  await sleep(1500);
  return page.locator(BADGE).count();
}
/** Runs `fn` in chrome://extensions, whose page has chrome.developerPrivate: what its site-access UI calls. */
async function inExtensionsPage(fn, arg) {
  const page = await browser.context.newPage();
  await page.goto(`chrome://extensions/?id=${browser.extensionId}`);
  try {
    return await page.evaluate(fn, arg);
  } finally {
    await page.close();
  }
}

test('the built Chrome manifest asks for exactly these permissions', () => {
  const manifest = JSON.parse(fs.readFileSync(path.join(EXTENSION_DIR, 'manifest.json'), 'utf8'));
  // contextMenus: the selection lookup; sidePanel: the call panel (issue #15).
  assert.deepEqual(manifest.permissions, ['storage', 'scripting', 'activeTab', 'contextMenus', 'sidePanel']);
  assert.deepEqual(manifest.host_permissions, [...DEFAULT_MATCHES]);
  assert.deepEqual(manifest.optional_host_permissions, ['https://*/*', 'http://*/*']);
  assert.equal(manifest.optional_permissions, undefined);
  assert.deepEqual(manifest.content_scripts ?? [], []);
  assert.ok(!JSON.stringify(manifest).includes('<all_urls>'));
  for (const key of ['name', 'description']) assert.match(manifest[key], /^__MSG_\w+__$/);
  assert.equal(manifest.default_locale, 'en');
  assert.deepEqual(Object.keys(manifest.icons), ['16', '32', '48', '96', '128']);
  assert.ok(fs.existsSync(path.join(EXTENSION_DIR, 'privacy.txt')), 'the privacy statement ships');
});

test('the Firefox build (MV3) has the same permissions and passes web-ext lint with no errors and no warnings', () => {
  execFileSync('npx', ['wxt', 'build', '-b', 'firefox', '--mv3'], { cwd: ROOT, stdio: 'pipe' });
  const manifest = JSON.parse(fs.readFileSync(path.join(FIREFOX_DIR, 'manifest.json'), 'utf8'));
  assert.equal(manifest.manifest_version, 3);
  // Firefox's sidebar needs no permission; the context menu does.
  assert.deepEqual(manifest.permissions, ['storage', 'scripting', 'activeTab', 'contextMenus']);
  assert.equal(manifest.sidebar_action.default_panel, 'sidepanel.html');
  assert.equal(manifest.sidebar_action.open_at_install, false);
  assert.deepEqual(manifest.host_permissions, [...DEFAULT_MATCHES]);
  assert.equal(manifest.browser_specific_settings.gecko.id, 'consent-guard@consent-guard.app');
  assert.deepEqual(manifest.browser_specific_settings.gecko.data_collection_permissions, { required: ['none'] });
  assert.deepEqual(manifest.background, { scripts: ['background.js'] });
  let out;
  try {
    out = execFileSync('npx', ['web-ext', 'lint', '--source-dir', FIREFOX_DIR, '--output', 'json'], {
      cwd: ROOT,
      encoding: 'utf8',
    });
  } catch (error) {
    out = error.stdout; // web-ext exits non-zero when there are errors: the JSON still says which.
  }
  const report = JSON.parse(out);
  console.log(
    `web-ext lint: ${report.summary.errors} errors, ${report.summary.warnings} warnings (${report.warnings.map((w) => w.code).join(', ')})`,
  );
  assert.deepEqual(
    [...report.errors, ...report.warnings].map((e) => `${e.code}: ${e.message} (${e.file})`),
    [],
  );
});

test('a default site gets badges; a site nobody enabled gets none', async () => {
  const crm = await browser.context.newPage();
  const errors = watchErrors(crm);
  await crm.goto(`${server.origin}/contact.html`);
  await crm.waitForFunction((sel) => document.querySelectorAll(sel).length === 2, BADGE);
  const other = await browser.context.newPage();
  await other.goto(`${server.plainOrigin}/contact.html`);
  assert.equal(await badgesAfterSettling(other), 0);
  assert.deepEqual(errors, []);
  await crm.close();
  await other.close();
});

test('site access changed in chrome://extensions: the browser withholds and grants, the extension follows', async () => {
  // Chromium's site-access controls (chrome://extensions → Site access) act on the hosts the
  // manifest asks for; what they call is chrome.developerPrivate, driven here from that page.
  const page = await browser.context.newPage();
  await page.goto(`${server.origin}/contact.html`);
  await page.waitForFunction((sel) => document.querySelectorAll(sel).length === 2, BADGE);

  // "On specific sites": Chromium withholds every default host (permissions.onRemoved fires).
  await inExtensionsPage(
    (id) => chrome.developerPrivate.updateExtensionConfiguration({ extensionId: id, hostAccess: 'ON_SPECIFIC_SITES' }),
    browser.extensionId,
  );
  const granted = () =>
    browser.worker.evaluate(() => chrome.permissions.contains({ origins: ['https://acme.my.salesforce.com/*'] }));
  assert.equal(await granted(), false);
  await page.reload();
  assert.equal(await badgesAfterSettling(page), 0, 'no host access, no badges');

  // "Add a site": Chromium grants it back (permissions.onAdded); a default site is not copied into the agent's sites.
  await inExtensionsPage(
    ([id, host]) => chrome.developerPrivate.addHostPermission(id, host),
    [browser.extensionId, 'https://acme.my.salesforce.com/*'],
  );
  assert.equal(await granted(), true);
  await page.reload();
  await page.waitForFunction((sel) => document.querySelectorAll(sel).length === 2, BADGE);
  assert.deepEqual(await storedSites(), { enabledSites: [], disabledSites: [] });

  // Optional hosts (any other site) are not in that UI: Chromium offers them only through the
  // extension's own permissions.request prompt (see the report in README "Permissions").
  const matching = await inExtensionsPage(() =>
    chrome.developerPrivate.getMatchingExtensionsForSite('http://127.0.0.1/*'),
  );
  assert.deepEqual(matching, []);

  await inExtensionsPage(
    (id) => chrome.developerPrivate.updateExtensionConfiguration({ extensionId: id, hostAccess: 'ON_ALL_SITES' }),
    browser.extensionId,
  );
  assert.equal(await granted(), true);
  await page.close();
});

test('the popup disables a default site (the tab reloads without badges) and enables it again', async () => {
  const page = await browser.context.newPage();
  await page.goto(`${server.origin}/contact.html`);
  await page.waitForFunction((sel) => document.querySelectorAll(sel).length === 2, BADGE);
  const tabId = await tabIdOf(browser.worker, page);

  const popup = await browser.context.newPage();
  const errors = watchErrors(popup);
  await popup.goto(`chrome-extension://${browser.extensionId}/popup.html?tab=${tabId}`);
  const site = popup.getByTestId('site-access');
  await site.filter({ hasText: 'acme.my.salesforce.com' }).waitFor();
  assert.equal(await site.getAttribute('data-kind'), 'default');
  assert.match(await popup.getByTestId('site-reason').textContent(), /runs here by default \(Salesforce/);

  const reloaded = page.waitForEvent('load');
  await popup.getByTestId('site-disable').click();
  await reloaded;
  assert.equal(await badgesAfterSettling(page), 0);
  assert.deepEqual(await storedSites(), { enabledSites: [], disabledSites: ['https://acme.my.salesforce.com/*'] });
  await site.filter({ hasText: 'You turned Consent Guard off on this site.' }).waitFor();

  // On again: a default site's access is held already, so no prompt; the tab reloads with badges.
  const again = page.waitForEvent('load');
  await popup.getByTestId('site-enable').click();
  await again;
  await page.waitForFunction((sel) => document.querySelectorAll(sel).length === 2, BADGE);
  assert.deepEqual(await storedSites(), { enabledSites: [], disabledSites: [] });
  assert.deepEqual(errors, []);
  await popup.close();
  await page.close();
});
