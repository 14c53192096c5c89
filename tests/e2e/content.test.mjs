// The content script on every page of the labelled corpus (tests/fixtures/pages), in Chromium with
// the built extension: the badges match the ground truth frame by frame, SPA updates leave no
// duplicate, the page sees no error, its own tel: handlers still run, and the dial pad is followed.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import zlib from 'node:zlib';
import {
  badgesIn,
  FIXTURES_DIR,
  panelText,
  ROOT,
  screenshot,
  useExtension,
  waitForBadges,
  watchErrors,
} from './harness.mjs';

const env = useExtension();

const truthOf = (name) => JSON.parse(fs.readFileSync(path.join(FIXTURES_DIR, 'pages', `${name}.truth.json`), 'utf8'));

const key = (b) => `${b.e164}${b.where === 'input' ? ' (input)' : ''}`;
const expectedKeys = (list) =>
  list.map((b) => key({ e164: b.e164, where: b.where === 'input' ? 'input' : 'other' })).sort();

/** Waits for `count` answered badges, then a little longer: a late duplicate would show. */
async function settle(frame, count) {
  await waitForBadges(frame, count);
  await new Promise((resolve) => setTimeout(resolve, 400));
}

async function assertFrame(frame, expected, label) {
  await settle(frame, expected.length);
  const actual = await badgesIn(frame);
  assert.deepEqual(actual.map(key).sort(), expectedKeys(expected), `${label}: badges differ from the truth`);
  return actual;
}

describe('badges match the ground truth on every page', () => {
  for (const name of [
    'contact',
    'call-log',
    'tel-links',
    'split-unicode',
    'notes',
    'billing',
    'international',
    'crm-list',
    'glued-and-wide',
  ]) {
    test(name, async () => {
      const truth = truthOf(name);
      const page = await env.browser.context.newPage();
      const errors = watchErrors(page);
      await page.goto(`${env.server.origin}/pages/${name}.html`);
      await assertFrame(page.mainFrame(), truth.frames.top, name);
      if (name === 'contact') await screenshot(page, 'badges-contact');
      assert.deepEqual(errors, [], 'no uncaught error in the page');
      await page.close();
    });
  }

  test('iframes: same-origin, srcdoc and about:blank frames each get their badges', async () => {
    const truth = truthOf('iframes');
    const page = await env.browser.context.newPage();
    const errors = watchErrors(page);
    await page.goto(`${env.server.origin}/pages/iframes.html`);
    const frameFor = (kind) => {
      const url = truth.frameUrls[kind];
      if (kind === 'top') return page.mainFrame();
      return page
        .frames()
        .find(
          (f) => f !== page.mainFrame() && (url.startsWith('about:') ? f.url() === url : f.url().endsWith(`/${url}`)),
        );
    };
    for (const kind of Object.keys(truth.frames)) {
      const frame = frameFor(kind);
      assert.ok(frame, `frame ${kind} exists`);
      await assertFrame(frame, truth.frames[kind], `frame ${kind}`);
    }
    assert.deepEqual(errors, []);
    await page.close();
  });

  test('shadow roots, including one attached later', async () => {
    const truth = truthOf('shadow');
    const page = await env.browser.context.newPage();
    const errors = watchErrors(page);
    await page.goto(`${env.server.origin}/pages/shadow.html`);
    await page.waitForSelector('body[data-shadow-done="true"]');
    await assertFrame(page.mainFrame(), truth.frames.top, 'shadow');
    assert.deepEqual(errors, []);
    await page.close();
  });
});

test('an SPA that adds, edits and removes rows ends with exactly its numbers badged, once each', async () => {
  const truth = truthOf('spa');
  const page = await env.browser.context.newPage();
  const errors = watchErrors(page);
  await page.goto(`${env.server.origin}/pages/spa.html`);
  await page.waitForSelector('body[data-spa-done="true"]');
  await assertFrame(page.mainFrame(), truth.frames.top, 'spa (final)');
  // Every badge sits right after the node it belongs to: no orphan, no pair.
  const orphans = await page.evaluate(
    () => [...document.querySelectorAll('consent-guard-badge')].filter((b) => b.previousSibling === null).length,
  );
  assert.equal(orphans, 0);
  assert.deepEqual(errors, []);
  await page.close();
});

test('the page’s own tel: handlers still run, and a badge click stays ours', async () => {
  const page = await env.browser.context.newPage();
  const errors = watchErrors(page);
  await page.goto(`${env.server.origin}/pages/tel-links.html`);
  await settle(page.mainFrame(), truthOf('tel-links').frames.top.length);
  await page.evaluate(() => {
    window.__telClicks = [];
    window.__anyClicks = 0;
    document.addEventListener('click', (event) => {
      window.__anyClicks++;
      const link = event.target.closest?.('a[href^="tel:"]');
      if (link) {
        window.__telClicks.push(link.getAttribute('href'));
        event.preventDefault(); // a dialer would place the call here
      }
    });
  });
  const link = page.locator('a[href^="tel:"]').first();
  const href = await link.getAttribute('href');
  await link.click();
  // The dial check asks first for an all-party or unknown number (tests/e2e/dial-check.test.mjs): it
  // shows in the click itself with focus on Call, and Enter lets the page's handler run, once.
  if (await page.evaluate(() => document.querySelector('consent-guard-dial') !== null)) {
    assert.deepEqual(await page.evaluate(() => window.__telClicks), []);
    await page.keyboard.press('Enter');
  }
  assert.deepEqual(await page.evaluate(() => window.__telClicks), [href]);
  // A badge click opens our panel and does not reach the page's handlers.
  const clicksBefore = await page.evaluate(() => window.__anyClicks);
  await page.locator('consent-guard-badge[data-consent]').first().click();
  // How to read it: recording first, and what to do after a no (issue #12).
  assert.match(await panelText(page, 'Copy disclaimer'), /Start the recording first, then read this/);
  await page.locator('consent-guard-panel').scrollIntoViewIfNeeded();
  assert.equal(await page.evaluate(() => window.__anyClicks), clicksBefore);
  await screenshot(page, 'badge-panel');
  await page.keyboard.press('Escape');
  await page.locator('consent-guard-panel').waitFor({ state: 'detached' });
  assert.deepEqual(errors, []);
  await page.close();
});

test('the dial pad: typing and keypad clicks update the input’s badge', async () => {
  const truth = truthOf('dialer');
  const page = await env.browser.context.newPage();
  const errors = watchErrors(page);
  await page.goto(`${env.server.origin}/pages/dialer.html`);
  await assertFrame(page.mainFrame(), truth.frames.top, 'dialer (static)');
  for (const scenario of truth.scenarios) {
    for (const selector of scenario.clicks) await page.click(selector);
    const expectedInput = scenario.frames.top.find((b) => b.where === 'input');
    await page.waitForFunction(
      (e164) => document.querySelector(`input + consent-guard-badge[data-consent-number="${e164}"][data-consent]`),
      expectedInput.e164,
    );
    await assertFrame(page.mainFrame(), scenario.frames.top, `dialer (${scenario.name})`);
  }
  // Typing by hand: the badge follows the value.
  const input = page.locator('input[type="tel"]').first();
  await input.fill('');
  await input.pressSequentially('(305) 555-0111');
  await page.waitForFunction(() =>
    document.querySelector('input + consent-guard-badge[data-consent-number="+13055550111"][data-consent="all-party"]'),
  );
  await screenshot(page, 'dialer');
  await input.fill('');
  await page.waitForFunction(() => !document.querySelector('input + consent-guard-badge'));
  assert.deepEqual(errors, []);
  await page.close();
});

test('the content script stays small: no zod, no settings store, no law or disclaimer tables', () => {
  const file = path.join(ROOT, '.output/chrome-mv3/content-scripts/content.js');
  const code = fs.readFileSync(file, 'utf8');
  const gzip = zlib.gzipSync(code).length;
  console.log(`content script: ${code.length} bytes raw, ${gzip} gzip`);
  // Answers, laws, hours and disclaimers are the background's: the page gets them by message.
  for (const marker of ['ZodMini', 'Palmer v. State', 'canada-non-geographic-reserved', 'announce-always'])
    assert.ok(!code.includes(marker), `${marker} is in the content script`);
  // The budget is 40 KB; it is not met yet (docs: README known limits). This bound stops it growing back:
  // 54,000 after the engine work, 56,000 since the do-not-call badge words and the record places it
  // reports (issues #16, #11), both measured; 59,000 since the record's do-not-call reader is wired in
  // (55,903 → 58,599 measured); 64,000 since the dial check (issue #15 item 2: its listener, the
  // confirmation in a closed shadow root and its styles; 58,710 → 63,816 measured). Moving the record
  // reader to the background is the way down.
  assert.ok(code.length < 64_000, `${code.length} bytes`);
});
