// The call panel in real Chromium (issue #15 items 1, 4, 5).
//
// How the panel is driven: Chromium's side panel itself is browser UI that Playwright cannot reach, so
// the panel's page (sidepanel.html, the very page the side panel shows) is opened in a window of its
// own with `?window=<id>`: it follows that window's active tab exactly as the side panel follows its
// own window's. The native context menu cannot be clicked either: its handler, the one the worker
// registers on contextMenus.onClicked, is called through the service worker with a selectionText.
//
// Opening the real side panel is observed too (the badge panel's and the popup's buttons): Chromium
// lists the open panel as a SIDE_PANEL context (runtime.getContexts) and as a DevTools target, whose
// text the test reads; Playwright's page list does not include it.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import {
  clickInPanel,
  openPopup,
  panelText,
  ROOT,
  screenshot,
  tabIdOf,
  useExtension,
  waitForBadges,
  watchErrors,
} from './harness.mjs';

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

/** The open side panels (Chromium's own, not the panel's page in a tab or window) as the browser lists them. */
const sidePanels = (worker) =>
  worker.evaluate(() =>
    chrome.runtime.getContexts({ contextTypes: ['SIDE_PANEL'] }).then((list) => list.map((c) => c.documentUrl)),
  );

/** The text of the open side panel, read through DevTools (its target is not one of Playwright's pages); null if none. */
async function sidePanelText(context) {
  const cdp = await context.browser().newBrowserCDPSession();
  try {
    const { targetInfos } = await cdp.send('Target.getTargets');
    const side = targetInfos.find((t) => t.type === 'page' && /\/sidepanel\.html$/.test(t.url));
    if (!side) return null;
    const { sessionId } = await cdp.send('Target.attachToTarget', { targetId: side.targetId, flatten: false });
    const answer = new Promise((resolve) =>
      cdp.on('Target.receivedMessageFromTarget', (event) => {
        const message = JSON.parse(event.message);
        if (message.id === 1) resolve(message.result?.result?.value ?? null);
      }),
    );
    await cdp.send('Target.sendMessageToTarget', {
      sessionId,
      message: JSON.stringify({
        id: 1,
        method: 'Runtime.evaluate',
        params: { expression: 'document.body.innerText', returnByValue: true },
      }),
    });
    const text = await answer;
    await cdp.send('Target.detachFromTarget', { sessionId }).catch(() => {});
    return text;
  } finally {
    await cdp.detach().catch(() => {});
  }
}

/** Waits until the open side panel's text holds `until`. */
async function sidePanelHolds(context, until, timeout = 20_000) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const text = await sidePanelText(context);
    if (text?.includes(until)) return text;
    if (Date.now() > deadline) throw new Error(`no side panel holding ${JSON.stringify(until)}: ${text}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** Closes the side panel of `windowId` and waits until the browser lists none. */
async function closeSidePanel(worker, windowId) {
  await worker.evaluate((id) => chrome.sidePanel.close({ windowId: id }).catch(() => {}), windowId);
  for (let i = 0; (await sidePanels(worker)).length > 0; i++) {
    assert.ok(i < 100, 'the side panel closed');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The selection kept for a tab (storage.session), once it is `e164`. */
async function keptSelection(worker, tabId, e164) {
  return worker.evaluate(
    async ({ id, number }) => {
      for (let i = 0; i < 200; i++) {
        const kept = (await chrome.storage.session.get(`selected:${id}`))[`selected:${id}`];
        if (kept?.number === number) return kept.how;
        await new Promise((r) => setTimeout(r, 50));
      }
      throw new Error(`${number} was not kept for tab ${id}`);
    },
    { id: tabId, number: e164 },
  );
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

test('the badge panel’s “Open the call panel” opens Chromium’s side panel beside the tab, in the click’s gesture', async () => {
  const { context, worker } = env.browser;
  // Without a gesture Chromium refuses to open it: what makes the button's path (the click's message) worth testing.
  const refused = await worker.evaluate(async () => {
    const [tab] = await chrome.tabs.query({});
    return chrome.sidePanel.open({ tabId: tab.id }).then(
      () => 'opened',
      (error) => String(error?.message ?? error),
    );
  });
  assert.match(refused, /user gesture/);
  assert.deepEqual(await sidePanels(worker), []);

  const crm = await context.newPage();
  const errors = watchErrors(crm);
  await crm.goto(`${env.server.origin}/sidepanel-record.html`);
  await waitForBadges(crm.mainFrame(), 4, 30_000);
  const crmTab = await tabIdOf(worker, crm);
  const windowId = await worker.evaluate((id) => chrome.tabs.get(id).then((t) => t.windowId), crmTab);
  await crm.locator('consent-guard-badge[data-consent-number="+12125550175"]').first().click();
  await panelText(crm, 'Open the call panel');
  await clickInPanel(crm, 'button.side');
  // The side panel is open, and it is this tab's: it shows the number whose badge the agent opened.
  const text = await sidePanelHolds(context, '(212) 555-0175');
  assert.match(text, /Selected number/);
  assert.match(text, /Miami, FL 33131/);
  assert.deepEqual(
    (await sidePanels(worker)).map((url) => new URL(url).pathname),
    ['/sidepanel.html'],
  );
  assert.deepEqual(errors, []);
  await closeSidePanel(worker, windowId);
  await crm.close();
});

test('the popup’s “Open the call panel” opens the side panel too', async () => {
  const { context, extensionId, worker } = env.browser;
  const crm = await context.newPage();
  await crm.goto(`${env.server.origin}/sidepanel-record.html`);
  await waitForBadges(crm.mainFrame(), 4, 30_000);
  const crmTab = await tabIdOf(worker, crm);
  const windowId = await worker.evaluate((id) => chrome.tabs.get(id).then((t) => t.windowId), crmTab);
  assert.deepEqual(await sidePanels(worker), []);
  const popup = await openPopup(context, extensionId, `?tab=${crmTab}`);
  const errors = watchErrors(popup);
  const closed = popup.waitForEvent('close');
  await popup.getByTestId('open-side-panel').click();
  // The popup closes itself; the side panel stays, and follows the tab the agent is on.
  await closed;
  await sidePanelHolds(context, 'Consent Guard');
  await worker.evaluate((id) => chrome.tabs.update(id, { active: true }), crmTab);
  await sidePanelHolds(context, 'Miami, FL 33131');
  assert.equal((await sidePanels(worker)).length, 1);
  assert.deepEqual(errors, []);
  await closeSidePanel(worker, windowId);
  await crm.close();
});

test('a plain click on a tel: link (no dial check) makes it the selected number, and the panel follows', async () => {
  const { context, worker } = env.browser;
  // Every number dials straight through (only a do-not-call one would still ask).
  await worker.evaluate(async () => {
    const { settings } = await chrome.storage.sync.get('settings');
    await chrome.storage.sync.set({ settings: { ...(settings ?? { version: 2 }), dialCheck: 'off' } });
  });
  try {
    const dialer = await context.newPage();
    const errors = watchErrors(dialer);
    await dialer.goto(`${env.server.origin}/dial.html`);
    await waitForBadges(dialer.mainFrame(), 6, 30_000);
    const tabId = await tabIdOf(worker, dialer);
    const windowId = await worker.evaluate((id) => chrome.tabs.get(id).then((t) => t.windowId), tabId);
    await worker.evaluate((id) => chrome.tabs.update(id, { active: true }), tabId);
    const panel = await openPanel(windowId);
    const panelErrors = watchErrors(panel);

    // A plain link: the browser's default runs once, and the panel shows the number.
    await dialer.click('#plain');
    assert.equal(await keptSelection(worker, tabId, '+14155550100'), 'click');
    await selectedNumber(panel, '+14155550100');
    // A link the page's own softphone script dials: its handler runs, and the panel follows too.
    await dialer.click('#soft');
    assert.equal(await keptSelection(worker, tabId, '+13105550100'), 'click');
    await selectedNumber(panel, '+13105550100');
    const counts = await dialer.evaluate(() => ({
      handled: { ...window.__handled },
      defaults: { ...window.__defaults },
    }));
    assert.deepEqual(counts, { handled: { soft: 1 }, defaults: { plain: 1 } });
    // No confirmation was shown for either.
    assert.equal(await dialer.locator('consent-guard-dial').count(), 0);
    assert.deepEqual(errors, []);
    assert.deepEqual(panelErrors, []);
    await panel.close();
    await dialer.close();
  } finally {
    await worker.evaluate(async () => {
      const { settings } = await chrome.storage.sync.get('settings');
      if (settings) {
        delete settings.dialCheck;
        await chrome.storage.sync.set({ settings });
      }
    });
  }
});

test('a record without a place is grouped too: each row’s and card’s numbers together, with the record’s answer', async () => {
  const { context, worker } = env.browser;
  const list = await context.newPage();
  const errors = watchErrors(list);
  await list.goto(`${env.server.origin}/sidepanel-rows.html`);
  await waitForBadges(list.mainFrame(), 8, 30_000);
  const tabId = await tabIdOf(worker, list);
  const windowId = await worker.evaluate((id) => chrome.tabs.get(id).then((t) => t.windowId), tabId);
  await worker.evaluate((id) => chrome.tabs.update(id, { active: true }), tabId);
  const panel = await openPanel(windowId);
  const panelErrors = watchErrors(panel);
  await waitForNumbers(panel, [
    '+14155550101',
    '+13055550102',
    '+12125550103',
    '+15125550104',
    '+12065550105',
    '+13125550106',
    '+16175550107',
    '+17135550108',
  ]);
  const groups = await panel.$$eval('[data-testid="record"]', (sections) =>
    sections.map((s) => ({
      label: s.querySelector('h4')?.textContent,
      numbers: [...s.querySelectorAll('[data-testid="panel-number"]')].map((r) => r.getAttribute('data-e164')).sort(),
      consent: s.querySelector('[data-testid="record-answer"]')?.getAttribute('data-consent'),
    })),
  );
  const of = (e164) => groups.find((g) => g.numbers.includes(e164));
  // Ann's row (California and Florida: all-party), Bo's row (New York and Texas: one-party), Eli's card.
  assert.deepEqual(of('+14155550101')?.numbers, ['+13055550102', '+14155550101']);
  assert.equal(of('+14155550101')?.consent, 'all-party');
  assert.deepEqual(of('+12125550103')?.numbers, ['+12125550103', '+15125550104']);
  assert.equal(of('+12125550103')?.consent, 'one-party');
  assert.deepEqual(of('+13125550106')?.numbers, ['+13125550106', '+16175550107']);
  assert.equal(groups.length, 3);
  assert.deepEqual(groups.map((g) => g.label).sort(), [
    'Record 1 · no place shown',
    'Record 2 · no place shown',
    'Record 3 · no place shown',
  ]);
  // Cy's row shows one number, and the switchboard is in no record: they stand alone.
  const alone = await panel
    .getByTestId('record-other')
    .locator('[data-testid="panel-number"]')
    .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-e164')).sort());
  assert.deepEqual(alone, ['+12065550105', '+17135550108']);
  assert.deepEqual(errors, []);
  assert.deepEqual(panelErrors, []);
  await panel.close();
  await list.close();
});
