/**
 * The one owner of the settings in browser storage: `load` (the settings in force), `update` (the
 * agent's change, one writer at a time) and `watch` (the agent's and the administrator's changes).
 * The options page, the popup and the permission follower all write through `update`.
 */
import { browser } from 'wxt/browser';
import { oneAtATime } from '@/lib/one-at-a-time';
import { readSettings, type Settings } from '@/lib/settings';
import {
  CORE_KEY,
  type Items,
  isLayoutOne,
  joinStored,
  SITES_KEY,
  splitStored,
  syncQuotaProblem,
  TEMPLATE_KEYS,
} from '@/lib/settings/layout';
import { type ResolvedSettings, resolveSettings } from '@/lib/settings/managed';
import { applyPatch, SettingsError, type SettingsPatch } from '@/lib/settings/patch';
import { isSettingsChange } from './settings-keys';

async function managedPolicy(): Promise<unknown> {
  try {
    return await browser.storage.managed.get();
  } catch {
    // No policy installed (or a browser without managed storage): nothing is pushed.
    return {};
  }
}

const SYNC_KEYS = [CORE_KEY, ...TEMPLATE_KEYS.map(({ key }) => key)];

async function readItems(): Promise<Items> {
  const [sync, local] = await Promise.all([browser.storage.sync.get(SYNC_KEYS), browser.storage.local.get(SITES_KEY)]);
  return { sync, local };
}

/** The agent's own stored value, as one object (migrations and defaults are the reader's job). */
async function readOwn(): Promise<unknown> {
  const { sync, local } = await readItems();
  return joinStored(sync, local);
}

/** A browser refusal that is a quota (Chrome: "QUOTA_BYTES_PER_ITEM quota exceeded", "MAX_WRITE_OPERATIONS_PER_MINUTE"). */
const isQuotaError = (error: unknown) => /quota|max_write/i.test(String((error as Error)?.message ?? error));

/**
 * Writes the agent's value in the split layout: the sites to local first, then every sync item in one
 * call, so a refused write leaves the previous value readable. Checks the sync quota before writing.
 */
async function writeOwn(value: Record<string, unknown>): Promise<void> {
  const { sync, local } = splitStored(value);
  const problem = syncQuotaProblem(sync);
  if (problem) throw new SettingsError(problem, 'limit');
  try {
    if (Object.keys(local).length > 0) await browser.storage.local.set(local);
    await browser.storage.sync.set(sync);
  } catch (error) {
    if (!isQuotaError(error)) throw error;
    throw new SettingsError(
      `The browser's storage limit was reached (${String((error as Error)?.message ?? error)}); the settings were not saved and nothing stored was lost. Try again in a minute, or shorten the templates or the site lists.`,
      'limit',
    );
  }
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

/**
 * Moves settings stored in layout 1 (everything in one sync item, which 210 sites or nine long
 * templates overflow) to the split layout. Run by the background on start; idempotent.
 */
export function migrateLayout(): Promise<boolean> {
  return exclusively(async () => {
    const { sync, local } = await readItems();
    if (!isLayoutOne(sync)) return false;
    await writeOwn(joinStored(sync, local) as Record<string, unknown>);
    return true;
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

export const settingsStore = { load, update, watch, migrateLayout };
