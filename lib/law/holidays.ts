/**
 * Legal holidays for any year: fixed dates, nth-weekday ones (Memorial Day, Thanksgiving) and
 * Easter-based ones (Good Friday, Mardi Gras). Pure date arithmetic on calendar dates (no time zone):
 * the caller asks with the callee's local date.
 */

/** A calendar date: month 1-12. */
export interface CivilDate {
  year: number;
  month: number;
  day: number;
}

export type HolidayId =
  | 'new-year'
  | 'battle-new-orleans'
  | 'mlk'
  | 'washington'
  | 'mardi-gras'
  | 'good-friday'
  | 'confederate-memorial'
  | 'confederate-memorial-ms'
  | 'ri-independence'
  | 'memorial'
  | 'jefferson-davis'
  | 'flag-day'
  | 'huey-long'
  | 'juneteenth'
  | 'juneteenth-ut'
  | 'independence'
  | 'pioneer'
  | 'victory'
  | 'labor'
  | 'columbus'
  | 'all-saints'
  | 'election'
  | 'election-even'
  | 'veterans'
  | 'thanksgiving'
  | 'christmas'
  // Canadian statutory holidays (New Year's Day, Good Friday and Christmas Day are shared above).
  | 'family-day-bc'
  | 'victoria-day'
  | 'canada-day'
  | 'bc-day'
  | 'labour-day'
  | 'truth-reconciliation'
  | 'thanksgiving-ca'
  | 'remembrance-day';

/**
 * How a holiday that falls on a weekend is observed in a state. 'weekend-to-both': on a Saturday, the Friday
 * before (the federal observance, 5 U.S.C. § 6103(b)) and the Monday after (a state's own); on a Sunday, the
 * Monday.
 */
export type Observance =
  | 'none'
  | 'sunday-to-monday'
  | 'weekend-to-nearest-weekday'
  | 'weekend-to-monday'
  | 'weekend-to-both';

/** Holidays a state moves by a rule of their own, overriding its general observance. */
export type ObservanceOf = Readonly<Partial<Record<HolidayId, Observance>>>;

interface HolidayDef {
  name: string;
  /** The date the holiday falls on in `year`; null in a year it is not held. */
  date: (year: number) => CivilDate | null;
  /** Fixed-date holidays move when they fall on a weekend (per the state's observance rule). */
  fixed: boolean;
  /** Where the law itself keeps the holiday on another day (Utah's Juneteenth Monday): only that day counts. */
  keptOn?: (date: CivilDate) => CivilDate;
}

/** 0 = Sunday … 6 = Saturday, for a calendar date. */
export function weekdayOf(d: CivilDate): number {
  return new Date(Date.UTC(d.year, d.month - 1, d.day)).getUTCDay();
}

function addDays(d: CivilDate, days: number): CivilDate {
  const t = new Date(Date.UTC(d.year, d.month - 1, d.day + days));
  return { year: t.getUTCFullYear(), month: t.getUTCMonth() + 1, day: t.getUTCDate() };
}

/** The nth (1-based) `weekday` of a month; n = -1 is the last one. */
function nthWeekday(year: number, month: number, weekday: number, n: number): CivilDate {
  if (n > 0) {
    const first = weekdayOf({ year, month, day: 1 });
    return { year, month, day: 1 + ((weekday - first + 7) % 7) + (n - 1) * 7 };
  }
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const last = weekdayOf({ year, month, day: lastDay });
  return { year, month, day: lastDay - ((last - weekday + 7) % 7) };
}

/** Western (Gregorian) Easter Sunday: the anonymous Gregorian algorithm (Meeus/Jones/Butcher). */
function easterSunday(year: number): CivilDate {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return { year, month, day };
}

function electionDay(year: number): CivilDate {
  return addDays(nthWeekday(year, 11, 1, 1), 1);
}

const fixed = (name: string, month: number, day: number): HolidayDef => ({
  name,
  date: (year) => ({ year, month, day }),
  fixed: true,
});
const nth = (name: string, month: number, weekday: number, n: number): HolidayDef => ({
  name,
  date: (year) => nthWeekday(year, month, weekday, n),
  fixed: false,
});

export const HOLIDAYS: Readonly<Record<HolidayId, HolidayDef>> = {
  'new-year': fixed("New Year's Day", 1, 1),
  'battle-new-orleans': fixed('Battle of New Orleans', 1, 8),
  mlk: nth('Martin Luther King Jr. Day', 1, 1, 3),
  washington: nth("Washington's Birthday (Presidents' Day)", 2, 1, 3),
  // Mardi Gras is the Tuesday 47 days before Easter Sunday.
  'mardi-gras': { name: 'Mardi Gras', date: (year) => addDays(easterSunday(year), -47), fixed: false },
  'good-friday': { name: 'Good Friday', date: (year) => addDays(easterSunday(year), -2), fixed: false },
  'confederate-memorial': nth('Confederate Memorial Day', 4, 1, 4),
  // Mississippi keeps it on the last Monday of April (Miss. Code § 3-3-7), Alabama on the fourth.
  'confederate-memorial-ms': nth('Confederate Memorial Day', 4, 1, -1),
  'ri-independence': fixed('Rhode Island Independence Day', 5, 4),
  memorial: nth('Memorial Day', 5, 1, -1),
  'jefferson-davis': nth("Jefferson Davis's Birthday", 6, 1, 1),
  'flag-day': fixed('Flag Day', 6, 14),
  juneteenth: fixed('Juneteenth', 6, 19),
  // Utah Code § 63G-1-301(2)(c)-(d): June 19 if a Monday, else the Monday before (Tue-Fri) or after (Sat, Sun).
  'juneteenth-ut': {
    name: 'Juneteenth',
    date: (year) => ({ year, month: 6, day: 19 }),
    fixed: false,
    keptOn: (d) => {
      const weekday = weekdayOf(d);
      return addDays(d, weekday === 0 ? 1 : weekday === 6 ? 2 : 1 - weekday);
    },
  },
  independence: fixed('Independence Day', 7, 4),
  pioneer: fixed('Pioneer Day', 7, 24),
  'huey-long': fixed('Huey P. Long Day', 8, 30),
  victory: nth('Victory Day', 8, 1, 2),
  labor: nth('Labor Day', 9, 1, 1),
  columbus: nth('Columbus Day', 10, 1, 2),
  'all-saints': fixed("All Saints' Day", 11, 1),
  // The Tuesday after the first Monday of November (every year: states differ on off-years; the safe side).
  election: { name: 'Election Day', date: electionDay, fixed: false },
  // The same Tuesday in even years only (the general election of state officers, R.I. Gen. Laws § 25-1-1).
  'election-even': { name: 'Election Day', date: (year) => (year % 2 === 0 ? electionDay(year) : null), fixed: false },
  veterans: fixed('Veterans Day', 11, 11),
  thanksgiving: nth('Thanksgiving Day', 11, 4, 4),
  christmas: fixed('Christmas Day', 12, 25),

  // Canadian statutory holidays.
  // British Columbia's Family Day: the 2nd Monday of February from 2013 to 2018, the 3rd since 2019.
  'family-day-bc': {
    name: 'Family Day',
    date: (year) => nthWeekday(year, 2, 1, year < 2019 ? 2 : 3),
    fixed: false,
  },
  // The Monday before 25 May.
  'victoria-day': {
    name: 'Victoria Day',
    date: (year) => addDays({ year, month: 5, day: 24 }, -((weekdayOf({ year, month: 5, day: 24 }) + 6) % 7)),
    fixed: false,
  },
  'canada-day': fixed('Canada Day', 7, 1),
  'bc-day': nth('British Columbia Day', 8, 1, 1),
  'labour-day': nth('Labour Day', 9, 1, 1),
  'truth-reconciliation': fixed('National Day for Truth and Reconciliation', 9, 30),
  'thanksgiving-ca': nth('Thanksgiving Day', 10, 1, 2),
  'remembrance-day': fixed('Remembrance Day', 11, 11),
};

/** A day that is a holiday: which one, and whether the holiday is only observed on it (moved there). */
export interface HolidayMatch {
  id: HolidayId;
  observed: boolean;
}

interface KeptDay {
  date: CivilDate;
  observed: boolean;
}

/** The days a holiday is kept in `year`: the day itself, and its observed weekday when it moves. */
function holidayDates(id: HolidayId, year: number, observance: Observance): KeptDay[] {
  const def = HOLIDAYS[id];
  const date = def.date(year);
  if (!date) return [];
  const day = { date, observed: false };
  if (def.keptOn) {
    const kept = def.keptOn(date);
    return [{ date: kept, observed: dateKey(kept) !== dateKey(date) }];
  }
  if (!def.fixed || observance === 'none') return [day];
  const moved = (...days: number[]) => [day, ...days.map((d) => ({ date: addDays(date, d), observed: true }))];
  const weekday = weekdayOf(date);
  if (weekday === 0) return moved(1);
  if (weekday === 6 && observance === 'weekend-to-nearest-weekday') return moved(-1);
  if (weekday === 6 && observance === 'weekend-to-monday') return moved(2);
  if (weekday === 6 && observance === 'weekend-to-both') return moved(-1, 2);
  return [day];
}

// Holiday calendars by (observance, holidays, year): built once, then one Map look-up a day.
const calendars = new Map<string, Map<string, HolidayMatch>>();

function calendar(
  ids: readonly HolidayId[],
  observance: Observance,
  observanceOf: ObservanceOf,
  year: number,
): Map<string, HolidayMatch> {
  const key = `${observance}|${ids.map((id) => `${id}:${observanceOf[id] ?? ''}`).join(',')}|${year}`;
  let days = calendars.get(key);
  if (!days) {
    if (calendars.size >= 1000) calendars.clear();
    days = new Map();
    // Dates of `year` (New Year's Day of the next year may be observed on 31 December).
    for (const y of [year, year + 1]) {
      for (const id of ids) {
        for (const { date, observed } of holidayDates(id, y, observanceOf[id] ?? observance)) {
          // A holiday on its own day wins over another one only observed there.
          const key = dateKey(date);
          if (date.year === year && (!days.has(key) || (days.get(key)?.observed && !observed))) {
            days.set(key, { id, observed });
          }
        }
      }
    }
    calendars.set(key, days);
  }
  return days;
}

function dateKey(d: CivilDate): string {
  return `${d.month}-${d.day}`;
}

/** The holiday of `ids` that `date` is (or is observed on), or null. */
export function holidayOn(
  date: CivilDate,
  ids: readonly HolidayId[],
  observance: Observance,
  observanceOf: ObservanceOf = {},
): HolidayMatch | null {
  return calendar(ids, observance, observanceOf, date.year).get(dateKey(date)) ?? null;
}
