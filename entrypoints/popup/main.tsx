import { render } from 'preact';
import { browser } from 'wxt/browser';
import { Popup, type PopupApi } from '@/components/Popup';
import { LookupResponse, TabSummaryResponse } from '@/lib/protocol/messages';
import { uiLanguage } from '@/utils/i18n';
import { send } from '@/utils/messaging';
import { openCallPanel } from '@/utils/open-call-panel';
import { settingsStore } from '@/utils/settings-store';
import { siteFlow } from '@/utils/site-flow';
import '@/components/tokens.css';
import './style.css';

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

/**
 * The tab's id and address. The address is readable on the sites Consent Guard has access to, and
 * on any site while the popup is open from the toolbar (the activeTab permission); otherwise null.
 */
async function currentTab(): Promise<{ id: number; url: string | null } | null> {
  const id = await tabId();
  if (id === null) return null;
  const tab = await browser.tabs.get(id).catch(() => null);
  return { id, url: tab?.url ?? null };
}

const site = siteFlow(currentTab);

/** The popup's window, read up front: the call panel must open without waiting once the agent clicks. */
let popupWindow: number | undefined;
browser.windows.getCurrent().then(
  (w) => {
    popupWindow = w.id;
  },
  () => {},
);

const api: PopupApi = {
  async tabSummary() {
    const id = await tabId();
    if (id === null) return null;
    return send({ type: 'popup-tab-summary', tabId: id }, (answer) => TabSummaryResponse.parse(answer));
  },
  async lookup(number) {
    return send({ type: 'lookup', numbers: [number] }, (answer) => LookupResponse.parse(answer));
  },
  async settings() {
    return (await settingsStore.load()).settings;
  },
  watchSettings: settingsStore.watch,
  openOptions() {
    browser.runtime.openOptionsPage().then(() => window.close());
  },
  openSidePanel() {
    // In the click's gesture (no await before it): the panel opens beside the tab, then the popup closes.
    openCallPanel({ windowId: popupWindow });
    window.close();
  },
  site,
};

document.documentElement.lang = uiLanguage();
const app = document.getElementById('app');
if (app) render(<Popup api={api} />, app);
