// Do-not-call flags from the record in Chromium with the built extension: on the Salesforce-like,
// HubSpot-like and plain-table pages (written with their truth by make-dnc-pages.mjs) each badge's
// data-consent-dnc is "record" exactly where the number's own record is flagged; the header's number
// (page chrome, "Do Not Call: Yes" beside it) never is; unticking a record's box clears its badges.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { badgeLabels, FIXTURES_DIR, panelText, useExtension, waitForBadges, watchErrors } from './harness.mjs';

const env = useExtension();
const truthOf = (name) =>
  JSON.parse(fs.readFileSync(path.join(FIXTURES_DIR, 'dnc', `${name}.truth.json`), 'utf8')).numbers;

const marksOn = (page) =>
  page.evaluate(() =>
    Object.fromEntries(
      [...document.querySelectorAll('consent-guard-badge[data-consent]')].map((b) => [
        b.dataset.consentNumber,
        b.getAttribute('data-consent-dnc'),
      ]),
    ),
  );

for (const name of ['salesforce', 'hubspot', 'table']) {
  test(`${name}: "Do not call" on exactly the flagged records' numbers`, { timeout: 90_000 }, async () => {
    const truth = truthOf(name);
    const page = await env.browser.context.newPage();
    const errors = watchErrors(page);
    await page.goto(`${env.server.origin}/dnc/${name}.html`);
    await waitForBadges(page.mainFrame(), truth.length, 30_000);
    const marks = await marksOn(page);
    for (const t of truth) assert.equal(marks[t.e164] ?? null, t.dnc, `${name} ${t.e164}`);
    const flagged = truth.find((t) => t.dnc);
    const words = await badgeLabels(page);
    assert.match(words[flagged.e164], /^⊘Do not call · /);
    assert.deepEqual(errors, []);
    await page.close();
  });
}

test('a record rendered again with its Do Not Call box unticked clears its badges; the panel says why while it is ticked', {
  timeout: 90_000,
}, async () => {
  const page = await env.browser.context.newPage();
  await page.goto(`${env.server.origin}/dnc/salesforce.html`);
  await waitForBadges(page.mainFrame(), truthOf('salesforce').length, 30_000);
  assert.equal((await marksOn(page))['+12125550101'], 'record');
  const box = await page.locator('consent-guard-badge[data-consent-number="+12125550101"]').boundingBox();
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  assert.match(await panelText(page, 'flagged'), /Do not call: the record this number is in is flagged do-not-call/);
  await page.keyboard.press('Escape');
  // The CRM saves the record and renders the field again, unticked (a property-only toggle with no DOM
  // change is seen at the next change of the record).
  await page.evaluate(() => {
    const field = document.getElementById('dnc0').parentElement;
    const fresh = field.cloneNode(true);
    fresh.querySelector('input').removeAttribute('checked');
    field.replaceWith(fresh);
  });
  const deadline = Date.now() + 15_000;
  let marks;
  do {
    await new Promise((resolve) => setTimeout(resolve, 200));
    marks = await marksOn(page);
  } while ((marks['+12125550101'] || marks['+12125550102']) && Date.now() < deadline);
  assert.equal(marks['+12125550101'], null);
  assert.equal(marks['+12125550102'], null);
  assert.equal(marks['+13055550104'], 'record', 'another record keeps its flag');
  await page.close();
});
