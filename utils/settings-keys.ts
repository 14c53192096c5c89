/**
 * Where the settings live in browser storage, without zod: the content script imports this to follow
 * changes, the store (utils/settings-store.ts) to read and write them.
 */

/** The agent's settings in storage.sync; the administrator's are the whole of storage.managed. */
export const SETTINGS_KEY = 'settings';

/** Whether a `storage.onChanged` event touches the settings in force: the agent's, or the managed policy. */
export function isSettingsChange(changes: Record<string, unknown>, area: string): boolean {
  if (area === 'managed') return true;
  if (area !== 'sync' && area !== 'local') return false;
  return Object.keys(changes).some((key) => key === SETTINGS_KEY || key.startsWith(`${SETTINGS_KEY}.`));
}
