/**
 * Where an answer's place came from (the area code, the callee's record, or both) and which rule won,
 * for the popup's rows and details and the badge panel. Pure: reads an Answer, says nothing itself.
 */
import type { Answer } from '../protocol/messages';

export type LocationFrom = 'area-code' | 'record' | 'both';

export interface LocationSummary {
  from: LocationFrom;
  /** What the record said ("Oakland, CA 94607"), or its regions where no wording came with it. */
  recordText: string | null;
  /** Where the record was read: an address, a labelled field, a table column, or given by hand. */
  recordSource: 'address' | 'field' | 'column' | 'given' | null;
  /** Where the number points ("NY", "Toll-free"). */
  issued: string;
  /** Whose rule decided when both counted: the record's, the area code's, or neither (the same rule). */
  winner: 'record' | 'area-code' | 'same' | null;
  /** The deciding jurisdiction's name ("California"), when one side won. */
  winnerName: string | null;
}

type Rule = Answer['rules'][number];
const NATIONAL = new Set(['US-FED', 'CA-FED']);

/** 0 all-party, 1 unknown or unsettled, 2 one-party: lower is stricter. */
function strictness(r: Pick<Rule, 'requirement' | 'ambiguous'>): number {
  return r.requirement === 'all-party' ? 0 : r.requirement === 'unknown' || r.ambiguous ? 1 : 2;
}

export function locationSummary(answer: Answer): LocationSummary {
  const record = answer.calleeLocation ? (answer.recordLocation ?? null) : null;
  const base = { issued: answer.place, recordText: null, recordSource: null, winner: null, winnerName: null };
  if (!record || !answer.calleeLocation) return { ...base, from: 'area-code' };
  const recordText = record.text ?? record.regions.join('/');
  const recordRule = answer.rules.find((r) => r.role === 'record' && r.code === answer.calleeLocation);
  const numberRules = answer.rules.filter((r) => r.role === 'callee' && !NATIONAL.has(r.code));
  const located = { ...base, recordText, recordSource: record.source };
  // A number whose code names no place (toll-free, 5XX…): the record alone says where the callee is.
  if (numberRules.length === 0)
    return { ...located, from: 'record', winner: 'record', winnerName: recordRule?.name ?? null };
  const strictestNumber = numberRules.reduce((a, b) => (strictness(b) < strictness(a) ? b : a));
  const r = recordRule ? strictness(recordRule) : 1;
  const n = strictness(strictestNumber);
  if (r === n) return { ...located, from: 'both', winner: 'same' };
  return r < n
    ? { ...located, from: 'both', winner: 'record', winnerName: recordRule?.name ?? null }
    : { ...located, from: 'both', winner: 'area-code', winnerName: strictestNumber.name };
}

/** The words these sentences need (message keys of public/_locales). */
export type WhereKey =
  | 'panelFromAreaCode'
  | 'panelFromRecord'
  | 'whereRecordOnly'
  | 'panelSourceAddress'
  | 'panelSourceField'
  | 'panelSourceColumn'
  | 'panelSourceGiven'
  | 'whyRecordStricter'
  | 'whyAreaCodeStricter'
  | 'whySameRule';
export type WhereText = (key: WhereKey, ...subs: string[]) => string;

const SOURCE_KEY: Record<NonNullable<LocationSummary['recordSource']>, WhereKey> = {
  address: 'panelSourceAddress',
  field: 'panelSourceField',
  column: 'panelSourceColumn',
  given: 'panelSourceGiven',
};

/** Where the answer's place came from (the area code, the record, or both) and why the rule that won did. */
export function whereFrom(answer: Answer, t: WhereText): string {
  const s = locationSummary(answer);
  if (s.from === 'area-code') return t('panelFromAreaCode', answer.place);
  const source = t(SOURCE_KEY[s.recordSource ?? 'address']);
  if (s.from === 'record') return t('whereRecordOnly', s.recordText ?? '', source, s.issued);
  return `${t('panelFromRecord', s.recordText ?? '', source, s.issued)} ${whyText(s, t)}`;
}

/** Why the stricter rule won, in one sentence (both the record and the area code counted). */
export function whyText(s: LocationSummary, t: WhereText): string {
  if (s.winner === 'record') return t('whyRecordStricter', s.winnerName ?? '');
  if (s.winner === 'area-code') return t('whyAreaCodeStricter', s.winnerName ?? '');
  return t('whySameRule');
}
