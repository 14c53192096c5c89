// End-to-end harness: Debian's Chromium with the built extension loaded, and a static server
// on 127.0.0.1 (random port) for the fixture pages in tests/fixtures.
//
// The extension runs only on its default dialer sites (and those the agent enables), so the pages
// are served over HTTPS under a default site's host name: Chromium maps that name to 127.0.0.1
// and accepts the certificate made for the run (testCertificate). No request leaves the machine.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import os from 'node:os';
import path from 'node:path';
import { after, before } from 'node:test';
import { chromium } from 'playwright-core';

export const ROOT = path.resolve(import.meta.dirname, '../..');
export const EXTENSION_DIR = path.join(ROOT, '.output/chrome-mv3');
export const FIXTURES_DIR = path.join(ROOT, 'tests/fixtures');
export const ARTIFACTS_DIR = path.join(ROOT, 'tests/artifacts');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

// Flags that keep a headless Chromium quiet on a machine with no network.
const FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** A default site's host (`*.my.salesforce.com`) that the tests serve from 127.0.0.1. */
export const CRM_HOST = 'acme.my.salesforce.com';
const HOST_FLAGS = [`--host-resolver-rules=MAP ${CRM_HOST} 127.0.0.1`, '--ignore-certificate-errors'];

/**
 * A certificate made for this run, never committed: a self-signed leaf for the test host only (no
 * CA bit, server authentication only, two days), so no key in the repository can vouch for a real
 * site. Chromium takes it with --ignore-certificate-errors.
 */
let tls;
export function testCertificate() {
  if (tls) return tls;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'consent-guard-tls-'));
  const key = path.join(dir, 'key.pem');
  const cert = path.join(dir, 'cert.pem');
  try {
    const options = [
      ['-newkey', 'ec'],
      ['-pkeyopt', 'ec_paramgen_curve:prime256v1'],
      ['-keyout', key],
      ['-out', cert],
      ['-days', '2'],
      ['-subj', `/CN=${CRM_HOST}`],
      ['-addext', `subjectAltName=DNS:${CRM_HOST}`],
      ['-addext', 'basicConstraints=critical,CA:FALSE'],
      ['-addext', 'keyUsage=critical,digitalSignature'],
      ['-addext', 'extendedKeyUsage=serverAuth'],
    ];
    execFileSync('openssl', ['req', '-x509', '-nodes', ...options.flat()], { stdio: ['ignore', 'ignore', 'pipe'] });
    tls = { key: fs.readFileSync(key), cert: fs.readFileSync(cert) };
  } catch (error) {
    throw new Error(`could not make the test certificate with openssl (install openssl): ${error.message}`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return tls;
}

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
};

/**
 * Serves tests/fixtures on 127.0.0.1: `origin` is the HTTPS one under the default CRM host name
 * (badged), `plainOrigin` the same files at http://127.0.0.1 (not a default site: no badges).
 * `headers` maps a fixture path to extra response headers.
 */
export async function startServer(headers = {}) {
  const handler = (req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const file = path.join(FIXTURES_DIR, path.normalize(decodeURIComponent(url.pathname)));
    if (!file.startsWith(FIXTURES_DIR) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      res.writeHead(404).end('not found');
      return;
    }
    res.writeHead(200, {
      'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream',
      ...headers[url.pathname],
    });
    fs.createReadStream(file).pipe(res);
  };
  const secure = https.createServer(testCertificate(), handler);
  const plain = http.createServer(handler);
  await Promise.all([secure, plain].map((server) => new Promise((resolve) => server.listen(0, '127.0.0.1', resolve))));
  return {
    origin: `https://${CRM_HOST}:${secure.address().port}`,
    plainOrigin: `http://127.0.0.1:${plain.address().port}`,
    close: () => Promise.all([secure, plain].map((server) => new Promise((resolve) => server.close(resolve)))),
  };
}

/** Launches Chromium with the built extension; returns the context, the extension id and a cleanup. `args`: extra flags; `env`: extra environment (on Linux, LANGUAGE sets the UI language); `extensionDir`: another unpacked build; `profileDir`: a profile to reuse (kept on close). */
export async function launchBrowser({ args = [], env, extensionDir = EXTENSION_DIR, profileDir } = {}) {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM}: install it with "apt-get install -y chromium" (or set CHROMIUM_PATH).`,
    );
  }
  if (!fs.existsSync(path.join(extensionDir, 'manifest.json'))) {
    throw new Error(`No built extension in ${extensionDir}: run "npm run build" first.`);
  }
  // A given profile is kept (an update test reopens it); a fresh one is removed on close.
  const userDataDir = profileDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'consent-guard-e2e-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    ...(env ? { env: { ...process.env, ...env } } : {}),
    // Playwright adds --disable-extensions by default; this flag lets ours through.
    args: [
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      ...FLAGS,
      ...HOST_FLAGS,
      ...args,
    ],
  });
  let [worker] = context.serviceWorkers();
  worker ??= await context.waitForEvent('serviceworker', { timeout: 15_000 });
  // The worker registers the content script at start-up; pages opened before that get none.
  await worker.evaluate(async () => {
    for (let i = 0; i < 100; i++) {
      if ((await chrome.scripting.getRegisteredContentScripts()).length > 0) return;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error('the content script was never registered');
  });
  // The id depends on the unpacked folder's absolute path, so it is read, never hard-coded.
  const extensionId = new URL(worker.url()).host;
  return {
    context,
    extensionId,
    worker,
    async close() {
      await context.close();
      if (!profileDir) fs.rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** Opens the popup as a normal tab. */
export async function openPopup(context, extensionId, query = '') {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/popup.html${query}`);
  return page;
}

/** Collects uncaught page errors, so a test can assert there were none. */
export function watchErrors(page) {
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  return errors;
}

export async function screenshot(page, name) {
  fs.mkdirSync(ARTIFACTS_DIR, { recursive: true });
  const file = path.join(ARTIFACTS_DIR, `${name}.png`);
  await page.screenshot({ path: file });
  return file;
}

export const AXE_PATH = path.join(ROOT, 'node_modules/axe-core/axe.min.js');

/** Runs axe-core (a devDependency) in the page; returns the serious and critical violations (empty is good). */
export async function seriousA11yViolations(page) {
  // Evaluated rather than added as a <script>: extension pages' CSP refuses inline scripts.
  await page.evaluate(fs.readFileSync(AXE_PATH, 'utf8'));
  const violations = await page.evaluate(async () => (await globalThis.axe.run()).violations);
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** The id of the tab `page` shows, as the extension sees it (the page must be in front). */
export async function tabIdOf(worker, page) {
  await page.bringToFront();
  const url = page.url();
  return worker.evaluate(async (u) => {
    const tabs = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
    return (tabs.find((t) => t.url === u) ?? tabs[0])?.id;
  }, url);
}

/**
 * For a test file: starts the fixture server and Chromium with the extension before its tests and
 * stops both after. The returned object fills in then: `{ server, browser }`.
 */
export function useExtension(headers = {}) {
  const env = {};
  before(async () => {
    env.server = await startServer(headers);
    env.browser = await launchBrowser();
  });
  after(async () => {
    await env.browser?.close();
    await env.server?.close();
  });
  return env;
}

/**
 * Every answered badge of ours in a frame, open shadow roots included: its number, consent, record
 * location and whether it sits after an input. Page-made look-alikes (they carry an id) are left out.
 * A plain evaluate, which a hostile page cannot break (Playwright's waitForFunction injects a script).
 */
export function badgesIn(frame) {
  return frame.evaluate(() => {
    const out = [];
    const visit = (root) => {
      for (const el of root.querySelectorAll('*')) {
        if (el.tagName === 'CONSENT-GUARD-BADGE') {
          if (!el.hasAttribute('data-consent') || el.id) continue;
          const prev = el.previousElementSibling;
          const where =
            prev && /^(INPUT|TEXTAREA)$/.test(prev.tagName) && el.previousSibling === prev ? 'input' : 'other';
          const location = el.dataset.consentLocation ?? null;
          out.push({ e164: el.dataset.consentNumber, consent: el.dataset.consent, location, where });
        } else if (el.shadowRoot) visit(el.shadowRoot);
      }
    };
    visit(document);
    return out;
  });
}

/** Waits until a frame shows at least `count` answered badges (see badgesIn). */
export async function waitForBadges(frame, count, timeout = 15_000) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const seen = (await badgesIn(frame)).length;
    if (seen >= count) return;
    if (Date.now() > deadline) throw new Error(`${seen} answered badges after ${timeout} ms, expected ${count}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * Stops the extension's service worker through DevTools (`ServiceWorker.stopAllWorkers`) and waits
 * until it reports "stopped"; returns the states it went through.
 */
export async function stopWorker(browser) {
  const page = await browser.context.newPage();
  await page.goto(`chrome-extension://${browser.extensionId}/privacy.txt`);
  const cdp = await browser.context.newCDPSession(page);
  const states = [];
  const stopped = new Promise((resolve) => {
    cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
      for (const v of versions) {
        if (!v.scriptURL.includes(browser.extensionId)) continue;
        states.push(v.runningStatus);
        // Snapshot at the stop: a page's message may wake the worker again before DevTools detaches.
        if (v.runningStatus === 'stopped' && states.includes('stopping')) resolve([...states]);
      }
    });
  });
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  let timer;
  const upToStop = await Promise.race([
    stopped,
    new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`worker states: ${states}`)), 5000);
    }),
  ]).finally(() => clearTimeout(timer));
  await cdp.detach();
  await page.close();
  return upToStop;
}

/**
 * Our badges and panel have closed shadow roots: no page script (nor Playwright) can read them.
 * DevTools can: this hands each one to the page's world as `host.__ownRoot`, for the test's own
 * reads and clicks only (the page under test never gets a reference).
 */
export async function exposeOwnRoots(page) {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = await cdp.send('DOM.getDocument', { depth: -1, pierce: true });
    const hosts = [];
    const visit = (node) => {
      if (/^consent-guard-(badge|panel|dial)$/.test(node.localName ?? '') && node.shadowRoots?.length) hosts.push(node);
      for (const child of [...(node.children ?? []), ...(node.shadowRoots ?? [])]) visit(child);
    };
    visit(root);
    let exposed = 0;
    for (const host of hosts) {
      const [{ object: hostObject }, { object: rootObject }] = await Promise.all([
        cdp.send('DOM.resolveNode', { backendNodeId: host.backendNodeId }),
        cdp.send('DOM.resolveNode', { backendNodeId: host.shadowRoots[0].backendNodeId }),
      ]);
      await cdp.send('Runtime.callFunctionOn', {
        objectId: hostObject.objectId,
        functionDeclaration:
          'function (r) { Object.defineProperty(this, "__ownRoot", { value: r, configurable: true }); }',
        arguments: [{ objectId: rootObject.objectId }],
      });
      exposed++;
    }
    return exposed;
  } finally {
    await cdp.detach().catch(() => {});
  }
}

/** The text of the open panel (its closed root read through DevTools), waiting until it holds `until`. */
export async function panelText(page, until = '', timeout = 10_000) {
  const deadline = Date.now() + timeout;
  for (;;) {
    await exposeOwnRoots(page);
    const text = await page.evaluate(
      () => document.querySelector('consent-guard-panel')?.__ownRoot?.textContent ?? null,
    );
    if (text?.includes(until)) return text;
    if (Date.now() > deadline)
      throw new Error(`no panel holding ${JSON.stringify(until)} after ${timeout} ms: ${text}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** A real (trusted) mouse click on an element inside the open panel's closed root. */
export async function clickInPanel(page, selector) {
  await exposeOwnRoots(page);
  const box = await page.evaluate((s) => {
    const el = document.querySelector('consent-guard-panel')?.__ownRoot?.querySelector(s);
    if (!el) return null;
    el.scrollIntoView({ block: 'center' });
    const r = el.getBoundingClientRect();
    return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
  }, selector);
  if (!box) throw new Error(`nothing matches ${selector} in the panel`);
  await page.mouse.click(box.x, box.y);
}

/** A badge's visible words (its closed root read through DevTools). */
export async function badgeLabels(page) {
  // An answer sets a badge's attributes at once and its words in the badge layer's next frame (requested
  // with the answer, so before these): two frames later every answered badge has its words.
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  await exposeOwnRoots(page);
  return page.evaluate(() =>
    Object.fromEntries(
      [...document.querySelectorAll('consent-guard-badge')]
        .filter((b) => b.__ownRoot)
        .map((b) => [b.dataset.consentNumber, b.__ownRoot.querySelector('button')?.textContent ?? '']),
    ),
  );
}

/**
 * Fixes the service worker's clock: `new Date()` and `Date.now()` answer `ms` from now on; null gives
 * the real clock back.
 */
export async function setWorkerClock(worker, ms) {
  await worker.evaluate((fixed) => {
    const Real = globalThis.__realDate ?? Date;
    globalThis.__realDate = Real;
    if (fixed === null) {
      globalThis.Date = Real;
      return;
    }
    class FixedDate extends Real {
      constructor(...args) {
        if (args.length === 0) super(fixed);
        else super(...args);
      }
      static now() {
        return fixed;
      }
    }
    globalThis.Date = FixedDate;
  }, ms);
}
