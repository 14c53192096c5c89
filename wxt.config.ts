import path from 'node:path';
import preact from '@preact/preset-vite';
import type { Plugin } from 'vite';
import { defineConfig } from 'wxt';
import { DEFAULT_MATCHES } from './lib/sites';

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

// https://wxt.dev/api/config.html
export default defineConfig({
  // `wxt/browser` resolves to webextension-polyfill in the build; tests get WXT's fake browser.
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({ plugins: [preact(), pageHookName()] }),
  manifest: ({ browser }) => ({
    // Both from public/_locales (English and Spanish).
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // storage: settings and per-tab numbers; scripting: run on the dialer sites the agent chose;
    // activeTab: while the agent has the popup open, read the tab's address (no install warning),
    // so the popup can say whether it runs on a site it has no access to yet, and offer to enable it.
    permissions: ['storage', 'scripting', 'activeTab'],
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
    commands: { _execute_action: { suggested_key: { default: 'Alt+Shift+K' } } },
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
  hooks: {
    // The privacy statement ships inside the extension too; the options page links to it.
    'build:publicAssets': (_wxt, files) => {
      files.push({ absoluteSrc: path.resolve(import.meta.dirname, 'PRIVACY.md'), relativeDest: 'privacy.txt' });
    },
  },
});
