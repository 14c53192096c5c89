/**
 * Where the agent's settings are stored, so that they fit the browser's quotas by design
 * (storage.sync: 8,192 bytes per item, 102,400 in all):
 * - `settings` (sync): the small fields;
 * - `settings.templates.<requirement>.<language>` (sync): one item per disclaimer template, '' for none
 *   (a 600-character template is at most 3.6 kB even fully escaped);
 * - `settings.sites` (local): the site lists, up to 2 × 500 patterns of 300 characters, too long for sync.
 *   Host access is granted per browser anyway, so the sites follow the browser, not the account.
 * Layout 1 (before 0.3) kept everything in the one `settings` item; it is still read, and replaced on
 * the next write. Pure: utils/settings-store.ts moves the items between here and the browser.
 */
import { DISCLAIMER_LANGUAGES } from '../data/disclaimers';
import { SETTINGS_VERSION } from '../settings';

export const CORE_KEY = 'settings';
export const SITES_KEY = 'settings.sites';
const REQUIREMENTS = ['all-party', 'one-party', 'unknown'] as const;
const SPLIT_FIELDS = ['templates', 'enabledSites', 'disabledSites'];

/** storage.sync's limits (the same in Chrome and Firefox). */
export const SYNC_QUOTA_BYTES_PER_ITEM = 8192;
export const SYNC_QUOTA_BYTES = 102_400;

/** The sync items holding the templates, one per requirement and language. */
export const TEMPLATE_KEYS: readonly { key: string; requirement: string; language: string }[] = REQUIREMENTS.flatMap(
  (requirement) =>
    DISCLAIMER_LANGUAGES.map((language) => ({
      key: `settings.templates.${requirement}.${language}`,
      requirement,
      language,
    })),
);

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The agent's stored settings as one value, from the sync and local items (either layout). Items of
 * the split layout win over the same fields left in the core item.
 */
export function joinStored(sync: Record<string, unknown>, local: Record<string, unknown>): unknown {
  const core = sync[CORE_KEY];
  const hasTemplates = TEMPLATE_KEYS.some(({ key }) => sync[key] !== undefined);
  const sites = local[SITES_KEY];
  if (!isObject(core) && (core !== undefined || (!hasTemplates && !isObject(sites)))) return core;
  const value: Record<string, unknown> = isObject(core) ? { ...core } : { version: SETTINGS_VERSION };
  if (hasTemplates) {
    const templates: Record<string, Record<string, unknown>> = { 'all-party': {}, 'one-party': {}, unknown: {} };
    for (const { key, requirement, language } of TEMPLATE_KEYS) {
      const text = sync[key];
      // '' is "none"; anything else (even invalid) is kept for the reader to judge and report.
      if (text !== undefined && text !== '') (templates[requirement] as Record<string, unknown>)[language] = text;
    }
    value.templates = templates;
  }
  if (isObject(sites)) {
    for (const field of ['enabledSites', 'disabledSites']) if (field in sites) value[field] = sites[field];
  }
  return value;
}

export interface Items {
  sync: Record<string, unknown>;
  local: Record<string, unknown>;
}

/** The items to write for a stored value (the templates and sites only when the agent has set them). */
export function splitStored(value: Record<string, unknown>): Items {
  const core = Object.fromEntries(Object.entries(value).filter(([key]) => !SPLIT_FIELDS.includes(key)));
  const sync: Record<string, unknown> = { [CORE_KEY]: core };
  if ('templates' in value) {
    const templates = isObject(value.templates) ? value.templates : {};
    for (const { key, requirement, language } of TEMPLATE_KEYS) {
      const byLanguage = templates[requirement];
      sync[key] = isObject(byLanguage) && byLanguage[language] !== undefined ? byLanguage[language] : '';
    }
  }
  const local: Record<string, unknown> = {};
  if ('enabledSites' in value || 'disabledSites' in value) {
    local[SITES_KEY] = Object.fromEntries(
      ['enabledSites', 'disabledSites'].filter((f) => f in value).map((f) => [f, value[f]]),
    );
  }
  return { sync, local };
}

/** Whether the core item still holds fields of layout 1 (so the layout has to be migrated). */
export function isLayoutOne(sync: Record<string, unknown>): boolean {
  const core = sync[CORE_KEY];
  return isObject(core) && SPLIT_FIELDS.some((field) => field in core);
}

const utf8 = new TextEncoder();

/**
 * An item's size as Chrome counts it against the sync quota: the key plus the value as JSON, in UTF-8
 * bytes. Chrome's JSON writer also escapes `<` (6 bytes) and U+2028/U+2029, so this errs high.
 */
export function itemBytes(key: string, value: unknown): number {
  const json = JSON.stringify(value) ?? '';
  const extra = (json.match(/</g)?.length ?? 0) * 5 + (json.match(/[\u2028\u2029]/g)?.length ?? 0) * 3;
  return utf8.encode(key).length + utf8.encode(json).length + extra;
}

/** Why the sync items would not fit the quota, in words for the agent; null when they fit. */
export function syncQuotaProblem(items: Record<string, unknown>): string | null {
  let total = 0;
  for (const [key, value] of Object.entries(items)) {
    const bytes = itemBytes(key, value);
    total += bytes;
    if (bytes > SYNC_QUOTA_BYTES_PER_ITEM)
      return `"${key}" needs ${bytes} bytes, more than the ${SYNC_QUOTA_BYTES_PER_ITEM} the browser allows a synced setting. Shorten it and save again.`;
  }
  if (total > SYNC_QUOTA_BYTES)
    return `The settings need ${total} bytes, more than the ${SYNC_QUOTA_BYTES} the browser allows synced settings in all. Shorten the templates and save again.`;
  return null;
}
