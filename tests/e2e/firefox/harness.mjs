// End-to-end harness for real Firefox (Debian's firefox-esr), driven by puppeteer-core over WebDriver
// BiDi. It reuses the fixture server of harness.mjs (HTTPS under a default dialer host, test certificate).
//
// What differs from Chromium, and how it is handled here:
// - The add-on is installed as a temporary add-on over BiDi (`browser.installExtension`).
// - The moz-extension:// host is a per-profile UUID, not the add-on id: the `extensions.webextensions.uuids`
//   pref fixes it for our add-on id before the install, so extension pages have a known address.
// - BiDi refuses to navigate to moz-extension:// pages unless Firefox runs with `--remote-allow-system-access`,
//   and puppeteer does not see that navigation finish (the tab changes process): the harness sends
//   `browsingContext.navigate` itself and waits for the page's document.
// - There is no service worker: the background is an event page. `extensions.background.idle.timeout`
//   makes Firefox stop it after a short idle time, so every test runs with a background that comes and goes.
// - BiDi network events do not cover the background page: every request of the whole browser goes through
//   a local logging proxy instead (`network.proxy.*`, hijacking localhost too), which is also how the
//   dialer host reaches the fixture server.
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import puppeteer from 'puppeteer-core';
import { CRM_HOST, ROOT } from '../harness.mjs';

export const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
export const FIREFOX_EXTENSION_DIR = path.join(ROOT, '.output/firefox-mv3');
/** The moz-extension:// host this profile gives the add-on (any fixed UUID does). */
export const EXTENSION_UUID = '6b0c1f3e-2d4a-4c5b-9e8f-7a1b2c3d4e5f';
export const EXTENSION_ORIGIN = `moz-extension://${EXTENSION_UUID}`;
/** How long the event page may idle before Firefox stops it (the default is 30 s). */
export const BACKGROUND_IDLE_MS = 1500;

/**
 * A forward proxy on 127.0.0.1 that logs every request Firefox makes (host:port for HTTPS tunnels, the
 * URL for plain HTTP) and lets through only those to the fixture server; anything else is refused.
 */
async function startLoggingProxy(allowedPorts) {
  const log = [];
  const server = http.createServer((req, res) => {
    log.push(req.url ?? '');
    const target = new URL(req.url ?? '/', 'http://invalid');
    if (target.hostname !== '127.0.0.1' || !allowedPorts.has(Number(target.port))) {
      res.writeHead(502).end();
      return;
    }
    const upstream = http.request(
      {
        host: '127.0.0.1',
        port: target.port,
        path: target.pathname + target.search,
        method: req.method,
        headers: req.headers,
      },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on('error', () => res.writeHead(502).end());
    req.pipe(upstream);
  });
  server.on('connect', (req, socket, head) => {
    log.push(`CONNECT ${req.url}`);
    const [host, port] = (req.url ?? '').split(':');
    if (![CRM_HOST, '127.0.0.1'].includes(host) || !allowedPorts.has(Number(port))) {
      socket.end('HTTP/1.1 502 Bad Gateway\r\n\r\n');
      return;
    }
    const upstream = net.connect(Number(port), '127.0.0.1', () => {
      socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.write(head);
      upstream.pipe(socket);
      socket.pipe(upstream);
    });
    upstream.on('error', () => socket.destroy());
    socket.on('error', () => upstream.destroy());
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: server.address().port,
    log,
    close: () => {
      server.closeAllConnections?.();
      return new Promise((resolve) => server.close(resolve));
    },
  };
}

/**
 * Launches Firefox ESR with the built Firefox package installed; `server` is the fixture server
 * (startServer). Returns the browser, the proxy's log, helpers for extension pages, and a cleanup.
 */
export async function launchFirefox(server) {
  if (!fs.existsSync(FIREFOX)) {
    throw new Error(
      `Firefox not found at ${FIREFOX}: install it with "apt-get install -y firefox-esr" (or set FIREFOX_PATH).`,
    );
  }
  const manifestPath = path.join(FIREFOX_EXTENSION_DIR, 'manifest.json');
  if (!fs.existsSync(manifestPath)) {
    throw new Error(`No built Firefox package in ${FIREFOX_EXTENSION_DIR}: run "npm run build:firefox" first.`);
  }
  const addonId = JSON.parse(fs.readFileSync(manifestPath, 'utf8')).browser_specific_settings.gecko.id;
  const ports = new Set([server.origin, server.plainOrigin].map((o) => Number(new URL(o).port)));
  const proxy = await startLoggingProxy(ports);
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    acceptInsecureCerts: true,
    protocolTimeout: 60_000,
    // Release builds ignore the services.settings.server pref below unless this is set.
    env: { ...process.env, MOZ_REMOTE_SETTINGS_DEVTOOLS: '1' },
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [addonId]: EXTENSION_UUID }),
      'extensions.background.idle.timeout': BACKGROUND_IDLE_MS,
      'network.proxy.type': 1,
      'network.proxy.http': '127.0.0.1',
      'network.proxy.http_port': proxy.port,
      'network.proxy.ssl': '127.0.0.1',
      'network.proxy.ssl_port': proxy.port,
      'network.proxy.no_proxies_on': '',
      'network.proxy.allow_hijacking_localhost': true,
      'network.proxy.share_proxy_settings': false,
      // Firefox's own Remote Settings sync is not the extension's doing: pointed at nothing, as geckodriver does.
      'services.settings.server': 'data:,#remote-settings-dummy/v1',
    },
  });
  const installed = await browser.installExtension(FIREFOX_EXTENSION_DIR);
  if (installed !== addonId) throw new Error(`installed ${installed}, expected ${addonId}`);
  // A page of the extension's own, kept open to read its state (storage, tabs, views) through `browser.*`.
  const control = await openExtensionPage(browser, '/popup.html?tab=-1');
  await waitForContentScript(control);
  return {
    browser,
    control,
    proxyLog: proxy.log,
    open: (pathAndQuery) => openExtensionPage(browser, pathAndQuery),
    /** The tab id the extension gives `page` (its URL must be unique among open tabs). */
    tabIdOf: async (page) => {
      const url = await page.evaluate(() => location.href);
      // Queried by hand: a match pattern cannot name the fixture server's port.
      return control.evaluate(async (u) => (await browser.tabs.query({})).find((t) => t.url === u)?.id, url);
    },
    /** Whether the event page is running now (stopped ones are not among the extension's views). */
    backgroundRunning: () =>
      control.evaluate(() => browser.extension.getViews().some((w) => w.location.pathname.includes('background'))),
    async close() {
      await browser.close();
      await proxy.close();
    },
  };
}

/** Opens an extension page (`/popup.html?tab=3`) in a new tab and waits for its document. */
export async function openExtensionPage(browser, pathAndQuery) {
  const page = await browser.newPage();
  await navigateExtensionPage(page, pathAndQuery);
  return page;
}

/** Navigates `page` to an extension page: BiDi's navigate, waited for by hand (see the top of this file). */
export async function navigateExtensionPage(page, pathAndQuery) {
  const url = `${EXTENSION_ORIGIN}${pathAndQuery}`;
  await page.mainFrame().browsingContext.navigate(url, 'complete');
  await page.waitForFunction(
    (u) => location.href === u && document.readyState === 'complete',
    { timeout: 15_000 },
    url,
  );
}

/** The background registers the content script at start-up; pages opened before that get none. */
async function waitForContentScript(control) {
  await control.waitForFunction(async () => (await browser.scripting.getRegisteredContentScripts()).length > 0, {
    timeout: 15_000,
    polling: 100,
  });
}

/** Resolves once `page` shows the element `[data-testid=id]` with `text` in its text. */
export async function waitForTestId(page, id, text = '', timeout = 10_000) {
  await page.waitForFunction(
    (i, t) => [...document.querySelectorAll(`[data-testid="${i}"]`)].some((el) => el.textContent.includes(t)),
    { timeout },
    id,
    text,
  );
}

export const textOf = (page, id) => page.$eval(`[data-testid="${id}"]`, (el) => el.textContent);
