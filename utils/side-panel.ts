/**
 * The call panel's browser wiring (issue #15 items 1 and 4): opening it (Chrome's sidePanel, Firefox's
 * sidebarAction), the "Check with Consent Guard" context-menu item for selected text and the keyboard
 * shortcuts. Each opener must run inside the agent's gesture: the browsers refuse it after an await.
 */
import { browser } from 'wxt/browser';
import { selectionQuery } from '@/lib/number/selection';
import type { Selected } from '@/lib/protocol/messages';
import { t } from '@/utils/i18n';
import { openCallPanel } from '@/utils/open-call-panel';

export const MENU_ID = 'consent-guard-lookup';
export const COMMAND_LOOKUP = 'lookup-selection';
export const COMMAND_PANEL = 'open-call-panel';

type Keep = (tabId: number, selected: Selected) => Promise<void>;

/**
 * Looks up selected text: its number (or the text, so the panel can say it holds none) becomes the
 * tab's selected number, which the open panel shows. False for a blank selection.
 */
async function lookUpSelection(text: string, tabId: number, keep: Keep): Promise<boolean> {
  const query = selectionQuery(text);
  if (query === null) return false;
  await keep(tabId, { number: query, how: 'selection', at: Date.now() });
  return true;
}

/** The page's selected text, read in its frames where the shortcut's activeTab grant lets us. */
async function selectionIn(tabId: number): Promise<string> {
  const results = await browser.scripting.executeScript({
    target: { tabId, allFrames: true },
    func: () => globalThis.getSelection?.()?.toString() ?? '',
  });
  return results.map((r) => (typeof r.result === 'string' ? r.result : '')).find((s) => s.trim() !== '') ?? '';
}

type MenuTab = { id?: number; windowId?: number } | undefined;

/** The context-menu click, as the browser reports it (exported so the end-to-end test can drive it). */
export function onMenuClicked(keep: Keep) {
  return (info: { menuItemId: string | number; selectionText?: string }, tab: MenuTab) => {
    if (info.menuItemId !== MENU_ID || tab?.id === undefined) return Promise.resolve(false);
    // The panel opens first, inside the click's gesture; the answer follows.
    openCallPanel({ tabId: tab.id, windowId: tab.windowId });
    return lookUpSelection(info.selectionText ?? '', tab.id, keep);
  };
}

/** The context-menu item, the shortcuts and their handlers; call once when the worker starts. */
export function followCallPanelTriggers(
  keep: Keep,
): (info: { menuItemId: string | number; selectionText?: string }, tab: MenuTab) => Promise<boolean> {
  const menus = browser.contextMenus;
  // A browser without menus or commands (Firefox for Android, the tests' fake browser) goes without them.
  const listen = (add: () => void) => {
    try {
      add();
    } catch (error) {
      console.debug('[Consent Guard] no context menu or shortcuts here', error);
    }
  };
  listen(() =>
    browser.runtime.onInstalled.addListener(() => {
      menus?.removeAll().then(
        () => menus.create({ id: MENU_ID, title: t('menuLookup'), contexts: ['selection'] }),
        (error) => console.error('[Consent Guard] could not add the context menu', error),
      );
    }),
  );
  const clicked = onMenuClicked(keep);
  listen(() =>
    menus?.onClicked.addListener((info, tab) => {
      clicked(info, tab).catch((error) => console.error('[Consent Guard] could not look up the selection', error));
    }),
  );
  listen(() =>
    browser.commands?.onCommand.addListener((command, tab) => {
      if (command === COMMAND_PANEL) openCallPanel({ tabId: tab?.id, windowId: tab?.windowId });
      if (command !== COMMAND_LOOKUP || tab?.id === undefined) return;
      const tabId = tab.id;
      openCallPanel({ tabId, windowId: tab.windowId });
      selectionIn(tabId)
        .then((text) => lookUpSelection(text, tabId, keep))
        .catch((error) => console.debug('[Consent Guard] could not read the selection', error));
    }),
  );
  return clicked;
}
