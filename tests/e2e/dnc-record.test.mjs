// Do-not-call flags from the record in Chromium with the built extension: on the Salesforce-like,
// HubSpot-like and plain-table pages (written with their truth by make-dnc-pages.mjs) each badge's
// data-consent-dnc is "record" exactly where the number's own record is flagged; the header's number
// (page chrome, "Do Not Call: Yes" beside it) never is; unticking a record's box clears its badges;
// with one-party badges off a flagged one-party number still shows; the popup's summary knows the flags.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import {
  badgeLabels,
  FIXTURES_DIR,
  openPopup,
  panelText,
  setWorkerClock,
  tabIdOf,
  useExtension,
  waitForBadges,
  watchErrors,
} from './harness.mjs';

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

/** Waits until `check(marks)` holds (answers and re-renders land in frames after the page changes). */
async function marksWhen(page, check, timeout = 15_000) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const marks = await marksOn(page);
    if (check(marks) || Date.now() > deadline) return marks;
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
}

/** A badge's words once written (they are written in the frames after its answer). */
async function wordsOf(page, e164, timeout = 10_000) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const words = (await badgeLabels(page))[e164] ?? '';
    if (words || Date.now() > deadline) return words;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The worker's clock fixed at `ms` (null: the real one again). */
const setClock = (ms) => setWorkerClock(env.browser.worker, ms);

async function setOneParty(on) {
  await env.browser.worker.evaluate(async (badgeOneParty) => {
    const { settings } = await chrome.storage.sync.get('settings');
    await chrome.storage.sync.set({ settings: { ...settings, badgeOneParty } });
  }, on);
}

for (const name of ['salesforce', 'hubspot', 'table']) {
  test(`${name}: "Do not call" on exactly the flagged records' numbers`, { timeout: 90_000 }, async () => {
    const truth = truthOf(name);
    const page = await env.browser.context.newPage();
    const errors = watchErrors(page);
    await page.goto(`${env.server.origin}/dnc/${name}.html`);
    await waitForBadges(page.mainFrame(), truth.length, 30_000);
    const marks = await marksOn(page);
    assert.equal(Object.keys(marks).length, truth.length, 'one badge per number');
    const wrong = truth.filter((t) => (marks[t.e164] ?? null) !== t.dnc);
    assert.deepEqual(wrong, [], `${name}: every number's data-consent-dnc equals the truth`);
    const flagged = truth.filter((t) => t.dnc);
    const falseFlags = Object.entries(marks).filter(([e164, dnc]) => dnc && !flagged.some((t) => t.e164 === e164));
    console.log(`# ${name}: ${flagged.length} flagged of ${truth.length}, ${falseFlags.length} false flags`);
    assert.deepEqual(falseFlags, []);
    assert.match(await wordsOf(page, flagged[0].e164), /^⊘Do not call · /);
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
  await wordsOf(page, '+12125550101');
  const box = await page.locator('consent-guard-badge[data-consent-number="+12125550101"]').boundingBox();
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  assert.match(await panelText(page, 'flagged'), /Do not call: the record this number is in is flagged do-not-call/);
  await page.keyboard.press('Escape');
  // The CRM saves the record and renders the field again, unticked.
  await page.evaluate(() => {
    const field = document.getElementById('dnc0').parentElement;
    const fresh = field.cloneNode(true);
    fresh.querySelector('input').removeAttribute('checked');
    field.replaceWith(fresh);
  });
  const marks = await marksWhen(page, (m) => !m['+12125550101'] && !m['+12125550102']);
  assert.equal(marks['+12125550101'], null);
  assert.equal(marks['+12125550102'], null);
  assert.equal(marks['+13055550104'], 'record', 'another record keeps its flag');
  await page.close();
});

test('with one-party badges off, a flagged one-party number still shows; the popup summary says "Do not call"', {
  timeout: 90_000,
}, async () => {
  const truth = truthOf('table');
  // Wednesday 3 PM Eastern, 10 AM in Hawaii: open hours everywhere, so no one-party badge shows for its hours.
  await setClock(Date.parse('2026-12-02T20:00:00Z'));
  await setOneParty(false);
  try {
    const page = await env.browser.context.newPage();
    const errors = watchErrors(page);
    await page.goto(`${env.server.origin}/dnc/table.html`);
    await waitForBadges(page.mainFrame(), truth.length, 30_000);
    // Visible badges once their words are written: every flagged one is among them.
    const flagged = truth.filter((t) => t.dnc).map((t) => t.e164);
    const deadline = Date.now() + 15_000;
    let visible;
    do {
      await new Promise((resolve) => setTimeout(resolve, 150));
      visible = await page.evaluate(() =>
        [...document.querySelectorAll('consent-guard-badge[data-consent]')]
          .filter((b) => !b.hidden)
          .map((b) => ({ e164: b.dataset.consentNumber, consent: b.dataset.consent, dnc: b.dataset.consentDnc })),
      );
    } while (!flagged.every((e) => visible.some((v) => v.e164 === e)) && Date.now() < deadline);
    for (const e164 of flagged)
      assert.ok(
        visible.some((v) => v.e164 === e164 && v.dnc === 'record'),
        e164,
      );
    // Every one-party number shown is shown for a reason: here, its flag.
    const oneParty = visible.filter((v) => v.consent === 'one-party');
    assert.ok(oneParty.length > 0, 'the table has a flagged one-party number');
    for (const v of oneParty) assert.equal(v.dnc, 'record', `${v.e164} is one-party and shown only for its flag`);

    const tabId = await tabIdOf(env.browser.worker, page);
    const popup = await openPopup(env.browser.context, env.browser.extensionId, `?tab=${tabId}`);
    await popup.getByTestId('number-row').first().waitFor();
    const chips = await popup.locator('[data-testid="number-row"] [data-consent-dnc="record"]').count();
    assert.equal(chips, flagged.length, 'one "Do not call" chip per flagged number');
    assert.deepEqual(errors, []);
    await popup.close();
    await page.close();
  } finally {
    await setOneParty(true);
    await setClock(null);
  }
});
