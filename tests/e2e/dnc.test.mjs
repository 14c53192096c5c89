// The company do-not-call list in Chromium with the built extension: a CSV imported in options (in a
// worker, with progress) makes the listed numbers on a page badge "Do not call (company list)" with
// data-consent-dnc="company", the others not; it survives a service-worker restart; removing it clears it.
// The CSV below is the ground truth: which of the page's numbers it lists is written here, in the test.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { badgeLabels, panelText, stopWorker, useExtension, waitForBadges, watchErrors } from './harness.mjs';

const env = useExtension();

// Two of the page's four numbers, in other forms than the page writes them, plus noise.
const CSV =
  'Name,Phone\r\n"Smith, Ann",212-555-0123\r\nDi,0044 20 7946 0958\r\nDi again,+442079460958\r\nNobody,555-0199\r\n';
const LISTED = ['+12125550123', '+442079460958'];
const NOT_LISTED = ['+13055550100', '+14155550134'];

async function dncOnPage() {
  const page = await env.browser.context.newPage();
  const errors = watchErrors(page);
  await page.goto(`${env.server.origin}/dnc/company.html`);
  await waitForBadges(page.mainFrame(), 4, 30_000);
  const marks = await page.evaluate(() =>
    Object.fromEntries(
      [...document.querySelectorAll('consent-guard-badge[data-consent]')].map((b) => [
        b.dataset.consentNumber,
        b.getAttribute('data-consent-dnc'),
      ]),
    ),
  );
  return { page, errors, marks };
}

async function openOptions() {
  const page = await env.browser.context.newPage();
  await page.goto(`chrome-extension://${env.browser.extensionId}/options.html`);
  await page.getByTestId('dnc-section').waitFor();
  return page;
}

test('import a CSV in options: listed numbers badge "Do not call (company list)", others not; a restart keeps it', {
  timeout: 120_000,
}, async () => {
  const before = await dncOnPage();
  assert.deepEqual(Object.values(before.marks), [null, null, null, null], 'no marks before an import');
  await before.page.close();

  const options = await openOptions();
  assert.equal(await options.getByTestId('dnc-status').textContent(), 'No list imported.');
  await options
    .getByTestId('dnc-file')
    .setInputFiles({ name: 'dnc.csv', mimeType: 'text/csv', buffer: Buffer.from(CSV) });
  await options
    .getByTestId('dnc-status')
    .filter({ hasText: '2 numbers in your list (from dnc.csv).' })
    .waitFor({ timeout: 30_000 });
  assert.match(
    await options.getByTestId('dnc-progress').textContent(),
    /1 cells were not phone numbers \(for example: 555-0199\)/,
  );

  const after = await dncOnPage();
  for (const n of LISTED) assert.equal(after.marks[n], 'company', `${n} is listed`);
  for (const n of NOT_LISTED) assert.equal(after.marks[n], null, `${n} is not listed`);
  const words = await badgeLabels(after.page);
  assert.match(words['+12125550123'], /^⊘Do not call \(company list\) · NY/);
  assert.doesNotMatch(words['+13055550100'], /Do not call/);
  // The panel says why.
  await after.page.evaluate(() => document.querySelector('consent-guard-badge[data-consent-dnc]')?.scrollIntoView());
  const box = await after.page.locator('consent-guard-badge[data-consent-dnc]').first().boundingBox();
  await after.page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  assert.match(
    await panelText(after.page, 'do-not-call list'),
    /Do not call: this number is on your company's do-not-call list\./,
  );
  assert.deepEqual(after.errors, []);
  await after.page.close();

  // A restarted service worker reads the list back from IndexedDB.
  await stopWorker(env.browser);
  const restarted = await dncOnPage();
  for (const n of LISTED) assert.equal(restarted.marks[n], 'company', `${n} after a restart`);
  for (const n of NOT_LISTED) assert.equal(restarted.marks[n], null, `${n} after a restart`);
  await restarted.page.close();

  // Removing the list removes the marks.
  await options.getByTestId('dnc-clear').click();
  await options.getByTestId('dnc-status').filter({ hasText: 'No list imported.' }).waitFor();
  const cleared = await dncOnPage();
  assert.deepEqual(Object.values(cleared.marks), [null, null, null, null]);
  await cleared.page.close();
  await options.close();
});
