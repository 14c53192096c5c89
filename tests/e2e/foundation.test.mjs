import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { launchBrowser, screenshot, startServer, watchErrors } from './harness.mjs';

let browser;
let server;
before(async () => {
  server = await startServer();
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

test('the content script badges the numbers on a page', async () => {
  const page = await browser.context.newPage();
  const errors = watchErrors(page);
  await page.goto(`${server.origin}/contact.html`);
  await page.waitForFunction(() => document.querySelectorAll('[data-consent-number]').length === 2);
  const numbers = await page.$$eval('[data-consent-number]', (els) => els.map((el) => el.dataset.consentNumber));
  assert.deepEqual(numbers, ['+14155550134', '+12125550175']);
  await screenshot(page, 'contact');
  assert.deepEqual(errors, []);
  await page.close();
});
