/**
 * Does a dial need the agent's confirmation first (issue #15 item 2, issue #16 item 2)? Pure: what
 * the page knows of the number (its badge answers, whether its record is flagged) and the setting.
 * - a do-not-call number (the company list, or its record on the page) always asks for explicit
 *   confirmation, whatever the setting;
 * - 'off' asks nothing else; 'all' asks for every number;
 * - 'risky' (the default) asks for all-party and unknown numbers (unknown is never one-party), a number
 *   not answered yet (so unknown), and a number outside its binding calling hours (closed or partly).
 */
import type { DialCheck } from '../settings';

/** What a badge answer says of a number (a BadgeInfo's fields the check reads). */
export interface DialInfo {
  consent: 'all-party' | 'one-party' | 'unknown';
  ambiguous?: boolean;
  calling?: { allowed: boolean | 'partly' | null; binding: boolean } | undefined;
  dnc?: 'company' | 'record' | undefined;
}

/** 'none': dial straight through; 'check': the confirmation; 'confirm': the confirmation with an explicit tick. */
export type DialNeed = 'none' | 'check' | 'confirm';

export function dialNeed(setting: DialCheck, infos: readonly DialInfo[], recordFlagged: boolean): DialNeed {
  if (recordFlagged || infos.some((info) => info.dnc)) return 'confirm';
  if (setting === 'off') return 'none';
  if (setting === 'all' || infos.length === 0) return 'check';
  const risky = infos.some(
    (info) =>
      info.consent !== 'one-party' ||
      info.ambiguous === true ||
      (info.calling?.binding === true && info.calling.allowed !== true && info.calling.allowed !== null),
  );
  return risky ? 'check' : 'none';
}

/** The number a tel: or callto: address dials, as written (null when it is no such address). */
export function dialTarget(href: string): string | null {
  const match = /^\s*(?:tel|callto):(?:\/\/)?([^?#]*)/i.exec(href);
  if (!match) return null;
  let raw = match[1] ?? '';
  try {
    raw = decodeURIComponent(raw);
  } catch {
    // A malformed escape: read it as it is.
  }
  return raw.trim();
}

/** The first sentence of a disclaimer: what the agent reads first. */
export function firstSentence(text: string): string {
  const match = /^[\s\S]*?[.!?](?=\s|$)/.exec(text.trim());
  return (match ? match[0] : text).trim();
}
