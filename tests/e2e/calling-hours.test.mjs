// Calling hours in real Chromium at a fixed clock: the background's Date is replaced in the service
// worker (Playwright's worker.evaluate), so every answer is computed at the instant the test names and
// nothing waits for a real clock. The page and the popup show what the background computed (the
// minutes until opening included), so they need no clock of their own.
//
// Expected states are written from the statutes, not read from the product:
// - Sunday 6 December 2026, 20:30 EST (2026-12-07T01:30Z): Miami 8:30 pm, closed by Florida's 8 pm
//   (Fla. Stat. § 501.616(6)(a)), opens Monday 8:00 AM, 11 h 30 min later; Houston 7:30 pm, open
//   (Texas: Sunday noon–9 pm, Tex. Bus. & Com. Code § 301.051); Toronto 8:30 pm, closed (CRTC weekend
//   10 am–6 pm), opens Monday 9:00 AM; Los Angeles 5:30 pm, open (federal 8 am–9 pm); Pensacola's 850
//   spans Eastern (8:30 pm, closed) and Central (7:30 pm, open): partly; Salt Lake City, Sunday: closed
//   (Utah Code § 13-25a-103(3)), opens Monday 8:00 AM.
// - Sunday 6 December 2026, 10:00 CST (16:00Z): Houston closed until noon; Miami 11 am and Toronto
//   11 am open; Los Angeles 8:00 am open.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  badgesIn,
  exposeOwnRoots,
  openPopup,
  panelText,
  setWorkerClock,
  tabIdOf,
  useExtension,
  waitForBadges,
  watchErrors,
} from './harness.mjs';

const env = useExtension();
const EVENING = Date.parse('2026-12-07T01:30:00Z');
const MORNING = Date.parse('2026-12-06T16:00:00Z');

/** The worker's clock fixed at `ms` (null: the real one again). */
const setClock = (ms) => setWorkerClock(env.browser.worker, ms);

/** Each badge's number → [data-consent-calling, visible text]. */
async function callingOf(frame) {
  // A badge is answered (data-consent) before its words are written, in the next frames: wait until every
  // answered badge on this short page has its root and words, reading the roots again each time.
  for (let tries = 0; ; tries++) {
    await exposeOwnRoots(frame.page());
    const filled = await frame.evaluate(() =>
      [...document.querySelectorAll('consent-guard-badge[data-consent]')].every(
        (el) => el.__ownRoot?.querySelector('button')?.textContent,
      ),
    );
    if (filled) break;
    if (tries >= 50) throw new Error('badges answered but their words never came');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return frame.evaluate(() => {
    const out = {};
    for (const el of document.querySelectorAll('consent-guard-badge[data-consent]')) {
      out[el.dataset.consentNumber] = [el.dataset.consentCalling, el.__ownRoot.querySelector('button').textContent];
    }
    return out;
  });
}

async function openList() {
  const page = await env.browser.context.newPage();
  const errors = watchErrors(page);
  await page.goto(`${env.server.origin}/calling-hours.html`);
  await waitForBadges(page.mainFrame(), 6);
  return { page, errors };
}

test('Sunday 8:30 pm Eastern: badges say closed with the opening time, partly for 850, nothing extra when open', async () => {
  await setClock(EVENING);
  const { page, errors } = await openList();
  const calling = await callingOf(page.mainFrame());
  assert.deepEqual(Object.fromEntries(Object.entries(calling).map(([n, [state]]) => [n, state])), {
    '+13055550188': 'closed',
    '+17135550142': 'open',
    '+14165550123': 'closed',
    '+12135550134': 'open',
    '+18505550177': 'partly',
    '+18015550166': 'closed',
  });
  assert.match(calling['+13055550188'][1], /FL · all-party · opens Monday 8:00 AM$/);
  assert.match(calling['+14165550123'][1], /^.?ON · .+ · opens Monday 9:00 AM$/);
  assert.match(calling['+18505550177'][1], /· hours unclear$/);
  assert.doesNotMatch(calling['+17135550142'][1], /opens|unclear|closed/);
  await exposeOwnRoots(page);
  const label = await page.evaluate(() =>
    document
      .querySelector('consent-guard-badge[data-consent-number="+13055550188"]')
      .__ownRoot.querySelector('button')
      .getAttribute('aria-label'),
  );
  assert.match(label, /Outside calling hours now; opens Monday 8:00 AM\./);

  // The panel: closed until when, in how long, and the rule that decided.
  await page.locator('consent-guard-badge[data-consent-number="+13055550188"]').click();
  await panelText(page, 'Calling hours: closed until Monday 8:00 AM, in 11 h 30 min.');
  const hours = await page.evaluate(() => {
    const block = document.querySelector('consent-guard-panel').__ownRoot.querySelector('.hours');
    return { text: block.textContent, calling: block.getAttribute('data-calling') };
  });
  assert.match(hours.text, /Decided by Florida \(Fla\. Stat\. § 501\.616\(6\)/);
  // The state's own notes too, not only in the CLI's table.
  assert.match(hours.text, /Calls to a Florida area code are presumed to reach a Florida resident/);
  assert.equal(hours.calling, 'closed');
  assert.deepEqual(errors, []);

  // The popup for this tab: the verdict counts the closed numbers; each row says until when.
  const tabId = await tabIdOf(env.browser.worker, page);
  const popup = await openPopup(env.browser.context, env.browser.extensionId, `?tab=${tabId}`);
  await popup
    .getByTestId('verdict-closed')
    .filter({ hasText: '3 of these numbers are outside calling hours now.' })
    .waitFor();
  const miami = popup.getByTestId('number-row').filter({ hasText: '(305) 555-0188' });
  assert.match(await miami.textContent(), /8:30 PM local · closed until Monday 8:00 AM \(in 11 h 30 min\)/);
  const houston = popup.getByTestId('number-row').filter({ hasText: '(713) 555-0142' });
  assert.match(await houston.textContent(), /7:30 PM local · open until 9:00 PM/);
  await miami.click();
  assert.match(await popup.getByTestId('details-hours').textContent(), /Decided by Florida/);
  await popup.close();
  await page.close();
});

test('Sunday 10 am Central: Houston closed until noon (Texas), the others open', async () => {
  await setClock(MORNING);
  const { page, errors } = await openList();
  const calling = await callingOf(page.mainFrame());
  assert.equal(calling['+17135550142'][0], 'closed');
  assert.match(calling['+17135550142'][1], /TX · .* · opens 12:00 PM$/);
  for (const n of ['+13055550188', '+14165550123', '+12135550134']) assert.equal(calling[n][0], 'open', n);
  assert.equal(calling['+18015550166'][0], 'closed'); // Utah: no sales calls on Sunday
  assert.deepEqual(errors, []);
  await page.close();
});

test('a service call purpose shows the hours as information only: no badge says closed', async () => {
  await setClock(EVENING);
  await env.browser.worker.evaluate(() =>
    chrome.storage.sync.set({ settings: { version: 2, callPurpose: 'service' } }),
  );
  try {
    const { page } = await openList();
    const states = Object.values(await callingOf(page.mainFrame())).map(([state]) => state);
    assert.deepEqual([...new Set(states)], ['info']);
    assert.equal((await badgesIn(page.mainFrame())).length, 6);
    await page.close();
  } finally {
    await env.browser.worker.evaluate(() => chrome.storage.sync.remove('settings'));
  }
});
