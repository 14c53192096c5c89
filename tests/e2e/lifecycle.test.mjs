// When the extension is reloaded (an update) or disabled, its content scripts lose their context:
// every badge and listener must go, leaving the page as it was.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { useExtension, watchErrors } from './harness.mjs';

const env = useExtension();

test('an extension update (reload) removes every badge from open pages, cleanly', async () => {
  const page = await env.browser.context.newPage();
  const errors = watchErrors(page);
  await page.goto(`${env.server.origin}/pages/contact.html`);
  await page.waitForFunction(() => document.querySelectorAll('consent-guard-badge[data-consent]').length >= 5);
  // Badge text lives in the badges' shadow roots, so the page's textContent is the page's alone.
  const pageText = await page.evaluate(() => document.body.textContent);
  // The worker reloads the extension, as an update does; the old content script is orphaned.
  await env.browser.worker.evaluate(() => chrome.runtime.reload()).catch(() => {});
  await page.waitForFunction(() => document.querySelectorAll('consent-guard-badge').length === 0, null, {
    timeout: 15_000,
  });
  // The page's own text is untouched: only our elements came and went.
  assert.equal(await page.evaluate(() => document.body.textContent), pageText);
  assert.equal(
    await page.evaluate(() => document.querySelectorAll('consent-guard-badge, consent-guard-panel').length),
    0,
  );
  assert.deepEqual(errors, []);
  await page.close();
});
