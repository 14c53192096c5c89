/**
 * Writing the agent's settings: what a change may contain, and how it joins what is stored. Pure, so
 * the store (utils/settings-store.ts) only moves values between here and the browser.
 */
import type * as z from 'zod/mini';
import { MIGRATIONS, SETTINGS_VERSION, Settings } from '../settings';

/** Any of the agent's settings, each validated on its own before anything is written. */
export type SettingsPatch = Partial<Omit<Settings, 'version'>>;

/** A change refused before anything was written: nothing stored changed, so nothing is lost. */
export class SettingsError extends Error {
  constructor(
    message: string,
    /** Why, for the UI: 'invalid' (a value the schema refuses), 'limit' (a browser storage quota). */
    readonly reason: 'invalid' | 'limit',
  ) {
    super(message);
    this.name = 'SettingsError';
  }
}

const asObject = (value: unknown): Record<string, unknown> | null =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;

/**
 * The stored value brought to the current version without filling defaults or dropping anything: a
 * field the agent never set stays unset (so an administrator's value still applies to it), and one
 * that is invalid stays for the reader to report. Unreadable values start again from nothing.
 */
export function migrateStored(stored: unknown): Record<string, unknown> {
  const object = asObject(stored);
  if (!object) return { version: SETTINGS_VERSION };
  let value = { ...object };
  let version = typeof value.version === 'number' ? value.version : 0;
  for (let migrate = MIGRATIONS[version]; version < SETTINGS_VERSION && migrate; migrate = MIGRATIONS[version]) {
    value = migrate(value, []);
    version += 1;
  }
  return { ...value, version: Math.max(version, SETTINGS_VERSION) };
}

/** Checks every field of `patch` against the settings schema; throws a SettingsError naming the first bad one. */
export function validatePatch(patch: SettingsPatch): SettingsPatch {
  const shape = Settings.def.shape as Record<string, z.ZodMiniType>;
  const valid: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(patch)) {
    // The version is the store's to write, never the caller's.
    if (value === undefined || key === 'version') continue;
    const schema = shape[key];
    if (!schema) throw new SettingsError(`"${key}" is not a setting.`, 'invalid');
    const field = schema.safeParse(value);
    if (!field.success) {
      const issue = field.error.issues[0];
      const where = [key, ...(issue?.path ?? []).map(String)].join('.');
      throw new SettingsError(`${where}: ${issue?.message ?? 'not valid'}`, 'invalid');
    }
    valid[key] = field.data;
  }
  return valid as SettingsPatch;
}

/**
 * The stored value after `patch`: migrated, the patch's fields replaced, everything else as stored
 * (a value from a newer version keeps its version, so that version does not migrate it again).
 */
export function applyPatch(stored: unknown, patch: SettingsPatch): Record<string, unknown> {
  return { ...migrateStored(stored), ...validatePatch(patch) };
}
