import path from 'node:path';
import preact from '@preact/preset-vite';
import type { Plugin } from 'vite';
import { defineConfig } from 'wxt';
import { DEFAULT_MATCHES } from './lib/sites/sites';

/**
 * The page-world hook's frames are seen by the page (a stack taken inside a getter it passes to
 * attachShadow): a neutral script name keeps the extension's id (its chrome-extension:// URL) out.
 */
const pageHookName = (): Plugin => ({
  name: 'consent-guard:page-hook-name',
  generateBundle(_options, bundle) {
    for (const chunk of Object.values(bundle)) {
      if (chunk.type === 'chunk' && chunk.fileName === 'content-scripts/shadow-watch.js')
        chunk.code += '\n//# sourceURL=consent-guard-page-hook.js\n';
    }
  },
});

/**
 * Preact's one HTML sink is its `dangerouslySetInnerHTML` branch, which this project never uses (page
 * text is data, never markup). The build turns that assignment into a throw, so no bundle can set HTML
 * (and `web-ext lint` has nothing to warn about); it stops the build if Preact's code changes shape.
 */
const noPreactHtmlSink = (): Plugin => ({
  name: 'consent-guard:no-preact-html-sink',
  transform(code, id) {
    if (!/[\\/]node_modules[\\/]preact[\\/]dist[\\/]preact\.mjs$/.test(id.split('?')[0] ?? '')) return null;
    const sink = /\(([\w$]+)\.innerHTML=([\w$]+)\.__html\)/g;
    const found = code.match(sink)?.length ?? 0;
    if (found !== 1) this.error(`expected Preact's one innerHTML assignment, found ${found}`);
    return {
      code: code.replace(sink, '(()=>{throw new Error("dangerouslySetInnerHTML is not supported")})()'),
      map: null,
    };
  },
});

/**
 * The content script runs on every dialer page and uses four extension calls (runtime.sendMessage
 * and id, i18n.getMessage, storage.onChanged), all promise-based in Chrome's MV3 `chrome` and
 * Firefox's `browser`: its `wxt/browser` (WXT's own context included) is the browser's API, not
 * webextension-polyfill (about 10 KB of its bundle). Extension pages and the background keep the polyfill.
 */
const NATIVE_BROWSER = path.resolve(import.meta.dirname, 'node_modules/@wxt-dev/browser/src/index.mjs');
type Alias = { find: string | RegExp; replacement: string };
function nativeBrowserFor(entrypoints: readonly { name: string }[], config: { resolve?: { alias?: unknown } }) {
  if (entrypoints.length === 0 || !entrypoints.every((e) => e.name === 'content')) return;
  const alias = config.resolve?.alias;
  const list: Alias[] = Array.isArray(alias)
    ? alias
    : Object.entries((alias ?? {}) as Record<string, string>).map(([find, replacement]) => ({ find, replacement }));
  config.resolve = { ...config.resolve, alias: [{ find: /^wxt\/browser$/, replacement: NATIVE_BROWSER }, ...list] };
}

// https://wxt.dev/api/config.html
export default defineConfig({
  // `wxt/browser` resolves to webextension-polyfill in the build; tests get WXT's fake browser.
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({ plugins: [preact(), pageHookName(), noPreactHtmlSink()] }),
  manifest: ({ browser }) => ({
    // Both from public/_locales (English and Spanish).
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // storage: settings and per-tab numbers; scripting: run on the dialer sites the agent chose;
    // activeTab: while the agent has the popup open, read the tab's address (no install warning),
    // so the popup can say whether it runs on a site it has no access to yet, and offer to enable it.
    // contextMenus: "Check with Consent Guard" on selected text (issue #15 item 4). The side panel's
    // own permission (sidePanel, Chrome) is added by WXT for entrypoints/sidepanel; Firefox's sidebar needs none.
    permissions: ['storage', 'scripting', 'activeTab', 'contextMenus'],
    // The default dialer and CRM sites only; any other site is asked for, one origin at a time.
    host_permissions: [...DEFAULT_MATCHES],
    optional_host_permissions: ['https://*/*', 'http://*/*'],
    action: { default_title: 'Consent Guard' },
    // Extension pages (popup, options) load only their own files and talk to no server: nothing
    // inline, no plugins, no <base>, no form posts, no framing, no connections.
    content_security_policy: {
      extension_pages:
        "default-src 'self'; script-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'; connect-src 'none'",
    },
    // Opens the popup from the keyboard (chrome://extensions/shortcuts changes it).
    // The call panel opens from the keyboard (Firefox's own sidebar command, our command in Chrome), and
    // a shortcut looks up the selected text in it.
    commands: {
      _execute_action: { suggested_key: { default: 'Alt+Shift+K' } },
      ...(browser === 'firefox'
        ? {
            _execute_sidebar_action: {
              suggested_key: { default: 'Alt+Shift+P' },
              description: '__MSG_commandOpenPanel__',
            },
          }
        : {
            'open-call-panel': { suggested_key: { default: 'Alt+Shift+P' }, description: '__MSG_commandOpenPanel__' },
          }),
      'lookup-selection': { suggested_key: { default: 'Alt+Shift+L' }, description: '__MSG_commandLookupSelection__' },
    },
    // What an administrator may push through enterprise policy (storage.managed); see lib/settings.ts MANAGEABLE.
    storage: { managed_schema: 'managed_schema.json' },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'consent-guard@consent-guard.app',
              // 140 (ESR) reads data_collection_permissions; 128 brought matchOriginAsFallback to
              // scripting.registerContentScripts, and storage.session came in 115.
              strict_min_version: '140.0',
              // Nothing is collected or transmitted (see PRIVACY.md).
              data_collection_permissions: { required: ['none'] },
            },
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
  // `npm run zip`: the Chrome and Firefox packages, and (for Firefox) the sources Mozilla's reviewers
  // build from: what the build reads, and docs/store/build-from-sources.md to say how.
  zip: {
    excludeSources: ['tests/**', 'docs/**', '*.log'],
    includeSources: ['docs/store/build-from-sources.md'],
  },
  hooks: {
    'vite:build:extendConfig': nativeBrowserFor,
    // The privacy statement ships inside the extension too; the options page links to it.
    'build:publicAssets': (_wxt, files) => {
      files.push({ absoluteSrc: path.resolve(import.meta.dirname, 'PRIVACY.md'), relativeDest: 'privacy.txt' });
    },
  },
});
