/**
 * The notes a calling-hours answer carries: the nuances of the rules that apply to this call (their rows'
 * notes), their call caps and confidence. Agents read them in the badge's panel and the popup, under the
 * reasons, so only what the reasons do not already say is kept.
 */
import type { CallingHoursRule, CallPurpose } from '../data/calling-hours';

const NATIONAL = new Set(['US-FED', 'CA-FED']);

// A clock time as the notes write it: "9 am", "9:30 pm", "8 a.m.", "noon".
const CLOCK = /\b(\d{1,2})(?::(\d{2}))?\s*([ap])\.?m\b\.?|\bnoon\b/gi;

/** Minutes after midnight of a CLOCK match ("noon" has no hour). */
function clockMinutes(hour: string | undefined, minute: string | undefined, half: string | undefined): number {
  if (!hour) return 12 * 60;
  return ((Number(hour) % 12) + (half?.toLowerCase() === 'p' ? 12 : 0)) * 60 + Number(minute ?? 0);
}

/** A note that says nothing but the row's own hours ("only between 10 am and 9 pm"): the reasons give today's window. */
function restatesHours(note: string, rule: CallingHoursRule): boolean {
  const bounds = new Set([rule.weekday, rule.saturday, rule.sunday].flatMap((w) => (w ? [w.start, w.end] : [])));
  let clocks = 0;
  for (const [, hour, minute, half] of note.matchAll(CLOCK)) {
    if (!bounds.has(clockMinutes(hour, minute, half))) return false;
    clocks++;
  }
  // Any other number (a date, a section, a count) says more than the hours.
  return clocks > 0 && !/\d/.test(note.replace(CLOCK, ''));
}

// "No state rule: the federal window applies." and the like.
const NO_RULE = /^No\b[^.]*\bappl(?:y|ies)\b/;

/** A no-rule row's note that says more than "no rule of its own" (Maine's automated-call hours, Arizona's clocks). */
function saysMore(note: string): boolean {
  return note.split(/(?<=\.)\s+/).some((sentence) => !NO_RULE.test(sentence));
}

/** A rule the purpose is exempt from says nothing about this call: the reasons say it is not restricted. */
function binds(rule: CallingHoursRule, purpose: CallPurpose): boolean {
  return !rule.exempt.includes(purpose);
}

/**
 * The answer's notes, in the rules' order (the deciding rule first), each said once:
 * - the notes of each applied rule that binds this call's purpose, but the national rules' only for a call
 *   that is not a plain sales call (they say whom the national rule covers: existing customers,
 *   businesses, service calls), and not a note that restates the rule's hours or its 24-hour cap (said by
 *   the sentence below);
 * - the 24-hour cap and the confidence of each applied rule (also for hours shown for information);
 * - the notes of the places with no rule of their own, where they say more than that.
 */
export function callingHoursNotes(
  applied: readonly CallingHoursRule[],
  unruled: readonly CallingHoursRule[],
  purpose: CallPurpose,
  reasons: readonly string[],
): string[] {
  const notes: string[] = [];
  for (const rule of applied) {
    if (binds(rule, purpose) && (!NATIONAL.has(rule.code) || purpose !== 'sales')) {
      notes.push(
        ...rule.notes.filter((n) => !restatesHours(n, rule) && !(rule.callsPer24h !== null && n.includes('24 hours'))),
      );
    }
    if (rule.callsPer24h) {
      notes.push(
        `${rule.name} also allows no more than ${rule.callsPer24h} sales calls to one person in 24 hours on the same subject: Consent Guard cannot count calls.`,
      );
    }
    if (rule.confidence !== 'confirmed') {
      notes.push(
        `${rule.name}'s hours are ${rule.confidence === 'disputed' ? 'disputed' : 'from a single source'}: ${rule.confidenceNote ?? ''}`.trim(),
      );
    }
  }
  for (const rule of unruled) if (binds(rule, purpose)) notes.push(...rule.notes.filter(saysMore));
  return [...new Set(notes)].filter((n) => !reasons.includes(n));
}
