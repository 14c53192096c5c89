// The dial check in Chromium with the built extension (issue #15 item 2, issue #16 item 2), on
// tests/fixtures/dial.html: plain tel:/callto: links, and a "softphone" section whose own script
// handles tel: clicks (a delegated listener that cancels the default and dials itself).
//
// How a dial is counted (the page's script, see the fixture): window.__handled[id] counts the page's
// own handler runs; window.__defaults[id] counts the clicks that ended their dispatch not cancelled,
// which is exactly when the browser runs the link's default (the tel: navigation) — read by the last
// listener of the dispatch (window, bubble phase), which then cancels it so no external dialer is
// launched. A dial is one of the two; the dial check must allow exactly one on Call, none on Cancel.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import {
  exposeOwnRoots,
  ROOT,
  screenshot,
  setWorkerClock,
  useExtension,
  waitForBadges,
  watchErrors,
} from './harness.mjs';

const env = useExtension();

/** The worker's clock fixed at `ms` (null: the real one again). */
const setClock = (ms) => setWorkerClock(env.browser.worker, ms);

async function setDialCheck(dialCheck) {
  await env.browser.worker.evaluate(async (value) => {
    const { settings } = await chrome.storage.sync.get('settings');
    await chrome.storage.sync.set({ settings: { ...(settings ?? { version: 2 }), dialCheck: value } });
  }, dialCheck);
}

const counts = (page) =>
  page.evaluate(() => ({
    handled: { ...window.__handled },
    defaults: { ...window.__defaults },
    buttons: window.__buttons,
  }));

/** The open confirmations: how many, and the text of the first (its closed root read through DevTools). */
async function dialBox(page) {
  await exposeOwnRoots(page);
  return page.evaluate(() => {
    const hosts = [...document.querySelectorAll('consent-guard-dial')];
    return { count: hosts.length, text: hosts[0]?.__ownRoot?.textContent ?? null };
  });
}

/** Waits until the confirmation holds `until` (its first sentence comes from the background). */
async function dialText(page, until, timeout = 10_000) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const { text } = await dialBox(page);
    if (text?.includes(until)) return text;
    if (Date.now() > deadline) throw new Error(`no confirmation holding ${JSON.stringify(until)}: ${text}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** A trusted mouse click on a control inside the confirmation's closed root. */
async function clickInDial(page, selector) {
  await exposeOwnRoots(page);
  const box = await page.evaluate((s) => {
    const el = document.querySelector('consent-guard-dial')?.__ownRoot?.querySelector(s);
    if (!el) return null;
    el.scrollIntoView({ block: 'center' });
    const r = el.getBoundingClientRect();
    return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
  }, selector);
  if (!box) throw new Error(`nothing matches ${selector} in the confirmation`);
  await page.mouse.click(box.x, box.y);
}

const disabledNow = (page) =>
  page.evaluate(() => document.querySelector('consent-guard-dial').__ownRoot.querySelector('button.call').disabled);

/** Which element has focus: a link's id, "dial" inside the confirmation (and which control), or the tag. */
const focused = (page) =>
  page.evaluate(() => {
    const active = document.activeElement;
    if (active?.tagName === 'CONSENT-GUARD-DIAL') {
      const inner = active.__ownRoot?.activeElement;
      return `dial:${inner?.className || inner?.type || inner?.tagName}`;
    }
    return active?.id || active?.tagName;
  });

async function openPage() {
  const page = await env.browser.context.newPage();
  const errors = watchErrors(page);
  await page.goto(`${env.server.origin}/dial.html`);
  // Every number answered (the check decides from the answers the page already has).
  await waitForBadges(page.mainFrame(), 6, 30_000);
  return { page, errors };
}

test('default setting: Call dials exactly once, Cancel never, with and without the page’s own tel: handler', {
  timeout: 120_000,
}, async () => {
  // Wednesday 2 December 2026, 20:00 UTC: 3 PM in New York, noon in California (open hours).
  await setClock(Date.parse('2026-12-02T20:00:00Z'));
  try {
    const { page, errors } = await openPage();
    // A one-party number in open hours dials straight through: no confirmation.
    await page.click('#oneparty');
    assert.equal((await dialBox(page)).count, 0);
    assert.deepEqual((await counts(page)).defaults, { oneparty: 1 });

    // Plain all-party link: Cancel → nothing; Call → the default once.
    await page.click('#plain');
    const text = await dialText(page, 'Read first:');
    assert.match(text, /all parties|everyone|All-party/i);
    assert.match(text, /Call/);
    assert.equal(await focused(page), 'dial:call', 'focus moves into the confirmation');
    await clickInDial(page, 'button:not(.call)');
    assert.equal((await dialBox(page)).count, 0);
    assert.equal(await focused(page), 'plain', 'focus goes back to the link');
    assert.deepEqual((await counts(page)).defaults, { oneparty: 1 });
    await page.click('#plain');
    await dialText(page, 'Read first:');
    // The README's picture: the confirmation beside its link.
    const picture = path.join(ROOT, 'docs/screenshots/dial-check.png');
    fs.mkdirSync(path.dirname(picture), { recursive: true });
    await page.screenshot({ path: picture, clip: { x: 0, y: 0, width: 640, height: 360 } });
    await screenshot(page, 'dial-check');
    await clickInDial(page, 'button.call');
    assert.equal((await dialBox(page)).count, 0);
    assert.deepEqual((await counts(page)).defaults, { oneparty: 1, plain: 1 });

    // The softphone's own handler: Cancel → it never runs; Call → it runs once (and it cancels the default).
    await page.click('#soft');
    await dialText(page, 'Read first:');
    assert.deepEqual((await counts(page)).handled, {});
    await clickInDial(page, 'button:not(.call)');
    assert.deepEqual((await counts(page)).handled, {});
    await page.click('#soft');
    await dialText(page, 'Read first:');
    await clickInDial(page, 'button.call');
    const after = await counts(page);
    assert.deepEqual(after.handled, { soft: 1 });
    assert.deepEqual(after.defaults, { oneparty: 1, plain: 1 }, 'the handled link has no default');

    // A page's own control without a tel: link is never held.
    await page.click('#page-button');
    assert.equal((await counts(page)).buttons, 1);
    assert.equal((await dialBox(page)).count, 0);

    // A double click shows one confirmation, and dials nothing.
    await page.dblclick('#plain');
    assert.equal((await dialBox(page)).count, 1);
    assert.deepEqual((await counts(page)).defaults, { oneparty: 1, plain: 1 });
    // Escape cancels, and focus goes back to the link.
    await page.keyboard.press('Escape');
    assert.equal((await dialBox(page)).count, 0);
    assert.equal(await focused(page), 'plain');

    // Keyboard: Enter on the focused link opens it, focus is on Call, Enter dials once.
    await page.focus('#callto');
    await page.keyboard.press('Enter');
    await dialText(page, 'Call');
    assert.equal(await focused(page), 'dial:call');
    await page.keyboard.press('Enter');
    assert.equal((await dialBox(page)).count, 0);
    assert.deepEqual((await counts(page)).defaults, { oneparty: 1, plain: 1, callto: 1 });
    // Enter, then Escape: no dial.
    await page.focus('#callto');
    await page.keyboard.press('Enter');
    await dialText(page, 'Call');
    await page.keyboard.press('Escape');
    assert.equal((await dialBox(page)).count, 0);
    assert.deepEqual((await counts(page)).defaults, { oneparty: 1, plain: 1, callto: 1 });

    // A page's synthetic click is the page's business: never held (nor counted twice).
    await page.evaluate(() => document.getElementById('soft').click());
    assert.deepEqual((await counts(page)).handled, { soft: 2 });
    assert.equal((await dialBox(page)).count, 0);
    assert.deepEqual(errors, []);
    await page.close();
  } finally {
    await setClock(null);
  }
});

test("do-not-call asks for an explicit tick whatever the setting; 'off' lets every other dial through", {
  timeout: 120_000,
}, async () => {
  await setClock(Date.parse('2026-12-02T20:00:00Z'));
  await setDialCheck('off');
  try {
    const { page, errors } = await openPage();
    // All-party, but the check is off: straight through.
    await page.click('#plain');
    assert.equal((await dialBox(page)).count, 0);
    // The record says Do Not Call: Y — held, Call disabled until the tick is set.
    await page.click('#dnc');
    const text = await dialText(page, 'I have checked this call is allowed');
    assert.match(text, /Do not call/);
    assert.equal(await focused(page), 'dial:checkbox', 'focus starts on the tick');
    // Space on the focused tick sets it; again, unsets it (Call follows).
    await page.keyboard.press('Space');
    assert.equal(await disabledNow(page), false);
    await page.keyboard.press('Space');
    await exposeOwnRoots(page);
    const disabled = () =>
      page.evaluate(() => document.querySelector('consent-guard-dial').__ownRoot.querySelector('button.call').disabled);
    assert.equal(await disabled(), true);
    await clickInDial(page, 'button.call');
    assert.deepEqual((await counts(page)).defaults, { plain: 1 }, 'a disabled Call dials nothing');
    await clickInDial(page, 'input[type=checkbox]');
    assert.equal(await disabled(), false);
    await clickInDial(page, 'button.call');
    assert.deepEqual((await counts(page)).defaults, { plain: 1, dnc: 1 });
    // Its unflagged neighbour (one-party, open hours) goes straight through.
    await page.click('#ok');
    assert.equal((await dialBox(page)).count, 0);
    assert.deepEqual((await counts(page)).defaults, { plain: 1, dnc: 1, ok: 1 });
    assert.deepEqual(errors, []);
    await page.close();
  } finally {
    await setDialCheck('risky');
    await setClock(null);
  }
});
