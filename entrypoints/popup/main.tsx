import { render } from 'preact';
import { browser } from 'wxt/browser';
import { Popup, type PopupApi } from '@/components/Popup';
import { LookupResponse, TabSummaryResponse } from '@/lib/protocol/messages';
import { disableSite, enableSite, siteStatus } from '@/lib/sites/site-access';
import { uiLanguage } from '@/utils/i18n';
import { send } from '@/utils/messaging';
import { loadSettings, onSettingsChanged } from '@/utils/settings-store';
import { loadSiteChoices, registrationSettled, updateSiteChoices } from '@/utils/site-permissions';
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

/** The tab the site line speaks about, as last read (enable() must not wait before asking for access). */
let siteTab: { id: number; url: string; pattern: string } | null = null;

/** Reloads the tab once the registration follows the new choices, so the page gets, or loses, its badges. */
async function reloadWhenRegistered(choices: Parameters<typeof registrationSettled>[0]) {
  if (!siteTab) return;
  await registrationSettled(choices);
  await browser.tabs.reload(siteTab.id);
}

const site: NonNullable<PopupApi['site']> = {
  async status() {
    const tab = await currentTab();
    if (!tab?.url) return null;
    const status = siteStatus(tab.url, await loadSiteChoices());
    if (!status.pattern || status.kind === 'unsupported') return null;
    siteTab = { id: tab.id, url: tab.url, pattern: status.pattern };
    let { kind, runs } = status;
    // Enabled here (say on another computer, through sync) but without access in this browser.
    if (kind === 'enabled' && !(await browser.permissions.contains({ origins: [status.pattern] }))) {
      kind = 'not-enabled';
      runs = false;
    }
    return { host: new URL(tab.url).hostname, kind, runs, siteName: status.site?.name ?? null };
  },
  async enable() {
    const target = siteTab;
    if (!target) return false;
    // First, within the click: the browser asks the agent (a default site is granted already).
    const granted = await browser.permissions.request({ origins: [target.pattern] });
    if (!granted) return false;
    // The background's permissions.onAdded does the same; whichever comes second changes nothing.
    await reloadWhenRegistered(await updateSiteChoices((c) => enableSite(c, target.url)));
    return true;
  },
  async disable() {
    const target = siteTab;
    if (!target) return;
    let revoke: string[] = [];
    const choices = await updateSiteChoices((c) => {
      const next = disableSite(c, target.url);
      revoke = next.revoke;
      return next;
    });
    // Saved first, so the background's permissions.onRemoved finds nothing left to change.
    if (revoke.length > 0) await browser.permissions.remove({ origins: revoke }).catch(() => false);
    await reloadWhenRegistered(choices);
  },
};

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
    return (await loadSettings()).settings;
  },
  watchSettings: onSettingsChanged,
  openOptions() {
    browser.runtime.openOptionsPage().then(() => window.close());
  },
  site,
};

document.documentElement.lang = uiLanguage();
const app = document.getElementById('app');
if (app) render(<Popup api={api} />, app);
