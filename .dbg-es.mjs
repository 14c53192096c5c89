import { chromium } from 'playwright-core';
import fs from 'node:fs';
const EXT = '/work/main/.output/chrome-mv3';
const ctx = await chromium.launchPersistentContext(fs.mkdtempSync('/tmp/es-'), { executablePath: '/usr/bin/chromium', headless: true,
  args: [`--disable-extensions-except=${EXT}`, `--load-extension=${EXT}`, '--no-sandbox', '--lang=es', '--enable-logging=stderr', '--v=0'] });
const p = await ctx.newPage(); await p.goto('chrome://extensions'); await p.waitForTimeout(2000);
console.log('sw', ctx.serviceWorkers().length);
const txt = await p.evaluate(async () => { const items = await chrome.developerPrivate.getExtensionsInfo(); return JSON.stringify(items.map(i => ({ name: i.name, state: i.state, errs: i.manifestErrors, rt: i.runtimeErrors }))); });
console.log(txt.slice(0, 1500));
await ctx.close();
