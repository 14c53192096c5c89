import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';

// https://wxt.dev/api/config.html
export default defineConfig({
  // `wxt/browser` resolves to webextension-polyfill in the build; tests get WXT's fake browser.
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({ plugins: [preact()] }),
  manifest: {
    name: 'Consent Guard',
    description:
      'Before you dial: does recording this call need one-party or all-party consent? Badges on your dialer, the law and a disclaimer in one click.',
    permissions: ['storage'],
    action: { default_title: 'Consent Guard' },
  },
});
