import { render } from 'preact';
import { browser } from 'wxt/browser';
import { Popup, type PopupApi } from '@/components/Popup';
import { disclaimerSettings } from '@/lib/disclaimer-settings';
import { LookupResponse, TabSummaryResponse } from '@/lib/messages';
import { uiLanguage } from '@/utils/i18n';
import './style.css';

// The key utils/settings-store.ts keeps the settings under. Not imported from there: its reader checks
// regions against the jurisdictions table, which would triple the popup's bundle.
const SETTINGS_KEY = 'settings';

/**
 * The tab the popup speaks about: `?tab=<id>` (an "open for this tab" link, also how the end-to-end
 * tests open the popup as a page), otherwise the active tab of the popup's window.
 */
async function tabId(): Promise<number | null> {
  const param = new URLSearchParams(location.search).get('tab');
  if (param !== null && /^\d+$/.test(param)) return Number(param);
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id ?? null;
}

const api: PopupApi = {
  async tabSummary() {
    const id = await tabId();
    if (id === null) return null;
    return TabSummaryResponse.parse(await browser.runtime.sendMessage({ type: 'popup-tab-summary', tabId: id }));
  },
  async lookup(number) {
    return LookupResponse.parse(await browser.runtime.sendMessage({ type: 'lookup', numbers: [number] }));
  },
  async settings() {
    const [stored, managed] = await Promise.all([
      browser.storage.sync.get(SETTINGS_KEY),
      browser.storage.managed.get().catch(() => ({})),
    ]);
    return disclaimerSettings(stored[SETTINGS_KEY], managed);
  },
  watchSettings(listener) {
    const handler = (changes: Record<string, unknown>, area: string) => {
      if ((area === 'sync' && SETTINGS_KEY in changes) || area === 'managed') listener();
    };
    browser.storage.onChanged.addListener(handler);
    return () => browser.storage.onChanged.removeListener(handler);
  },
  openOptions() {
    browser.runtime.openOptionsPage().then(() => window.close());
  },
};

document.documentElement.lang = uiLanguage();
const app = document.getElementById('app');
if (app) render(<Popup api={api} />, app);
