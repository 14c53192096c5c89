import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';
import { DEFAULT_MATCHES } from './lib/sites';

// https://wxt.dev/api/config.html
export default defineConfig({
  // `wxt/browser` resolves to webextension-polyfill in the build; tests get WXT's fake browser.
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({ plugins: [preact()] }),
  manifest: {
    // Both from public/_locales (English and Spanish).
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // storage: settings and per-tab numbers; scripting: run on the dialer sites the agent chose.
    permissions: ['storage', 'scripting'],
    // The default dialer and CRM sites only; any other site is asked for, one origin at a time.
    host_permissions: [...DEFAULT_MATCHES],
    optional_host_permissions: ['https://*/*', 'http://*/*'],
    action: { default_title: 'Consent Guard' },
    // Opens the popup from the keyboard (chrome://extensions/shortcuts changes it).
    commands: { _execute_action: { suggested_key: { default: 'Alt+Shift+K' } } },
    // What an administrator may push through enterprise policy (storage.managed); see lib/settings.ts MANAGEABLE.
    storage: { managed_schema: 'managed_schema.json' },
  },
});
