// The Firefox package in real Firefox ESR (see harness.mjs for what differs from Chromium and how):
// badges with the right consent on the fixture pages and in frames, SPA changes, the dial pad, the popup
// opened as a tab (verdict, list, lookup, copy), options that change the answers, per-site disable and
// enable, a background stopped by Firefox losing nothing, and not one request by the extension.
// The store screenshots (docs/store/screenshots, 1280×800) and promo tile (440×280) are taken here.
// One browser launch for the whole file.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { FIXTURES_DIR, ROOT, startServer } from '../harness.mjs';
import { launchFirefox, navigateExtensionPage, textOf, waitForTestId } from './harness.mjs';

const STORE_DIR = path.join(ROOT, 'docs/store');
const SHOTS_DIR = path.join(STORE_DIR, 'screenshots');
const STORE_SIZE = { width: 1280, height: 800 };

let server;
let ff;
before(async () => {
  server = await startServer();
  ff = await launchFirefox(server);
});
after(async () => {
  await ff?.close();
  await server?.close();
});

const truthOf = (name) => JSON.parse(fs.readFileSync(path.join(FIXTURES_DIR, 'pages', `${name}.truth.json`), 'utf8'));

// What the default settings (no agent state, strictest policy) must answer, by area code: written by hand
// from the statutes (all-party: Cal. Penal Code § 632, Fla. Stat. § 934.03, RCW 9.73.030, 720 ILCS 5/14-2,
// M.G.L. c. 272 § 99, Md. Cts. & Jud. Proc. § 10-402, 18 Pa.C.S. § 5704; one-party: N.Y. Penal Law § 250.00,
// Tex. Penal Code § 16.02, O.C.G.A. § 16-11-66, C.R.S. § 18-9-303, D.C. Code § 23-542; toll-free: unknown).
const EXPECTED_CONSENT = {
  ...Object.fromEntries(
    ['213', '310', '415', '619', '305', '407', '786', '813', '206', '509', '312', '773', '617', '410', '215'].map(
      (a) => [a, 'all-party'],
    ),
  ),
  ...Object.fromEntries(['212', '646', '718', '214', '512', '713', '404', '303', '202'].map((a) => [a, 'one-party'])),
  ...Object.fromEntries(['800', '877', '888'].map((a) => [a, 'unknown'])),
};

/** Every answered badge in a frame, open shadow roots included. */
function badgesIn(frame) {
  return frame.evaluate(() => {
    const out = [];
    const visit = (root) => {
      for (const el of root.querySelectorAll('*')) {
        if (el.tagName === 'CONSENT-GUARD-BADGE') {
          if (!el.hasAttribute('data-consent')) continue;
          const prev = el.previousElementSibling;
          const input = prev && /^(INPUT|TEXTAREA)$/.test(prev.tagName) && el.previousSibling === prev;
          out.push({
            e164: el.dataset.consentNumber,
            consent: el.dataset.consent,
            location: el.dataset.consentLocation ?? null,
            where: input ? 'input' : 'other',
          });
        } else if (el.shadowRoot) visit(el.shadowRoot);
      }
    };
    visit(document);
    return out;
  });
}

const key = (b) => `${b.e164}${b.where === 'input' ? ' (input)' : ''}`;

/** Waits for the truth's badges in `frame`, then checks the set and each known area code's consent. */
async function assertFrame(frame, expected, label) {
  await frame
    .waitForFunction(
      (n) => {
        let seen = 0;
        const visit = (root) => {
          for (const el of root.querySelectorAll('*')) {
            if (el.tagName === 'CONSENT-GUARD-BADGE' && el.hasAttribute('data-consent')) seen++;
            else if (el.shadowRoot) visit(el.shadowRoot);
          }
        };
        visit(document);
        return seen >= n;
      },
      { timeout: 15_000 },
      expected.length,
    )
    .catch(async (error) => {
      const found = await badgesIn(frame).catch(() => []);
      throw new Error(`${label}: ${found.length} of ${expected.length} badges after 15 s (${error.message})`);
    });
  await new Promise((resolve) => setTimeout(resolve, 400)); // a late duplicate would show
  const actual = await badgesIn(frame);
  assert.deepEqual(
    actual.map(key).sort(),
    expected.map((b) => key(b)).sort(),
    `${label}: badges differ from the truth`,
  );
  let checked = 0;
  for (const badge of actual) {
    const want = badge.e164.startsWith('+1') ? EXPECTED_CONSENT[badge.e164.slice(2, 5)] : undefined;
    // A location on the record may make it stricter, never laxer: only all-party is certain then.
    if (!want || (badge.location && want !== 'all-party')) continue;
    assert.equal(
      badge.consent,
      want,
      `${label}: ${badge.e164}${badge.location ? ` (record in ${badge.location})` : ''}`,
    );
    checked++;
  }
  return { actual, checked };
}

async function newPage(url) {
  const page = await ff.browser.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(url);
  return { page, errors };
}

test('badges carry the right data-consent on the main fixture pages', { timeout: 120_000 }, async () => {
  let checked = 0;
  for (const name of ['contact', 'call-log', 'tel-links']) {
    const { page, errors } = await newPage(`${server.origin}/pages/${name}.html`);
    checked += (await assertFrame(page.mainFrame(), truthOf(name).frames.top, name)).checked;
    if (name === 'contact') {
      await page.setViewport(STORE_SIZE);
      fs.mkdirSync(SHOTS_DIR, { recursive: true });
      await page.screenshot({ path: path.join(SHOTS_DIR, '1-badges.png') });
    }
    assert.deepEqual(errors, [], `${name}: no uncaught error in the page`);
    await page.close();
  }
  assert.ok(checked >= 60, `only ${checked} badges had a known area code`);
});

test('a same-origin frame gets its own badges', { timeout: 60_000 }, async () => {
  const truth = truthOf('iframes');
  const { page, errors } = await newPage(`${server.origin}/pages/iframes.html`);
  await assertFrame(page.mainFrame(), truth.frames.top, 'top');
  const child = page.frames().find((f) => f.url().endsWith(`/${truth.frameUrls.child}`));
  assert.ok(child, 'the child frame exists');
  await assertFrame(child, truth.frames.child, 'child frame');
  assert.deepEqual(errors, []);
  await page.close();
});

test('an SPA that adds, edits and removes rows ends with exactly its numbers badged, once each', async () => {
  const { page, errors } = await newPage(`${server.origin}/pages/spa.html`);
  await page.waitForSelector('body[data-spa-done="true"]');
  await assertFrame(page.mainFrame(), truthOf('spa').frames.top, 'spa (final)');
  assert.deepEqual(errors, []);
  await page.close();
});

test('the dial pad: keypad clicks and typing update the input’s badge', { timeout: 60_000 }, async () => {
  const truth = truthOf('dialer');
  const { page, errors } = await newPage(`${server.origin}/pages/dialer.html`);
  await assertFrame(page.mainFrame(), truth.frames.top, 'dialer (static)');
  for (const scenario of truth.scenarios) {
    for (const selector of scenario.clicks) await page.click(selector);
    const input = scenario.frames.top.find((b) => b.where === 'input');
    await page.waitForFunction(
      (e164) => document.querySelector(`input + consent-guard-badge[data-consent-number="${e164}"][data-consent]`),
      { timeout: 10_000 },
      input.e164,
    );
    await assertFrame(page.mainFrame(), scenario.frames.top, `dialer (${scenario.name})`);
  }
  const input = 'input[type="tel"]';
  await page.$eval(input, (el) => {
    el.value = '';
    el.dispatchEvent(new Event('input', { bubbles: true }));
  });
  await page.type(input, '(305) 555-0111');
  await page.waitForFunction(
    () =>
      document.querySelector(
        'input + consent-guard-badge[data-consent-number="+13055550111"][data-consent="all-party"]',
      ),
    { timeout: 10_000 },
  );
  assert.deepEqual(errors, []);
  await page.close();
});

const VERDICT = 'All-party consent: 3 numbers in CA, FL, Toll-free (unknown)';

/** The fixture tab the popup speaks about, opened once and reused. */
let numbersTab;
async function tabWithNumbers() {
  if (!numbersTab) {
    const { page } = await newPage(`${server.origin}/popup-numbers.html?firefox`);
    await page.waitForFunction(() => document.querySelectorAll('consent-guard-badge[data-consent]').length === 4, {
      timeout: 15_000,
    });
    numbersTab = { page, id: await ff.tabIdOf(page) };
    assert.equal(typeof numbersTab.id, 'number');
  }
  return numbersTab;
}

async function popupFor(tabId) {
  const popup = await ff.open(`/popup.html?tab=${tabId}`);
  const errors = [];
  popup.on('pageerror', (error) => errors.push(error.message));
  return { popup, errors };
}

const rowsOf = (popup) =>
  popup.$$eval('[data-testid="number-row"]', (rows) =>
    rows.map((r) => r.textContent.match(/^\(\d{3}\) \d{3}-\d{4}/)?.[0]).sort(),
  );

test('the popup (as a tab): the tab’s verdict and numbers, lookup, and Copy puts the disclaimer on the clipboard', async () => {
  const tab = await tabWithNumbers();
  await ff.control.evaluate(() =>
    browser.storage.sync.set({ settings: { version: 1, company: 'Acme Health', agent: 'Dana' } }),
  );
  const { popup, errors } = await popupFor(tab.id);
  await waitForTestId(popup, 'verdict', VERDICT);
  assert.deepEqual(await rowsOf(popup), ['(212) 555-0175', '(305) 555-0188', '(415) 555-0134', '(800) 555-0100']);
  await popup.setViewport(STORE_SIZE);
  // For the store: the 380 px popup centred on a neutral backdrop, a little larger (layout untouched).
  await popup.evaluate(() => {
    document.documentElement.style.cssText = 'background:#d0d5dd;min-height:100%';
    document.body.style.cssText = 'margin:24px auto 0;zoom:1.25;box-shadow:0 4px 16px #0003;background:Canvas';
  });
  await popup.screenshot({ path: path.join(SHOTS_DIR, '2-popup.png') });
  await popup.evaluate(() => {
    document.documentElement.style.cssText = '';
    document.body.style.cssText = '';
  });

  // Copy: the disclaimer for the first number, filled in; then pasted (Ctrl+V) into a scratch text box.
  await popup.click('[data-testid="number-row"]');
  const expected =
    "Hi, this is Dana calling from Acme Health. I'd like to record this call for quality and training purposes. Is that okay with you?";
  await waitForTestId(popup, 'disclaimer-text', expected);
  assert.equal(await textOf(popup, 'disclaimer-text'), expected);
  await popup.click('[data-testid="copy-button"]');
  await waitForTestId(popup, 'copy-status', 'Copied');
  await popup.evaluate(() => {
    const scratch = document.createElement('textarea');
    scratch.id = 'scratch';
    document.body.append(scratch);
    scratch.focus();
  });
  await popup.keyboard.down('Control');
  await popup.keyboard.press('v');
  await popup.keyboard.up('Control');
  assert.equal(await popup.$eval('#scratch', (el) => el.value), expected);
  await popup.type('[data-testid="lookup-input"]', '415.555.0134');
  await waitForTestId(popup, 'lookup-answer', 'CA · All-party');
  await popup.$eval('[data-testid="lookup-input"]', (el) => {
    el.value = '';
    el.dispatchEvent(new Event('input', { bubbles: true }));
  });
  await popup.type('[data-testid="lookup-input"]', '212 555 0175');
  await waitForTestId(popup, 'lookup-answer', 'NY · One-party');

  assert.deepEqual(errors, []);
  await popup.close();
});

test('options: a saved agent state persists across a reload and changes the answers', async () => {
  const lookupNY = async () => {
    const { popup } = await popupFor((await tabWithNumbers()).id);
    await popup.type('[data-testid="lookup-input"]', '212-555-0175');
    await waitForTestId(popup, 'lookup-answer', 'NY ·');
    const answer = await textOf(popup, 'lookup-answer');
    await popup.close();
    return answer;
  };
  assert.equal(await lookupNY(), 'NY · One-party');
  const options = await ff.open('/options.html');
  const errors = [];
  options.on('pageerror', (error) => errors.push(error.message));
  await options.waitForSelector('[data-testid="save"]');
  await options.select('[data-testid="agent-region"]', 'FL');
  await options.$eval('[data-testid="company"]', (el) => {
    el.value = '';
  });
  await options.type('[data-testid="company"]', 'Globex');
  await options.click('[data-testid="save"]');
  await waitForTestId(options, 'save-status', 'Saved');
  await navigateExtensionPage(options, '/options.html');
  await options.waitForSelector('[data-testid="save"]');
  assert.equal(await options.$eval('[data-testid="agent-region"]', (el) => el.value), 'FL');
  assert.equal(await options.$eval('[data-testid="company"]', (el) => el.value), 'Globex');
  await options.setViewport(STORE_SIZE);
  await options.screenshot({ path: path.join(SHOTS_DIR, '3-options.png') });
  assert.equal(await lookupNY(), 'NY · All-party');
  await options.select('[data-testid="agent-region"]', '');
  await options.click('[data-testid="save"]');
  await waitForTestId(options, 'save-status', 'Saved');
  assert.equal(await lookupNY(), 'NY · One-party');
  assert.deepEqual(errors, []);
  await options.close();
});

test('the popup disables a default site (the tab reloads without badges) and enables it again', async () => {
  const { page } = await newPage(`${server.origin}/contact.html?firefox-site`);
  const BADGES = 'consent-guard-badge[data-consent]';
  await page.waitForFunction((sel) => document.querySelectorAll(sel).length === 2, { timeout: 15_000 }, BADGES);
  const tabId = await ff.tabIdOf(page);
  const { popup, errors } = await popupFor(tabId);
  await waitForTestId(popup, 'site-access', 'acme.my.salesforce.com');
  assert.equal(await popup.$eval('[data-testid="site-access"]', (el) => el.dataset.kind), 'default');
  // The site lists live in storage.local (lib/settings/layout.ts).
  const sites = () =>
    ff.control.evaluate(async () => (await browser.storage.local.get('settings.sites'))['settings.sites']);

  await page.evaluate(() => {
    window.__beforeReload = true;
  });
  await popup.click('[data-testid="site-disable"]');
  await page.waitForFunction(() => !window.__beforeReload && document.readyState === 'complete', { timeout: 15_000 });
  await new Promise((resolve) => setTimeout(resolve, 1500));
  assert.equal(await page.evaluate((sel) => document.querySelectorAll(sel).length, BADGES), 0);
  assert.deepEqual((await sites()).disabledSites, ['https://acme.my.salesforce.com/*']);
  await waitForTestId(popup, 'site-access', 'You turned Consent Guard off on this site.');

  await page.evaluate(() => {
    window.__beforeReload = true;
  });
  await popup.click('[data-testid="site-enable"]');
  await page.waitForFunction((sel) => document.querySelectorAll(sel).length === 2, { timeout: 15_000 }, BADGES);
  assert.deepEqual((await sites()).disabledSites, []);
  assert.deepEqual(errors, []);
  await popup.close();
  await page.close();
});

test('a background stopped by Firefox loses nothing: the popup keeps the tab’s numbers, new numbers get badges', async () => {
  const tab = await tabWithNumbers();
  const stopped = async () =>
    ff.control.waitForFunction(
      () => !browser.extension.getViews().some((w) => w.location.pathname.includes('background')),
      { timeout: 15_000, polling: 100 },
    );
  await stopped();
  const { popup } = await popupFor(tab.id);
  await waitForTestId(popup, 'verdict', VERDICT);
  assert.deepEqual(await rowsOf(popup), ['(212) 555-0175', '(305) 555-0188', '(415) 555-0134', '(800) 555-0100']);
  await popup.close();

  await stopped();
  await tab.page.evaluate(() => {
    document.querySelector('table').insertRow().innerHTML = '<td>New lead</td><td>(702) 555-0100</td>';
  });
  await tab.page.waitForFunction(
    () => document.querySelector('consent-guard-badge[data-consent-number="+17025550100"][data-consent]'),
    { timeout: 15_000 },
  );
  assert.equal(await ff.backgroundRunning(), true, 'the content script’s message woke the background');
  const again = await popupFor(tab.id);
  await waitForTestId(again.popup, 'number-row', '(702) 555-0100');
  assert.deepEqual(await rowsOf(again.popup), [
    '(212) 555-0175',
    '(305) 555-0188',
    '(415) 555-0134',
    '(702) 555-0100',
    '(800) 555-0100',
  ]);
  await again.popup.close();
});

test('the extension made no network request (every request of the browser went through a logging proxy)', async () => {
  const fixture = new Set([server.origin, server.plainOrigin].map((o) => new URL(o).host));
  const hostOf = (entry) => (entry.startsWith('CONNECT ') ? entry.slice(8) : new URL(entry).host);
  const seen = [...ff.proxyLog];
  // Pages' own requests go to the fixture server; nothing else may appear, whoever made it.
  assert.deepEqual(
    seen.filter((entry) => !fixture.has(hostOf(entry))),
    [],
  );
  assert.ok(seen.includes(`CONNECT ${new URL(server.origin).host}`), 'the proxy saw the pages’ requests');
  // The extension's own pages, the background included, cannot reach the network at all (the manifest's
  // CSP says connect-src 'none'): a fetch from the background is refused and never reaches the proxy.
  const before = ff.proxyLog.length;
  const fetched = await ff.control.evaluate(async (url) => {
    const background = await browser.runtime.getBackgroundPage();
    return background.fetch(url).then(
      () => 'sent',
      (error) => `refused: ${error.name}`,
    );
  }, `${server.plainOrigin}/canary-background`);
  assert.match(fetched, /^refused/);
  // The proxy is not blind: a request made on purpose from a page shows up.
  const tab = await tabWithNumbers();
  await tab.page.evaluate((url) => fetch(url).catch(() => {}), `${server.plainOrigin}/canary-page`);
  assert.deepEqual(
    ff.proxyLog.slice(before).map((entry) => new URL(entry).pathname),
    ['/canary-page'],
  );
  console.log(`firefox network: ${seen.length} requests through the proxy, all to the fixture server`);
});

test('store promo tile (440×280), made from the icon', async () => {
  const icon = fs.readFileSync(path.join(ROOT, 'public/icon/128.png')).toString('base64');
  const page = await ff.browser.newPage();
  await page.setViewport({ width: 440, height: 280 });
  await page.setContent(
    `<body style="margin:0;width:440px;height:280px;display:flex;align-items:center;gap:24px;padding:0 32px;box-sizing:border-box;background:#1d2939;color:#fff;font:600 30px/1.2 sans-serif">
      <img src="data:image/png;base64,${icon}" width="128" height="128" alt="">
      <div>Consent Guard<div style="font:400 16px/1.4 sans-serif;margin-top:8px;color:#d0d5dd">One-party or all-party consent, before you dial.</div></div>
    </body>`,
  );
  await page.screenshot({ path: path.join(STORE_DIR, 'promo-tile-440x280.png') });
  await page.close();
  const png = fs.readFileSync(path.join(STORE_DIR, 'promo-tile-440x280.png'));
  assert.deepEqual([png.readUInt32BE(16), png.readUInt32BE(20)], [440, 280]);
});
