// The extension's own words follow the browser's language: Spanish here (badges, their sentence,
// the details panel), from public/_locales through the browser's i18n.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { after, before, test } from 'node:test';
import {
  exposeOwnRoots,
  launchBrowser,
  openPopup,
  panelText,
  startServer,
  waitForBadges,
  watchErrors,
} from './harness.mjs';

let browser;
let server;
before(async () => {
  // Debian's chromium carries English only; its other UI languages come with chromium-l10n.
  if (!fs.existsSync('/usr/lib/chromium/locales/es.pak') && !process.env.CHROMIUM_PATH) {
    throw new Error('Chromium has no Spanish locale: install it with "apt-get install -y chromium-l10n".');
  }
  server = await startServer();
  // On Linux, Chromium takes its UI language (and so chrome.i18n's) from LANGUAGE.
  browser = await launchBrowser({ args: ['--lang=es'], env: { LANGUAGE: 'es' } });
});
after(async () => {
  await browser?.close();
  await server?.close();
});

test('in a Spanish browser, badges and the details panel speak Spanish', async () => {
  const page = await browser.context.newPage();
  const errors = watchErrors(page);
  await page.goto(`${server.origin}/pages/contact.html`);
  await waitForBadges(page.mainFrame(), 5);
  const badge = page.locator('consent-guard-badge[data-consent="all-party"]').first();
  // The contact record’s address agrees with the area code: the badge says where the place came from.
  await exposeOwnRoots(page);
  const button = await badge.evaluate((b) => {
    const inner = b.__ownRoot.querySelector('button');
    return { text: inner.textContent, label: inner.getAttribute('aria-label') };
  });
  assert.match(button.text, /FL \(ficha\) · todas las partes/);
  assert.match(button.label, /^Consentimiento de todas las partes para \+1305/);
  await badge.click();
  const panel = await panelText(page, 'Copiar aviso');
  assert.match(panel, /Primero inicie la grabación y luego lea esto/);
  assert.match(panel, /Se necesita el consentimiento de todas las partes/);
  assert.deepEqual(errors, []);
  await page.close();
});

test('in a Spanish browser, the popup and the options page speak Spanish', async () => {
  const popup = await openPopup(browser.context, browser.extensionId);
  await popup.getByText('Consultar un número').waitFor();
  assert.equal(await popup.evaluate(() => document.documentElement.lang), 'es');
  const options = await browser.context.newPage();
  await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
  await options.getByText('Configuración de Consent Guard').first().waitFor();
  await popup.close();
  await options.close();
});
