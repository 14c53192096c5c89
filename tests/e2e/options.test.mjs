// The options page in real Chromium: a change persists across a reload and changes the answers;
// a corrupted stored value shows a notice; accessibility (axe-core) light and dark; screenshots.
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { ARTIFACTS_DIR, launchBrowser, openPopup, seriousA11yViolations, watchErrors } from './harness.mjs';

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

async function openOptions(colorScheme = 'light') {
  const page = await browser.context.newPage();
  await page.emulateMedia({ colorScheme });
  await page.setViewportSize({ width: 900, height: 900 });
  const errors = watchErrors(page);
  await page.goto(`chrome-extension://${browser.extensionId}/options.html`);
  await page.getByTestId('save').waitFor();
  return { page, errors };
}

async function lookupNY() {
  const popup = await openPopup(browser.context, browser.extensionId);
  await popup.getByTestId('lookup-input').fill('212-555-0175');
  const answer = popup.getByTestId('lookup-answer');
  await answer.filter({ hasText: 'NY ·' }).waitFor();
  const text = await answer.textContent();
  await popup.close();
  return text;
}

test('the manifest opens the options page in a tab', async () => {
  const manifest = await browser.worker.evaluate(() => chrome.runtime.getManifest());
  assert.deepEqual(manifest.options_ui, { open_in_tab: true, page: 'options.html' });
  assert.equal(manifest.commands._execute_action.suggested_key.default, 'Alt+Shift+K');
  assert.equal(manifest.storage.managed_schema, 'managed_schema.json');
  assert.equal(manifest.default_locale, 'en');
});

test('a saved agent state persists across a reload and changes the answers (FL makes NY all-party)', async () => {
  assert.equal(await lookupNY(), 'NY · One-party');
  const { page, errors } = await openOptions();
  await page.getByTestId('agent-region').selectOption('FL');
  await page.getByTestId('company').fill('Acme Health');
  await page.getByTestId('agent').fill('Dana');
  await page.getByTestId('save').click();
  await page.getByTestId('save-status').filter({ hasText: 'Saved' }).waitFor();
  await page.reload();
  await page.getByTestId('save').waitFor();
  assert.equal(await page.getByTestId('agent-region').inputValue(), 'FL');
  assert.equal(await page.getByTestId('company').inputValue(), 'Acme Health');
  assert.equal(await lookupNY(), 'NY · All-party');
  // No choice hides the agent's own law: callee-only is gone; announce-always makes a one-party call all-party.
  assert.equal(await page.getByTestId('policy-callee-only').count(), 0);
  await page.getByTestId('agent-region').selectOption('TX');
  await page.getByTestId('policy-announce-always').check();
  await page.getByTestId('save').click();
  await page.getByTestId('save-status').filter({ hasText: 'Saved' }).waitFor();
  assert.equal(await lookupNY(), 'NY · All-party');
  await page.getByTestId('policy-strictest').check();
  await page.getByTestId('save').click();
  await page.getByTestId('save-status').filter({ hasText: 'Saved' }).waitFor();
  assert.equal(await lookupNY(), 'NY · One-party');
  assert.deepEqual(errors, []);
  await page.close();
});

test('a stored callee-only policy (settings version 1) is shown as changed, and a CA agent calling TX is all-party', async () => {
  const saved = await browser.worker.evaluate(async () => (await chrome.storage.sync.get('settings')).settings);
  await browser.worker.evaluate(() =>
    chrome.storage.sync.set({ settings: { version: 1, agentRegion: 'CA', policy: 'callee-only', agent: 'Dana' } }),
  );
  const { page, errors } = await openOptions();
  const changed = await page.getByTestId('settings-changed').textContent();
  assert.match(changed, /^Your settings were updated: .*removed/);
  assert.equal(await page.getByTestId('settings-notice').count(), 0);
  assert.equal(await page.getByTestId('policy-strictest').isChecked(), true);
  const popup = await openPopup(browser.context, browser.extensionId);
  await popup.getByTestId('lookup-input').fill('512-555-0175');
  const answer = popup.getByTestId('lookup-answer');
  await answer.filter({ hasText: 'TX ·' }).waitFor();
  assert.equal(await answer.textContent(), 'TX · All-party');
  await popup.close();
  assert.deepEqual(errors, []);
  await page.close();
  await browser.worker.evaluate((s) => chrome.storage.sync.set({ settings: s }), saved);
});

test('a corrupted stored value shows a notice, not a crash', async () => {
  const saved = await browser.worker.evaluate(async () => (await chrome.storage.sync.get('settings')).settings);
  await browser.worker.evaluate(() =>
    chrome.storage.sync.set({ settings: { version: 1, company: 42, agent: 'Dana', templates: 'broken' } }),
  );
  const { page, errors } = await openOptions();
  const notice = await page.getByTestId('settings-notice').textContent();
  assert.match(notice, /^Some stored settings were not valid and were reset: /);
  assert.match(notice, /"company"/);
  assert.equal(await page.getByTestId('agent').inputValue(), 'Dana');
  assert.deepEqual(errors, []);
  await page.close();
  await browser.worker.evaluate((s) => chrome.storage.sync.set({ settings: s }), saved);
});

for (const scheme of ['light', 'dark']) {
  test(`the options page passes axe-core (no serious or critical violations), ${scheme}; screenshot`, async () => {
    const { page } = await openOptions(scheme);
    await page.screenshot({ path: path.join(ARTIFACTS_DIR, `options-${scheme}.png`), fullPage: true });
    const violations = await seriousA11yViolations(page);
    await page.close();
    assert.deepEqual(violations, []);
  });
}

test('210 sites and nine full templates save within Chromium’s real storage.sync quota (issue #18 item 10)', async () => {
  const sites = Array.from({ length: 210 }, (_, i) => `https://crm-${String(i).padStart(3, '0')}.tenant.example.com/*`);
  const before = await browser.worker.evaluate(async () => ({
    sync: await chrome.storage.sync.get(null),
    local: await chrome.storage.local.get('settings.sites'),
  }));
  // All in one sync item (the layout before this fix), Chromium refuses them.
  const refused = await browser.worker.evaluate(async (enabledSites) => {
    try {
      await chrome.storage.sync.set({ settings: { version: 2, enabledSites } });
      return null;
    } catch (error) {
      return String(error.message);
    }
  }, sites);
  assert.match(refused ?? 'saved', /QuotaBytesPerItem|QUOTA_BYTES_PER_ITEM/i);
  await browser.worker.evaluate(
    (enabledSites) => chrome.storage.local.set({ 'settings.sites': { enabledSites } }),
    sites,
  );
  const { page, errors } = await openOptions();
  assert.equal(await page.getByTestId('enabled-sites').locator('li').count(), 210);
  const texts = {};
  for (const requirement of ['all-party', 'one-party', 'unknown']) {
    await page
      .locator('details.templates > summary')
      .nth(Object.keys(texts).length / 3)
      .click();
    for (const language of ['en', 'es', 'fr-CA']) {
      const text =
        `${requirement}/${language}: ${'This call is recorded by {company} for {purpose}. '.repeat(12)}`.slice(0, 600);
      texts[`${requirement}.${language}`] = text;
      await page.getByTestId(`template-${requirement}-${language}`).fill(text);
    }
  }
  await page.getByTestId('company').fill('Acme Health');
  await page.getByTestId('save').click();
  await page.getByTestId('save-status').filter({ hasText: 'Saved' }).waitFor();
  const stored = await browser.worker.evaluate(async () => ({
    sync: await chrome.storage.sync.get(null),
    local: await chrome.storage.local.get('settings.sites'),
    bytes: await chrome.storage.sync.getBytesInUse(null),
  }));
  assert.equal(stored.sync.settings.company, 'Acme Health');
  assert.equal(stored.sync.settings.enabledSites, undefined);
  for (const [key, text] of Object.entries(texts)) assert.equal(stored.sync[`settings.templates.${key}`], text);
  assert.deepEqual(stored.local['settings.sites'].enabledSites, sites);
  console.log(`# 210 sites + 9 × 600-character templates: ${stored.bytes} bytes in storage.sync (quota 102,400)`);
  await page.reload();
  await page.getByTestId('save').waitFor();
  assert.equal(await page.getByTestId('enabled-sites').locator('li').count(), 210);
  assert.deepEqual(errors, []);
  await page.close();
  // Back to what the other tests expect.
  await browser.worker.evaluate(async ({ sync, local }) => {
    await chrome.storage.sync.clear();
    await chrome.storage.local.remove('settings.sites');
    await chrome.storage.sync.set(sync);
    await chrome.storage.local.set(local);
  }, before);
});
