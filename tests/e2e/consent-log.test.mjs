// The consent log in real Chromium (issue #15 item 3): the popup's Copy, the badge panel's Copy and the
// side panel's outcome messages (announced, consent given, declined: sent as the panel sends them) are
// logged; the log survives a service-worker stop and a browser restart (the same user-data dir
// relaunched); the options page exports a CSV whose rows match what was done; entries past the
// retention are forgotten (on the options page's read, on a write, and when the worker starts).
//
// The tests share one browser profile but not their state: each starts from an empty log and the
// log's default settings (freshLog), so one failing leaves the others' counts alone.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import {
  ARTIFACTS_DIR,
  clickInPanel,
  exposeOwnRoots,
  launchBrowser,
  panelText,
  screenshot,
  seriousA11yViolations,
  startServer,
  stopWorker,
  tabIdOf,
  watchErrors,
} from './harness.mjs';

const profileDir = fs.mkdtempSync(path.join(os.tmpdir(), 'consent-guard-log-'));
let browser;
let server;
const DAY = 86_400_000;

before(async () => {
  server = await startServer();
  browser = await launchBrowser({ profileDir });
});
after(async () => {
  await browser?.close();
  await server?.close();
  fs.rmSync(profileDir, { recursive: true, force: true });
});

/** Sends a log-event from an extension page, as the side panel does; resolves the background's answer. */
function logEvent(page, event) {
  return page.evaluate((e) => chrome.runtime.sendMessage({ type: 'log-event', ...e }), event);
}

async function openOptions() {
  const page = await browser.context.newPage();
  const errors = watchErrors(page);
  await page.goto(`chrome-extension://${browser.extensionId}/options.html`);
  await page.getByTestId('log-count').and(page.locator('[data-count]')).waitFor();
  return { page, errors };
}

/** Waits until the options page's log shows `count` rows (reloading: the page reads the log once). */
async function rowsAre(page, count) {
  for (let i = 0; ; i++) {
    const shown = Number(await page.getByTestId('log-count').getAttribute('data-count'));
    const ready = (await page.getByTestId('log-count').textContent())?.trim() !== '';
    if (ready && shown === count) return;
    if (i > 40) assert.equal(shown, count, 'rows shown');
    await new Promise((resolve) => setTimeout(resolve, 250));
    await page.reload();
    await page.getByTestId('log-count').waitFor();
  }
}

/** The log's stored keys, read with IndexedDB itself (no library) from an extension page. */
function storedKeys(page) {
  return page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('consent-guard-log');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const request = open.result.transaction('entries').objectStore('entries').getAllKeys();
          request.onsuccess = () => {
            open.result.close();
            resolve(request.result.filter((k) => String(k).startsWith('e:')));
          };
          request.onerror = () => reject(request.error);
        };
      }),
  );
}

/** Each test's own start: an empty log (its salt kept) and the log's default settings (on, 90 days, hashed numbers). */
async function freshLog() {
  await browser.worker.evaluate(async () => {
    const { settings } = await chrome.storage.sync.get('settings');
    if (settings && 'consentLog' in settings) {
      delete settings.consentLog;
      await chrome.storage.sync.set({ settings });
    }
  });
  // The options page reads the log when it opens: its store exists from then on (made by the extension).
  const { page } = await openOptions();
  await page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('consent-guard-log');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction('entries', 'readwrite');
          tx.objectStore('entries').delete(IDBKeyRange.bound('e:', 'e;'));
          tx.oncomplete = () => {
            open.result.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
  );
  assert.deepEqual(await storedKeys(page), []);
  await page.close();
}

/** Puts an entry of `daysAgo` straight into the store, as an older write would have left it. */
function plantEntry(page, id, daysAgo) {
  const at = new Date(Date.now() - daysAgo * DAY).toISOString();
  const entry = {
    v: 1,
    id,
    at,
    number: { hash: '0123456789abcdef', last4: '9999' },
    regions: ['CA'],
    rule: 'all-party',
    treatAs: 'all-party',
    language: 'en',
    disclaimerVersion: '00000000',
    outcome: 'announced',
    source: 'panel',
  };
  return page.evaluate(
    ({ key, value }) =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('consent-guard-log');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction('entries', 'readwrite');
          tx.objectStore('entries').put(value, key);
          tx.oncomplete = () => {
            open.result.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    { key: `e:${at}:${id}`, value: entry },
  );
}

/** The CSV the options page's Export CSV downloads, as rows of cells (RFC 4180; no cell here needs quotes). */
async function exportedCsv(page) {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('log-export-csv').click()]);
  assert.match(download.suggestedFilename(), /^consent-log-\d{4}-\d\d-\d\d\.csv$/);
  const text = fs.readFileSync(await download.path(), 'utf8');
  assert.ok(text.endsWith('\r\n'), 'rows end with CRLF');
  return text
    .slice(0, -2)
    .split('\r\n')
    .map((line) => line.split(','));
}

/** Sends the panel's outcomes; returns the rows the export shows for them, in order (the ones in `rows`). */
async function logOutcomes(page, events) {
  const rows = [];
  for (const [e164, outcome] of events) {
    const answer = await logEvent(page, { e164, outcome, source: 'panel' });
    assert.equal(answer.ok, true, JSON.stringify(answer));
    assert.match(answer.id, /^[0-9a-z]+-[0-9a-f]{8}$/);
    const ny = e164 === '+12125550175';
    rows.push([`•••• ${e164.slice(-4)}`, ny ? 'NY' : 'CA', ny ? 'one-party' : 'all-party', outcome, 'panel']);
  }
  return rows;
}

test('the popup’s Copy and the panel’s outcomes are logged, each with its rule and a hashed number', async () => {
  await freshLog();
  const tabPage = await browser.context.newPage();
  await tabPage.goto(`${server.origin}/popup-numbers.html`);
  await tabPage.waitForFunction(() => document.querySelectorAll('[data-consent-number]').length === 4);
  const tabId = await tabIdOf(browser.worker, tabPage);
  const popup = await browser.context.newPage();
  const errors = watchErrors(popup);
  await popup.goto(`chrome-extension://${browser.extensionId}/popup.html?tab=${tabId}`);
  const row = popup.getByTestId('number-row').filter({ hasText: '0134' });
  await row.click();
  await popup.getByTestId('copy-button').click();
  await popup.getByTestId('copy-status').filter({ hasText: 'Copied' }).waitFor();

  await logOutcomes(popup, [
    ['+14155550134', 'announced'],
    ['+14155550134', 'consent-given'],
    ['+12125550175', 'declined'],
  ]);
  // A malformed event is refused and stores nothing.
  assert.equal((await logEvent(popup, { e164: '415', outcome: 'announced', source: 'panel' })).ok, false);

  const { page, errors: optionErrors } = await openOptions();
  await rowsAre(page, 4);
  const rows = page.getByTestId('log-row');
  assert.deepEqual(await rows.evaluateAll((r) => r.map((e) => e.dataset.outcome)), [
    'declined',
    'consent-given',
    'announced',
    'copied',
  ]);
  // No whole number anywhere on the page or in the store.
  assert.doesNotMatch(await page.getByTestId('log-table').textContent(), /555.?0134|4155550134/);
  assert.deepEqual(errors, []);
  assert.deepEqual(optionErrors, []);
  await page.close();
  await popup.close();
  await tabPage.close();
});

test('the badge panel’s Copy is logged as copied, from the badge, with the number’s rule', async () => {
  await freshLog();
  const tabPage = await browser.context.newPage();
  const pageErrors = watchErrors(tabPage);
  await tabPage.goto(`${server.origin}/popup-numbers.html`);
  await tabPage.waitForFunction(() => document.querySelectorAll('[data-consent-number]').length === 4);
  await tabPage.locator('consent-guard-badge[data-consent-number="+14155550134"]').first().click();
  await panelText(tabPage, 'Copy disclaimer');
  await clickInPanel(tabPage, 'button.primary');
  await exposeOwnRoots(tabPage);
  await tabPage.waitForFunction(
    () => document.querySelector('consent-guard-panel')?.__ownRoot?.querySelector('.status')?.dataset.outcome,
  );
  const outcome = await tabPage.evaluate(
    () => document.querySelector('consent-guard-panel').__ownRoot.querySelector('.status').dataset.outcome,
  );
  assert.equal(outcome, 'copied');

  const { page } = await openOptions();
  await rowsAre(page, 1);
  const csv = await exportedCsv(page);
  assert.equal(csv.length, 2);
  const [, number, hash, regions, rule, , language, version, logged, source] = csv[1];
  assert.deepEqual([number, regions, rule, logged, source], ['•••• 0134', 'CA', 'all-party', 'copied', 'badge']);
  assert.match(hash, /^[0-9a-f]{16}$/);
  assert.equal(language, 'en');
  assert.match(version, /^[0-9a-f]{8}$/);
  assert.deepEqual(pageErrors, []);
  await page.close();
  await tabPage.close();
});

test('the log survives a service-worker stop, and the woken worker logs on', async () => {
  await freshLog();
  const { page } = await openOptions();
  await logOutcomes(page, [['+14155550134', 'announced']]);
  const states = await stopWorker(browser);
  assert.deepEqual(states.slice(-2), ['stopping', 'stopped']);
  await page.reload();
  await rowsAre(page, 1);
  // The message wakes the worker; it reads the settings and salt again.
  await logOutcomes(page, [['+14155550134', 'not-recorded']]);
  await rowsAre(page, 2);
  await page.close();
});

test('the log survives a browser restart (the same user-data dir), and exports a CSV matching what was done', async () => {
  await freshLog();
  const before = await openOptions();
  const done = await logOutcomes(before.page, [
    ['+14155550134', 'announced'],
    ['+14155550134', 'consent-given'],
    ['+12125550175', 'declined'],
    ['+14155550134', 'not-recorded'],
  ]);
  await before.page.close();
  await browser.close();
  browser = await launchBrowser({ profileDir });
  const { page, errors } = await openOptions();
  await rowsAre(page, done.length);
  const csv = await exportedCsv(page);
  assert.deepEqual(csv[0], [
    'time',
    'number',
    'number_hash',
    'regions',
    'rule',
    'treat_as',
    'language',
    'disclaimer_version',
    'outcome',
    'source',
  ]);
  const body = csv.slice(1);
  assert.equal(body.length, done.length);
  body.forEach((cells, i) => {
    const [at, number, hash, regions, rule, , language, version, outcome, source] = cells;
    assert.deepEqual([number, regions, rule, outcome, source], done[i], `row ${i + 1}`);
    assert.ok(Date.now() - Date.parse(at) < DAY, `row ${i + 1} is from today`);
    assert.match(hash, /^[0-9a-f]{16}$/);
    assert.equal(language, 'en');
    assert.match(version, /^[0-9a-f]{8}$/);
  });
  // The same number has the same salted hash in every row (one salt per install, kept across restarts).
  const hashes = new Set(body.filter((c) => c[1] === '•••• 0134').map((c) => c[2]));
  assert.equal(hashes.size, 1);
  // The picture (docs/screenshots/consent-log.png is a copy of it), and axe-core with the table shown.
  await page.getByTestId('consent-log').screenshot({ path: path.join(ARTIFACTS_DIR, 'consent-log-section.png') });
  await screenshot(page, 'consent-log');
  assert.deepEqual(await seriousA11yViolations(page), []);
  assert.deepEqual(errors, []);
  await page.close();
});

test('entries past the retention are forgotten: on reading, on every write, and when the worker starts', async () => {
  await freshLog();
  const { page } = await openOptions();
  await logOutcomes(page, [['+14155550134', 'announced']]);
  await plantEntry(page, 'old100', 100);
  await plantEntry(page, 'old40', 40);
  // Default retention 90 days: the options page's read drops the 100-day-old entry, keeps the 40-day one.
  await rowsAre(page, 2);
  assert.equal((await storedKeys(page)).filter((k) => k.includes('old100')).length, 0);

  // 30 days, saved in options: the next write forgets the 40-day-old entry.
  await page.getByTestId('consent-log-days').fill('30');
  await page.getByTestId('save').click();
  await page.locator('[data-status="saved"]').waitFor();
  const answer = await logEvent(page, { e164: '+13055550188', outcome: 'announced', source: 'panel' });
  assert.equal(answer.ok, true);
  assert.equal((await storedKeys(page)).filter((k) => k.includes('old40')).length, 0);
  assert.equal((await storedKeys(page)).length, 2);

  // An old entry and a stopped worker: the worker forgets it when it starts, before any write.
  await plantEntry(page, 'old31', 31);
  await stopWorker(browser);
  await page.evaluate(() => chrome.runtime.sendMessage({ type: 'lookup', numbers: ['+14155550134'] }));
  for (let i = 0; (await storedKeys(page)).some((k) => k.includes('old31')); i++) {
    assert.ok(i < 100, 'the started worker forgot the 31-day-old entry');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  assert.equal((await storedKeys(page)).length, 2);
  await page.close();
});

test('the log off: nothing is stored; whole numbers when the setting says so', async () => {
  await freshLog();
  const { page } = await openOptions();
  await logOutcomes(page, [['+14155550134', 'announced']]);
  await page.getByTestId('consent-log-on').uncheck();
  await page.getByTestId('save').click();
  await page.locator('[data-status="saved"]').waitFor();
  assert.deepEqual(await logEvent(page, { e164: '+14155550134', outcome: 'declined', source: 'panel' }), {
    ok: true,
    id: null,
  });
  await page.getByTestId('consent-log-on').check();
  await page.getByTestId('consent-log-full').check();
  await page.getByTestId('save').click();
  await page.locator('[data-status="saved"]').waitFor();
  assert.equal((await logEvent(page, { e164: '+12125550175', outcome: 'declined', source: 'panel' })).ok, true);
  await rowsAre(page, 2);
  assert.match(await page.getByTestId('log-row').first().textContent(), /\+12125550175/);
  // Delete: two clicks, then nothing is left.
  await page.getByTestId('log-delete').click();
  await page.getByTestId('log-delete-confirm').click();
  await page.getByTestId('log-count').filter({ hasText: 'The log was deleted.' }).waitFor();
  assert.deepEqual(await storedKeys(page), []);
  await page.close();
});
