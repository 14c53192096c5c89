// Scrolling a long list in Chromium with the built extension. A badge that shows inside a table makes
// the browser lay the whole table out again, so on a list of up to 5,000 numbers every badge is
// filled and shown once answered, and scrolling changes no badge; on a bigger page badges stay light
// placeholders until they come near the viewport. How long scrolling takes is measured side by side
// with the page alone by `npm run bench`; here, what is checked does not depend on the machine's load.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { FIXTURES_DIR, useExtension, waitForBadges, watchErrors } from './harness.mjs';

const env = useExtension();

/** Counts, from the page, every change of our badges' `hidden` attribute from now on. */
function countShowing(page) {
  return page.evaluate(() => {
    window.__shown = 0;
    new MutationObserver((records) => {
      for (const r of records) if (r.target.localName === 'consent-guard-badge') window.__shown++;
    }).observe(document, { subtree: true, attributes: true, attributeFilter: ['hidden'] });
  });
}

/** Wheels through the whole page, two screens at a time, letting each frame render. */
async function scrollThrough(page) {
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  await page.mouse.move(300, 300);
  for (let y = 0; y < height; y += 1600) {
    await page.mouse.wheel(0, 1600);
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0))));
  }
}

const counts = (page) =>
  page.evaluate(() => {
    const badges = [...document.getElementsByTagName('consent-guard-badge')];
    return { all: badges.length, shown: badges.filter((b) => !b.hidden).length };
  });

test('a 2,000-row list: every badge shows once answered, and scrolling through it shows or hides none', async () => {
  const truth = JSON.parse(fs.readFileSync(path.join(FIXTURES_DIR, 'pages', 'crm-list.truth.json'), 'utf8'));
  const expected = truth.frames.top.length;
  const page = await env.browser.context.newPage();
  await page.setViewportSize({ width: 1200, height: 800 });
  const errors = watchErrors(page);
  await page.goto(`${env.server.origin}/pages/crm-list.html`);
  await waitForBadges(page.mainFrame(), expected, 60_000);
  // Far below the viewport too: no badge waits for the agent to scroll to it.
  await page.waitForFunction(
    (n) =>
      [...document.getElementsByTagName('consent-guard-badge')].every((b) => !b.hidden) &&
      document.getElementsByTagName('consent-guard-badge').length >= n,
    expected,
    { timeout: 60_000, polling: 200 },
  );
  await countShowing(page);
  await scrollThrough(page);
  assert.equal(await page.evaluate(() => window.__shown), 0, 'a badge showed or hid while scrolling');
  assert.ok(await page.evaluate(() => window.scrollY > 10_000), 'the page scrolled to its end');
  assert.deepEqual(await counts(page), { all: expected, shown: expected });
  assert.deepEqual(errors, []);
  await page.close();
});

test('6,000 numbers: badges far from the viewport stay placeholders until scrolled near', async () => {
  const n = 6000;
  const page = await env.browser.context.newPage();
  await page.setViewportSize({ width: 1200, height: 800 });
  const errors = watchErrors(page);
  await page.goto(`${env.server.origin}/hostile/many.html?n=${n}`);
  await waitForBadges(page.mainFrame(), n, 120_000);
  // The near ones show; the far ones (most of the page) stay hidden placeholders.
  await page.waitForFunction(() => document.querySelector('consent-guard-badge:not([hidden])'), null, {
    timeout: 60_000,
  });
  const before = await counts(page);
  assert.equal(before.all, n);
  assert.ok(before.shown < n / 4, `${before.shown} of ${n} badges shown before any scrolling`);
  await scrollThrough(page);
  await page.waitForFunction(
    (count) => document.querySelectorAll('consent-guard-badge:not([hidden])').length >= count,
    before.shown + 1000,
    { timeout: 60_000, polling: 200 },
  );
  assert.deepEqual(errors, []);
  await page.close();
});
