/**
 * The rules engine: from a number (and who is calling, from where) to what the law asks before the
 * call is recorded, why, and what to do. Pure and synchronous; never throws.
 */

import { AREA_CODES } from '../data/area-codes';
import type { CallPurpose, HoursWindow } from '../data/calling-hours';
import type { LocationSource } from '../location/read';
import { npaIndex, type ParsedNumber, parseNumber, plainNanpE164 } from '../number/parse-number';
import type { AreaCode, Jurisdiction, Requirement } from '../types';
import { type CallingHours, callingHoursFor } from './calling-hours';
import { effectiveRule, jurisdiction, NANP_OTHER, strictestRequirement } from './jurisdiction-index';
import { localTimeAt } from './local-time';
import type { Policy } from './policy';
import { zonesOfRegions } from './region-zones';

export { POLICIES, type Policy, REMOVED_POLICIES } from './policy';

type NumberKind = 'nanp' | 'tollfree' | 'international' | 'invalid';
/** announce: say the call is recorded; ask-consent: get an explicit yes first; do-not-record: there is nothing to record. */
type Action = 'announce' | 'ask-consent' | 'do-not-record';

export interface ClassifyContext {
  /** The agent's own state, territory or province (USPS or Canadian postal code). */
  agentRegion?: string | null;
  /** `strictest` (default): the stricter of the agent's and the callee's rules; `announce-always`: all-party always. */
  policy?: Policy;
  /** When to evaluate the callee's local time and calling window; default now. */
  at?: Date;
  /** Where the callee's own record says they are: beats nothing, adds its rule (the stricter wins). */
  calleeLocation?: CalleeLocation | null;
  /** Why the agent calls (default sales): decides which calling-hour laws bind. */
  purpose?: CallPurpose;
  /** The company's own calling window (local minutes), stricter than the law. */
  companyWindow?: HoursWindow | null;
}

/** A location read from the callee's record (or given by hand): one region, or several where it is unclear. */
export interface CalleeLocation {
  /** USPS or Canadian province codes; several when a record shows two places, a ZIP crosses a state line, or an X postal code. */
  regions: readonly string[];
  /** What was read, as written ("Oakland, CA 94607"). */
  text?: string | null;
  source?: LocationSource | null;
}

/** A jurisdiction whose rule was applied, as shown in the details. */
export interface AppliedRule {
  code: string;
  name: string;
  /** callee: the area code's; record: the callee's record location; agent: the agent's own. */
  role: 'callee' | 'record' | 'agent';
  requirement: Requirement;
  ambiguous: boolean;
  ambiguousReason: string | null;
  citation: string;
  notes: readonly string[];
  asOf: string;
  /** A notice the law requires whatever the consent rule (Canada), or null. */
  noticeDuty: string | null;
}

export interface Classification {
  input: string;
  e164: string | null;
  ext: string | null;
  kind: NumberKind;
  npa: string | null;
  country: string | null;
  regions: readonly string[];
  requirement: Requirement;
  /** What to follow: unknown and ambiguous rules are treated as all-party, never as one-party. */
  treatAs: 'all-party' | 'one-party';
  ambiguous: boolean;
  reasons: readonly string[];
  citations: readonly string[];
  caveats: readonly string[];
  action: Action;
  timezones: readonly string[];
  localTime: string | null;
  inCallingWindow: boolean | 'partly' | null;
  rules: readonly AppliedRule[];
  /** The record location's region whose rule was applied (the strictest of them), or null when none was. */
  calleeLocation: string | null;
  /** The location as read from the record, when one was given and applied. */
  recordLocation: { regions: readonly string[]; text: string | null; source: LocationSource | null } | null;
  /** Calling hours under state, provincial, national and company rules; null for an invalid number. */
  callingHours: CallingHours | null;
}

/** Everything in a Classification that does not depend on the exact number or the record's wording. */
type Verdict = Omit<Classification, 'input' | 'e164' | 'ext' | 'recordLocation'> & {
  /** "California (CA)": the location's regions by name, for a location given without its wording. */
  locationNames: string;
  /** " · number issued in NY": the area code's side, for the record summary. */
  issuedIn: string;
};

const CAVEAT_AREA_CODE =
  'An area code shows where a number was issued, not where the person is now: mobile and VoIP numbers move with their owners.';
/** How the agent's own reason starts, and the one that follows it: lib/law/page-answer.ts keeps both off pages. */
export const AGENT_REASON_START = 'You are in ';
export const BOTH_ENDS_REASON = 'The stricter rule of both ends applies.';
/** Stands for the agent's own sentence where a page may read it: it says why without naming where. */
export const AGENT_REASON_UNNAMED = "Your own region's rule counts too (the toolbar popup names it).";
const CAVEAT_NOT_LEGAL_ADVICE = 'This is guidance, not legal advice; company policy and counsel decide.';
const ANNOUNCE_ALWAYS_REASON =
  'Your company treats every call as all-party (policy announce-always): ask for an explicit yes before recording.';
const TOLL_FREE_TYPES = new Set<AreaCode['type']>(['toll-free', 'toll-free-reserved']);

function applied(j: Jurisdiction, role: AppliedRule['role']): AppliedRule {
  return {
    code: j.code,
    name: j.name,
    role,
    requirement: j.requirement,
    ambiguous: j.ambiguous,
    ambiguousReason: j.ambiguousReason ?? null,
    citation: j.citation,
    notes: j.notes,
    asOf: j.asOf,
    noticeDuty: j.noticeDuty ?? null,
  };
}

function describeRule(j: { requirement: Requirement; ambiguous: boolean; ambiguousReason?: string | null }): string {
  if (j.ambiguous) return `the law is unsettled, so treat the call as all-party. ${j.ambiguousReason ?? ''}`.trim();
  if (j.requirement === 'all-party') return 'recording a phone call needs the consent of everyone on it';
  if (j.requirement === 'one-party') return 'one party to a phone call may record it';
  return 'no recording-consent rule could be confirmed, so treat the call as all-party';
}

function regionList(rules: readonly AppliedRule[]): string {
  return rules.map((r) => r.name).join(', ');
}

const regionNames = new Intl.DisplayNames(['en'], { type: 'region' });

/** "Jamaica (JM)"; the code alone where the runtime has no name for it. */
function countryName(iso: string): string {
  try {
    const name = regionNames.of(iso);
    return name && name !== iso ? `${name} (${iso})` : iso;
  } catch {
    return iso;
  }
}

/** Sentences with a period at the end, whatever the source text ends with. */
function sentence(text: string): string {
  return /[.!?]$/.test(text) ? text : `${text}.`;
}

/** An area code no call can reach (unassigned, or reserved): the number is invalid, and says why. */
function unreachableCode(npa: string, why: string): ReturnType<typeof calleeSide> {
  const reason = `Area code ${npa} ${why}`;
  return {
    kind: 'invalid',
    npa,
    country: null,
    regions: [],
    timezones: [],
    rules: [],
    reasons: [reason],
    caveats: [],
    invalidReason: reason,
  };
}

/** The callee's side: which jurisdictions a number's area code points to, and why. */
function calleeSide(parsed: ParsedNumber): {
  kind: NumberKind;
  npa: string | null;
  country: string | null;
  regions: readonly string[];
  timezones: readonly string[];
  rules: AppliedRule[];
  reasons: string[];
  caveats: string[];
  invalidReason?: string;
} {
  if (parsed.kind === 'invalid') {
    return {
      kind: 'invalid',
      npa: null,
      country: null,
      regions: [],
      timezones: [],
      rules: [],
      reasons: [parsed.reason],
      caveats: [],
      invalidReason: parsed.reason,
    };
  }
  if (parsed.kind === 'international') {
    const country = parsed.countries[0] ?? null;
    const where =
      country && country !== '001' ? parsed.countries.map(countryName).join(' / ') : 'an international service';
    return {
      kind: 'international',
      npa: null,
      country,
      regions: [],
      timezones: [],
      rules: [],
      reasons: [
        `+${parsed.callingCode} is ${where}, outside North America: Consent Guard does not cover its law, so treat the call as all-party.`,
      ],
      caveats: [
        'Many countries require telling the person before recording and some require their consent; in the EU the GDPR requires telling them and a lawful basis, which need not be consent.',
      ],
    };
  }
  const code = AREA_CODES[parsed.npa];
  // Not "not assigned": some codes missing here are assigned but not in service (suspended relief plans).
  if (!code) {
    return unreachableCode(
      parsed.npa,
      'is not in service in the North American Numbering Plan (area codes checked to 2026-12-03).',
    );
  }
  if (code.type === 'canada-non-geographic-reserved') {
    return unreachableCode(
      parsed.npa,
      'is reserved for Canadian non-geographic services and not in service: no number with it can be reached.',
    );
  }
  const base = { npa: parsed.npa, country: code.country, regions: code.regions, timezones: code.timezones };
  if (code.type !== 'geographic') {
    const tollFree = TOLL_FREE_TYPES.has(code.type);
    return {
      ...base,
      kind: tollFree ? 'tollfree' : 'nanp',
      rules: [],
      reasons: [
        tollFree
          ? `${parsed.npa} is a toll-free code: the call can be answered anywhere in North America, so the callee's rule is unknown; treat it as all-party.`
          : `${parsed.npa} is a non-geographic code (${code.type}): it says nothing about where the callee is, so treat the call as all-party.`,
      ],
      caveats: [],
    };
  }
  const codes = code.regions.length > 0 ? code.regions : [NANP_OTHER];
  const rules = codes.flatMap((c) => {
    const j = jurisdiction(c);
    return j ? [applied(j, 'callee')] : [];
  });
  if (codes[0] === NANP_OTHER) {
    const reason = `Area code ${parsed.npa} is in ${countryName(code.country)}, a NANP country whose recording law is not covered: treat the call as all-party.`;
    return { ...base, kind: 'nanp', rules, reasons: [reason], caveats: [CAVEAT_AREA_CODE] };
  }
  // Regions under one code that share a rule share one sentence (867: Yukon, NWT, Nunavut).
  const byRule = new Map<string, AppliedRule[]>();
  for (const r of rules) {
    const text = describeRule(r);
    byRule.set(text, [...(byRule.get(text) ?? []), r]);
  }
  const reasons = [...byRule].map(([text, group]) =>
    sentence(`Area code ${parsed.npa} was issued in ${regionList(group)}, where ${text}`),
  );
  if (byRule.size > 1) {
    reasons.push(`Area code ${parsed.npa} spans ${regionList(rules)}: the strictest of their rules applies.`);
  }
  return { ...base, kind: 'nanp', rules, reasons, caveats: [CAVEAT_AREA_CODE] };
}

function verdictFor(parsed: ParsedNumber, context: ClassifyContext, at: Date): Verdict {
  const callee = calleeSide(parsed);
  const rules = [...callee.rules];
  const reasons = [...callee.reasons];
  const policy = context.policy ?? 'strictest';
  const agentJurisdiction = context.agentRegion ? jurisdiction(context.agentRegion) : undefined;

  const record = recordSide(callee, context.calleeLocation);
  // A number that says nothing about place (toll-free, other non-geographic codes): the record decides.
  const recordDecides = isPlaceless(callee) && record.rules.length > 0;
  if (recordDecides) reasons.splice(0, reasons.length, placelessReason(callee));
  rules.push(...record.rules);
  reasons.push(...record.reasons);

  // The agent's own rule always counts, whatever the policy: no setting may hide it.
  if (callee.kind !== 'invalid' && agentJurisdiction) {
    rules.push(applied(agentJurisdiction, 'agent'));
    reasons.push(
      sentence(`${AGENT_REASON_START}${agentJurisdiction.name}, where ${describeRule(agentJurisdiction)}`),
      BOTH_ENDS_REASON,
    );
  }
  // A notice duty (Canada's business notice) is said once, whichever end it comes from.
  for (const duty of new Set(rules.flatMap((r) => (r.noticeDuty ? [r.noticeDuty] : [])))) reasons.push(duty);
  const announceAlways = policy === 'announce-always' && callee.kind !== 'invalid';
  if (announceAlways) reasons.push(ANNOUNCE_ALWAYS_REASON);

  // Unknown callee jurisdictions (toll-free, international, other NANP) count as an unknown rule.
  const calleeUnknown = callee.kind !== 'invalid' && callee.rules.length === 0 && !recordDecides;
  const requirement =
    callee.kind === 'invalid'
      ? 'unknown'
      : strictestRequirement([...rules.map((r) => r.requirement), ...(calleeUnknown ? (['unknown'] as const) : [])]);
  const ambiguous = rules.some((r) => r.ambiguous);
  const treatAs = announceAlways ? 'all-party' : effectiveRule({ requirement, ambiguous });
  if (callee.kind !== 'invalid' && callee.country === 'US') {
    const federal = jurisdiction('US-FED');
    if (federal) rules.push(applied(federal, 'callee'));
  }

  const { localTime, inCallingWindow: federalWindow } = localTimeAt(callee.timezones, at);
  // The national window: US federal 8 am–9 pm, or the CRTC's hours for Canadian numbers.
  const inCallingWindow =
    callee.country === 'CA' && callee.timezones.length > 0
      ? callingHoursFor({ country: 'CA', regions: [], timezones: callee.timezones }, at).allowed
      : federalWindow;
  return {
    kind: callee.kind,
    npa: callee.npa,
    country: callee.country,
    regions: callee.regions,
    requirement,
    treatAs,
    ambiguous,
    reasons,
    citations: [...new Set(rules.map((r) => r.citation))],
    caveats: callee.kind === 'invalid' ? [] : [...callee.caveats, CAVEAT_NOT_LEGAL_ADVICE],
    action: callee.kind === 'invalid' ? 'do-not-record' : treatAs === 'one-party' ? 'announce' : 'ask-consent',
    timezones: callee.timezones,
    localTime,
    inCallingWindow,
    rules,
    calleeLocation: record.decisive,
    callingHours: callee.kind === 'invalid' ? null : hoursFor(callee, record, context, at),
    locationNames: record.names,
    issuedIn: ` · number issued in ${issuedPlace(callee)}`,
  };
}

/** A NANP number whose code names no place at all: toll-free, 5XX, 600, 700, 900 and the like. */
function isPlaceless(callee: ReturnType<typeof calleeSide>): boolean {
  return callee.kind === 'tollfree' || (callee.kind === 'nanp' && callee.timezones.length === 0);
}

function placelessReason(callee: ReturnType<typeof calleeSide>): string {
  return callee.kind === 'tollfree'
    ? `${callee.npa} is a toll-free code: it says nothing about where the callee is, so the place in their record decides whose rule applies.`
    : `${callee.npa} is a non-geographic code: it says nothing about where the callee is, so the place in their record decides whose rule applies.`;
}

/**
 * Calling hours where the callee may be: the area code's zones and the record's place's zones both apply
 * (the stricter at every instant). A number that says nothing about place (toll-free, other non-geographic
 * codes) takes the record's place alone. A number of a country whose hours we do not know (international,
 * other NANP countries) keeps no hours: the record cannot rule out that the callee is there.
 */
function hoursFor(
  callee: ReturnType<typeof calleeSide>,
  record: ReturnType<typeof recordSide>,
  context: ClassifyContext,
  at: Date,
): CallingHours {
  const placeless = isPlaceless(callee);
  const ownRules = callee.regions.length > 0 || placeless;
  const regions = context.calleeLocation?.regions ?? [];
  const place = placeless ? { country: null, regions: [], timezones: [] } : callee;
  return callingHoursFor(place, at, {
    purpose: context.purpose,
    companyWindow: context.companyWindow,
    regions: ownRules ? regions : [],
    recordTimezones: ownRules && record.rules.length > 0 ? zonesOfRegions(regions) : [],
  });
}

/** How strict a rule is in practice: all-party first, then unknown and unsettled, then one-party. */
function strictness(r: Pick<AppliedRule, 'requirement' | 'ambiguous'>): number {
  return r.requirement === 'all-party' ? 0 : r.requirement === 'unknown' || r.ambiguous ? 1 : 2;
}

function issuedPlace(callee: ReturnType<typeof calleeSide>): string {
  if (callee.kind === 'tollfree') return 'no place (toll-free)';
  if (callee.regions.length > 0) return callee.regions.join('/');
  return callee.country && callee.country !== '001' ? callee.country : 'no known place';
}

/**
 * The record's side: the rules of the places the callee's record names. Several places (two
 * addresses, a ZIP across a state line, an X postal code) all count: the strictest decides.
 */
function recordSide(
  callee: ReturnType<typeof calleeSide>,
  location: CalleeLocation | null | undefined,
): { rules: AppliedRule[]; reasons: string[]; decisive: string | null; names: string } {
  const known = (location?.regions ?? []).flatMap((code) => {
    const j = code === NANP_OTHER ? undefined : jurisdiction(code);
    return j && j.code !== 'US-FED' && j.code !== 'CA-FED' ? [applied(j, 'record')] : [];
  });
  const names = known.map((r) => `${r.name} (${r.code})`).join(' / ');
  if (callee.kind === 'invalid' || known.length === 0) return { rules: [], reasons: [], decisive: null, names };
  const decisive = known.reduce((best, r) => (strictness(r) < strictness(best) ? r : best));
  const reasons = known.map((r) => sentence(`The callee's record puts them in ${r.name}, where ${describeRule(r)}`));
  if (known.length > 1)
    reasons.push(`The record names ${names}: the strictest of their rules applies (${decisive.name}).`);
  const areaCodeStrictness = callee.rules.length > 0 ? Math.min(...callee.rules.map(strictness)) : 1;
  const sameRegions = callee.rules.length === known.length && known.every((r) => callee.regions.includes(r.code));
  if (!sameRegions && !isPlaceless(callee)) {
    reasons.push(
      strictness(decisive) < areaCodeStrictness
        ? `The record's location is stricter than the area code's, so ${decisive.name}'s rule wins: an area code says where a number was issued, not where its owner lives.`
        : strictness(decisive) > areaCodeStrictness
          ? `The area code's rule is stricter than the record's (${decisive.name}), so it still applies: a record location never relaxes the rule.`
          : `The record's location and the area code call for the same rule.`,
    );
  }
  return { rules: known, reasons, decisive: decisive.code, names };
}

// Verdicts depend on the area code (or calling code), the context and the minute, not on the whole
// number: caching them makes a page of a thousand numbers cost a thousand look-ups. There is one
// table per agent region and policy, for one minute at a time, so that a look-up builds no key
// string: a page is classified in one context, and the minute rarely changes mid-page.
interface VerdictTable {
  minute: number;
  /** NANP verdicts, by area code as a number (`npaIndex`). */
  byNpa: (Verdict | undefined)[];
  /** International verdicts, by calling code. */
  byCallingCode: Map<string, Verdict>;
  /** Invalid verdicts, by why the number is invalid (mostly constant strings, cheap to look up). */
  byReason: Map<string, Verdict>;
}

const tables = new Map<string, Map<string, VerdictTable>>();
const CACHE_LIMIT = 4096;
/** Area codes are three digits. */
const NPA_COUNT = 1000;

/** The last context's table: consecutive calls (a page, a CLI run) nearly always share one context. */
let last: { agentRegion: string; policy: string; table: VerdictTable } | undefined;

/** The verdicts of one context (agent region, policy) at `minute`; emptied when the minute moves on. */
function tableFor(agentRegion: string, policy: string, minute: number): VerdictTable {
  const table =
    last !== undefined && last.agentRegion === agentRegion && last.policy === policy
      ? last.table
      : contextTable(agentRegion, policy, minute);
  if (table.minute !== minute) {
    // An invalid date's minute is NaN, never equal to itself: its verdict (at the current time) is not kept.
    table.minute = minute;
    table.byNpa.fill(undefined);
    table.byCallingCode.clear();
    table.byReason.clear();
  }
  return table;
}

function contextTable(agentRegion: string, policy: string, minute: number): VerdictTable {
  let byPolicy = tables.get(agentRegion);
  if (!byPolicy) {
    if (tables.size >= CACHE_LIMIT) tables.clear();
    byPolicy = new Map();
    tables.set(agentRegion, byPolicy);
  }
  let table = byPolicy.get(policy);
  if (!table) {
    // byNpa is filled up front: a dense array stays a fast one.
    const byNpa = new Array<Verdict | undefined>(NPA_COUNT).fill(undefined);
    table = { minute, byNpa, byCallingCode: new Map(), byReason: new Map() };
    byPolicy.set(policy, table);
  }
  last = { agentRegion, policy, table };
  return table;
}

/** One verdict per calling code and country: +7 is Russia or Kazakhstan by the number's own digits. */
function internationalKey(parsed: Extract<ParsedNumber, { kind: 'international' }>): string {
  return `${parsed.callingCode} ${parsed.countries[0] ?? ''}`;
}

function cachedVerdict(table: VerdictTable, parsed: ParsedNumber): Verdict | undefined {
  if (parsed.kind === 'nanp') return table.byNpa[npaIndex(parsed.e164)];
  return parsed.kind === 'international'
    ? table.byCallingCode.get(internationalKey(parsed))
    : table.byReason.get(parsed.reason);
}

function cacheVerdict(table: VerdictTable, parsed: ParsedNumber, context: ClassifyContext, at: Date): Verdict {
  const verdict = verdictFor(parsed, context, Number.isNaN(at.getTime()) ? new Date() : at);
  if (parsed.kind === 'nanp') table.byNpa[npaIndex(parsed.e164)] = verdict;
  else if (parsed.kind === 'international') table.byCallingCode.set(internationalKey(parsed), verdict);
  else {
    // Reasons that quote the input (a digit count, a calling code) are many: keep their number bounded.
    if (table.byReason.size >= CACHE_LIMIT) table.byReason.clear();
    table.byReason.set(parsed.reason, verdict);
  }
  return verdict;
}

/** Classifies one number as typed, pasted or found on a page. Never throws. */
export function classify(input: string, context: ClassifyContext = {}): Classification {
  const at = context.at ?? new Date();
  const location = context.calleeLocation;
  // A record location is one more part of the context: its verdicts get a table of their own.
  const where =
    location && location.regions.length > 0 ? `${context.agentRegion ?? ''}@${location.regions.join('/')}` : '';
  const table = tableFor(
    where || (context.agentRegion ?? ''),
    hoursKey(context.policy ?? 'strictest', context),
    Math.floor(at.getTime() / 60_000),
  );
  // Most numbers are plain NANP numbers: for those, only their E.164 form is made, no ParsedNumber.
  const e164 = plainNanpE164(input);
  if (e164 !== undefined) {
    const verdict = table.byNpa[npaIndex(e164)] ?? cacheVerdict(table, parseNumber(input), context, at);
    return located(classification(input, e164, null, verdict), verdict, location);
  }
  const parsed = parseNumber(input);
  const verdict = cachedVerdict(table, parsed) ?? cacheVerdict(table, parsed, context, at);
  return located(
    parsed.kind === 'invalid'
      ? classification(input, null, null, verdict)
      : classification(input, parsed.e164, parsed.ext ?? null, verdict),
    verdict,
    location,
  );
}

/** The policy's table key, plus the call purpose and company window where they are not the defaults. */
function hoursKey(policy: string, context: ClassifyContext): string {
  const purpose = context.purpose ?? 'sales';
  const w = context.companyWindow;
  return purpose === 'sales' && !w ? policy : `${policy}|${purpose}|${w ? `${w.start}-${w.end}` : ''}`;
}

/** A classification that applied a record location says so first, in the record's own words. */
function located(c: Classification, v: Verdict, location: CalleeLocation | null | undefined): Classification {
  if (!location || v.calleeLocation === null) return c;
  const text = location.text?.trim() || null;
  c.recordLocation = { regions: location.regions, text, source: location.source ?? null };
  c.reasons = [`Record: ${text ?? v.locationNames}${v.issuedIn}.`, ...c.reasons];
  return c;
}

const FICTIONAL =
  'The line 555-0100 to 555-0199 is reserved for fictional use (films, books, examples): no real person has this number.';

/** +1 NPA 555-01XX: the NANP's numbers for fiction, badged like any other but said to be fictional. */
function isFictional(e164: string | null): boolean {
  return e164 !== null && e164.length === 12 && e164.startsWith('55501', 5);
}

/**
 * Every field written out in one order, in one place (no spread): all results share one object
 * shape, which keeps the code that reads them fast. The verdict's arrays are shared, read-only.
 */
function classification(input: string, e164: string | null, ext: string | null, v: Verdict): Classification {
  return {
    input,
    e164,
    ext,
    kind: v.kind,
    npa: v.npa,
    country: v.country,
    regions: v.regions,
    requirement: v.requirement,
    treatAs: v.treatAs,
    ambiguous: v.ambiguous,
    reasons: v.kind !== 'invalid' && isFictional(e164) ? [...v.reasons, FICTIONAL] : v.reasons,
    citations: v.citations,
    caveats: v.caveats,
    action: v.action,
    timezones: v.timezones,
    localTime: v.localTime,
    inCallingWindow: v.inCallingWindow,
    rules: v.rules,
    calleeLocation: v.calleeLocation,
    recordLocation: null,
    callingHours: v.callingHours,
  };
}
