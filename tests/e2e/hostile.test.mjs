// Hostile and extreme pages (tests/fixtures/hostile), in Chromium with the built extension: pages
// that override built-ins, a strict CSP, 50,000 numbers, a mutation storm, a 1 MB text node, a DOM
// 5,000 levels deep, script-like text, a page that removes or restyles our badges, and one that
// forges them. Each test records what it measured for docs/robustness.md (tests/robustness-report.mjs).
import assert from 'node:assert/strict';
import { badgesIn, exposeOwnRoots, panelText, tabIdOf, useExtension, waitForBadges, watchErrors } from './harness.mjs';
import { robustnessSuite } from './robustness-suite.mjs';

const CSP = "default-src 'none'; style-src 'self'; script-src 'self'";
const env = useExtension({ '/hostile/csp.html': { 'content-security-policy': CSP } });

const AREA = 'Hostile pages (e2e)';
const suite = robustnessSuite('e2e-hostile-');
const row = (id, tried, result, figures) => suite.row(id, { area: AREA, tried, result, figures });
const test = (name, id, body) => suite.test(name, { ids: [id], area: AREA }, body);

/** Our answered badges' numbers, sorted (page-made look-alikes left out). */
const answered = async (page) => (await badgesIn(page)).map((b) => b.e164).sort();

async function open(path) {
  const page = await env.browser.context.newPage();
  const errors = watchErrors(page);
  const dialogs = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    dialog.dismiss().catch(() => {});
  });
  const console = [];
  page.on('console', (message) => {
    if (message.type() === 'error') console.push(message.text());
  });
  await page.goto(`${env.server.origin}/hostile/${path}`);
  return { page, errors, dialogs, console };
}

test('built-ins overridden by the page: badges still right, the page’s own code still works', 'builtins', async () => {
  const { page, errors } = await open('builtins.html');
  await page.waitForSelector('body[data-page-ok]');
  assert.equal(
    await page.evaluate(() => document.body.dataset.pageOk),
    'true',
    await page.evaluate(() => JSON.stringify(window.__page)),
  );
  // The late shadow root is reported by the page-world hook, whose helpers the page broke after it ran.
  await waitForBadges(page, 4);
  assert.deepEqual(await answered(page), ['+12125550175', '+13055550188', '+14155550134', '+15035550152']);
  const counts = await page.evaluate(() => window.__page);
  assert.ok(counts.attach >= 2 && counts.map >= 1 && counts.parse >= 2 && counts.append >= 1, JSON.stringify(counts));
  assert.deepEqual(errors, []);
  row(
    'builtins',
    'page replaces Array.prototype.map, JSON.parse, Node.prototype.appendChild, MutationObserver, attachShadow, NodeFilter, and (to break a page-world hook) Reflect.apply, queueMicrotask, CustomEvent, dispatchEvent, Function.prototype.call, Object.defineProperty',
    'all 4 numbers badged, the late shadow root included; the page’s own code and its overrides work; no page error',
  );
  await page.close();
});

test('a strict Content-Security-Policy: badges render styled; the details panel too', 'csp', async () => {
  const { page, errors, console } = await open('csp.html');
  await waitForBadges(page, 3);
  assert.equal(await page.evaluate(() => document.body.dataset.pageScript), 'ran');
  await exposeOwnRoots(page);
  const style = await page.evaluate(() => {
    const badge = document.querySelector('consent-guard-badge[data-consent="all-party"]');
    const button = badge.__ownRoot.querySelector('button');
    const css = getComputedStyle(button);
    return {
      background: css.backgroundColor,
      radius: css.borderRadius,
      display: getComputedStyle(badge).display,
      sheets: badge.__ownRoot.adoptedStyleSheets.length,
    };
  });
  assert.deepEqual(style, { background: 'rgb(254, 228, 226)', radius: '999px', display: 'inline-block', sheets: 1 });
  await page.locator('consent-guard-badge[data-consent="all-party"]').first().click();
  await panelText(page, 'Copy disclaimer');
  const panelWidth = await page.evaluate(
    () => getComputedStyle(document.querySelector('consent-guard-panel').__ownRoot.querySelector('.panel')).width,
  );
  const ours = console.filter((text) => /consent-guard|chrome-extension/i.test(text));
  assert.deepEqual(ours, [], 'no CSP report about our elements');
  assert.deepEqual(errors, []);
  row(
    'csp',
    `page served with \`Content-Security-Policy: ${CSP}\``,
    `badges styled (constructed stylesheet adopted in the shadow root is not subject to style-src); details panel ${panelWidth === '340px' ? 'styled' : `unstyled (${panelWidth})`}`,
    `${console.length} CSP console error(s), all the page’s own inline style`,
  );
  assert.equal(panelWidth, '340px', 'the panel’s <style> in its shadow root is applied under the page CSP');
  await page.close();
});

/**
 * Each area code of many.html and storm.html with its answer (the callee's rule; the default settings
 * name no agent state): CA, FL, IL, MA, NV and WA are all-party, the others one-party.
 */
const CONSENT_BY_AREA = {
  201: 'one-party',
  202: 'one-party',
  205: 'one-party',
  206: 'all-party',
  212: 'one-party',
  213: 'all-party',
  305: 'all-party',
  310: 'all-party',
  312: 'all-party',
  404: 'one-party',
  415: 'all-party',
  503: 'one-party',
  512: 'one-party',
  602: 'one-party',
  617: 'all-party',
  702: 'all-party',
  713: 'one-party',
  808: 'one-party',
  907: 'one-party',
  949: 'all-party',
};

/**
 * Every row's number cell against its badge: exactly one, for the number the cell shows now, with
 * the right data-consent and data-consent-calling, no record place and no do-not-call mark (the rows
 * name none). Returns the rows checked, the badges on the page and the first few wrong rows.
 */
function checkRows(expected) {
  const CALLING = new Set(['open', 'closed', 'partly', 'info', 'unknown']);
  const rows = document.querySelectorAll('#rows tr');
  const wrong = [];
  let bad = 0;
  for (const row of rows) {
    const cell = row.cells[1];
    const digits = cell.textContent.replace(/\D/g, '');
    const badges = cell.getElementsByTagName('consent-guard-badge');
    const badge = badges[0];
    const problem =
      badges.length !== 1
        ? `${badges.length} badges`
        : badge.dataset.consentNumber !== `+1${digits}`
          ? `number ${badge.dataset.consentNumber}`
          : badge.dataset.consent !== expected[digits.slice(0, 3)]
            ? `consent ${badge.dataset.consent}`
            : !CALLING.has(badge.dataset.consentCalling)
              ? `calling ${badge.dataset.consentCalling}`
              : badge.hasAttribute('data-consent-location') || badge.hasAttribute('data-consent-dnc')
                ? 'location or dnc'
                : '';
    if (problem) {
      bad++;
      if (wrong.length < 5) wrong.push(`${cell.textContent}: ${problem}`);
    }
  }
  return { rows: rows.length, bad, wrong, badges: document.getElementsByTagName('consent-guard-badge').length };
}

/** A real click (DevTools input) on the page's own button: its handler notes what the page looked like then. */
async function ping(page) {
  const box = await page.locator('#ping').boundingBox();
  await page.evaluate(() => {
    window.__ping = undefined;
  });
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  await page.waitForFunction(() => window.__ping !== undefined, null, { timeout: 120_000 });
  return page.evaluate(() => window.__ping);
}

// Correctness here, speed in the benchmark: how long the page waits for us is measured side by side
// with the page alone by `npm run bench` (tests/bench/chromium.bench.mjs), not timed in a test that a
// loaded machine would fail. What is checked is load-independent: every badge right, and the page's
// own input and frames getting through while we are still at work.
test(
  '50,000 numbers: each badged once and answered right; the page’s input and frames get through meanwhile',
  '50k',
  async () => {
    const n = 50_000;
    const started = Date.now();
    const { page, errors } = await open(`many.html?n=${n}`);
    await page.waitForFunction(() => document.querySelector('consent-guard-badge[data-consent]'), null, {
      timeout: 120_000,
      polling: 100,
    });
    const firstMs = Date.now() - started;
    const framesAtFirst = await page.evaluate(() => window.__frames);
    // The agent clicks while the answers are still coming: the page handles it before we are done.
    const clicked = await ping(page);
    await page.waitForFunction(
      (count) => document.querySelectorAll('consent-guard-badge[data-consent]').length >= count,
      n,
      { timeout: 300_000, polling: 500 },
    );
    const allMs = Date.now() - started;
    const rows = await page.evaluate(checkRows, CONSENT_BY_AREA);
    const tabId = await tabIdOf(env.browser.worker, page);
    // One storage item a frame (`tab:<tab>:<frame>`): the tab's numbers are theirs together (a bare list, or
    // {numbers, places, records…} when the frame's numbers sit in records).
    const recorded = await env.browser.worker.evaluate(async (id) => {
      const all = await chrome.storage.session.get(null);
      return Object.entries(all)
        .filter(([key]) => key.startsWith(`tab:${id}:`))
        .flatMap(([, frame]) => (Array.isArray(frame) ? frame : frame.numbers)).length;
    }, tabId);
    console.log(
      `# 50k: first ${firstMs} ms, all ${allMs} ms, click ${JSON.stringify(clicked)}, rows ${JSON.stringify(rows)}`,
    );
    row(
      '50k',
      `${n.toLocaleString('en')} distinct numbers in one table; the agent clicks the page while the answers are coming`,
      `every row badged once with the right \`data-consent-number\`, \`data-consent\` and \`data-consent-calling\` (${rows.bad} wrong); the click was handled with ${clicked.answered.toLocaleString('en')} of ${n.toLocaleString('en')} answered, and the page drew ${clicked.frames - framesAtFirst} frames between the first answered badge and the click (badges are light placeholders until near the viewport; the main-thread budgets are in \`npm run bench\`)`,
      `this run, not asserted (machine load decides): first answered badges ${(firstMs / 1000).toFixed(1)} s, all ${(allMs / 1000).toFixed(1)} s after navigation; tab summary keeps ${recorded.toLocaleString('en')} of them`,
    );
    assert.deepEqual(rows, { rows: n, bad: 0, wrong: [], badges: n });
    assert.ok(clicked.answered < n, `the page’s click waited until all ${n} badges were answered`);
    assert.ok(clicked.frames > framesAtFirst, 'the page drew no frame while the badges were being answered');
    assert.equal(recorded, 5000, 'the tab summary keeps the first 5,000 numbers of the frame');
    assert.deepEqual(errors, []);
    await page.close();
  },
);

test(
  'a page that mutates 1,000 times a second for 10 s: every row ends with its right badge; input gets through',
  'storm',
  async () => {
    const DURATION = 10_000;
    const page = await env.browser.context.newPage();
    const errors = watchErrors(page);
    await page.goto(`${env.server.origin}/hostile/storm.html`);
    await waitForBadges(page, 200, 60_000);
    // Every page-scan the content script sends is one write of the tab's numbers to storage.session.
    await env.browser.worker.evaluate(() => {
      globalThis.__writes = 0;
      globalThis.__countWrites ??= chrome.storage.session.onChanged.addListener(() => globalThis.__writes++) ?? true;
    });
    await page.evaluate((ms) => {
      window.__stormDone = window.__startStorm(ms);
    }, DURATION);
    // A click once the storm is well under way: the page handles it while the storm (and our work) goes on.
    await page.waitForFunction(() => window.__storm.mutations >= 2000, null, { timeout: 120_000 });
    const clicked = await ping(page);
    const result = await page.evaluate(() => window.__stormDone);
    // Then every row's badge catches up with the number it shows now (a condition, not a delay).
    await page
      .waitForFunction(
        `((c) => c.bad === 0 && c.badges === c.rows)((${checkRows})(${JSON.stringify(CONSENT_BY_AREA)}))`,
        null,
        {
          timeout: 120_000,
          polling: 250,
        },
      )
      .catch(() => {});
    const rows = await page.evaluate(checkRows, CONSENT_BY_AREA);
    const messages = await env.browser.worker.evaluate(() => globalThis.__writes);
    const seconds = DURATION / 1000;
    console.log(
      `# storm: ${JSON.stringify(result)}, click ${JSON.stringify(clicked)}, rows ${JSON.stringify(rows)}, messages ${messages}`,
    );
    row(
      'storm',
      `${result.mutations.toLocaleString('en')} mutations in ${seconds} s (1,000/s: text edits and node swaps across 200 numbered rows); the agent clicks the page mid-storm`,
      `every row ended with one badge, for the number it shows, with the right \`data-consent\` (${rows.bad} wrong); the click was handled mid-storm (after ${clicked.mutations.toLocaleString('en')} mutations); ${messages} messages to the background (bursts coalesced: at most one per 60 ms); the main-thread cost against the page alone is measured by \`npm run bench\``,
      `this run, not asserted (machine load decides): the page's 10 ms timer ran ${result.ticks} times, late p99 ${result.lateP99.toFixed(0)} ms (max ${result.lateMax.toFixed(0)}); ${result.frames} frames, gap p99 ${result.frameGapP99.toFixed(0)} ms; ${result.longTasks} long tasks seen by the page`,
    );
    assert.ok(result.mutations >= 5000, `${result.mutations} mutations`);
    assert.equal(clicked.running, true, 'the page’s click waited until the storm was over');
    assert.deepEqual(rows, { rows: 200, bad: 0, wrong: [], badges: 200 });
    assert.ok(messages <= seconds * 20, `${messages} messages in ${seconds} s`);
    assert.deepEqual(errors, []);
    await page.close();
  },
);

test('a 1 MB text node and a DOM 5,000 levels deep: no stack overflow, every number badged', 'extreme', async () => {
  const { page, errors } = await open('extreme.html');
  await waitForBadges(page, 102, 30_000);
  const numbers = await answered(page);
  assert.equal(numbers.length, 102);
  assert.ok(numbers.includes('+15035550152') && numbers.includes('+14155550134'));
  // Change the deepest text: found again, one badge.
  await page.evaluate(() => {
    window.__deepest.firstChild.data = 'Deepest now: (702) 555-0100';
  });
  await page.waitForFunction(() =>
    document.querySelector('consent-guard-badge[data-consent-number="+17025550100"][data-consent]'),
  );
  assert.equal(
    await page.evaluate(
      () => document.querySelectorAll('consent-guard-badge[data-consent-number="+15035550152"]').length,
    ),
    0,
  );
  const length = await page.evaluate(() => window.__hugeLength);
  assert.deepEqual(errors, []);
  row(
    'extreme',
    `one text node of ${length.toLocaleString('en')} characters holding 100 numbers; 5,000 nested inline elements with a number at the bottom, then edited`,
    'all 102 badged; the deep edit re-badged; no stack overflow or page error',
  );
  await page.close();
});

test(
  'script-like text around numbers stays text: nothing runs, no element is made from it',
  'script-text',
  async () => {
    const { page, errors, dialogs } = await open('script-text.html');
    await waitForBadges(page, 7);
    assert.deepEqual(await answered(page), [
      '+12125550175',
      '+13055550188',
      '+14155550134',
      '+15035550152',
      '+16175550123',
      '+17025550100',
      '+17755550103',
    ]);
    await page.locator('consent-guard-badge[data-consent]').first().click();
    await panelText(page, 'Copy disclaimer');
    const check = await page.evaluate(() => {
      const pageElements = [...document.getElementsByTagName('*')].filter(
        (el) => !el.closest('consent-guard-badge, consent-guard-panel'),
      ).length;
      const inside = [];
      for (const host of document.querySelectorAll('consent-guard-badge, consent-guard-panel'))
        for (const el of host.__ownRoot.querySelectorAll('*')) inside.push(el.tagName);
      return {
        pageElements,
        before: window.__elements,
        pwned: window.__pwned,
        inside: [...new Set(inside)].sort(),
        imgs: document.querySelectorAll('img, svg, iframe').length,
      };
    });
    assert.equal(check.pwned, undefined);
    assert.equal(check.imgs, 0);
    assert.equal(check.pageElements, check.before, 'no element added to the page but our own');
    assert.deepEqual(
      check.inside.filter((t) => !['BUTTON', 'SPAN', 'STYLE', 'DIV', 'H2', 'P', 'UL', 'LI', 'BLOCKQUOTE'].includes(t)),
      [],
    );
    await page.waitForTimeout(300);
    assert.deepEqual(dialogs, []);
    assert.deepEqual(errors, []);
    row(
      'script-text',
      '`<img src=x onerror=alert(1)>`, `"><script>`, `<svg onload>`, `{{constructor…}}`, markup in tel: links and a field value, around 7 numbers',
      'all 7 badged; no dialog, no script ran, no element created from page text (badges and panel use textContent)',
    );
    await page.close();
  },
);

test(
  'a page that removes or restyles badges: a few re-adds, then peace; page CSS cannot hide a badge',
  'fight',
  async () => {
    const { page, errors } = await open('fight.html');
    await waitForBadges(page, 1);
    await page.waitForTimeout(1500);
    const first = await page.evaluate(() => window.__removals);
    await page.waitForTimeout(1000);
    const second = await page.evaluate(() => window.__removals);
    assert.equal(second, first, 'the fight is over');
    assert.ok(first >= 1 && first <= 5, `${first} removals`);
    const styled = await page.evaluate(() => {
      const badge = document.querySelector('#styled consent-guard-badge');
      const css = getComputedStyle(badge);
      return {
        display: css.display,
        visibility: css.visibility,
        opacity: css.opacity,
        width: badge.getBoundingClientRect().width > 0,
      };
    });
    assert.deepEqual(styled, { display: 'inline-block', visibility: 'visible', opacity: '1', width: true });
    assert.deepEqual(errors, []);
    row(
      'fight',
      'page removes every badge it sees (its own MutationObserver); page CSS `consent-guard-badge{display:none!important; visibility:hidden!important; opacity:0!important}`',
      `re-added ${first - 1} times, then left alone (no endless fight); the restyled badge stays visible: the shadow root’s \`:host{all:initial!important}\` wins over the page’s !important (inner context wins for important rules), so only hiding the row hides it`,
      `${first} removals in total, none after`,
    );
    await page.close();
  },
);

test('forged badge-like elements are neither trusted nor counted', 'forged', async () => {
  const { page, errors } = await open('forged.html');
  await page.waitForSelector('body[data-forged-done="true"]');
  await waitForBadges(page, 1);
  await page.waitForTimeout(500);
  assert.deepEqual(await answered(page), ['+12125550175']);
  // A click on the page's own element is the page's: no panel, its listener runs.
  await page.locator('#forged').click();
  await page.waitForTimeout(200);
  assert.equal(await page.evaluate(() => window.__forgedClicks), 1, 'the page’s own click listener ran');
  assert.equal(await page.locator('consent-guard-panel').count(), 0, 'no panel for a forged badge');
  // Removing a forged one is not "the page removed our badge": nothing is re-added for it.
  await page.evaluate(() => document.getElementById('forged-2').remove());
  await page.waitForTimeout(300);
  assert.equal(await page.locator('consent-guard-badge:not([id])').count(), 1);
  const tabId = await tabIdOf(env.browser.worker, page);
  // One storage item a frame (`tab:<tab>:<frame>`), beside the tab's list of frames (`tab:<tab>`).
  const stored = await env.browser.worker.evaluate(async (id) => {
    const all = await chrome.storage.session.get(null);
    return Object.entries(all)
      .filter(([key]) => key.startsWith(`tab:${id}:`))
      .flatMap(([, numbers]) => numbers);
  }, tabId);
  assert.deepEqual(stored, ['+12125550175']);
  // The toolbar count: the one real number is one-party, so no all-party count, whatever the forgeries say.
  assert.equal(await env.browser.worker.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId), '');
  const popup = await env.browser.context.newPage();
  await popup.goto(`chrome-extension://${env.browser.extensionId}/popup.html?tab=${tabId}`);
  await popup.getByTestId('number-row').first().waitFor();
  const listed = await popup.getByTestId('number-row').allTextContents();
  assert.equal(listed.length, 1);
  assert.match(listed[0], /^\(212\) 555-0175/);
  await popup.close();
  assert.deepEqual(errors, []);
  row(
    'forged',
    '`<consent-guard-badge data-consent-number="+14155550134" data-consent="one-party">` in the markup, one with a number inside, one with its own shadow root added later; then clicked and removed',
    'not counted (tab summary, toolbar count and popup list hold only the page’s real number); a click on a forged one reaches the page, opens no panel; its text is still skipped',
  );
  await page.close();
});
