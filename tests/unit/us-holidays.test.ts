/**
 * State holiday rules typed from the statutes (cited per test), not read from lib/data/calling-hours.ts.
 * Instants are UTC; each comment gives the callee's local time.
 */
import { describe, expect, it } from 'vitest';
import { callingHours } from '../../lib/law/calling-hours';

const UT = '+18015550100';

describe('Utah keeps Juneteenth on a Monday (Utah Code § 63G-1-301(2)(c)-(d))', () => {
  // Noon MDT (UTC-6) in June.
  const noon = (date: string) => new Date(`${date}T18:00:00Z`);
  it('2026: June 19 is a Friday, so Monday 15 June is the holiday and Friday 19 June is open', () => {
    const monday = callingHours(UT, noon('2026-06-15'));
    expect(monday.allowed).toBe(false);
    expect(monday.reasons.join(' ')).toContain('Juneteenth');
    expect(callingHours(UT, noon('2026-06-19')).allowed).toBe(true);
  });
  it('2027: June 19 is a Saturday, so Monday 21 June is the holiday and Friday 18 June is open', () => {
    expect(callingHours(UT, noon('2027-06-21')).allowed).toBe(false);
    expect(callingHours(UT, noon('2027-06-18')).allowed).toBe(true);
  });
  it('2028: June 19 is a Monday and is the holiday itself', () => {
    expect(callingHours(UT, noon('2028-06-19')).allowed).toBe(false);
    expect(callingHours(UT, noon('2028-06-20')).allowed).toBe(true);
  });
});

const RI = '+14015550100';

describe('Rhode Island holidays (R.I. Gen. Laws §§ 5-61-2, 25-1-1)', () => {
  // 17:00 UTC: noon EST, 1 pm EDT; inside the weekday window (9 am–6 pm).
  const midday = (date: string) => new Date(`${date}T17:00:00Z`);
  it('Election Day is a holiday in even years only (general election of state officers)', () => {
    const r = callingHours(RI, midday('2026-11-03'));
    expect(r.allowed).toBe(false);
    expect(r.reasons.join(' ')).toContain('Election Day');
    expect(callingHours(RI, midday('2028-11-07')).allowed).toBe(false);
    expect(callingHours(RI, midday('2027-11-02')).allowed).toBe(true);
  });
  it('New Year’s Day, July 4, Veterans Day and Christmas on a Saturday are also kept on the Monday after', () => {
    for (const date of ['2026-07-06', '2027-12-27', '2028-11-13', '2022-01-03']) {
      expect(callingHours(RI, midday(date)).allowed, date).toBe(false);
    }
  });
  it('a federal holiday on a Saturday: the Friday federal employees observe is a no-call day too (5 U.S.C. § 6103(b))', () => {
    // Independence Day 2026, Christmas 2027 and Juneteenth 2027 fall on a Saturday.
    for (const date of ['2026-07-03', '2027-12-24', '2027-06-18']) {
      const r = callingHours(RI, midday(date));
      expect(r.allowed, date).toBe(false);
      expect(r.reasons.join(' '), date).toContain('observed');
    }
    // Juneteenth is not one of § 25-1-1's four: no Monday after it (21 June 2027 is open).
    expect(callingHours(RI, midday('2027-06-21')).allowed).toBe(true);
  });
  it('Rhode Island Independence Day (4 May) on a Saturday is not moved: Monday 6 May 2030 is open', () => {
    expect(callingHours(RI, midday('2030-05-06')).allowed).toBe(true);
    // On a Sunday it is kept on the Monday (4 May 2025 was a Sunday).
    expect(callingHours(RI, midday('2025-05-05')).allowed).toBe(false);
  });
});

describe('a moved holiday is named as observed, not as the day itself', () => {
  const noonMdt = (date: string) => new Date(`${date}T18:00:00Z`);
  it('Utah, Friday 3 July 2026 (July 4 is a Saturday): “the observed Independence Day holiday”', () => {
    const r = callingHours(UT, noonMdt('2026-07-03'));
    expect(r.allowed).toBe(false);
    const text = r.reasons.join(' ');
    expect(text).toContain('today is the observed Independence Day holiday, when Utah bans sales calls.');
    expect(text).not.toContain('today is Independence Day');
    expect(r.zones[0]?.holiday).toBe('Independence Day (observed)');
  });
  it('Utah, Saturday 4 July 2026 is Independence Day itself', () => {
    const r = callingHours(UT, noonMdt('2026-07-04'));
    expect(r.reasons.join(' ')).toContain('today is Independence Day, when Utah bans sales calls.');
    expect(r.zones[0]?.holiday).toBe('Independence Day');
  });
  it('Utah’s Juneteenth Monday: observed on 15 June 2026, the day itself on Monday 19 June 2028', () => {
    expect(callingHours(UT, noonMdt('2026-06-15')).reasons.join(' ')).toContain(
      'today is the observed Juneteenth holiday',
    );
    expect(callingHours(UT, noonMdt('2028-06-19')).reasons.join(' ')).toContain('today is Juneteenth, when');
  });
});

const MS = '+16015550100';

describe('Mississippi: 8 am–8 pm “Central Standard Time” (Miss. Code § 77-3-723)', () => {
  it('under daylight saving time (Monday 6 July 2026, CDT = UTC-5) calls open at 9 am CDT, close at 8 pm CDT', () => {
    const early = callingHours(MS, new Date('2026-07-06T13:30:00Z')); // 8:30 am CDT = 7:30 am CST
    expect(early.allowed).toBe(false);
    expect(early.opensAt).toBe('2026-07-06T14:00:00.000Z');
    expect(early.window).toBe('9:00 AM – 8:00 PM');
    expect(callingHours(MS, new Date('2026-07-06T14:00:00Z')).allowed).toBe(true); // 9:00 am CDT
    expect(callingHours(MS, new Date('2026-07-07T00:59:00Z')).allowed).toBe(true); // 7:59 pm CDT
    expect(callingHours(MS, new Date('2026-07-07T01:00:00Z')).allowed).toBe(false); // 8:00 pm CDT
  });
  it('in standard time (Monday 7 December 2026, CST = UTC-6) calls open at 8 am', () => {
    expect(callingHours(MS, new Date('2026-12-07T13:59:00Z')).allowed).toBe(false);
    expect(callingHours(MS, new Date('2026-12-07T14:00:00Z')).allowed).toBe(true);
  });
});

describe('Mississippi’s Confederate Memorial Day is the last Monday of April (Miss. Code § 3-3-7)', () => {
  // 2018 has five April Mondays: Alabama's fourth Monday is 23 April, Mississippi's last is 30 April.
  const noonCdt = (date: string) => new Date(`${date}T17:00:00Z`);
  it('30 April 2018 closed (holiday rule then in force), 23 April 2018 open', () => {
    const r = callingHours(MS, noonCdt('2018-04-30'));
    expect(r.allowed).toBe(false);
    expect(r.reasons.join(' ')).toContain('Confederate Memorial Day');
    expect(callingHours(MS, noonCdt('2018-04-23')).allowed).toBe(true);
  });
});

const LA = '+15045550100';

describe('Louisiana legal holidays (La. R.S. 1:55; LPSC General Order R-29617 § V(A)(2))', () => {
  // 18:00 UTC: noon CST, 1 pm CDT.
  const midday = (date: string) => new Date(`${date}T18:00:00Z`);
  it('the R.S. 1:55(A)(1) days: Battle of New Orleans, Washington’s Birthday, Huey P. Long Day, Columbus Day, All Saints’ Day', () => {
    for (const [date, name] of [
      ['2027-01-08', 'Battle of New Orleans'],
      ['2027-02-15', 'Washington'],
      ['2027-08-30', 'Huey P. Long Day'],
      ['2027-10-11', 'Columbus Day'],
      ['2027-11-01', 'All Saints'],
    ] as const) {
      const r = callingHours(LA, midday(date));
      expect(r.allowed, date).toBe(false);
      expect(r.reasons.join(' '), date).toContain(name);
    }
  });
  it('the day after Thanksgiving is not a legal holiday: Friday 27 November 2026 is open', () => {
    expect(callingHours(LA, midday('2026-11-27')).allowed).toBe(true);
  });
  it('New Year’s Day, July 4 and Christmas move off a weekend (R.S. 1:55(E)); other holidays do not', () => {
    const july3 = callingHours(LA, midday('2026-07-03'));
    expect(july3.allowed).toBe(false);
    expect(july3.reasons.join(' ')).toContain('the observed Independence Day holiday');
    expect(callingHours(LA, midday('2027-12-24')).allowed).toBe(false); // Christmas 2027 is a Saturday
    expect(callingHours(LA, midday('2027-12-31')).allowed).toBe(false); // New Year's Day 2028 is a Saturday
    expect(callingHours(LA, midday('2022-12-26')).allowed).toBe(false); // Christmas 2022 was a Sunday
    // Huey P. Long Day 2026 is a Sunday: Monday 31 August 2026 stays open.
    expect(callingHours(LA, midday('2026-08-31')).allowed).toBe(true);
  });
});
