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
