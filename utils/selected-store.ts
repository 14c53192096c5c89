/**
 * Each tab's selected number (the last one the agent clicked, dialled, picked in the side panel, or
 * selected as text to look up), kept in storage.session for the side panel: it survives a worker
 * restart and is gone when the browser closes or the tab does. What is read back is validated with zod.
 */
import { browser } from 'wxt/browser';
import { Selected } from '@/lib/protocol/messages';

const PREFIX = 'selected:';
export const selectedKey = (tabId: number) => `${PREFIX}${tabId}`;

export async function selectNumber(tabId: number, selected: Selected): Promise<void> {
  await browser.storage.session.set({ [selectedKey(tabId)]: Selected.parse(selected) });
}

/** The tab's selected number, or null (none yet, or what is stored is not one). */
export async function selectedOf(tabId: number): Promise<Selected | null> {
  const stored = (await browser.storage.session.get(selectedKey(tabId)))[selectedKey(tabId)];
  const parsed = Selected.safeParse(stored);
  return parsed.success ? parsed.data : null;
}

export async function forgetSelected(tabId: number): Promise<void> {
  await browser.storage.session.remove(selectedKey(tabId));
}

/** Calls `changed` with a tab's new selection whenever one is kept; returns the unsubscribe. */
export function watchSelected(changed: (tabId: number, selected: Selected | null) => void): () => void {
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area !== 'session') return;
    for (const [key, change] of Object.entries(changes)) {
      if (!key.startsWith(PREFIX)) continue;
      const tabId = Number(key.slice(PREFIX.length));
      if (!Number.isInteger(tabId)) continue;
      const parsed = Selected.safeParse(change.newValue);
      changed(tabId, parsed.success ? parsed.data : null);
    }
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
