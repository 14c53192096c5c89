/**
 * Shape checks for the background's answers, written by hand: the content script runs on every
 * CRM page, and the zod schemas (which the background applies to everything it receives) would
 * double its size. The background is the validating edge; this only keeps a broken answer out.
 */
import type { Answer, BadgeInfo, PageScanResponse } from './messages';

const CONSENT = new Set(['all-party', 'one-party', 'unknown']);
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;
const isString = (v: unknown): v is string => typeof v === 'string';
const isStringArray = (v: unknown): v is string[] => Array.isArray(v) && v.every(isString);

function isBadgeInfo(v: unknown): v is BadgeInfo {
  return (
    isObject(v) &&
    isString(v.e164) &&
    CONSENT.has(v.consent as string) &&
    typeof v.ambiguous === 'boolean' &&
    isString(v.place) &&
    isString(v.sentence) &&
    (v.localTime === null || isString(v.localTime)) &&
    (v.location === undefined || isString(v.location)) &&
    (v.locationKey === undefined || isString(v.locationKey)) &&
    (v.notice === undefined || v.notice === true) &&
    (v.dnc === undefined || v.dnc === 'company' || v.dnc === 'record')
  );
}

export function asPageScanResponse(v: unknown): PageScanResponse | undefined {
  if (!isObject(v)) return undefined;
  if (v.ok === false && isString(v.error)) return { ok: false, error: v.error };
  if (v.ok === true && Array.isArray(v.badges) && v.badges.every(isBadgeInfo) && typeof v.showOneParty === 'boolean') {
    const dialCheck = v.dialCheck === 'all' || v.dialCheck === 'off' ? v.dialCheck : 'risky';
    return { ok: true, badges: v.badges, showOneParty: v.showOneParty, dialCheck };
  }
  return undefined;
}

/** The first answer of a lookup response, if it has what the details panel shows. */
export function firstAnswer(v: unknown): Answer | null {
  if (!isObject(v) || v.ok !== true || !Array.isArray(v.results)) return null;
  const a = v.results[0];
  const ok =
    isObject(a) &&
    CONSENT.has(a.requirement as string) &&
    isString(a.treatAs) &&
    isStringArray(a.reasons) &&
    isStringArray(a.citations) &&
    Array.isArray(a.rules) &&
    isString(a.place) &&
    isString(a.disclaimer) &&
    (a.copyText === undefined || isString(a.copyText)) &&
    (a.dnc === undefined || a.dnc === 'company' || a.dnc === 'record');
  return ok ? (a as unknown as Answer) : null;
}

/**
 * Background → content scripts, when the settings or the policy change: storage is closed to content
 * scripts (issue #18 item 8), so they are told, and ask their answers again.
 */
export const SETTINGS_CHANGED = { type: 'settings-changed' } as const;

export function isSettingsChanged(v: unknown): boolean {
  return isObject(v) && v.type === SETTINGS_CHANGED.type && Object.keys(v).length === 1;
}
