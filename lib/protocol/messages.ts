/**
 * The one protocol between the extension's contexts. Every message is a zod schema, validated
 * where it is received; types come from the schemas. `zod/mini` keeps the validator small in
 * every bundle (the content script runs on every CRM page).
 *
 * Names say who talks to whom: page-* come from content scripts, popup-* from the popup, and
 * lookup from either.
 */
import * as z from 'zod/mini';
import { LOG_SOURCES, OUTCOMES } from '../log/outcomes';
import { E164_PATTERN } from '../number/grammar';
import { MAX_LOOKUP, MAX_PAGE_NUMBERS } from './constants';

export { MAX_LOOKUP, MAX_PAGE_NUMBERS } from './constants';

const NumberText = z.string().check(z.maxLength(64));
const E164 = z.string().check(z.regex(E164_PATTERN));
const Consent = z.enum(['all-party', 'one-party', 'unknown']);
const Window = z.nullable(z.union([z.boolean(), z.literal('partly')]));

/** A region code: USPS (CA, DC, PR) or Canadian (ON, NT). */
const RegionCode = z.string().check(z.regex(/^[A-Z]{2}$/));
/** The places a record names: one, or a few where it is unclear (an X postal code, two addresses). */
const Regions = z.array(RegionCode).check(z.minLength(1), z.maxLength(8));
/** Why a number must not be called: on the company's do-not-call list, or flagged so on its record. */
const Dnc = z.enum(['company', 'record']);
export type Dnc = z.infer<typeof Dnc>;
const LocationSource = z.enum(['address', 'field', 'column', 'given']);
/** A location read from the callee's record: its places, what it said, and where it was read. */
export const RecordLocation = z.strictObject({
  regions: Regions,
  text: z.nullable(z.string().check(z.maxLength(200))),
  source: z.nullable(LocationSource),
});
export type RecordLocation = z.infer<typeof RecordLocation>;

/** A number that sits in a record with a location: its answer takes the record's places into account. */
const Located = z.strictObject({ e164: E164, regions: Regions });
export type Located = z.infer<typeof Located>;

/**
 * The record (table row, card…) a number sits in on the page, as an opaque id the frame gives it
 * ("r12"): the numbers of one record share it. Only the frame knows which element it is.
 */
const RecordId = z.string().check(z.regex(/^r\d{1,9}$/));

/** A number the frame shows inside a record, with that record's id (the side panel groups by it). */
export const RecordOfNumber = z.strictObject({ e164: E164, record: RecordId });
export type RecordOfNumber = z.infer<typeof RecordOfNumber>;

/** A number the frame shows inside a record that names a place, with the record's words (for the popup's list). */
export const PlaceOnPage = z.strictObject({
  e164: E164,
  regions: Regions,
  text: z.nullable(z.string().check(z.maxLength(200))),
  source: z.nullable(LocationSource),
  /** The record's id on the page (absent in what older versions stored). */
  record: z.optional(RecordId),
});
export type PlaceOnPage = z.infer<typeof PlaceOnPage>;

/**
 * What the tab store keeps for one frame: its numbers, and those of them that sit in a record with a
 * place. A bare list is the shape stored before record places were kept (read as having none).
 */
export const StoredFrame = z.union([
  z.array(E164),
  z.strictObject({
    numbers: z.array(E164),
    places: z.array(PlaceOnPage),
    /** Its numbers whose record flags them do-not-call (absent in what older versions stored). */
    flagged: z.optional(z.array(E164)),
    /** Its numbers that sit in a record, with the record's id (absent in what older versions stored). */
    records: z.optional(z.array(RecordOfNumber)),
  }),
]);
export type StoredFrame = z.infer<typeof StoredFrame>;

/**
 * Content script → background, once per burst of page changes: the numbers the frame has not had
 * answered yet, and every number the frame shows now (for the tab's summary and toolbar count).
 * `reset` is set by a frame's first scan after a page load.
 */
export const PageScan = z.strictObject({
  type: z.literal('page-scan'),
  lookup: z.array(E164).check(z.maxLength(MAX_PAGE_NUMBERS)),
  present: z.array(E164).check(z.maxLength(MAX_PAGE_NUMBERS)),
  reset: z.optional(z.boolean()),
  /** Numbers to answer with their record's location (each answered as a badge with `locationKey`). */
  located: z.optional(z.array(Located).check(z.maxLength(MAX_PAGE_NUMBERS))),
  /** The numbers of `present` that sit in a record naming a place, with what it said (the tab's summary). */
  places: z.optional(z.array(PlaceOnPage).check(z.maxLength(MAX_PAGE_NUMBERS))),
  /** The numbers of `present` whose record on the page flags them do-not-call (the tab's summary). */
  flagged: z.optional(z.array(E164).check(z.maxLength(MAX_PAGE_NUMBERS))),
  /** The numbers of `present` that sit in a record, with its id: the side panel groups a record's numbers. */
  records: z.optional(z.array(RecordOfNumber).check(z.maxLength(MAX_PAGE_NUMBERS))),
});
export type PageScan = z.infer<typeof PageScan>;

const Minutes = z.number().check(z.int(), z.gte(0), z.lte(24 * 60));
const HoursWindow = z.object({ start: Minutes, end: Minutes });
const Iso = z.nullable(z.string().check(z.maxLength(40)));

/** Calling hours as a badge shows them: open or not, and when that changes (lib/law/calling-hours.ts). */
export const BadgeCalling = z.object({
  allowed: Window,
  /** False when the call purpose is exempt: the hours are information only. */
  binding: z.boolean(),
  decidedBy: z.nullable(z.string()),
  /** "8:00 AM", "Monday 9:00 AM": when it opens (or closes), on the callee's clock. */
  opensAtLocal: z.nullable(z.string()),
  closesAtLocal: z.nullable(z.string()),
});
export type BadgeCalling = z.infer<typeof BadgeCalling>;

const ZoneHours = z.object({
  timeZone: z.string(),
  zoneName: z.string(),
  localTime: z.string(),
  localDate: z.string(),
  weekday: z.string(),
  allowed: z.boolean(),
  window: z.nullable(HoursWindow),
  holiday: z.nullable(z.string()),
  decidedBy: z.nullable(z.string()),
  opensAt: Iso,
  closesAt: Iso,
  /** Whose place the zone is: the area code's, the callee's record's, or both. */
  from: z.optional(z.enum(['area-code', 'record', 'both'])),
});

/** The full calling-hours answer (lib/law/calling-hours.ts CallingHours). */
export const CallingHoursAnswer = z.object({
  allowed: Window,
  purpose: z.enum(['sales', 'existing-customer', 'service', 'business']),
  binding: z.boolean(),
  decidedBy: z.nullable(z.string()),
  decidedByName: z.nullable(z.string()),
  decidedByCitation: z.optional(z.nullable(z.string())),
  window: z.nullable(z.string()),
  opensAt: Iso,
  closesAt: Iso,
  opensAtLocal: z.nullable(z.string()),
  closesAtLocal: z.nullable(z.string()),
  opensInMinutes: z.nullable(z.number()),
  closesInMinutes: z.nullable(z.number()),
  zones: z.array(ZoneHours),
  reasons: z.array(z.string()),
  citations: z.array(z.string()),
  notes: z.array(z.string()),
  confidence: z.enum(['confirmed', 'single-source', 'disputed']),
});
export type CallingHoursAnswer = z.infer<typeof CallingHoursAnswer>;

/**
 * What the background accepts as a page-scan: the same envelope, but its lists may hold anything.
 * One malformed entry (a scanner slip, a page's odd string) must not cost the frame every other
 * badge: `wellFormedNumbers` drops it and the answer counts it.
 */
export const PageScanBatch = z.strictObject({
  type: z.literal('page-scan'),
  lookup: z.array(z.unknown()).check(z.maxLength(MAX_PAGE_NUMBERS)),
  present: z.array(z.unknown()).check(z.maxLength(MAX_PAGE_NUMBERS)),
  reset: z.optional(z.boolean()),
  located: z.optional(z.array(z.unknown()).check(z.maxLength(MAX_PAGE_NUMBERS))),
  places: z.optional(z.array(z.unknown()).check(z.maxLength(MAX_PAGE_NUMBERS))),
  flagged: z.optional(z.array(z.unknown()).check(z.maxLength(MAX_PAGE_NUMBERS))),
  records: z.optional(z.array(z.unknown()).check(z.maxLength(MAX_PAGE_NUMBERS))),
});

/** The entries of `records` that are a number with its record's id, in order. */
export function wellFormedRecords(list: readonly unknown[]): RecordOfNumber[] {
  return list.flatMap((entry) => {
    const parsed = RecordOfNumber.safeParse(entry);
    return parsed.success ? [parsed.data] : [];
  });
}

/** The entries of `places` that are a number with its record's place, in order. */
export function wellFormedPlaces(list: readonly unknown[]): PlaceOnPage[] {
  return list.flatMap((entry) => {
    const parsed = PlaceOnPage.safeParse(entry);
    return parsed.success ? [parsed.data] : [];
  });
}

/** The entries of `located` that are a number and its record's places, in order. */
export function wellFormedLocated(list: readonly unknown[]): Located[] {
  return list.flatMap((entry) => {
    const parsed = Located.safeParse(entry);
    return parsed.success ? [parsed.data] : [];
  });
}

/** The entries of a list that are E.164 numbers, in order. */
export function wellFormedNumbers(list: readonly unknown[]): string[] {
  return list.filter((n): n is string => typeof n === 'string' && E164_PATTERN.test(n));
}

/** What a badge needs: small, so a page of thousands of numbers answers in one light message. */
export const BadgeInfo = z.object({
  e164: E164,
  /** data-consent: unknown where no rule is known; otherwise what to follow. */
  consent: Consent,
  ambiguous: z.boolean(),
  /** Where the number points: "CA", "YT/NT/NU", "Toll-free", "GB". */
  place: z.string(),
  /** The whole answer in one sentence, for screen readers and the tooltip. */
  sentence: z.string(),
  localTime: z.nullable(z.string()),
  inCallingWindow: Window,
  /** data-consent-location: the record location's region whose rule the answer used. */
  location: z.optional(z.string()),
  /** The record's places this answer is for ("CA", "NT/NU"), as asked in `located`. */
  locationKey: z.optional(z.string()),
  /** Calling hours under state, provincial, national and company rules (absent where none is known). */
  calling: z.optional(BadgeCalling),
  /** Set where the law asks a business to give notice before recording (Canada): shown even when one-party badges are off. */
  notice: z.optional(z.literal(true)),
  /** data-consent-dnc: the number must not be called, and why (absent where nothing says so). */
  dnc: z.optional(Dnc),
});
export type BadgeInfo = z.infer<typeof BadgeInfo>;

export const PageScanResponse = z.union([
  z.object({
    ok: z.literal(true),
    badges: z.array(BadgeInfo),
    showOneParty: z.boolean(),
    /** When a tel:/callto: click asks first (settings.dialCheck); absent: 'risky'. */
    dialCheck: z.optional(z.enum(['risky', 'all', 'off'])),
    /** Entries of lookup and present that were no E.164 number and were left out. */
    dropped: z.optional(z.number().check(z.int(), z.nonnegative())),
  }),
  z.object({ ok: z.literal(false), error: z.string() }),
]);
export type PageScanResponse = z.infer<typeof PageScanResponse>;

/** Popup or badge panel → background: the full answer for a few numbers. */
export const Lookup = z.strictObject({
  type: z.literal('lookup'),
  numbers: z.array(NumberText).check(z.minLength(1), z.maxLength(MAX_LOOKUP)),
  /** Each number's record location (same order as `numbers`), where its record has one. */
  locations: z.optional(z.array(z.nullable(RecordLocation)).check(z.maxLength(MAX_LOOKUP))),
});
export type Lookup = z.infer<typeof Lookup>;

/** Popup → background: the numbers found on a tab. */
export const PopupTabSummary = z.strictObject({
  type: z.literal('popup-tab-summary'),
  tabId: z.number().check(z.int(), z.nonnegative()),
});
export type PopupTabSummary = z.infer<typeof PopupTabSummary>;

const AppliedRule = z.object({
  code: z.string(),
  name: z.string(),
  role: z.enum(['callee', 'record', 'agent']),
  requirement: Consent,
  ambiguous: z.boolean(),
  ambiguousReason: z.nullable(z.string()),
  citation: z.string(),
  notes: z.array(z.string()),
  asOf: z.string(),
  noticeDuty: z.optional(z.nullable(z.string())),
});

/** A Classification (lib/law/classify.ts) plus the disclaimer to read, filled in from the settings. */
export const Answer = z.object({
  input: z.string(),
  e164: z.nullable(z.string()),
  ext: z.nullable(z.string()),
  kind: z.enum(['nanp', 'tollfree', 'international', 'invalid']),
  npa: z.nullable(z.string()),
  country: z.nullable(z.string()),
  regions: z.array(z.string()),
  requirement: Consent,
  treatAs: z.enum(['all-party', 'one-party']),
  ambiguous: z.boolean(),
  reasons: z.array(z.string()),
  citations: z.array(z.string()),
  caveats: z.array(z.string()),
  action: z.enum(['announce', 'ask-consent', 'do-not-record']),
  timezones: z.array(z.string()),
  localTime: z.nullable(z.string()),
  inCallingWindow: Window,
  rules: z.array(AppliedRule),
  place: z.string(),
  disclaimer: z.string(),
  /** The record location's region whose rule was applied, or null. */
  calleeLocation: z.optional(z.nullable(z.string())),
  recordLocation: z.optional(z.nullable(RecordLocation)),
  /** Calling hours by state, province, national and company rules; null for an invalid number. */
  callingHours: z.optional(z.nullable(CallingHoursAnswer)),
  /**
   * To a content script only: the full disclaimer, for the clipboard. Its `disclaimer` then shows
   * placeholders for the agent's name and company, and the agent's own rule is left out (the page
   * can read what the panel shows; lib/law/page-answer.ts).
   */
  copyText: z.optional(z.string()),
  /**
   * To a content script only: where the place came from and which rule won, in the browser's
   * language (lib/law/location-summary.ts whereFrom), so the page's script carries neither.
   */
  where: z.optional(z.string()),
  /** The number must not be called, and why (absent where nothing says so). */
  dnc: z.optional(Dnc),
  /** In the tab's summary: the record on the page the number sits in (an id per tab; one record, one id). */
  record: z.optional(z.string().check(z.maxLength(40))),
});
export type Answer = z.infer<typeof Answer>;

export const LookupResponse = z.union([
  z.object({ ok: z.literal(true), results: z.array(Answer) }),
  z.object({ ok: z.literal(false), error: z.string() }),
]);
export type LookupResponse = z.infer<typeof LookupResponse>;

export const TabSummaryResponse = z.union([
  z.object({
    ok: z.literal(true),
    /** Distinct numbers on the tab. */
    total: z.number(),
    /** The first numbers, strictest first (at most 200: a popup is no place for thousands). */
    numbers: z.array(Answer),
  }),
  z.object({ ok: z.literal(false), error: z.string() }),
]);
export type TabSummaryResponse = z.infer<typeof TabSummaryResponse>;

/**
 * Any extension page or content script → background: something happened on a call, for the local
 * consent log. The background fills in the time, rule, region and disclaimer version, and hashes the
 * number unless the settings keep it whole. Fire and forget: callers never wait on it for their UI.
 */
export const LogEvent = z.strictObject({
  type: z.literal('log-event'),
  e164: E164,
  outcome: z.enum(OUTCOMES),
  source: z.enum(LOG_SOURCES),
  /** The callee's record's places, where the number was answered with them. */
  locationRegions: z.optional(Regions),
  /** The disclaimer language shown (the popup's choice); the settings' language when absent. */
  language: z.optional(z.enum(['en', 'es', 'fr-CA'])),
});
export type LogEvent = z.infer<typeof LogEvent>;

/** The entry's id, or null when the log is off and nothing was stored. */
export const LogEventResponse = z.union([
  z.object({ ok: z.literal(true), id: z.nullable(z.string()) }),
  z.object({ ok: z.literal(false), error: z.string() }),
]);
export type LogEventResponse = z.infer<typeof LogEventResponse>;
/** How the agent chose a number: clicked it, dialled it, opened its badge, picked it in the side panel, selected text. */
export const SelectedHow = z.enum(['click', 'dial', 'badge', 'panel', 'selection']);
export type SelectedHow = z.infer<typeof SelectedHow>;

/**
 * Content script (or the side panel) → background: the last number the agent clicked, dialled or
 * picked on a tab, kept per tab (storage.session) for the side panel. Only the side panel, which is
 * no tab, names the tab it picked for (`tabId`); a content script's tab is its sender's.
 */
export const NumberSelected = z.strictObject({
  type: z.literal('number-selected'),
  e164: E164,
  how: z.enum(['click', 'dial', 'badge', 'panel']),
  tabId: z.optional(z.number().check(z.int(), z.nonnegative())),
});
export type NumberSelected = z.infer<typeof NumberSelected>;

/** What the tab keeps as its selected number: the number (or selected text to look up) and how it came. */
export const Selected = z.strictObject({
  number: NumberText,
  how: SelectedHow,
  /** When (ms since the epoch): the side panel shows the newest. */
  at: z.number(),
});
export type Selected = z.infer<typeof Selected>;

/** Content script (the badge panel's button) → background: open the call panel beside the sender's tab. */
export const OpenSidePanel = z.strictObject({ type: z.literal('open-side-panel') });
export type OpenSidePanel = z.infer<typeof OpenSidePanel>;

export const OkResponse = z.union([
  z.object({ ok: z.literal(true) }),
  z.object({ ok: z.literal(false), error: z.string() }),
]);
export type OkResponse = z.infer<typeof OkResponse>;

export type ErrorResponse = { ok: false; error: string };

/**
 * Every request and the answer it gets: `send` (utils/messaging.ts) and the background's handler map
 * (lib/background/handle-message.ts) are typed from this one table.
 */
export interface Protocol {
  'page-scan': { request: PageScan; response: PageScanResponse };
  lookup: { request: Lookup; response: LookupResponse };
  'popup-tab-summary': { request: PopupTabSummary; response: TabSummaryResponse };
  'log-event': { request: LogEvent; response: LogEventResponse };
  'number-selected': { request: NumberSelected; response: OkResponse };
  'open-side-panel': { request: OpenSidePanel; response: OkResponse };
}
export type MessageType = keyof Protocol;
export type RequestOf<K extends MessageType> = Protocol[K]['request'];
export type ResponseOf<K extends MessageType> = Protocol[K]['response'];

/** A refusal that says what was wrong, for the sender's console and tests. */
export function refusal(error: {
  issues: readonly { path: readonly PropertyKey[]; message: string }[];
}): ErrorResponse {
  const issue = error.issues[0];
  const where = issue?.path.length ? ` at ${issue.path.map(String).join('.')}` : '';
  return { ok: false, error: `Refused a malformed message${where}: ${issue?.message ?? 'invalid'}` };
}
