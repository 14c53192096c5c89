import assert from 'node:assert/strict';
import { test } from 'node:test';
import { screenshot, useExtension, watchErrors } from './harness.mjs';

const env = useExtension();

test('the content script badges the numbers on a page', async () => {
  const page = await env.browser.context.newPage();
  const errors = watchErrors(page);
  await page.goto(`${env.server.origin}/contact.html`);
  await page.waitForFunction(() => document.querySelectorAll('[data-consent-number]').length === 2);
  const numbers = await page.$$eval('[data-consent-number]', (els) => els.map((el) => el.dataset.consentNumber));
  assert.deepEqual(numbers, ['+14155550134', '+12125550175']);
  await screenshot(page, 'contact');
  assert.deepEqual(errors, []);
  await page.close();
});
