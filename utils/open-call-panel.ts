/**
 * Opens the call panel (Chrome's sidePanel, Firefox's sidebarAction) from the background or the popup.
 * It must run inside the agent's gesture: the browsers refuse it after an await.
 */
import { browser } from 'wxt/browser';

export interface Where {
  tabId?: number;
  windowId?: number;
}
type SidePanelApi = { open(options: { tabId?: number; windowId?: number }): Promise<void> };
type SidebarApi = { open(): Promise<void> };

/** Opens the call panel beside the tab (its window's panel, so it follows the agent's tabs). Never throws. */
export function openCallPanel(where: Where): void {
  const chromePanel = (globalThis as { chrome?: { sidePanel?: SidePanelApi } }).chrome?.sidePanel;
  const sidebar = (browser as unknown as { sidebarAction?: SidebarApi }).sidebarAction;
  try {
    const opened = chromePanel?.open
      ? chromePanel.open(where.windowId !== undefined ? { windowId: where.windowId } : { tabId: where.tabId })
      : sidebar?.open();
    opened?.catch((error: unknown) => console.debug('[Consent Guard] could not open the call panel', error));
  } catch (error) {
    console.debug('[Consent Guard] could not open the call panel', error);
  }
}
