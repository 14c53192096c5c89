/**
 * The one owner of the settings in browser storage: `load` (the settings in force), `update` (the
 * agent's change, one writer at a time) and `watch` (the agent's and the administrator's changes).
 * The options page, the popup and the permission follower all write through `update`.
 */
import { browser } from 'wxt/browser';
import { oneAtATime } from '@/lib/one-at-a-time';
import { readSettings, type Settings } from '@/lib/settings';
import { type ResolvedSettings, resolveSettings } from '@/lib/settings/managed';
import { applyPatch, type SettingsPatch } from '@/lib/settings/patch';
import { isSettingsChange, SETTINGS_KEY } from './settings-keys';

export { SETTINGS_KEY };

async function managedPolicy(): Promise<unknown> {
  try {
    return await browser.storage.managed.get();
  } catch {
    // No policy installed (or a browser without managed storage): nothing is pushed.
    return {};
  }
}

/** The agent's own stored value, exactly as stored (migrations and defaults are the reader's job). */
async function readOwn(): Promise<unknown> {
  return (await browser.storage.sync.get(SETTINGS_KEY))[SETTINGS_KEY];
}

async function writeOwn(value: Record<string, unknown>): Promise<void> {
  await browser.storage.sync.set({ [SETTINGS_KEY]: value });
}

/** The settings in force: defaults, the administrator's values, the agent's own, the locked values. */
export async function load(): Promise<ResolvedSettings> {
  const [own, managed] = await Promise.all([readOwn(), managedPolicy()]);
  return resolveSettings(own, managed);
}

/** A change to the agent's settings: the fields to set, or a function of the agent's current ones (null: no change). */
export type Update = SettingsPatch | ((own: Settings) => SettingsPatch | null);

const queue = oneAtATime();
const LOCK = 'consent-guard-settings';

/**
 * One writer at a time: in this context through a queue, and across the popup, the options page and
 * the background through a Web Lock where the browser has them.
 */
function exclusively<T>(task: () => Promise<T>): Promise<T> {
  const locks = (globalThis.navigator as Navigator | undefined)?.locks;
  return queue(() => (locks?.request ? locks.request(LOCK, task) : task()));
}

/**
 * Applies the agent's change on top of what is stored now: every field is validated first (a bad one
 * throws a SettingsError and nothing is written), fields the change does not name stay as stored.
 * Resolves with the agent's own settings afterwards; writes nothing when nothing changes.
 */
export function update(change: Update): Promise<Settings> {
  return exclusively(async () => {
    const stored = await readOwn();
    const current = readSettings(stored).settings;
    const patch = typeof change === 'function' ? change(current) : change;
    if (!patch) return current;
    const next = applyPatch(stored, patch);
    if (JSON.stringify(next) !== JSON.stringify(stored)) await writeOwn(next);
    return readSettings(next).settings;
  });
}

/** Calls `listener` whenever the agent's or the administrator's settings change; returns the unsubscribe. */
export function watch(listener: () => void): () => void {
  const handler = (changes: Record<string, unknown>, area: string) => {
    if (isSettingsChange(changes, area)) listener();
  };
  browser.storage.onChanged.addListener(handler);
  return () => browser.storage.onChanged.removeListener(handler);
}

export const settingsStore = { load, update, watch };
