// Record locations in Chromium with the built extension: on the labelled location pages each badge's
// data-consent-location and data-consent match the truth written by make-location-pages.mjs; a row
// whose State changes moves its badge's location; the details panel says where the place came from.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import {
  badgesIn,
  exposeOwnRoots,
  FIXTURES_DIR,
  panelText,
  ROOT,
  screenshot,
  useExtension,
  waitForBadges,
  watchErrors,
} from './harness.mjs';

const env = useExtension();
const truthOf = (name) =>
  JSON.parse(fs.readFileSync(path.join(FIXTURES_DIR, 'pages', `${name}.truth.json`), 'utf8')).numbers;

async function open(name) {
  const page = await env.browser.context.newPage();
  const errors = watchErrors(page);
  await page.goto(`${env.server.origin}/pages/${name}.html`);
  return { page, errors };
}

describe('record locations on the labelled pages', () => {
  for (const name of ['loc-list', 'loc-contact', 'loc-dialer', 'loc-zip']) {
    test(name, { timeout: 60_000 }, async () => {
      const truth = truthOf(name);
      const { page, errors } = await open(name);
      await waitForBadges(page.mainFrame(), truth.length, 30_000);
      await new Promise((resolve) => setTimeout(resolve, 400));
      const badges = await badgesIn(page.mainFrame());
      assert.equal(badges.length, truth.length, 'one badge per number');
      const byNumber = new Map(badges.map((b) => [b.e164, b]));
      let located = 0;
      let right = 0;
      let consentRight = 0;
      for (const t of truth) {
        const b = byNumber.get(t.e164);
        if (b?.location) located++;
        if (t.location && b?.location === t.location) right++;
        if (b?.consent === t.consent) consentRight++;
      }
      const truthLocated = truth.filter((t) => t.location).length;
      const figures = {
        precision: right / Math.max(1, located),
        recall: right / truthLocated,
        consent: consentRight / truth.length,
      };
      console.log(`${name}: ${JSON.stringify(figures)}`);
      assert.ok(figures.precision >= 0.98, `location precision ${figures.precision}`);
      assert.ok(figures.recall >= 0.95, `location recall ${figures.recall}`);
      assert.ok(figures.consent >= 0.99, `data-consent right for ${figures.consent}`);
      assert.deepEqual(errors, [], 'no uncaught error in the page');
      await page.close();
    });
  }

  test('a row whose State changes moves its badge to the new place; clearing it takes the place away', async () => {
    const { page, errors } = await open('loc-list');
    const truth = truthOf('loc-list');
    await waitForBadges(page.mainFrame(), truth.length, 30_000);
    const row = truth.find((t) => t.e164.startsWith('+1212') && t.location === null);
    assert.ok(row, 'a New York number with no State in the list');
    const badgeOf = () => badgesIn(page.mainFrame()).then((list) => list.filter((b) => b.e164 === row.e164));
    const setState = (value) =>
      page.evaluate(
        ({ e164, value }) => {
          const digits = e164.slice(-4);
          const tr = [...document.querySelectorAll('#leads tbody tr')].find(
            (r) => r.cells[1].textContent.includes(digits) && r.cells[1].textContent.includes('212'),
          );
          tr.cells[3].textContent = value;
        },
        { e164: row.e164, value },
      );
    const until = async (test) => {
      for (let i = 0; i < 100; i++) {
        const list = await badgeOf();
        if (test(list)) return list;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      throw new Error(`badge never changed: ${JSON.stringify(await badgeOf())}`);
    };
    await setState('CA');
    const moved = await until((list) => list.length === 1 && list[0].location === 'CA');
    assert.equal(moved[0].consent, 'all-party', 'New York number, California record: all-party');
    await setState('');
    const back = await until((list) => list.length === 1 && list[0].location === null);
    assert.equal(back[0].consent, 'one-party');
    assert.deepEqual(errors, []);
    await page.close();
  });

  test('the dialer’s conflict badge: record California, number New York; the panel says both', async () => {
    const { page, errors } = await open('loc-dialer');
    await waitForBadges(page.mainFrame(), truthOf('loc-dialer').length, 30_000);
    const badge = page.locator('#current consent-guard-badge');
    assert.equal(await badge.getAttribute('data-consent-location'), 'CA');
    assert.equal(await badge.getAttribute('data-consent'), 'all-party');
    await exposeOwnRoots(page);
    const label = await badge.evaluate((b) => b.__ownRoot.querySelector('button').textContent);
    assert.match(label, /CA \(record\) · NY/);
    await page.setViewportSize({ width: 900, height: 640 });
    await page.evaluate(() => window.scrollTo(0, 0));
    await badge.click();
    await panelText(page, 'Location from the record');
    const where = await page.evaluate(
      () => document.querySelector('consent-guard-panel').__ownRoot.querySelector('.where').textContent,
    );
    assert.match(where, /Location from the record: “Oakland, California” \(an address\); from the area code: NY/);
    const reasons = await page.evaluate(
      () => document.querySelector('consent-guard-panel').__ownRoot.querySelector('ul').textContent,
    );
    assert.match(reasons, /Record: Oakland, California · number issued in NY/);
    assert.match(reasons, /California's rule wins/);
    // The README's picture: the current lead's card with its badge and the open panel (focus scrolls
    // the panel into view: the picture is clipped from the whole page instead).
    const top = await page.evaluate(
      () => document.querySelector('#current').getBoundingClientRect().top + window.scrollY,
    );
    const picture = path.join(ROOT, 'docs/screenshots/location-conflict.png');
    fs.mkdirSync(path.dirname(picture), { recursive: true });
    await page.screenshot({
      path: picture,
      fullPage: true,
      clip: { x: 0, y: Math.max(0, top - 8), width: 760, height: 600 },
    });
    await screenshot(page, 'location-conflict');
    assert.deepEqual(errors, []);
    await page.close();
  });
});
