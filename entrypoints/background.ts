import { browser } from 'wxt/browser';
import { handleMessage } from '@/lib/background/handle-message';
import type { SentenceText } from '@/lib/law/answer';
import type { Classification } from '@/lib/law/classify';
import type { WhereText } from '@/lib/law/location-summary';
import { oneAtATime } from '@/lib/one-at-a-time';
import { SETTINGS_CHANGED } from '@/lib/protocol/guards';
import { keepsTabNumbers } from '@/lib/sites/site-access';
import { effectiveSiteChoices } from '@/lib/sites/site-policy';
import { addLogEntry, logSalt, pruneLog } from '@/utils/consent-log-store';
import { syncContentScript } from '@/utils/content-registration';
import { dncMatcher, followDncChanges } from '@/utils/dnc-matcher';
import { t } from '@/utils/i18n';
import { openCallPanel } from '@/utils/open-call-panel';
import { forgetSelected, selectNumber } from '@/utils/selected-store';
import { settingsStore } from '@/utils/settings-store';
import { followCallPanelTriggers } from '@/utils/side-panel';
import { followPermissions, loadSiteChoices } from '@/utils/site-permissions';
import { clearTab, forgetTab, recordFrame, tabFlagged, tabNumbers, tabPlaces, tabRecords } from '@/utils/tab-store';

/** The toolbar count: how many numbers on the tab need everyone's consent (unknown ones included). */
function showCount(tabId: number, numbers: Classification[]) {
  const strict = numbers.filter((c) => c.treatAs === 'all-party').length;
  const action = browser.action;
  action.setBadgeText({ tabId, text: strict > 0 ? String(strict) : '' }).catch(() => {});
  action.setBadgeBackgroundColor({ tabId, color: '#b42318' }).catch(() => {});
  action
    .setTitle({
      tabId,
      title: t('toolbarTitle', numbers.length, strict),
    })
    .catch(() => {});
}

/**
 * Storage is for the extension's own pages and worker only (issue #18 item 8): a content script (a
 * compromised renderer) can then neither read the tabs' numbers (session) nor read or rewrite the
 * settings (sync, local). storage.session is restricted by default; sync and local are restricted
 * where the browser allows it (Chromium does; Firefox has no setAccessLevel, so there they stay open
 * and their contents are still read through zod). Content scripts hear of settings changes from us.
 */
function storageForTrustedContextsOnly() {
  type Restrictable = { setAccessLevel?: (options: { accessLevel: 'TRUSTED_CONTEXTS' }) => Promise<void> };
  for (const area of ['session', 'sync', 'local'] as const) {
    const storage = browser.storage[area] as unknown as Restrictable | undefined;
    try {
      storage
        ?.setAccessLevel?.({ accessLevel: 'TRUSTED_CONTEXTS' })
        ?.catch((error) => console.warn(`[Consent Guard] storage.${area} stays open to content scripts`, error));
    } catch (error) {
      console.warn(`[Consent Guard] storage.${area} stays open to content scripts`, error);
    }
  }
}

/** Every tab's content scripts (they cannot watch storage themselves): the answers may have changed. */
async function tellTabsSettingsChanged() {
  const tabs = await browser.tabs.query({}).catch(() => []);
  for (const tab of tabs) {
    if (tab.id === undefined) continue;
    // A tab without our content script refuses; a browser (or test fake) without tabs messaging throws.
    try {
      browser.tabs.sendMessage(tab.id, SETTINGS_CHANGED).catch(() => {});
    } catch {}
  }
}

export default defineBackground(() => {
  storageForTrustedContextsOnly();
  const deps = {
    extensionId: browser.runtime.id,
    extensionOrigin: browser.runtime.getURL('/'),
    settings: async () => (await settingsStore.load()).settings,
    recordFrame,
    tabNumbers,
    tabPlaces,
    tabFlagged,
    tabRecords,
    tabChanged: showCount,
    selectNumber,
    openPanel: (tabId: number, windowId?: number) => openCallPanel({ tabId, windowId }),
    dnc: dncMatcher,
    consentLog: { salt: logSalt, add: addLogEntry },
    // The badge sentence in the browser's language (utils/i18n falls back to English).
    sentenceText: t satisfies SentenceText,
    whereText: t satisfies WhereText,
  };
  // Registered synchronously on the first tick, so a restarted worker still hears the message that woke it.
  browser.runtime.onMessage.addListener((message: unknown, sender, sendResponse?: (response: unknown) => void) => {
    const response = handleMessage(message, sender, deps);
    // Chromium and the polyfill take `sendResponse`; WXT's fake browser takes the returned promise.
    if (typeof sendResponse === 'function') {
      response.then(sendResponse);
      return true;
    }
    return response;
  });
  // The call panel: the context menu on selected text, the shortcuts. The end-to-end test drives the
  // menu's handler through the worker (a native context menu cannot be clicked by the test's browser).
  (globalThis as { consentGuardMenuClicked?: unknown }).consentGuardMenuClicked = followCallPanelTriggers(selectNumber);
  // One sync at a time: two settings changes in a row must not both register the same script id.
  const serially = oneAtATime();
  const register = () => {
    serially(async () => {
      const { settings, sitePolicy } = await settingsStore.load();
      await syncContentScript(effectiveSiteChoices(settings, sitePolicy));
    }).catch((error) => console.error('[Consent Guard] could not register the content script', error));
  };
  // Settings from before the split layout move once (their change re-registers, like any other).
  settingsStore.migrateLayout().catch((error) => console.error('[Consent Guard] could not move the settings', error));
  register();
  settingsStore.watch(() => {
    register();
    tellTabsSettingsChanged();
  });
  // The consent log's retention, applied on every start as well as on every write (no alarm: that
  // would need the "alarms" permission, and a log nobody writes to is only read in options, which prunes too).
  settingsStore
    .load()
    .then(({ settings }) => pruneLog(settings.consentLog.retentionDays, new Date()))
    .catch((error) => console.error('[Consent Guard] could not apply the log retention', error));
  // Open pages ask again when the do-not-call list changes, as after a settings change.
  followDncChanges(() => {
    tellTabsSettingsChanged().catch(() => {});
  });
  // Host permissions granted or taken back (popup, chrome://extensions site access) change the sites.
  followPermissions();
  browser.tabs.onRemoved.addListener((tabId) => {
    forgetTab(tabId);
    forgetSelected(tabId).catch(() => {});
  });
  // A tab that loads a page where we do not run: the popup must not show the page before's numbers.
  browser.tabs.onUpdated.addListener((tabId, change, tab) => {
    if (change.status !== 'loading') return;
    loadSiteChoices()
      .then(async (choices) => {
        if (keepsTabNumbers(tab.url, choices)) return;
        await clearTab(tabId);
        showCount(tabId, []);
      })
      .catch((error) => console.error('[Consent Guard] could not clear a tab', error));
  });
});
