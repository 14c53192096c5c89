// The extension under the DevTools protocol: it makes no network request at all (every fixture
// page, the popup and the options page in use); a stopped service worker loses nothing; pages
// cannot talk to the background, and a content script sending garbage gets a clear refusal.
// Each test records what it measured for docs/robustness.md (tests/robustness-report.mjs).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before } from 'node:test';
import {
  FIXTURES_DIR,
  launchBrowser,
  panelText,
  startServer,
  stopWorker as stopWorkerOf,
  tabIdOf,
  waitForBadges,
  watchErrors,
} from './harness.mjs';
import { robustnessSuite } from './robustness-suite.mjs';

let browser;
let server;
let network;
const suite = robustnessSuite('e2e-');
before(async () => {
  server = await startServer();
  browser = await launchBrowser();
  network = await watchNetwork();
});
after(async () => {
  await network?.stop();
  const version = browser?.context.browser()?.version();
  if (version) suite.note('meta-browser', { area: 'meta', tried: `Chromium ${version}, headless`, result: '' });
  await browser?.close();
  await server?.close();
});
const row = (id, area, tried, result, figures) => suite.row(id, { area, tried, result, figures });

/**
 * Every request of every target (service worker, pages, extension pages), through a browser-level
 * DevTools session that attaches to each target as it is discovered (non-flattened sessions:
 * Playwright does not route flattened child sessions to us) and enables Network there. A target is
 * attached a moment after it appears, so its very first request could in principle pass unseen;
 * the controls at the end show later requests are caught.
 */
async function watchNetwork() {
  const cdp = await browser.context.browser().newBrowserCDPSession();
  const targets = new Map(); // targetId -> { type, url }
  const sessions = new Map(); // sessionId -> targetId
  const requests = [];
  let id = 0;
  const send = (sessionId, method, params = {}) =>
    cdp
      .send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id: ++id, method, params }) })
      .catch(() => {});
  const attach = (targetInfo) => {
    const known = targets.has(targetInfo.targetId);
    targets.set(targetInfo.targetId, targetInfo);
    if (
      known ||
      !['page', 'service_worker', 'iframe', 'worker', 'shared_worker', 'background_page'].includes(targetInfo.type)
    )
      return;
    cdp
      .send('Target.attachToTarget', { targetId: targetInfo.targetId, flatten: false })
      .then(({ sessionId }) => {
        sessions.set(sessionId, targetInfo.targetId);
        send(sessionId, 'Network.enable');
      })
      .catch(() => {});
  };
  cdp.on('Target.targetCreated', ({ targetInfo }) => attach(targetInfo));
  cdp.on('Target.targetInfoChanged', ({ targetInfo }) => {
    if (targets.has(targetInfo.targetId)) targets.set(targetInfo.targetId, targetInfo);
    else attach(targetInfo);
  });
  cdp.on('Target.receivedMessageFromTarget', ({ sessionId, message }) => {
    const event = JSON.parse(message);
    if (event.method !== 'Network.requestWillBeSent') return;
    const target = targets.get(sessions.get(sessionId)) ?? { type: 'unknown', url: '' };
    const { request, initiator, type } = event.params;
    requests.push({ url: request.url, type, initiator, target: { type: target.type, url: target.url } });
  });
  // Browser-level auto-attach is flatten-only, so each target is attached as it is discovered
  // (existing ones are reported as created when discovery starts).
  await cdp.send('Target.setDiscoverTargets', { discover: true });
  return { requests, stop: () => cdp.detach().catch(() => {}) };
}

/** Is this request the extension's? Its targets' requests, and any a chrome-extension:// script started. */
function classify(request) {
  const ext = `chrome-extension://${browser.extensionId}/`;
  const stackUrls = [];
  for (let stack = request.initiator?.stack; stack; stack = stack.parent)
    for (const frame of stack.callFrames ?? []) stackUrls.push(frame.url);
  const fromOurTarget = request.target.url.startsWith(ext);
  const fromOurScript =
    stackUrls.some((u) => u.startsWith('chrome-extension://')) ||
    (request.initiator?.url ?? '').startsWith('chrome-extension://');
  if (!fromOurTarget && !fromOurScript) return 'page';
  // An extension page loading its own files (popup.html's script and CSS) is not network.
  if (request.url.startsWith(ext) || /^(data|blob):/.test(request.url)) return 'own-resource';
  return 'ours';
}

suite.test(
  'no network: every fixture page, the badge panel, the popup and the options page in use',
  { ids: ['no-network'], area: 'Network (e2e, DevTools protocol)' },
  async () => {
    const start = network.requests.length;
    const pagesDir = path.join(FIXTURES_DIR, 'pages');
    const names = fs.readdirSync(pagesDir).filter((f) => f.endsWith('.html') && f !== 'iframe-child.html');
    let badges = 0;
    let tabId;
    for (const name of names) {
      const page = await browser.context.newPage();
      await page.goto(`${server.origin}/pages/${name}`);
      const truthFile = path.join(pagesDir, name.replace('.html', '.truth.json'));
      const truth = fs.existsSync(truthFile) ? JSON.parse(fs.readFileSync(truthFile, 'utf8')) : null;
      const expected = truth?.frames?.top?.length ?? 1;
      await waitForBadges(page, expected);
      badges += expected;
      if (name === 'contact.html') {
        // The details panel asks the background for the full answer.
        await page.locator('consent-guard-badge[data-consent]').first().click();
        await panelText(page, 'Copy disclaimer');
        tabId = await tabIdOf(browser.worker, page);
      }
      await page.close();
    }
    // The popup for a tab: its list, a typed look-up, a copy.
    const tab = await browser.context.newPage();
    await tab.goto(`${server.origin}/popup-numbers.html`);
    await waitForBadges(tab, 4);
    tabId = await tabIdOf(browser.worker, tab);
    const popup = await browser.context.newPage();
    const popupErrors = watchErrors(popup);
    await popup.goto(`chrome-extension://${browser.extensionId}/popup.html?tab=${tabId}`);
    await popup.getByTestId('number-row').first().waitFor();
    await popup.getByTestId('lookup-input').fill('415.555.0134');
    await popup.getByTestId('lookup-answer').filter({ hasText: 'CA · All-party' }).waitFor();
    await popup.getByTestId('copy-button').first().click();
    await popup
      .getByTestId('copy-status')
      .first()
      .filter({ hasText: /Copied|select/i })
      .waitFor();
    // The options page: change a setting and save.
    const options = await browser.context.newPage();
    const optionsErrors = watchErrors(options);
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    await options.getByTestId('company').fill('Acme Health');
    await options.getByTestId('agent-region').selectOption('FL');
    await options.getByTestId('save').click();
    await options.getByTestId('save-status').filter({ hasText: 'Saved' }).waitFor();
    await options.reload();
    await options.getByTestId('save').waitFor();
    assert.equal(await options.getByTestId('company').inputValue(), 'Acme Health');
    await new Promise((resolve) => setTimeout(resolve, 500));

    const seen = network.requests.slice(start);
    const byKind = {};
    for (const r of seen) {
      const kind = classify(r);
      byKind[kind] = [...(byKind[kind] ?? []), r];
    }
    const ours = byKind.ours ?? [];
    assert.deepEqual(
      ours.map((r) => `${r.target.type} ${r.target.url} → ${r.url}`),
      [],
      'the extension made no network request',
    );
    const targetTypes = [...new Set(seen.map((r) => r.target.type))].sort();
    assert.ok(targetTypes.includes('page'), 'the pages were watched');
    assert.ok((byKind['own-resource'] ?? []).length > 0, 'extension pages were watched (their own files)');
    assert.deepEqual(popupErrors, []);
    assert.deepEqual(optionsErrors, []);

    // The watch is not blind: a request from the content script's world is caught; the worker and the
    // extension pages cannot even make one (the manifest's CSP, connect-src 'none', refuses it at the source).
    // All made on purpose, after the assertion above.
    const before = network.requests.length;
    const canary = `${server.plainOrigin}/canary`;
    const attempt = (url) =>
      fetch(url).then(
        () => 'sent',
        (error) => `refused: ${error.message}`,
      );
    const fromWorker = await browser.worker.evaluate(attempt, `${canary}-worker`);
    const fromOptions = await options.evaluate(attempt, `${canary}-options`);
    assert.match(fromWorker, /^refused/, 'the worker may not fetch');
    assert.match(fromOptions, /^refused/, 'an extension page may not fetch');
    const cdp = await browser.context.newCDPSession(tab);
    const contexts = [];
    cdp.on('Runtime.executionContextCreated', ({ context }) => contexts.push(context));
    await cdp.send('Runtime.enable');
    const isolated = contexts.find((c) => c.auxData?.type === 'isolated' && c.origin.startsWith('chrome-extension://'));
    assert.ok(isolated, 'the content script’s world was found');
    await cdp.send('Runtime.evaluate', {
      contextId: isolated.id,
      expression: `fetch(${JSON.stringify(`${canary}-content`)}).catch(() => {})\n//# sourceURL=chrome-extension://${browser.extensionId}/content-scripts/canary.js`,
      awaitPromise: true,
    });
    await cdp.detach();
    await new Promise((resolve) => setTimeout(resolve, 300));
    const caught = network.requests
      .slice(before)
      .filter((r) => classify(r) === 'ours')
      .map((r) => r.url.replace(server.plainOrigin, ''))
      .sort();
    assert.deepEqual(caught, ['/canary-content']);
    await Promise.all([tab.close(), popup.close(), options.close()]);
    await browser.worker.evaluate(() => chrome.storage.sync.remove('settings'));
    row(
      'no-network',
      'Network (e2e, DevTools protocol)',
      `${names.length} fixture pages (${badges} badges, a details panel), the popup for a tab (list, typed look-up, copy), the options page (change, save, reload); every target watched: service worker, pages, extension pages, content scripts by initiator`,
      '**zero** requests by the extension',
      `${seen.length} requests seen: ${(byKind.page ?? []).length} the pages’ own, ${(byKind['own-resource'] ?? []).length} extension pages loading their own chrome-extension:// files (not network, excluded); a control fetch from the content script’s world was caught; the worker’s and an extension page’s were refused at the source by the manifest’s CSP (connect-src 'none')`,
    );
  },
);

/** Stops the extension's service worker (see the harness). */
const stopWorker = () => stopWorkerOf(browser);

async function currentWorker() {
  for (let i = 0; i < 100; i++) {
    const worker = browser.context.serviceWorkers().find((w) => w.url().includes(browser.extensionId));
    if (worker) {
      try {
        await worker.evaluate(() => 1);
        return worker;
      } catch {
        // The stopped one, not yet forgotten.
      }
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('no running worker');
}

suite.test(
  'a stopped service worker loses nothing: the popup still has the tab’s numbers, new numbers still get badges',
  { ids: ['worker-restart'], area: 'Service-worker restarts (e2e)' },
  async () => {
    // Default settings, whatever an earlier test left (a failed one may not have cleaned up).
    await browser.worker.evaluate(() => chrome.storage.sync.remove('settings'));
    const tab = await browser.context.newPage();
    const errors = watchErrors(tab);
    await tab.goto(`${server.origin}/popup-numbers.html`);
    await waitForBadges(tab, 4);
    const tabId = await tabIdOf(browser.worker, tab);
    const rowsOf = async () => {
      const popup = await browser.context.newPage();
      await popup.goto(`chrome-extension://${browser.extensionId}/popup.html?tab=${tabId}`);
      await popup.getByTestId('number-row').first().waitFor();
      const list = await popup.getByTestId('number-row').allTextContents();
      await popup.close();
      return list.map((r) => r.match(/^\(\d{3}\) \d{3}-\d{4}/)?.[0]).sort();
    };

    assert.deepEqual((await stopWorker()).slice(-2), ['stopping', 'stopped']);
    const started = Date.now();
    assert.deepEqual(await rowsOf(), ['(212) 555-0175', '(305) 555-0188', '(415) 555-0134', '(800) 555-0100']);
    const popupMs = Date.now() - started;

    await stopWorker();
    const added = Date.now();
    await tab.evaluate(() => {
      const table = document.querySelector('table');
      table.insertRow().innerHTML = '<td>New lead</td><td>(702) 555-0100</td>';
    });
    await tab.waitForFunction(() =>
      document.querySelector('consent-guard-badge[data-consent-number="+17025550100"][data-consent]'),
    );
    const badgeMs = Date.now() - added;
    assert.equal(await tab.locator('consent-guard-badge[data-consent]').count(), 5);
    assert.deepEqual(await rowsOf(), [
      '(212) 555-0175',
      '(305) 555-0188',
      '(415) 555-0134',
      '(702) 555-0100',
      '(800) 555-0100',
    ]);
    // The toolbar count, set by the new worker: CA, FL, NV (702) and the toll-free one (unknown) need everyone's consent.
    const worker = await currentWorker();
    assert.equal(await worker.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId), '4');
    assert.deepEqual(errors, []);
    await tab.close();
    row(
      'worker-restart',
      'Service-worker restarts (e2e)',
      'worker stopped (DevTools `ServiceWorker.stopAllWorkers`) with a page open; popup opened; stopped again; a number added to the page',
      'popup listed all 4 numbers (from storage.session); the new number got its badge (the content script’s message woke the worker); the popup then listed 5; toolbar count right',
      `popup after a stop ${popupMs} ms, badge after a stop ${badgeMs} ms`,
    );
  },
);

suite.test(
  'pages cannot talk to the background; a content script’s garbage gets a clear refusal',
  { ids: ['page-messages', 'content-garbage'], area: 'Messages from pages (e2e)' },
  async () => {
    const page = await browser.context.newPage();
    await page.goto(`${server.origin}/popup-numbers.html`);
    await waitForBadges(page, 4);
    const tabId = await tabIdOf(browser.worker, page);
    const storedBefore = await browser.worker.evaluate(async (id) => {
      // The tab's list of frames and one item a frame.
      const all = await chrome.storage.session.get(null);
      return Object.fromEntries(
        Object.entries(all).filter(([key]) => key === `tab:${id}` || key.startsWith(`tab:${id}:`)),
      );
    }, tabId);
    // The page's own world has no extension messaging at all.
    const pageWorld = await page.evaluate(async (id) => {
      const runtime = globalThis.chrome?.runtime;
      let sent = 'no chrome.runtime';
      if (runtime?.sendMessage) {
        try {
          sent = JSON.stringify(await runtime.sendMessage(id, { type: 'popup-tab-summary', tabId: 1 }));
        } catch (error) {
          sent = `threw ${error}`;
        }
      }
      // Forgeries through the DOM: the content script listens to none of these.
      window.postMessage({ type: 'page-scan', lookup: ['+19075550100'], present: ['+19075550100'] }, '*');
      document.dispatchEvent(new CustomEvent('consent-guard-shadow', { detail: { type: 'page-scan' } }));
      return { runtime: typeof runtime, sendMessage: typeof runtime?.sendMessage, sent };
    }, browser.extensionId);
    assert.equal(pageWorld.sendMessage, 'undefined', JSON.stringify(pageWorld));
    const external = await browser.worker.evaluate(() => ({
      message: chrome.runtime.onMessageExternal.hasListeners(),
      connect: chrome.runtime.onConnectExternal.hasListeners(),
      manifest: 'externally_connectable' in chrome.runtime.getManifest(),
    }));
    assert.deepEqual(external, { message: false, connect: false, manifest: false });

    // Garbage from the content script's own world (where chrome.runtime.sendMessage exists).
    const cdp = await browser.context.newCDPSession(page);
    const contexts = [];
    cdp.on('Runtime.executionContextCreated', ({ context }) => contexts.push(context));
    await cdp.send('Runtime.enable');
    const isolated = contexts.find((c) => c.auxData?.type === 'isolated' && c.origin.startsWith('chrome-extension://'));
    assert.ok(isolated, 'the content script’s world was found');
    const ask = async (expression) => {
      const { result, exceptionDetails } = await cdp.send('Runtime.evaluate', {
        contextId: isolated.id,
        expression: `chrome.runtime.sendMessage(${expression}).then((r) => JSON.stringify(r), (e) => 'threw ' + e.message)`,
        awaitPromise: true,
      });
      return exceptionDetails ? `threw ${exceptionDetails.text}` : result.value;
    };
    const garbage = [
      `"just a string"`,
      `42`,
      `[1, 2, 3]`,
      `{ type: 'page-scan', lookup: 'x', present: [] }`,
      `{ type: 'page-scan', lookup: Array.from({ length: 5001 }, () => '+14155550134'), present: [] }`,
      `{ type: 'lookup', numbers: ['4'.repeat(5000000)] }`,
      `{ type: 'popup-tab-summary', tabId: ${tabId} }`,
      `{ type: 'set-settings', settings: {} }`,
      `{ type: 'page-scan', lookup: [], present: [], admin: true }`,
    ];
    const answers = [];
    for (const g of garbage) answers.push(await ask(g));
    for (const [i, answer] of answers.entries()) {
      const parsed = JSON.parse(answer);
      assert.equal(parsed.ok, false, `${garbage[i].slice(0, 60)} → ${answer.slice(0, 200)}`);
      assert.match(parsed.error, /^Refused /);
      assert.ok(parsed.error.length < 200);
    }
    const storedAfter = await browser.worker.evaluate(async (id) => {
      // The tab's list of frames and one item a frame.
      const all = await chrome.storage.session.get(null);
      return Object.fromEntries(
        Object.entries(all).filter(([key]) => key === `tab:${id}` || key.startsWith(`tab:${id}:`)),
      );
    }, tabId);
    assert.deepEqual(storedAfter, storedBefore, 'nothing recorded from the forgeries');
    // Markup in a well-formed batch is one malformed entry: dropped, never answered, never the whole burst.
    const markup = JSON.parse(
      await ask(
        `{ type: 'page-scan', lookup: ['+1415555013<img src=x onerror=alert(1)>', '+14155550134'], present: [] }`,
      ),
    );
    assert.equal(markup.ok, true, JSON.stringify(markup));
    assert.equal(markup.dropped, 1);
    assert.deepEqual(
      markup.badges.map((b) => b.e164),
      ['+14155550134'],
    );
    // And the worker still serves a valid message afterwards.
    const valid = JSON.parse(await ask(`{ type: 'lookup', numbers: ['(415) 555-0134'] }`));
    assert.equal(valid.ok, true);
    assert.equal(valid.results[0].place, 'CA');
    await cdp.detach();
    await page.close();
    row(
      'page-messages',
      'Messages from pages (e2e)',
      'the page’s own world looks for `chrome.runtime`; posts a forged page-scan with postMessage and a DOM event; the manifest and worker checked for external messaging',
      `no \`chrome.runtime.sendMessage\` in the page world (\`chrome.runtime\`: ${pageWorld.runtime}); no \`externally_connectable\`, no onMessageExternal/onConnectExternal listener; forgeries changed nothing`,
    );
    row(
      'content-garbage',
      'Messages from pages (e2e)',
      `${garbage.length} garbage messages sent with chrome.runtime.sendMessage from the content script’s world (strings, arrays, wrong fields, 5,001 numbers, a 5 MB number, a popup-only request, an unknown type), then a batch with markup in one entry`,
      'each garbage message answered `{ok:false, error}` with a one-line reason, nothing recorded; the markup entry dropped (`dropped: 1`) and the batch’s valid number answered; a valid look-up right after was answered',
      [...new Set(answers.map((a) => JSON.parse(a).error))].map((e) => `“${e}”`).join(' · '),
    );
  },
);
