import { launchBrowser } from '/work/main/tests/e2e/harness.mjs';
for (const opts of [{ args: ['--lang=es'] }, { env: { LANGUAGE: 'es', LANG: 'es_ES.UTF-8', LC_ALL: 'es_ES.UTF-8' } }, { args: ['--lang=es-ES', '--accept-lang=es-ES'], env: { LANGUAGE: 'es_ES' } }]) {
  const b = await launchBrowser(opts);
  console.log(JSON.stringify(opts), await b.worker.evaluate(() => [chrome.i18n.getUILanguage(), chrome.i18n.getMessage('@@ui_locale'), chrome.i18n.getMessage('panelCopy')]));
  await b.close();
}
