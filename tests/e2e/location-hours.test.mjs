// Calling hours from the record's place, in real Chromium at fixed clocks: the service worker's Date is
// replaced (as in calling-hours.test.mjs). Each badge's data-consent, data-consent-location and
// data-consent-calling must match loc-hours.truth.json, written by make-location-pages.mjs by hand from
// the statutes' windows (never by running the product).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { FIXTURES_DIR, setWorkerClock, useExtension, waitForBadges, watchErrors } from './harness.mjs';

const env = useExtension();
const truth = JSON.parse(fs.readFileSync(path.join(FIXTURES_DIR, 'pages', 'loc-hours.truth.json'), 'utf8'));

/** The worker's clock fixed at `ms` (null: the real one again). */
const setClock = (ms) => setWorkerClock(env.browser.worker, ms);

function badgeStates(frame) {
  return frame.evaluate(() => {
    const out = {};
    for (const el of document.querySelectorAll('consent-guard-badge[data-consent]')) {
      out[el.dataset.consentNumber] = {
        consent: el.dataset.consent,
        location: el.dataset.consentLocation ?? null,
        calling: el.dataset.consentCalling,
      };
    }
    return out;
  });
}

for (const instant of Object.keys(truth.instants)) {
  test(`record places set the calling hours at ${truth.instants[instant]}`, { timeout: 60_000 }, async () => {
    await setClock(Date.parse(truth.instants[instant]));
    const page = await env.browser.context.newPage();
    const errors = watchErrors(page);
    await page.goto(`${env.server.origin}/pages/loc-hours.html`);
    await waitForBadges(page.mainFrame(), truth.numbers.length, 30_000);
    const states = await badgeStates(page.mainFrame());
    for (const t of truth.numbers) {
      assert.deepEqual(
        states[t.e164],
        { consent: t.consent, location: t.location, calling: t.calling[instant] },
        `${t.e164}: ${t.why}`,
      );
    }
    assert.deepEqual(errors, []);
    await page.close();
  });
}
