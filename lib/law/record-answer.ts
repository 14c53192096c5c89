/**
 * A record's answer (issue #15 item 5): when one record shows several numbers (mobile, office, home),
 * the agent may reach the callee on any of them, so the record takes the strictest rule of its numbers
 * and the narrowest calling window: closed when any number is closed now (until the last of them
 * opens), open only until the first of them closes. Pure: it reads answers, nothing else.
 */
import type { Answer, CallingHoursAnswer } from '../protocol/messages';

/** Strictest first: all-party, unknown (followed as all-party), one-party; a do-not-call number before any. */
const RULE_ORDER = { 'all-party': 1, unknown: 2, 'one-party': 3 } as const;

export function ruleRank(answer: Pick<Answer, 'requirement' | 'treatAs' | 'dnc'>): number {
  if (answer.dnc) return 0;
  return RULE_ORDER[answer.requirement === 'unknown' ? 'unknown' : answer.treatAs];
}

/** The time an ISO instant stands for, or the given fallback when it is missing or unreadable. */
function instant(iso: string | null, fallback: number): number {
  const ms = iso === null ? Number.NaN : Date.parse(iso);
  return Number.isNaN(ms) ? fallback : ms;
}

/**
 * How narrow a number's calling hours are, smaller is narrower: closed now (the later it opens, the
 * narrower), then some zones closed, then open (the sooner it closes, the narrower), then hours that
 * bind nothing or are unknown. Returns [band, time within the band].
 */
function narrowness(hours: CallingHoursAnswer | null | undefined): [number, number] {
  if (!hours || hours.allowed === null) return [4, 0];
  if (!hours.binding) return [3, 0];
  if (hours.allowed === false) return [0, -instant(hours.opensAt, Number.MAX_SAFE_INTEGER)];
  if (hours.allowed === 'partly') return [1, 0];
  return [2, instant(hours.closesAt, Number.MAX_SAFE_INTEGER)];
}

export interface RecordAnswer {
  /** The record's numbers, strictest first. */
  numbers: Answer[];
  /** The number whose rule is the strictest: the record follows it. */
  rule: Answer;
  /** The number whose calling window is the narrowest (null where none of them has known hours). */
  hoursFrom: Answer | null;
  /** The record's calling hours: the narrowest of its numbers' (null where none is known). */
  hours: CallingHoursAnswer | null;
}

/** The record's answer from its numbers' answers (at least one). */
export function recordAnswer(answers: readonly Answer[]): RecordAnswer {
  if (answers.length === 0) throw new Error('A record answer needs at least one number.');
  const numbers = [...answers].sort((a, b) => ruleRank(a) - ruleRank(b));
  const rule = numbers[0] as Answer;
  let hoursFrom: Answer | null = null;
  let best: [number, number] = [4, 0];
  for (const a of numbers) {
    const n = narrowness(a.callingHours);
    if (n[0] === 4) continue;
    if (hoursFrom === null || n[0] < best[0] || (n[0] === best[0] && n[1] < best[1])) {
      hoursFrom = a;
      best = n;
    }
  }
  return { numbers, rule, hoursFrom, hours: hoursFrom?.callingHours ?? null };
}

/**
 * What groups numbers into a record: the record's id on the page where the page gave one (one row,
 * one card), else the place the record names, as the page read it (what older versions stored).
 */
export function recordKey(answer: Pick<Answer, 'recordLocation' | 'record'>): string | null {
  if (answer.record) return `id:${answer.record}`;
  const r = answer.recordLocation;
  return r ? `${r.regions.join('/')}|${r.source ?? ''}|${r.text ?? ''}` : null;
}

export interface RecordGroup {
  /** The record's words ("Oakland, CA 94607"); null for a record that names no place, and for the numbers in no record. */
  label: string | null;
  /** Null for the numbers that stand alone. */
  key: string | null;
  answer: RecordAnswer;
}

/**
 * The tab's numbers grouped by record (in the order they come, strictest first): a record that names
 * a place is a group even with one number (its place is worth showing); a record without a place is
 * one when it shows several numbers. The numbers in no record, and alone in a record without a place,
 * come last, each on its own.
 */
export function groupByRecord(answers: readonly Answer[]): RecordGroup[] {
  const groups = new Map<string, Answer[]>();
  for (const a of answers) {
    const key = recordKey(a) ?? `alone:${groups.size}`;
    groups.set(key, [...(groups.get(key) ?? []), a]);
  }
  const records: RecordGroup[] = [];
  const alone: RecordGroup[] = [];
  for (const [key, list] of groups) {
    const place = list.find((a) => a.recordLocation)?.recordLocation;
    const label = place ? (place.text ?? place.regions.join(', ')) : null;
    if (place || (list.length > 1 && !key.startsWith('alone:')))
      records.push({ key, label, answer: recordAnswer(list) });
    else for (const a of list) alone.push({ key: null, label: null, answer: recordAnswer([a]) });
  }
  return [...records, ...alone];
}
