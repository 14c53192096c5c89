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

/**
 * The content-script worlds of a page's frames, through DevTools: a test stands in for a frame that
 * shows thousands of numbers by sending its reports from that frame's own content script (a real
 * DOM of 330,000 numbers would take this machine minutes to scan; the background sees the same).
 */
async function contentWorlds(page) {
  const cdp = await page.context().newCDPSession(page);
  const worlds = new Map();
  cdp.on('Runtime.executionContextCreated', ({ context }) => {
    if (context.auxData?.type === 'isolated' && context.origin.startsWith('chrome-extension://'))
      worlds.set(context.auxData.frameId, context.id);
  });
  cdp.on('Runtime.executionContextDestroyed', ({ executionContextId }) => {
    for (const [frame, id] of worlds) if (id === executionContextId) worlds.delete(frame);
  });
  await cdp.send('Runtime.enable');
  const { frameTree } = await cdp.send('Page.getFrameTree');
  const topFrameId = frameTree.frame.id;
  /** Sends a page-scan from `contextId`; `lookup` and `present` are blocks `[prefix, from, count]` of numbers made there. */
  const report = async (contextId, { lookup, present, reset = false }, timeout = 10_000) => {
    const expression = `(async () => {
      const make = ([prefix, from, count]) => Array.from({ length: count }, (_, i) => prefix + String(from + i).padStart(4, '0'));
      const message = { type: 'page-scan', lookup: ${JSON.stringify(lookup)}.flatMap(make), present: ${JSON.stringify(present)}.flatMap(make)${reset ? ', reset: true' : ''} };
      const t0 = performance.now();
      const reply = await Promise.race([
        chrome.runtime.sendMessage(message).catch((e) => ({ error: String(e) })),
        new Promise((r) => setTimeout(() => r({ error: 'no reply' }), ${timeout})),
      ]);
      return { ms: performance.now() - t0, ok: reply?.ok === true, badges: reply?.badges?.length ?? 0, error: reply?.error ?? null };
    })()`;
    const { result, exceptionDetails } = await cdp.send('Runtime.evaluate', {
      contextId,
      expression,
      awaitPromise: true,
      returnByValue: true,
    });
    if (exceptionDetails) throw new Error(exceptionDetails.exception?.description ?? exceptionDetails.text);
    return result.value;
  };
  /** Runs `expression` (an async function's body) in a content-script world; returns its value. */
  const evaluate = async (contextId, body) => {
    const { result, exceptionDetails } = await cdp.send('Runtime.evaluate', {
      contextId,
      expression: `(async () => { ${body} })()`,
      awaitPromise: true,
      returnByValue: true,
    });
    if (exceptionDetails) throw new Error(exceptionDetails.exception?.description ?? exceptionDetails.text);
    return result.value;
  };
  return { worlds, topFrameId, report, evaluate, close: () => cdp.detach().catch(() => {}) };
}

const percentile = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
};

test(
  'one tab fills storage (66 frames of 5,000 numbers, twice; a 300,000-number frame changing every 100 ms): storage bounded, every report answered fast, another tab unaffected',
  'storage',
  async () => {
    await setSettings({});
    const worker = env.browser.worker;
    await worker.evaluate(() => chrome.storage.session.clear());
    let peak = 0;
    let polling = true;
    const poll = (async () => {
      while (polling) {
        peak = Math.max(peak, await worker.evaluate(() => chrome.storage.session.getBytesInUse(null)).catch(() => 0));
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
    })();
    const other = await open('latency.html');
    await waitForBadges(other.page.mainFrame(), 1);
    const timeOther = async (n) => {
      const out = [];
      for (let i = 0; i < n; i++) out.push(await other.page.evaluate(() => window.__timeNew()));
      return out;
    };
    const otherBefore = await timeOther(3);

    const heavy = await open('frames.html');
    await waitForBadges(heavy.page.mainFrame(), 1);
    const world = await contentWorlds(heavy.page);
    const replies = { frames: [], churn: [] };
    // Past three unanswered reports the attack has made its point (each waits 10 s): the rest is skipped.
    const unanswered = () => [...replies.frames, ...replies.churn].filter((r) => !r.ok).length;
    const peaks = {};
    // Two rounds of 66 frames: the first round's frames are taken away before the second comes.
    for (const round of [1, 2]) {
      const before = world.worlds.size;
      await heavy.page.evaluate((r) => window.__addFrames(66, r), round);
      const deadline = Date.now() + 30_000;
      while (world.worlds.size < before + 66 && Date.now() < deadline) await heavy.page.waitForTimeout(100);
      const ours = [...world.worlds].filter(([frame]) => frame !== world.topFrameId);
      assert.equal(ours.length, 66, `content scripts in ${ours.length} frames of round ${round}`);
      let f = 0;
      for (const [, contextId] of ours) {
        if (unanswered() >= 3) break;
        const block = [`+1212${(round === 1 ? 320 : 420) + f++}`, 0, 5000];
        replies.frames.push(await world.report(contextId, { lookup: [block], present: [block] }));
      }
      peaks[`round ${round}`] = peak;
      console.log(`round ${round}: peak ${peak} bytes, ${unanswered()} unanswered`);
      if (round === 1) {
        await heavy.page.evaluate(() => window.__dropFrames());
        await heavy.page.waitForTimeout(500);
      }
    }
    const otherAfterFrames = await timeOther(3);

    // The top frame: 300,000 numbers asked in 60 reports of 5,000 (it shows the first 5,000), then one
    // number changes every 100 ms while the other tab adds numbers.
    const topId = world.worlds.get(world.topFrameId);
    assert.ok(topId, 'the top frame’s content script');
    for (let block = 0; block < 60 && unanswered() < 3; block++) {
      replies.frames.push(
        await world.report(topId, { lookup: [[`+1646${520 + block}`, 0, 5000]], present: [['+1646520', 0, 5000]] }),
      );
    }
    const churn = (async () => {
      for (let i = 0; i < 50 && unanswered() < 3; i++) {
        const started = Date.now();
        replies.churn.push(
          await world.report(topId, {
            lookup: [[`+1718555`, i, 1]],
            present: [
              ['+1646520', i + 1, 4999],
              ['+1718555', i, 1],
            ],
          }),
        );
        await new Promise((resolve) => setTimeout(resolve, Math.max(0, 100 - (Date.now() - started))));
      }
    })();
    const otherDuringChurn = await timeOther(3);
    await churn;
    polling = false;
    await poll;
    peaks['300,000'] = peak;

    // The other tab's popup still has its numbers.
    const otherTab = await tabIdOf(worker, other.page);
    const popup = await openPopup(env.browser.context, env.browser.extensionId, `?tab=${otherTab}`);
    const title = popup.getByTestId('verdict').locator('h2');
    const otherVerdict = await title.waitFor({ timeout: 15_000 }).then(
      async () => {
        await popup.waitForTimeout(500);
        return title.textContent();
      },
      () => 'no verdict after 15 s',
    );
    await popup.close();
    await world.close();

    const failed = [...replies.frames, ...replies.churn].filter((r) => !r.ok);
    const churnMs = replies.churn.map((r) => r.ms);
    const otherMs = [...otherBefore, ...otherAfterFrames, ...otherDuringChurn];
    const figures = `peak storage.session bytes: after 66 frames ${peaks['round 1']}, after 66 more (the first gone) ${peaks['round 2']}, with the 300,000-number frame churning ${peaks['300,000']}; ${replies.frames.length + replies.churn.length} reports, ${failed.length} unanswered; churn answer ms median ${Math.round(percentile(churnMs, 50))}, p95 ${Math.round(percentile(churnMs, 95))}, max ${Math.round(Math.max(...churnMs))}; another tab's new badge ms: before ${otherBefore.map(Math.round).join('/')}, after the frames ${otherAfterFrames.map((v) => (v === null ? 'none' : Math.round(v))).join('/')}, during the churn ${otherDuringChurn.map((v) => (v === null ? 'none' : Math.round(v))).join('/')}; its popup: “${otherVerdict}”`;
    console.log(figures);
    assert.deepEqual(
      failed.slice(0, 3).map((r) => r.error),
      [],
      `${failed.length} reports unanswered: ${figures}`,
    );
    assert.ok(peak <= 1_000_000, `storage.session peaked at ${peak} bytes: ${figures}`);
    assert.ok(percentile(churnMs, 95) < 1000, `answers slow under load: ${figures}`);
    assert.ok(
      otherMs.every((v) => v !== null && v < 5000),
      `another tab's badges: ${figures}`,
    );
    assert.match(otherVerdict, /1 number|2 numbers|3 numbers|numbers in/, figures);
    assert.deepEqual([...heavy.errors, ...other.errors], []);
    row(
      'storage',
      'one tab adds 66 same-origin frames that each report 5,000 numbers, takes them away, adds 66 more; then its top frame asks 300,000 numbers (60 reports of 5,000) and changes one number every 100 ms for 5 s, while another tab on another page adds new numbers (reports sent from each frame’s own content script through DevTools, standing in for frames that show that many numbers)',
      'every report answered; storage.session bounded by the per-frame and per-tab caps (frames evicted least recently reported first, a frame that goes is pruned); answers never wait for a storage write; the other tab’s new numbers badged within the bound and its popup kept its numbers',
      figures,
    );
    await Promise.all([heavy.page.close(), other.page.close()]);
  },
);

test(
  'a content script (a compromised renderer’s stand-in) can reach no storage; settings changes still reach the badges',
  'storage-access',
  async () => {
    await setSettings({});
    const { page, errors } = await open('spy.html');
    await waitForBadges(page.mainFrame(), 2);
    const world = await contentWorlds(page);
    const contextId = world.worlds.get(world.topFrameId);
    assert.ok(contextId, 'the content script’s world');
    // The worker has stored this tab's numbers in storage.session by now.
    await env.browser.worker.evaluate(async () => {
      for (let i = 0; i < 50; i++) {
        if (Object.keys(await chrome.storage.session.get(null)).some((k) => k.startsWith('tab:'))) return;
        await new Promise((r) => setTimeout(r, 100));
      }
    });
    const tryIt = (body) =>
      world.evaluate(
        contextId,
        `try { const v = await (async () => { ${body} })(); return { ok: true, value: v }; } catch (e) { return { ok: false, error: String(e.message ?? e) }; }`,
      );
    const attempts = {
      'session read': await tryIt('return Object.keys(await chrome.storage.session.get(null)).length;'),
      'session write': await tryIt("await chrome.storage.session.set({ 'tab:1': ['+14155550134'] }); return true;"),
      'session re-open': await tryIt(
        "await chrome.storage.session.setAccessLevel({ accessLevel: 'TRUSTED_AND_UNTRUSTED_CONTEXTS' }); return true;",
      ),
      'sync read': await tryIt('return typeof (await chrome.storage.sync.get(null));'),
      'sync write': await tryIt(
        "await chrome.storage.sync.set({ settings: { version: 2, agentRegion: 'CA' } }); return true;",
      ),
      'local read': await tryIt('return typeof (await chrome.storage.local.get(null));'),
      'local write': await tryIt('await chrome.storage.local.set({ x: 1 }); return true;'),
    };
    const allowed = Object.entries(attempts)
      .filter(([, r]) => r.ok)
      .map(([kind]) => kind);
    assert.deepEqual(allowed, [], JSON.stringify(attempts));
    // Content scripts no longer watch storage: the background tells them. The agent moves to Florida,
    // and the New York number's badge, on the page already, turns all-party.
    const ny = page.locator('consent-guard-badge[data-consent-number="+12125550175"]');
    assert.equal(await ny.getAttribute('data-consent'), 'one-party');
    await setSettings({ agentRegion: 'FL' });
    await page.waitForSelector('consent-guard-badge[data-consent-number="+12125550175"][data-consent="all-party"]', {
      timeout: 10_000,
    });
    await world.close();
    assert.deepEqual(errors, []);
    row(
      'storage-access',
      'code in our content script’s world (what a compromised renderer could run) reads, writes and tries to re-open storage.session, and reads and writes storage.sync (the settings) and storage.local; then the agent’s settings change',
      'every attempt refused (“Access to storage is not allowed from this context”): the worker sets session, sync and local to TRUSTED_CONTEXTS (Chromium allows all three; Firefox has no setAccessLevel, so there sync and local stay open and are read through zod); a settings change still reached the badges on the page (the background messages the tabs)',
      `${Object.keys(attempts).length} attempts, ${allowed.length} allowed: ${[...new Set(Object.values(attempts).map((r) => r.error))].join('; ')}`,
    );
    await setSettings({});
    await page.close();
  },
);
