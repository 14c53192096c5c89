// The page as an adversary, continued (issue #18 items 1, 2, 5, 7, 8, 9), in Chromium with the built
// extension: each test is a hostile page (tests/fixtures/hostile) that tries one attack, and records
// what happened for docs/robustness.md (tests/robustness-report.mjs).
import assert from 'node:assert/strict';
import {
  badgesIn,
  clickInPanel,
  exposeOwnRoots,
  openPopup,
  panelText,
  tabIdOf,
  useExtension,
  waitForBadges,
  watchErrors,
} from './harness.mjs';
import { robustnessSuite } from './robustness-suite.mjs';

const CLIPBOARD_BLOCKED = { 'permissions-policy': 'clipboard-write=(), clipboard-read=()' };
const env = useExtension({ '/hostile/clipboard.html': CLIPBOARD_BLOCKED });
const AREA = 'The page as an adversary (e2e)';
const suite = robustnessSuite('e2e-guard-');
const row = (id, tried, result, figures) => suite.row(id, { area: AREA, tried, result, figures });
const test = (name, id, body) => suite.test(name, { ids: [id], area: AREA }, body);

/** The agent's details: none of them may reach a page. */
const AGENT = { agent: 'Dana Agent', company: 'Acme Health Collections', agentRegion: 'FL' };
const SECRETS = ['Dana Agent', 'Acme Health', 'You are in', 'Florida'];
const FULL_DISCLAIMER =
  "Hi, this is Dana Agent calling from Acme Health Collections. I'd like to record this call for quality and training purposes. Is that okay with you?";

async function setSettings(settings) {
  await env.browser.worker.evaluate((s) => chrome.storage.sync.set({ settings: s }), { version: 2, ...settings });
}

async function open(path) {
  const page = await env.browser.context.newPage();
  const errors = watchErrors(page);
  await page.goto(`${env.server.origin}/hostile/${path}`);
  return { page, errors };
}

/** The clipboard, read on a page of the plain origin (where reading is granted). */
async function readClipboard() {
  await env.browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: env.server.plainOrigin });
  const reader = await env.browser.context.newPage();
  await reader.goto(`${env.server.plainOrigin}/hostile/forged.html`);
  await reader.bringToFront();
  const text = await reader.evaluate(() => navigator.clipboard.readText());
  await reader.close();
  return text;
}

async function writeClipboard(text) {
  await env.browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: env.server.plainOrigin });
  const writer = await env.browser.context.newPage();
  await writer.goto(`${env.server.plainOrigin}/hostile/forged.html`);
  await writer.bringToFront();
  await writer.evaluate((t) => navigator.clipboard.writeText(t), text);
  await writer.close();
}

test(
  'the page cannot open our panel, read the agent’s details, or point a badge at a number of its choosing',
  'spy',
  async () => {
    await setSettings(AGENT);
    const { page, errors } = await open('spy.html');
    await waitForBadges(page.mainFrame(), 2);
    await page.evaluate(() => window.__attack());
    await page.waitForSelector('body[data-attack-done]');
    const afterSynthetic = await page.evaluate(() => window.__spy.panelsAfterSynthetic);
    assert.equal(afterSynthetic, 0, 'a synthetic click or key opened a panel');
    // The agent clicks the badge the page re-pointed at a Texas number: the panel answers for the badge's own number.
    await page.bringToFront();
    await page.locator('consent-guard-badge').first().click();
    const shown = await panelText(page, 'Copy disclaimer');
    assert.match(shown, /\+12125550175/);
    assert.doesNotMatch(shown, /\+12145550100|TX/);
    assert.match(shown, /\[your name\] calling from \[your company\]/);
    await page.waitForSelector('body[data-panel-done]', { timeout: 10_000 });
    const spy = await page.evaluate(() => window.__spy);
    assert.equal(spy.panelStillOpen, true, 'a synthetic Escape or outside click closed the panel');
    assert.ok(spy.roots.length >= 3 && spy.roots.every((r) => r === 'closed'), `roots: ${spy.roots.join(',')}`);
    const leaks = [];
    for (const read of spy.reads)
      for (const [kind, text] of Object.entries(read))
        for (const secret of SECRETS) if (text.includes(secret)) leaks.push(`${read.label}/${kind}: ${secret}`);
    assert.deepEqual(leaks, [], 'the agent’s details reached the page');
    // What the page can still read (the flat tree's text through a selection): the panel's callee facts.
    const panelRead = spy.reads.find((r) => r.label === 'panel open');
    const selectionSeesPanel = panelRead.selection.includes('[your name]');
    // The agent's own copy: the full text, which never was on the page.
    await clickInPanel(page, 'button.primary');
    await exposeOwnRoots(page);
    await page.waitForFunction(
      () => document.querySelector('consent-guard-panel')?.__ownRoot?.querySelector('.status')?.textContent,
    );
    const status = await page.evaluate(
      () => document.querySelector('consent-guard-panel').__ownRoot.querySelector('.status').textContent,
    );
    assert.equal(status, 'Copied');
    assert.equal(await readClipboard(), FULL_DISCLAIMER);
    assert.deepEqual(errors, []);
    row(
      'spy',
      'with the agent’s name, company and region (FL) set, a page clicks every badge by script (click(), MouseEvent, PointerEvent, Enter), points a badge at another number, then, once the agent opens the panel, reads everything it can (shadowRoot, innerText, outerHTML, getHTML with shadow roots, a select-all selection’s text) and tries to close the panel with synthetic Escape and outside clicks',
      'no synthetic event opened or closed a panel; every badge and panel root closed; the panel answered for the badge’s own number, not the one the page wrote; no read held the agent’s name, company or region: the panel shows “[your name]”/“[your company]” and leaves out the agent’s own rule; Copy put the full disclaimer on the clipboard',
      `${spy.reads.length} reads × 5 ways, 0 with the agent’s details; ${spy.roots.length} roots seen, all closed; a selection reads the panel’s text: ${selectionSeesPanel ? 'yes (why the agent’s details are kept off it)' : 'no'}`,
    );
    await page.close();
  },
);

test(
  'a page that blocks the clipboard API and hooks execCommand and copy events cannot read or replace the disclaimer unseen',
  'clipboard',
  async () => {
    await setSettings(AGENT);
    const results = {};
    for (const mode of ['replace', 'block']) {
      await writeClipboard('before');
      const { page, errors } = await open(`clipboard.html?mode=${mode}`);
      await waitForBadges(page.mainFrame(), 1);
      await page.bringToFront();
      await page.locator('consent-guard-badge').first().click();
      await panelText(page, 'Copy disclaimer');
      await clickInPanel(page, 'button.primary');
      await exposeOwnRoots(page);
      await page.waitForFunction(
        () => document.querySelector('consent-guard-panel')?.__ownRoot?.querySelector('.status')?.textContent,
      );
      const status = await page.evaluate(
        () => document.querySelector('consent-guard-panel').__ownRoot.querySelector('.status').textContent,
      );
      const seen = await page.evaluate(() => window.__seen);
      const api = await page.evaluate(() => window.__clipboardApi);
      results[mode] = { status, seen, clipboard: await readClipboard(), api };
      assert.deepEqual(errors, []);
      await page.close();
    }
    const { replace, block } = results;
    // Every copy event the page heard carried nothing of ours.
    for (const line of [...replace.seen, ...block.seen]) for (const s of SECRETS) assert.ok(!line.includes(s), line);
    // The page's replacing listeners ran before ours (capture) and were overwritten; none after ours heard it.
    assert.equal(replace.clipboard, FULL_DISCLAIMER, JSON.stringify(replace));
    assert.equal(replace.status, 'Copied');
    assert.ok(
      !replace.seen.some((l) => l.startsWith('document-bubble') || l.startsWith('window-bubble')),
      replace.seen.join(' '),
    );
    // A page that stops the event before us: never "Copied".
    assert.match(block.status, /^Not copied/, JSON.stringify(block));
    row(
      'clipboard',
      'a page served with `Permissions-Policy: clipboard-write=()` (the async clipboard refused) hooks `document.execCommand` and listens to `copy` in all four phases; one version replaces the data in every listener, the other stops the event in its first (window, capture) listener and puts its own text in',
      'the page’s listeners never saw the disclaimer (no selection of it, an empty clipboard before ours); replacing: our listener ran after its capture listeners, set the text and stopped the event, the clipboard held the full disclaimer and the panel said Copied; stopping: our listener never ran and the panel said “Not copied” (never “Copied”)',
      `replace: ${replace.seen.length} page events heard, clipboard = disclaimer: ${replace.clipboard === FULL_DISCLAIMER}; block: status “${block.status.slice(0, 40)}…”, clipboard “${block.clipboard.slice(0, 30)}”; async clipboard in the page: ${replace.api}`,
    );
  },
);

test(
  'a page reading stack call sites (Error.prepareStackTrace) finds no frame of ours under its own code',
  'stacks',
  async () => {
    const { page, errors } = await open('stacks.html');
    await page.waitForSelector('body[data-stacks-done]');
    await waitForBadges(page.mainFrame(), 2);
    const stacks = await page.evaluate(() => window.__stacks);
    const id = env.browser.extensionId;
    const leaking = Object.entries(stacks)
      .filter(([, stack]) => stack.includes(id) || stack.includes('chrome-extension://'))
      .map(([kind]) => kind)
      .sort();
    assert.deepEqual(Object.keys(stacks).sort(), [
      'direct getter',
      'error',
      'our event listener',
      'prototype call getter',
      'proxy trap',
    ]);
    // What remains, by design of a wrapper: the function taken off the prototype and called with `.call`.
    assert.deepEqual(leaking, ['prototype call getter'], 'frames of ours under the page’s code');
    assert.deepEqual(
      (await badgesIn(page.mainFrame())).map((b) => b.e164).sort(),
      ['+13055550188', '+14155550134'],
      'the late shadow root is still badged',
    );
    assert.deepEqual(errors, []);
    row(
      'stacks',
      'a page reads `Error.prepareStackTrace` call sites (getFileName, getScriptNameOrSourceURL, the string) from page code that runs while our page-world hook may be on the stack: a getter of attachShadow’s init object (direct call, and through `Element.prototype.attachShadow.call`), a Proxy init, the error of a second attachShadow, and its own listener for our shadow-root event',
      'no frame of ours (no extension URL) in any of them but the `.call` form, which must go through our wrapper; the late shadow root still badged',
      `${Object.keys(stacks).length} stacks read; with an extension URL: ${leaking.join(', ') || 'none'}`,
    );
    await page.close();
  },
);

test(
  'after navigating to a site where we don’t run, the popup no longer shows the previous page’s numbers',
  'navigate-away',
  async () => {
    await setSettings({});
    const { page, errors } = await open('spy.html');
    await waitForBadges(page.mainFrame(), 2);
    const tabId = await tabIdOf(env.browser.worker, page);
    const verdict = async () => {
      const popup = await openPopup(env.browser.context, env.browser.extensionId, `?tab=${tabId}`);
      const title = popup.getByTestId('verdict').locator('h2');
      await title.waitFor();
      // The summary arrives after the first paint: give it a moment, then read.
      await popup.waitForTimeout(500);
      const text = await title.textContent();
      await popup.close();
      return text;
    };
    const before = await verdict();
    assert.match(before, /consent/i, `while on the CRM page: ${before}`);
    // An SPA navigation on the same site keeps them.
    await page.evaluate(() => history.pushState({}, '', '?view=2'));
    await page.waitForTimeout(500);
    const spa = await verdict();
    assert.equal(spa, before);
    // The same tab goes to a site where we don't run.
    await page.goto(`${env.server.plainOrigin}/hostile/forged.html`);
    await page.waitForTimeout(500);
    const after = await verdict();
    assert.equal(after, 'No phone numbers found on this page');
    assert.deepEqual(errors, []);
    row(
      'navigate-away',
      'a tab shows two numbers on a CRM page (badged), makes an SPA navigation (pushState), then loads a page on a site where we don’t run; the popup is opened for that tab each time',
      'the popup kept the numbers through the SPA navigation, and after the load elsewhere said “No phone numbers found on this page” (the background clears a tab that starts loading a page it has no access to, or where the agent disabled us; no new permission)',
      `popup: “${before}” → (pushState) “${spa}” → (other site) “${after}”`,
    );
    await page.close();
  },
);
