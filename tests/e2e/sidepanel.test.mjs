// The call panel in real Chromium (issue #15 items 1, 4, 5).
//
// How the panel is driven: Chromium's side panel itself is browser UI that Playwright cannot reach, so
// the panel's page (sidepanel.html, the very page the side panel shows) is opened in a window of its
// own with `?window=<id>`: it follows that window's active tab exactly as the side panel follows its
// own window's. The native context menu cannot be clicked either: its handler, the one the worker
// registers on contextMenus.onClicked, is called through the service worker with a selectionText.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { ROOT, screenshot, tabIdOf, useExtension, waitForBadges, watchErrors } from './harness.mjs';

const env = useExtension();

/** The panel's page in a window of its own, following the active tab of `windowId`. */
async function openPanel(windowId) {
  const { context, extensionId, worker } = env.browser;
  const url = `chrome-extension://${extensionId}/sidepanel.html?window=${windowId}`;
  const opened = context.waitForEvent('page', { predicate: (p) => p.url() === url, timeout: 15_000 });
  await worker.evaluate((u) => chrome.windows.create({ url: u, focused: false, width: 420, height: 900 }), url);
  const panel = await opened;
  await panel.setViewportSize({ width: 400, height: 900 });
  return panel;
}

const shown = (panel) =>
  panel.$$eval('[data-testid="panel-number"]', (rows) => rows.map((r) => r.getAttribute('data-e164')).sort());

async function waitForNumbers(panel, expected) {
  const want = [...expected].sort();
  await panel.waitForFunction(
    (w) =>
      JSON.stringify(
        [...document.querySelectorAll('[data-testid="panel-number"]')].map((r) => r.getAttribute('data-e164')).sort(),
      ) === JSON.stringify(w),
    want,
    { timeout: 20_000 },
  );
  assert.deepEqual(await shown(panel), want);
}

const selectedNumber = (panel, e164) =>
  panel.waitForSelector(`[data-testid="selected-number"][data-e164="${e164}"]`, { timeout: 15_000 });

test('the side panel follows the tab, shows the record’s answer and the selected number; the context menu looks up a selection', async () => {
  const { context, worker } = env.browser;
  const crm = await context.newPage();
  const crmErrors = watchErrors(crm);
  await crm.goto(`${env.server.origin}/sidepanel-record.html`);
  await waitForBadges(crm.mainFrame(), 4, 30_000);
  const crmTab = await tabIdOf(worker, crm);
  const list = await context.newPage();
  await list.goto(`${env.server.origin}/popup-numbers.html`);
  await waitForBadges(list.mainFrame(), 4, 30_000);
  const listTab = await tabIdOf(worker, list);
  const windowId = await worker.evaluate((id) => chrome.tabs.get(id).then((t) => t.windowId), crmTab);
  assert.equal(await worker.evaluate((id) => chrome.tabs.get(id).then((t) => t.windowId), listTab), windowId);

  // The CRM's tab is active: the panel shows its numbers, Dana's three as one record.
  await worker.evaluate((id) => chrome.tabs.update(id, { active: true }), crmTab);
  const panel = await openPanel(windowId);
  const errors = watchErrors(panel);
  await waitForNumbers(panel, ['+14155550134', '+12125550175', '+13055550188', '+15125550142']);
  const dana = panel.locator('[data-testid="record"]', { hasText: 'Miami, FL 33131' });
  assert.equal(await dana.locator('[data-testid="panel-number"]').count(), 3);
  // The record's answer: the strictest rule of its numbers (a Florida record: all-party) and the narrowest window.
  const recordAnswer = dana.getByTestId('record-answer');
  assert.equal(await recordAnswer.getAttribute('data-consent'), 'all-party');
  assert.match(await recordAnswer.textContent(), /Whole record: All-party/);
  assert.match(await recordAnswer.getAttribute('data-calling'), /^(open|closed|partly|info)$/);

  // The agent opens a badge on the page: the panel shows that number with its rule, hours, script and log buttons.
  await crm.locator('consent-guard-badge[data-consent-number="+12125550175"]').first().click();
  await selectedNumber(panel, '+12125550175');
  assert.match(await panel.getByTestId('details-follow').textContent(), /All-party/);
  assert.ok((await panel.getByTestId('disclaimer-text').textContent()).length > 20);
  await panel.getByTestId('details-hours').or(panel.getByTestId('details-reasons')).first().waitFor();
  await panel.locator('[data-outcome="announced"]').click();
  await panel.getByTestId('log-status').filter({ hasText: 'Logged: Announced' }).waitFor();
  // Kept per tab in storage.session (number-selected).
  assert.deepEqual(
    await worker.evaluate(
      (id) => chrome.storage.session.get(`selected:${id}`).then((s) => s[`selected:${id}`]?.how),
      crmTab,
    ),
    'badge',
  );

  // A number picked in the panel becomes the selected one.
  await panel.locator('[data-testid="panel-number"][data-e164="+15125550142"]').click();
  await selectedNumber(panel, '+15125550142');
  await worker.evaluate(async (id) => {
    for (let i = 0; i < 100; i++) {
      if ((await chrome.storage.session.get(`selected:${id}`))[`selected:${id}`]?.number === '+15125550142') return;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error('the panel’s pick was not kept');
  }, crmTab);

  // The README's picture: the panel beside a call, Dana's record and the selected number.
  await panel.locator('[data-testid="panel-number"][data-e164="+13055550188"]').click();
  await selectedNumber(panel, '+13055550188');
  const picture = path.join(ROOT, 'docs/screenshots/side-panel.png');
  fs.mkdirSync(path.dirname(picture), { recursive: true });
  await panel.screenshot({ path: picture, fullPage: true });
  await screenshot(panel, 'side-panel');

  // The agent switches to the call list's tab: the panel follows.
  await worker.evaluate((id) => chrome.tabs.update(id, { active: true }), listTab);
  await waitForNumbers(panel, ['+14155550134', '+13055550188', '+12125550175', '+18005550100']);
  assert.equal(await panel.getByTestId('selected').getAttribute('data-status'), 'none');

  // The context menu on selected text (a number the scanner cannot see, e.g. in a PDF): handler driven.
  const handled = await worker.evaluate(
    (tab) =>
      globalThis.consentGuardMenuClicked(
        { menuItemId: 'consent-guard-lookup', selectionText: 'Callback: +1 (206) 555-0199 after 3pm' },
        tab,
      ),
    { id: listTab, windowId },
  );
  assert.equal(handled, true);
  await selectedNumber(panel, '+12065550199');
  assert.match(await panel.getByTestId('from-selection').textContent(), /\+12065550199/);
  assert.match(await panel.getByTestId('details-follow').textContent(), /All-party/);
  // Text without a number: the panel says so.
  await worker.evaluate(
    (tab) =>
      globalThis.consentGuardMenuClicked({ menuItemId: 'consent-guard-lookup', selectionText: 'Invoice 42' }, tab),
    { id: listTab, windowId },
  );
  await panel.getByTestId('selection-none').waitFor();

  // Back to the CRM: its own selection is still there.
  await worker.evaluate((id) => chrome.tabs.update(id, { active: true }), crmTab);
  await selectedNumber(panel, '+13055550188');

  // The manifest asks for the side panel and the context menu, nothing else new.
  const manifest = await worker.evaluate(() => chrome.runtime.getManifest());
  assert.deepEqual(manifest.permissions, ['storage', 'scripting', 'activeTab', 'contextMenus', 'sidePanel']);
  assert.equal(manifest.side_panel.default_path, 'sidepanel.html');
  assert.deepEqual(errors, []);
  assert.deepEqual(crmErrors, []);
  await panel.close();
  await crm.close();
  await list.close();
});
