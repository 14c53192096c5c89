/**
 * Calling hours: may a sales call reach this number now? Combines the national rule (US federal, or the
 * CRTC's for Canadian numbers), the callee's state or province rule in force on the local date, the day
 * of the week, holidays and an optional company window, in every time zone the area code spans. Pure:
 * the time is always passed in.
 */
import { AREA_CODES } from '../data/area-codes';
import {
  CALLING_HOURS,
  type CallingHoursRule,
  type CallPurpose,
  type Confidence,
  type HoursWindow,
} from '../data/calling-hours';
import { parseNumber } from '../number/parse-number';
import { callingHoursNotes } from './calling-hours-notes';
import { type CivilDate, HOLIDAYS, type HolidayMatch, holidayOn, weekdayOf } from './holidays';
import { formatClock } from './local-time';

interface CallingHoursContext {
  /** Why the agent calls (default 'sales'): service calls are not solicitations. */
  purpose?: CallPurpose;
  /** A company window, in local minutes, that no call may leave (applies whatever the purpose). */
  companyWindow?: HoursWindow | null;
  /** More candidate regions (e.g. from the customer record): the strictest of all applies. */
  regions?: readonly string[];
  /** More candidate time zones: every one is checked, like the area code's own. */
  timezones?: readonly string[];
  /**
   * The zones of the place the callee's record names: a side of its own. The area code's zones and these
   * both apply, the stricter at every instant: clear only when both sides are open, closed when either
   * side is closed everywhere it may be (see the README's "The callee's own location").
   */
  recordTimezones?: readonly string[];
}

/** Whose place a zone belongs to: the area code's, the record's, or both. */
export type ZoneFrom = 'area-code' | 'record' | 'both';

/** Where a number points, as calling hours need it. */
interface CallingPlace {
  country: string | null;
  regions: readonly string[];
  timezones: readonly string[];
}

export interface ZoneHours {
  timeZone: string;
  /** Zone abbreviation where the runtime has one ("EST"). */
  zoneName: string;
  localTime: string;
  /** The callee's local date, YYYY-MM-DD. */
  localDate: string;
  weekday: string;
  allowed: boolean;
  /** Today's combined window, or null when no call is allowed today. */
  window: HoursWindow | null;
  /** The holiday that closes today, if any. */
  holiday: string | null;
  decidedBy: string | null;
  opensAt: string | null;
  closesAt: string | null;
  /** Whose place this zone is: the area code's, the record's, or both. */
  from: ZoneFrom;
}

export interface CallingHours {
  /** true, false, 'partly' (the code's zones disagree), or null (no rule known: international, toll-free). */
  allowed: boolean | 'partly' | null;
  purpose: CallPurpose;
  /** False when the purpose is exempt from every calling-hour law: the hours are information only. */
  binding: boolean;
  /** Code of the rule that decided ('FL', 'US-FED', 'CA-FED', 'COMPANY'), and its name. */
  decidedBy: string | null;
  decidedByName: string | null;
  /** The deciding rule's citation (null for the company window). */
  decidedByCitation: string | null;
  /** Today's window in the callee's local time ("8:00 AM – 8:00 PM", "no calls today"), per zone where they differ. */
  window: string | null;
  /** The next instant calls are allowed in every zone (when not allowed now), ISO. */
  opensAt: string | null;
  /** The instant the window closes in the first zone (when allowed now), ISO. */
  closesAt: string | null;
  /** opensAt and closesAt as the callee's clock reads them ("8:00 AM", "Monday 9:00 AM"), and minutes from `at`. */
  opensAtLocal: string | null;
  closesAtLocal: string | null;
  opensInMinutes: number | null;
  closesInMinutes: number | null;
  zones: ZoneHours[];
  reasons: string[];
  citations: string[];
  notes: string[];
  /** The weakest confidence among the rules applied. */
  confidence: Confidence;
}

const COMPANY = 'COMPANY';
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;
const CONFIDENCE_ORDER: Record<Confidence, number> = { confirmed: 0, 'single-source': 1, disputed: 2 };
const PURPOSE_TEXT: Record<CallPurpose, string> = {
  sales: 'sales calls',
  'existing-customer': 'sales calls to existing customers',
  service: 'service calls',
  business: 'business-to-business calls',
};

const byCode = new Map<string, CallingHoursRule[]>();
for (const rule of CALLING_HOURS) byCode.set(rule.code, [...(byCode.get(rule.code) ?? []), rule]);

/** Every row of a jurisdiction (its dated history), oldest first. */
function callingHoursRows(code: string): readonly CallingHoursRule[] {
  return byCode.get(code) ?? [];
}

function isoDate(d: CivilDate): string {
  return `${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
}

/** The row of `code` in force on a local date, if any. */
function ruleInForce(code: string, date: CivilDate): CallingHoursRule | undefined {
  const day = isoDate(date);
  return callingHoursRows(code).find((r) => (r.from === null || r.from <= day) && (r.until === null || day < r.until));
}

// ------------------------------------------------------------------ time-zone arithmetic

interface LocalParts extends CivilDate {
  minutes: number;
  zoneName: string;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      hourCycle: 'h23',
      timeZoneName: 'short',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** A zone's offset (ms) and abbreviation at an instant, read from Intl. */
function readZone(timeZone: string, epochMs: number): { offset: number; name: string } {
  let year = 0;
  let month = 0;
  let day = 0;
  let hour = 0;
  let minute = 0;
  let second = 0;
  let name = '';
  for (const part of formatterFor(timeZone).formatToParts(epochMs)) {
    if (part.type === 'year') year = Number(part.value);
    else if (part.type === 'month') month = Number(part.value);
    else if (part.type === 'day') day = Number(part.value);
    else if (part.type === 'hour') hour = Number(part.value) % 24;
    else if (part.type === 'minute') minute = Number(part.value);
    else if (part.type === 'second') second = Number(part.value);
    else if (part.type === 'timeZoneName') name = part.value;
  }
  const wall = Date.UTC(year, month - 1, day, hour, minute, second);
  return { offset: wall - (epochMs - (((epochMs % 1000) + 1000) % 1000)), name };
}

// Intl is slow (tens of µs a call); offsets only change on the hour or half hour (every North
// American zone, Newfoundland included, moves its clocks at a local full hour, which is a UTC full or
// half hour). One Intl read per zone and half hour is enough: everything else is arithmetic.
const HALF_HOUR = 1_800_000;
const zoneCache = new Map<string, { offset: number; name: string }>();

function zoneAt(timeZone: string, epochMs: number): { offset: number; name: string } {
  const bucket = Math.floor(epochMs / HALF_HOUR);
  const key = `${timeZone}|${bucket}`;
  let zone = zoneCache.get(key);
  if (!zone) {
    if (zoneCache.size >= 20_000) zoneCache.clear();
    zone = readZone(timeZone, bucket * HALF_HOUR);
    zoneCache.set(key, zone);
  }
  return zone;
}

function localParts(timeZone: string, epochMs: number): LocalParts {
  const zone = zoneAt(timeZone, epochMs);
  const wall = new Date(epochMs + zone.offset);
  return {
    year: wall.getUTCFullYear(),
    month: wall.getUTCMonth() + 1,
    day: wall.getUTCDate(),
    minutes: wall.getUTCHours() * 60 + wall.getUTCMinutes(),
    zoneName: zone.name,
  };
}

/** Offset of local wall time from UTC at an instant, in ms. */
function offsetAt(timeZone: string, epochMs: number): number {
  return zoneAt(timeZone, epochMs).offset;
}

/** The instant a local date and minute occur in `timeZone` (calling windows never start in a DST gap). */
function instantOf(timeZone: string, date: CivilDate, minutes: number): number {
  const wall = Date.UTC(date.year, date.month - 1, date.day, 0, minutes);
  let instant = wall - offsetAt(timeZone, wall);
  const corrected = wall - offsetAt(timeZone, instant);
  if (corrected !== instant) instant = corrected;
  return instant;
}

function nextDate(d: CivilDate, days = 1): CivilDate {
  const t = new Date(Date.UTC(d.year, d.month - 1, d.day + days));
  return { year: t.getUTCFullYear(), month: t.getUTCMonth() + 1, day: t.getUTCDate() };
}

// ------------------------------------------------------------------ windows

interface DayLimit {
  code: string;
  name: string;
  window: HoursWindow | null;
  holiday: HolidayMatch | null;
  rule: CallingHoursRule | null;
}

function windowOn(
  rule: CallingHoursRule,
  date: CivilDate,
  timeZone: string,
): { window: HoursWindow | null; holiday: HolidayMatch | null } {
  const holiday = rule.holidays.length > 0 ? holidayOn(date, rule.holidays, rule.observance, rule.observanceOf) : null;
  if (holiday) return { window: null, holiday };
  const weekday = weekdayOf(date);
  const window = weekday === 0 ? rule.sunday : weekday === 6 ? rule.saturday : rule.weekday;
  // Hours stated in standard time: under daylight saving time the start is an hour later on the clock; the end
  // stays at its local reading, the earlier of the two (both readings are kept: the safe side).
  const shift = rule.standardTime && window ? daylightShift(timeZone, date) : 0;
  return { window: window && shift > 0 ? { start: window.start + shift, end: window.end } : window, holiday: null };
}

/** Minutes a zone's clock is ahead of its standard time on a local date (60 under DST, else 0). */
function daylightShift(timeZone: string, date: CivilDate): number {
  // 12:00 UTC is early morning in North America: after that day's 2 am clock change, still the same local date.
  const offset = (d: CivilDate) => offsetAt(timeZone, Date.UTC(d.year, d.month - 1, d.day, 12));
  const standard = Math.min(offset({ ...date, month: 1, day: 1 }), offset({ ...date, month: 7, day: 1 }));
  return (offset(date) - standard) / 60_000;
}

/** Codes whose rules apply: the national rule first, then each region. */
function lawCodes(place: CallingPlace, extraRegions: readonly string[]): string[] {
  const national = place.country === 'US' ? 'US-FED' : place.country === 'CA' ? 'CA-FED' : null;
  const regions = [...new Set([...place.regions, ...extraRegions])];
  const codes = regions.filter((r) => byCode.has(r));
  // A candidate region of the other country brings its own national rule.
  const nationals = new Set<string>(national ? [national] : []);
  for (const r of codes) {
    const country = callingHoursRows(r)[0]?.country;
    if (country) nationals.add(country === 'US' ? 'US-FED' : 'CA-FED');
  }
  return [...nationals, ...codes];
}

/**
 * The limits in force on a local date: one per applicable rule, plus the company window; and the rows in
 * force there with no rule of their own (some of their notes still matter).
 */
function limitsOn(
  codes: readonly string[],
  date: CivilDate,
  timeZone: string,
  purpose: CallPurpose,
  company: HoursWindow | null,
) {
  const binding: DayLimit[] = [];
  const info: DayLimit[] = [];
  const unruled: CallingHoursRule[] = [];
  for (const code of codes) {
    const rule = ruleInForce(code, date);
    if (!rule) continue;
    if (!rule.ownRule) {
      unruled.push(rule);
      continue;
    }
    const limit = { code, name: rule.name, rule, ...windowOn(rule, date, timeZone) };
    (rule.exempt.includes(purpose) ? info : binding).push(limit);
  }
  if (company) binding.push({ code: COMPANY, name: 'Your company', window: company, holiday: null, rule: null });
  return { binding, info, unruled };
}

/** The intersection of the limits' windows; null when any limit closes the day. */
function combine(limits: readonly DayLimit[]): HoursWindow | null {
  let start = 0;
  let end = 24 * 60;
  for (const l of limits) {
    if (!l.window) return null;
    start = Math.max(start, l.window.start);
    end = Math.min(end, l.window.end);
  }
  return start < end ? { start, end } : null;
}

/** The limit that decides at `minutes`: the most local one that alone says closed, or the tightest one. */
function decider(limits: readonly DayLimit[], minutes: number, window: HoursWindow | null): DayLimit | undefined {
  const local = [...limits].reverse();
  const closing = local.find((l) => !l.window || minutes < l.window.start || minutes >= l.window.end);
  if (closing) return closing;
  if (!window) return local.find((l) => !l.window) ?? local[0];
  return local.find((l) => l.window?.end === window.end) ?? local.find((l) => l.window?.start === window.start);
}

export function windowText(w: HoursWindow | null): string {
  return w ? `${formatClock(w.start)} – ${formatClock(w.end % (24 * 60))}` : 'no calls today';
}

const SEARCH_DAYS = 14;

function zoneHours(
  timeZone: string,
  at: number,
  codes: readonly string[],
  purpose: CallPurpose,
  company: HoursWindow | null,
  informational: boolean,
  from: ZoneFrom = 'area-code',
): { zone: ZoneHours; limits: DayLimit[]; info: DayLimit[]; unruled: CallingHoursRule[] } {
  const now = localParts(timeZone, at);
  const today: CivilDate = { year: now.year, month: now.month, day: now.day };
  const { binding, info, unruled } = limitsOn(codes, today, timeZone, purpose, company);
  // When no law binds this purpose, the laws' window is shown for information only.
  const shown = informational ? [...info, ...binding] : binding;
  const window = combine(binding);
  const allowed = window !== null && now.minutes >= window.start && now.minutes < window.end;
  const decided = binding.length > 0 ? decider(binding, now.minutes, window) : undefined;
  let opensAt: string | null = null;
  let closesAt: string | null = null;
  const unlimited = binding.length === 0;
  if (allowed && window && !unlimited) closesAt = new Date(instantOf(timeZone, today, window.end)).toISOString();
  else if (allowed) closesAt = null;
  else if (window && now.minutes < window.start)
    opensAt = new Date(instantOf(timeZone, today, window.start)).toISOString();
  else {
    for (let i = 1; i <= SEARCH_DAYS && opensAt === null; i++) {
      const date = nextDate(today, i);
      const w = combine(limitsOn(codes, date, timeZone, purpose, company).binding);
      if (w) opensAt = new Date(instantOf(timeZone, date, w.start)).toISOString();
    }
  }
  const holiday = binding.find((l) => l.holiday)?.holiday ?? null;
  return {
    zone: {
      timeZone,
      zoneName: now.zoneName,
      localTime: formatClock(now.minutes),
      localDate: isoDate(today),
      weekday: DAYS[weekdayOf(today)] ?? '',
      allowed,
      window: informational ? combine(shown) : window,
      holiday: holiday ? `${HOLIDAYS[holiday.id].name}${holiday.observed ? ' (observed)' : ''}` : null,
      decidedBy: decided?.code ?? null,
      opensAt,
      closesAt,
      from,
    },
    limits: binding,
    info,
    unruled,
  };
}

function clock(iso: string, timeZone: string): string {
  return formatClock(localParts(timeZone, Date.parse(iso)).minutes);
}

/** Who sets a limit, as a sentence's subject. */
function ruleWho(limit: DayLimit): string {
  return limit.code === 'US-FED' ? 'federal law' : limit.code === 'CA-FED' ? 'Canada’s CRTC' : limit.name;
}

/** "Christmas Day", or "the observed Christmas Day holiday" on the day it is moved to. */
function holidayText(holiday: HolidayMatch): string {
  const name = HOLIDAYS[holiday.id].name;
  return holiday.observed ? `the observed ${name} holiday` : name;
}

/** Why a zone is open or closed, in one sentence. */
function zoneReason(z: ZoneHours, limit: DayLimit | undefined, purpose: CallPurpose, where: string): string {
  const head = `It is ${z.localTime} on ${z.weekday} ${where}`;
  if (!limit) return `${head}.`;
  const who =
    limit.code === COMPANY ? 'your company allows calls' : `${ruleWho(limit)} allows ${PURPOSE_TEXT[purpose]}`;
  if (z.allowed) {
    return `${head}: open until ${z.closesAt ? clock(z.closesAt, z.timeZone) : '—'} (${who} ${windowText(limit.window)} today).`;
  }
  const until = z.opensAt ? ` Closed until ${opensText(z)}.` : '';
  if (limit.holiday)
    return `${head}: today is ${holidayText(limit.holiday)}, when ${ruleWho(limit)} bans ${PURPOSE_TEXT[purpose]}.${until}`;
  if (!limit.window) return `${head}: ${ruleWho(limit)} bans ${PURPOSE_TEXT[purpose]} on ${z.weekday}s.${until}`;
  return `${head}: ${who} only ${windowText(limit.window)}.${until}`;
}

/** "8:00 AM" today, "Monday 9:00 AM" another day, as the zone's clock reads (with its name when zones differ). */
function localText(iso: string, z: ZoneHours, withZone: boolean): string {
  const date = localDate(iso, z.timeZone);
  const time = clock(iso, z.timeZone);
  const text = isoDate(date) === z.localDate ? time : `${DAYS[weekdayOf(date)]} ${time}`;
  return withZone ? `${text} ${localParts(z.timeZone, Date.parse(iso)).zoneName}` : text;
}

/** "8:00 AM today" or "Monday 9:00 AM", in the zone's local time. */
function opensText(z: ZoneHours): string {
  if (!z.opensAt) return '';
  const date = localDate(z.opensAt, z.timeZone);
  const time = clock(z.opensAt, z.timeZone);
  return isoDate(date) === z.localDate ? `${time} today` : `${DAYS[weekdayOf(date)]} ${time}`;
}

function localDate(iso: string, timeZone: string): CivilDate {
  const p = localParts(timeZone, Date.parse(iso));
  return { year: p.year, month: p.month, day: p.day };
}

/** The rules and company window that limit calls to a place at an instant. */
export function callingHoursFor(place: CallingPlace, at: Date, context: CallingHoursContext = {}): CallingHours {
  const purpose = context.purpose ?? 'sales';
  const company = context.companyWindow ?? null;
  const codes = lawCodes(place, context.regions ?? []);
  const areaZones = [...new Set([...place.timezones, ...(context.timezones ?? [])])];
  const recordZones = [...new Set(context.recordTimezones ?? [])];
  const zones = [...new Set([...areaZones, ...recordZones])];
  const fromOf = (zone: string): ZoneFrom =>
    !recordZones.includes(zone) ? 'area-code' : areaZones.includes(zone) ? 'both' : 'record';
  const empty: CallingHours = {
    allowed: null,
    purpose,
    binding: false,
    decidedBy: null,
    decidedByName: null,
    decidedByCitation: null,
    window: null,
    opensAt: null,
    closesAt: null,
    opensAtLocal: null,
    closesAtLocal: null,
    opensInMinutes: null,
    closesInMinutes: null,
    zones: [],
    reasons: [],
    citations: [],
    notes: [],
    confidence: 'confirmed',
  };
  const epoch = at.getTime();
  if (codes.length === 0 || zones.length === 0 || Number.isNaN(epoch)) {
    return {
      ...empty,
      reasons: [
        zones.length === 0
          ? 'No time zone is known for this number, so its calling hours cannot be told: check the callee’s local time yourself.'
          : 'No calling-hour rule is known for this number’s country: check the law where the callee is.',
      ],
    };
  }

  // Does any law bind this purpose somewhere? If none does, the law's hours are information only.
  const probeZone = zones[0] ?? 'UTC';
  const probe = limitsOn(codes, localDateAt(probeZone, epoch), probeZone, purpose, null);
  const informational = probe.binding.length === 0;
  const results = zones.map((zone) => zoneHours(zone, epoch, codes, purpose, company, informational, fromOf(zone)));
  // Each side (the area code's zones, the record's) is open, closed or partly open; both apply, so the
  // stricter side wins: closed if either is closed everywhere, partly if either is partly, else open.
  const sides = [areaZones, recordZones]
    .filter((side) => side.length > 0)
    .map((side) => {
      const mine = results.filter((r) => side.includes(r.zone.timeZone));
      const open = mine.filter((r) => r.zone.allowed).length;
      return { zones: mine, allowed: open === mine.length ? true : open === 0 ? false : ('partly' as const) };
    });
  const allowed = sides.some((s) => s.allowed === false)
    ? false
    : sides.some((s) => s.allowed === 'partly')
      ? 'partly'
      : true;

  const reasons: string[] = [];
  if (informational) {
    reasons.push(
      `${PURPOSE_TEXT[purpose][0]?.toUpperCase()}${PURPOSE_TEXT[purpose].slice(1)} are not restricted by the calling-hour laws that apply here; the sales-call hours are shown for information${company ? ', and your company window still applies' : ''}.`,
    );
  }
  // Zones that read alike share one sentence (Alaska's 907 spans seven zone names, mostly one time).
  const byText = new Map<string, ZoneHours[]>();
  for (const r of results) {
    const limit = r.limits.find((l) => l.code === r.zone.decidedBy);
    const text = zoneReason(r.zone, limit, purpose, '\u0000');
    byText.set(text, [...(byText.get(text) ?? []), r.zone]);
  }
  for (const [text, group] of byText) {
    const names = [...new Set(group.map((z) => z.zoneName))].join('/');
    const whose = recordZones.length === 0 ? '' : `; ${FROM_TEXT[group[0]?.from ?? 'area-code']}`;
    const where =
      results.length === 1
        ? `where the callee is (${group[0]?.timeZone}${whose})`
        : `in ${names} (${group.map((z) => z.timeZone).join(', ')}${whose})`;
    reasons.push(text.replace('\u0000', where));
  }
  reasons.push(...sideReasons(sides, areaZones, recordZones));

  // The zone that decides: a closed one on a side closed everywhere, else the first closed one.
  const closedSide = sides.find((s) => s.allowed === false);
  const decidingZone = closedSide?.zones[0] ?? results.find((r) => !r.zone.allowed) ?? results[0];
  const decidedBy = decidingZone?.zone.decidedBy ?? null;
  const decidedLimit = decidingZone?.limits.find((l) => l.code === decidedBy);
  const opens = results.map((r) => r.zone.opensAt).filter((x): x is string => x !== null);
  const closes = results.map((r) => r.zone.closesAt).filter((x): x is string => x !== null);

  // Rows, not codes: zones on either side of midnight may each have a different row of one state in force.
  const rules = new Set<CallingHoursRule>();
  for (const r of results) for (const l of [...r.limits, ...r.info]) if (l.rule) rules.add(l.rule);
  let confidence: Confidence = 'confirmed';
  for (const rule of rules) {
    if (CONFIDENCE_ORDER[rule.confidence] > CONFIDENCE_ORDER[confidence]) confidence = rule.confidence;
  }
  // The deciding rule's notes first, then the others in the order they apply (the national rule first).
  const decided = decidedLimit?.rule ?? undefined;
  const applied = [...(decided ? [decided] : []), ...[...rules].filter((rule) => rule !== decided)];
  const unruled = [...new Set(results.flatMap((r) => r.unruled))];
  const notes = callingHoursNotes(applied, unruled, purpose, reasons);
  const windows = [...new Set(results.map((r) => windowText(r.zone.window)))];
  const window =
    windows.length === 1
      ? (windows[0] ?? null)
      : results.map((r) => `${windowText(r.zone.window)} ${r.zone.zoneName || r.zone.timeZone}`).join(' / ');
  const opensAt =
    allowed === true
      ? null
      : results.length === 1
        ? (opens[0] ?? null)
        : allOpenAt(zones, epoch, codes, purpose, company, informational);
  const closesAt = allowed === false ? null : (closes.sort()[0] ?? null);
  // Local clock readings in the zone that decides: the first closed one, or the first that closes.
  const opensZone = decidingZone && !decidingZone.zone.allowed ? decidingZone.zone : undefined;
  const closesZone = results.find((r) => r.zone.closesAt === closesAt)?.zone;
  const minutesTo = (iso: string | null) => (iso === null ? null : Math.round((Date.parse(iso) - epoch) / 60_000));
  return {
    allowed,
    purpose,
    binding: !informational,
    decidedBy,
    decidedByName: decidedBy === COMPANY ? 'Your company' : (decidedLimit?.name ?? null),
    decidedByCitation: decidedLimit?.rule?.citation ?? null,
    window,
    // Open when every zone is open at once; closing as soon as the first zone closes.
    opensAt,
    closesAt,
    opensAtLocal: opensAt && opensZone ? localText(opensAt, opensZone, results.length > 1) : null,
    closesAtLocal: closesAt && closesZone ? localText(closesAt, closesZone, results.length > 1) : null,
    opensInMinutes: minutesTo(opensAt),
    closesInMinutes: minutesTo(closesAt),
    zones: results.map((r) => r.zone),
    reasons,
    citations: [...new Set([...rules].map((r) => r.citation))],
    notes,
    confidence,
  };
}

const FROM_TEXT: Record<ZoneFrom, string> = {
  'area-code': 'where the number was issued',
  record: 'where the record puts the callee',
  both: 'the record’s place and the number’s',
};

/** Why the sides' zones give the answer they give, when zones disagree or a record adds its own. */
function sideReasons(
  sides: readonly { allowed: boolean | 'partly' }[],
  areaZones: readonly string[],
  recordZones: readonly string[],
): string[] {
  const [first, second] = sides;
  if (recordZones.length === 0) {
    return first?.allowed === 'partly'
      ? ['The area code spans time zones that disagree: it is not clear to call until every zone is open.']
      : [];
  }
  const reasons: string[] = [];
  const recordSide = areaZones.length === 0 ? first : second;
  if (recordSide?.allowed === 'partly') {
    reasons.push(
      'The record’s place spans time zones that disagree (its state or province has more than one): it is not clear to call until every one of them is open.',
    );
  }
  if (areaZones.length === 0) {
    reasons.push('The number says nothing about where the callee is: the record’s place decides its calling hours.');
  } else if (recordZones.some((z) => !areaZones.includes(z)) || areaZones.some((z) => !recordZones.includes(z))) {
    reasons.push(
      'The record’s place and the area code’s both count, the stricter at every moment: the record may be out of date, and some states presume that a call to their area code reaches a resident.',
    );
    if (first?.allowed === 'partly' && second?.allowed !== 'partly') {
      reasons.push('The area code spans time zones that disagree: it is not clear to call until every zone is open.');
    }
  }
  return reasons;
}

/** The first instant every zone is open at once (zones open at different instants, and close too). */
function allOpenAt(
  zones: readonly string[],
  from: number,
  codes: readonly string[],
  purpose: CallPurpose,
  company: HoursWindow | null,
  informational: boolean,
): string | null {
  let t = from;
  for (let i = 0; i < 16; i++) {
    const states = zones.map((z) => zoneHours(z, t, codes, purpose, company, informational).zone);
    if (states.every((z) => z.allowed)) return new Date(t).toISOString();
    const next = Math.max(...states.map((z) => (z.allowed || !z.opensAt ? t : Date.parse(z.opensAt))));
    if (!(next > t)) return null;
    t = next;
  }
  return null;
}

function localDateAt(timeZone: string, epochMs: number): CivilDate {
  const p = localParts(timeZone, epochMs);
  return { year: p.year, month: p.month, day: p.day };
}

/** Calling hours of a number as typed: its area code's regions and zones, plus the context's candidates. */
export function callingHours(number: string, at: Date, context: CallingHoursContext = {}): CallingHours {
  const parsed = parseNumber(number);
  const code = parsed.kind === 'nanp' ? AREA_CODES[parsed.npa] : undefined;
  const place: CallingPlace =
    code && code.type === 'geographic'
      ? { country: code.country, regions: code.regions, timezones: code.timezones }
      : { country: null, regions: [], timezones: [] };
  return callingHoursFor(place, at, context);
}
