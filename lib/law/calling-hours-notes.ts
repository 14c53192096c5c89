/**
 * The notes a calling-hours answer carries: the nuances of the rules that apply to this call (their rows'
 * notes), their call caps and confidence. Agents read them in the badge's panel and the popup, under the
 * reasons, so only what the reasons do not already say is kept.
 */
import type { CallingHoursRule, CallPurpose } from '../data/calling-hours';

const NATIONAL = new Set(['US-FED', 'CA-FED']);

/** A rule the purpose is exempt from says nothing about this call: the reasons say it is not restricted. */
function binds(rule: CallingHoursRule, purpose: CallPurpose): boolean {
  return !rule.exempt.includes(purpose);
}

/**
 * The answer's notes, in the rules' order (the deciding rule first), each said once:
 * - the notes of each applied rule that binds this call's purpose, but the national rules' only for a call
 *   that is not a plain sales call (they say whom the national rule covers: existing customers,
 *   businesses, service calls); the rows' notes never restate their hours or cap (the reasons and the
 *   sentence below say those);
 * - the 24-hour cap and the confidence of each applied rule (also for hours shown for information);
 * - the notes of the places with no rule of their own (only what an agent needs beyond that).
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
      notes.push(...rule.notes);
    }
    if (rule.callsPer24h) {
      notes.push(
        `${rule.name} also allows no more than ${rule.callsPer24h} sales calls to one person in 24 hours on the same subject: Consent Guard cannot count calls.`,
      );
    }
    if (rule.confidence !== 'confirmed') {
      notes.push(
        `${rule.name}'s calling rule is ${rule.confidence === 'disputed' ? 'disputed' : 'from a single source'}: ${rule.confidenceNote ?? ''}`.trim(),
      );
    }
  }
  for (const rule of unruled) if (binds(rule, purpose)) notes.push(...rule.notes);
  return [...new Set(notes)].filter((n) => !reasons.includes(n));
}
