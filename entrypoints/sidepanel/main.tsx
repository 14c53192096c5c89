import { render } from 'preact';
import { browser } from 'wxt/browser';
import { SidePanel, type SidePanelApi } from '@/components/SidePanel';
import { LookupResponse, OkResponse, TabSummaryResponse } from '@/lib/protocol/messages';
import { t, uiLanguage } from '@/utils/i18n';
import { logEvent } from '@/utils/log-event';
import { send } from '@/utils/messaging';
import { selectedOf, watchSelected } from '@/utils/selected-store';
import { settingsStore } from '@/utils/settings-store';
import '@/components/tokens.css';
import '../popup/style.css';
import './style.css';

/**
 * The window whose active tab the panel follows: its own (Chrome's side panel, Firefox's sidebar), or
 * `?window=<id>` where the panel's page is opened as a tab of another window (the end-to-end tests).
 */
async function windowId(): Promise<number | null> {
  const param = new URLSearchParams(location.search).get('window');
  if (param !== null && /^\d+$/.test(param)) return Number(param);
  const own = await browser.windows.getCurrent().catch(() => null);
  return own?.id ?? null;
}

const followed = windowId();

const api: SidePanelApi = {
  async currentTab() {
    const id = await followed;
    const [tab] = await browser.tabs.query(
      id === null ? { active: true, currentWindow: true } : { active: true, windowId: id },
    );
    return tab?.id ?? null;
  },
  watchTab(listener) {
    const onActivated = async (info: { windowId: number }) => {
      if (info.windowId === (await followed)) listener();
    };
    browser.tabs.onActivated.addListener(onActivated);
    return () => browser.tabs.onActivated.removeListener(onActivated);
  },
  async tabSummary(tabId) {
    return send({ type: 'popup-tab-summary', tabId }, (answer) => TabSummaryResponse.parse(answer));
  },
  watchTabNumbers(tabId, listener) {
    // The tab store writes `tab:<id>` and `tab:<id>:<frame>` to storage.session as the page changes.
    let timer: ReturnType<typeof setTimeout> | undefined;
    const prefix = `tab:${tabId}`;
    const onChanged = (changes: Record<string, unknown>, area: string) => {
      if (area !== 'session' || !Object.keys(changes).some((k) => k === prefix || k.startsWith(`${prefix}:`))) return;
      clearTimeout(timer);
      timer = setTimeout(listener, 150);
    };
    browser.storage.onChanged.addListener(onChanged);
    return () => {
      clearTimeout(timer);
      browser.storage.onChanged.removeListener(onChanged);
    };
  },
  async lookup(number) {
    return send({ type: 'lookup', numbers: [number] }, (answer) => LookupResponse.parse(answer));
  },
  selected: selectedOf,
  watchSelected,
  pick(tabId, e164) {
    send({ type: 'number-selected', e164, how: 'panel', tabId }, (answer) => OkResponse.parse(answer)).catch((error) =>
      console.debug('[Consent Guard] number-selected', error),
    );
  },
  log(event) {
    logEvent({ ...event, source: 'panel' });
  },
  async settings() {
    return (await settingsStore.load()).settings;
  },
  watchSettings: settingsStore.watch,
};

document.documentElement.lang = uiLanguage();
document.title = t('sidePanelTitle');
const app = document.getElementById('app');
if (app) render(<SidePanel api={api} />, app);
