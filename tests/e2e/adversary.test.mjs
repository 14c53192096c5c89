// The page as an adversary (issue #18), in Chromium with the built extension: each test is a hostile
// page (tests/fixtures/hostile) that tries one attack, and records what happened for
// docs/robustness.md (tests/robustness-report.mjs).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { CRM_HOST, EXTENSION_DIR, ROOT, stopWorker, testCertificate, useExtension, watchErrors } from './harness.mjs';
import { robustnessSuite } from './robustness-suite.mjs';

const env = useExtension();
const AREA = 'The page as an adversary (e2e)';
const suite = robustnessSuite('e2e-adversary-');
const row = (id, tried, result, figures) => suite.row(id, { area: AREA, tried, result, figures });
const test = (name, id, body) => suite.test(name, { ids: [id], area: AREA }, body);

/** Our answered badges in the document and its open shadow roots. */
function answered(page) {
  return page.evaluate(() => {
    const out = [];
    const visit = (root) => {
      for (const el of root.querySelectorAll('*')) {
        if (el.tagName === 'CONSENT-GUARD-BADGE') {
          if (el.hasAttribute('data-consent')) out.push(el.dataset.consentNumber);
        } else if (el.shadowRoot) visit(el.shadowRoot);
      }
    };
    visit(document);
    return out.sort();
  });
}

/** Polls with plain evaluate (a hostile page can break what waitForFunction injects). */
async function waitAnswered(page, count, timeout = 15_000) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const seen = (await answered(page)).length;
    if (seen >= count) return;
    if (Date.now() > deadline) throw new Error(`${seen} answered badges, expected ${count}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function open(path, origin = env.server.origin) {
  const page = await env.browser.context.newPage();
  const errors = watchErrors(page);
  await page.goto(`${origin}/hostile/${path}`);
  return { page, errors };
}

const windowNames = (page) => page.evaluate(() => Object.getOwnPropertyNames(window));

test(
  'the page-world hook leaves no global: a page declaring its names runs, late shadow roots still badged',
  'globals',
  async () => {
    const { page, errors } = await open('globals.html');
    await page.waitForSelector('body[data-late-done]');
    await waitAnswered(page, 2);
    assert.deepEqual(errors, []);
    assert.equal(await page.evaluate(() => document.documentElement.dataset.pageOk), 'true');
    assert.deepEqual(await answered(page), ['+13055550188', '+14155550134']);
    // The same page where the extension does not run (plain http://127.0.0.1): the same globals.
    const ours = await windowNames(page);
    const { page: bare } = await open('globals.html', env.server.plainOrigin);
    await bare.waitForSelector('body[data-late-done]');
    const theirs = new Set(await windowNames(bare));
    const extra = ours.filter((name) => !theirs.has(name));
    assert.deepEqual(extra, [], 'window properties only where the extension runs');
    row(
      'globals',
      'a page whose first script declares `let shadowWatch`, `let content`, `let main`, `const consentGuard`, `class ShadowWatch` (a global of the same name makes the whole script a SyntaxError), then attaches a shadow root to an element already on the page',
      'the page’s script ran; both numbers badged, the late shadow root’s included; no window property that the same page lacks where the extension does not run',
      `${ours.length} window properties with the extension, ${theirs.size} without, ${extra.length} extra`,
    );
    await Promise.all([page.close(), bare.close()]);
  },
);

test(
  'the page can neither learn the extension id from stacks nor stop the content script with a forged event',
  'stop',
  async () => {
    const { page, errors } = await open('stop.html');
    await page.waitForSelector('body[data-attack-done]');
    const attack = await page.evaluate(() => window.__attack);
    const id = env.browser.extensionId;
    // The page's own error is unchanged: a DOMException named NotSupportedError.
    assert.deepEqual(
      { name: attack.error.name, isDomException: attack.error.isDomException },
      { name: 'NotSupportedError', isDomException: true },
    );
    const leaks = Object.entries(attack.stacks)
      .filter(([, stack]) => stack.includes(id) || stack.includes('chrome-extension://'))
      .map(([kind]) => kind);
    assert.deepEqual(Object.keys(attack.stacks).sort(), ['error', 'error call sites', 'getter', 'getter call sites']);
    // Structured call sites too (CallSite.getFileName gives a frame's real script URL): a direct
    // attachShadow call runs the browser's own function, with no frame of ours under the page's getter.
    assert.deepEqual(leaks, [], 'no extension URL in the page’s stack traces');
    // Even with the id (handed to it here), a forged "started" event stops nothing.
    await page.evaluate((extensionId) => window.__forge(extensionId), id);
    await page.waitForTimeout(2500);
    await waitAnswered(page, 1);
    await page.evaluate(() => {
      const p = document.createElement('p');
      p.textContent = 'Added after the forgery: (305) 555-0188';
      document.body.append(p);
    });
    await waitAnswered(page, 2);
    assert.deepEqual(await answered(page), ['+13055550188', '+14155550134']);
    assert.deepEqual(errors, []);
    row(
      'stop',
      'a page calls attachShadow on a host that has a root, and through a getter on its init object, and reads `error.stack` (also with `Error.prepareStackTrace` call sites); then forges WXT’s “content script started” event (CustomEvent and postMessage) with the real extension id',
      'no extension URL or id in the error’s stack (string or call sites) nor in a stack taken inside the page’s getter (string or call sites); its error still a `NotSupportedError` DOMException; after the forgery the badges stayed and a number added later was badged',
      `4 stacks read; with an extension URL: ${leaks.length === 0 ? 'none' : leaks.join(', ')}; ${attack.forged.length} forgeries (with ids the page found: ${new Set(attack.ids).size})`,
    );
    await page.close();
  },
);

test(
  'the service worker stopped during bursts of new numbers: every badge still appears',
  'worker-bursts',
  async () => {
    const { page, errors } = await open('bursts.html');
    await waitAnswered(page, 1);
    // 40 bursts of 20 new numbers, one every 100 ms, while the worker is stopped three times.
    const bursts = page.evaluate(() => window.__bursts(20, 100, 40));
    const stops = [];
    for (let i = 0; i < 3; i++) {
      await page.waitForTimeout(700);
      stops.push((await stopWorker(env.browser)).includes('stopped'));
    }
    const shown = await bursts;
    assert.equal(shown, 801);
    const started = Date.now();
    let seen = 0;
    try {
      await waitAnswered(page, shown, 30_000);
    } finally {
      seen = (await answered(page)).length;
    }
    const lastMs = Date.now() - started;
    assert.deepEqual(stops, [true, true, true], 'the worker was stopped three times');
    assert.equal(new Set(await answered(page)).size, shown);
    assert.deepEqual(errors, []);
    row(
      'worker-bursts',
      'a page adds 800 new numbers (distinct, in service) in 40 bursts (one every 100 ms) while the service worker is stopped three times (DevTools `ServiceWorker.stopAllWorkers`)',
      'every badge appeared: a failed page-scan is asked again with backoff (250 ms doubling to 8 s) until the restarted worker answers',
      `${seen} of ${shown} badges answered; the last ${lastMs} ms after the bursts ended`,
    );
    await page.close();
  },
);

test(
  'the test certificate is made for the run: a leaf for the test host only, no private key in the repository',
  'certificate',
  async () => {
    const cert = new X509Certificate(testCertificate().cert);
    assert.equal(cert.ca, false, 'no CA bit');
    assert.equal(cert.subjectAltName, `DNS:${CRM_HOST}`);
    assert.equal(cert.checkHost('login.salesforce.com'), undefined);
    assert.equal(cert.checkHost('app.hubspot.com'), undefined);
    assert.equal(cert.checkHost(CRM_HOST), CRM_HOST);
    // No file the repository tracks holds a private key.
    let keys = '';
    try {
      keys = execFileSync('git', ['grep', '-lE', '-e', '-{5}BEGIN ([A-Z]+ )?PRIVATE KEY-{5}'], {
        cwd: ROOT,
        encoding: 'utf8',
      }).trim();
    } catch (error) {
      if (error.status !== 1) throw error; // 1: nothing found
    }
    assert.equal(keys, '', 'tracked files with a private key');
    // And the pages are served with it: a badge over HTTPS under the test host.
    const { page } = await open('globals.html');
    await waitAnswered(page, 1);
    await page.close();
    const days = Math.round((Date.parse(cert.validTo) - Date.parse(cert.validFrom)) / 86_400_000);
    row(
      'certificate',
      'the HTTPS test server’s certificate, and the repository’s tracked files searched for a private key',
      'made by openssl at test time: a self-signed leaf (CA:FALSE, serverAuth) for the test host only; no private key in the repository; pages served with it were badged',
      `subject alternative names: ${cert.subjectAltName}; valid ${days} days; key ${cert.publicKey.asymmetricKeyType} ${cert.publicKey.asymmetricKeyDetails?.namedCurve ?? ''}`,
    );
  },
);

test('extension pages run under a strict content security policy, and work', 'csp', async () => {
  const manifest = JSON.parse(fs.readFileSync(path.join(EXTENSION_DIR, 'manifest.json'), 'utf8'));
  const csp = manifest.content_security_policy?.extension_pages ?? '';
  for (const directive of ["script-src 'self'", "object-src 'none'", "base-uri 'none'", "connect-src 'none'"])
    assert.ok(csp.includes(directive), `${directive} in ${csp}`);
  const violations = [];
  for (const name of ['popup.html', 'options.html']) {
    const page = await env.browser.context.newPage();
    const errors = watchErrors(page);
    page.on('console', (m) => {
      if (/Content Security Policy/i.test(m.text())) violations.push(`${name}: ${m.text()}`);
    });
    await page.goto(`chrome-extension://${env.browser.extensionId}/${name}`);
    await page.locator('main, [data-testid]').first().waitFor();
    // An inline script injected into the page does not run.
    const ran = await page.evaluate(
      () =>
        new Promise((resolve) => {
          const script = document.createElement('script');
          script.textContent = 'window.__inline = true';
          document.body.append(script);
          setTimeout(() => resolve(window.__inline === true), 100);
        }),
    );
    assert.equal(ran, false, `inline script ran in ${name}`);
    assert.deepEqual(errors, []);
    await page.close();
  }
  const own = violations.filter((v) => !v.includes('__inline') && !/inline script/i.test(v));
  assert.deepEqual(own, [], 'no CSP violation by the pages’ own code');
  row(
    'csp',
    'the popup and the options page loaded under the manifest’s extension-page CSP; an inline script injected into each',
    'both pages render with no error and no CSP violation of their own; the injected inline script did not run',
    `\`${csp}\``,
  );
});
