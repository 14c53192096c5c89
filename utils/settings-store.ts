/** Settings in browser storage: the agent's own in storage.sync, the administrator's in storage.managed. */
import { browser } from 'wxt/browser';
import { type ResolvedSettings, resolveSettings, type Settings } from '@/lib/settings';

export const SETTINGS_KEY = 'settings';

async function managedPolicy(): Promise<unknown> {
  try {
    return await browser.storage.managed.get();
  } catch {
    // No policy installed (or a browser without managed storage): nothing is pushed.
    return {};
  }
}

export async function loadSettings(): Promise<ResolvedSettings> {
  const [stored, managed] = await Promise.all([browser.storage.sync.get(SETTINGS_KEY), managedPolicy()]);
  return resolveSettings(stored[SETTINGS_KEY], managed);
}

/** Saves the agent's settings (the whole object, validated by the caller's schema). */
export async function saveSettings(settings: Settings): Promise<void> {
  await browser.storage.sync.set({ [SETTINGS_KEY]: settings });
}

/** Calls `listener` whenever the agent's or the administrator's settings change. */
export function onSettingsChanged(listener: () => void): () => void {
  const handler = (changes: Record<string, unknown>, area: string) => {
    if ((area === 'sync' && SETTINGS_KEY in changes) || area === 'managed') listener();
  };
  browser.storage.onChanged.addListener(handler);
  return () => browser.storage.onChanged.removeListener(handler);
}
