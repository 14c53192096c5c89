/**
 * Calling hours with the callee's record location: the record's place and the area code's both apply,
 * the stricter at every instant. Instants are written by hand in UTC for December 2026 (standard time
 * everywhere: ET −5, CT −6, MT −7, PT −8); expected windows come from the statutes (federal 8 am–9 pm,
 * 47 C.F.R. § 64.1200(c)(1); Texas 9 am–9 pm weekdays, noon–9 pm Sunday, Tex. Bus. & Com. Code § 301.051;
 * Florida 8 am–8 pm, Fla. Stat. § 501.616(6)(a)).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AREA_CODES } from '@/lib/data/area-codes';
import { REGION_NAMES } from '@/lib/data/regions';
import { badgeInfo } from '@/lib/law/answer';
import { classify } from '@/lib/law/classify';
import { zonesOfRegion } from '@/lib/law/region-zones';

/** Monday 7 December 2026 at a UTC hour and minute. */
const monday = (hour: number, minute = 0) => new Date(Date.UTC(2026, 11, 7, hour, minute));
const rank = (a: boolean | 'partly' | null | undefined) => (a === true ? 2 : a === 'partly' ? 1 : 0);

describe('zones of a region', () => {
  it('a state across two zones has both; a one-zone state has one; the territories are split by territory', () => {
    expect([...zonesOfRegion('FL')].sort()).toEqual(['America/Chicago', 'America/New_York']);
    expect([...zonesOfRegion('TN')].sort()).toEqual(['America/Chicago', 'America/New_York']);
    expect([...zonesOfRegion('TX')].sort()).toEqual(['America/Chicago', 'America/Denver']);
    expect(zonesOfRegion('CA')).toEqual(['America/Los_Angeles']);
    expect(zonesOfRegion('NY')).toEqual(['America/New_York']);
    expect([...zonesOfRegion('YT')].sort()).toEqual(['America/Dawson', 'America/Whitehorse']);
    expect(zonesOfRegion('NU')).toContain('America/Iqaluit');
    expect(zonesOfRegion('NU')).not.toContain('America/Whitehorse');
    expect(zonesOfRegion('ZZ')).toEqual([]);
  });
  it('every state, territory and province has at least one zone', () => {
    for (const code of Object.keys(REGION_NAMES)) expect(zonesOfRegion(code).length, code).toBeGreaterThan(0);
  });
});

describe('calling hours with a record location', () => {
  it('a New York number whose record says Oakland is closed at 8:30 am ET (5:30 am in California)', () => {
    const at = monday(13, 30); // 8:30 ET, 5:30 PT
    const plain = classify('212-555-0134', { at });
    expect(plain.callingHours?.allowed).toBe(true);
    const c = classify('212-555-0134', { at, calleeLocation: { regions: ['CA'], text: 'Oakland, CA 94607' } });
    expect(c.callingHours).toMatchObject({ allowed: false, decidedBy: 'US-FED' });
    // It opens when both are open: 8:00 am in California, 16:00 UTC.
    expect(c.callingHours?.opensAt).toBe('2026-12-07T16:00:00.000Z');
    expect(c.callingHours?.opensAtLocal).toBe('8:00 AM PST');
    const zones = Object.fromEntries((c.callingHours?.zones ?? []).map((z) => [z.timeZone, z.from]));
    expect(zones).toEqual({ 'America/New_York': 'area-code', 'America/Los_Angeles': 'record' });
    expect(c.callingHours?.reasons.join(' ')).toMatch(/where the record puts the callee/);
    expect(badgeInfo({ ...c, e164: '+12125550134' }).calling?.allowed).toBe(false);
  });

  it('the area code still counts: an Oakland number whose record says New York is closed at 8:30 am ET', () => {
    const c = classify('510-555-0134', { at: monday(13, 30), calleeLocation: { regions: ['NY'] } });
    expect(c.callingHours?.allowed).toBe(false);
    expect(c.callingHours?.zones.find((z) => !z.allowed)?.from).toBe('area-code');
  });

  it('both open: clear (New York number, Oakland record, 1 pm ET = 10 am PT)', () => {
    const c = classify('212-555-0134', { at: monday(18), calleeLocation: { regions: ['CA'] } });
    expect(c.callingHours?.allowed).toBe(true);
    // Closes when the first side closes: 9 pm ET = 02:00 UTC on Tuesday.
    expect(c.callingHours?.closesAt).toBe('2026-12-08T02:00:00.000Z');
  });

  it('a multi-zone "partly" becomes a clear "closed" when the record’s place is closed', () => {
    const at = monday(13, 30); // 8:30 ET (open), 7:30 CT (closed)
    expect(classify('850-555-0134', { at }).callingHours?.allowed).toBe('partly');
    // Record in Mobile, AL (Central only): the callee's own place is closed, so it is a clear no.
    const alabama = classify('850-555-0134', { at, calleeLocation: { regions: ['AL'] } });
    expect(alabama.callingHours?.allowed).toBe(false);
    expect(alabama.callingHours?.zones.find((z) => z.timeZone === 'America/Chicago')?.from).toBe('both');
    // Record in New York (Eastern, open): the code's Central zone cannot be ruled out, so still "partly".
    expect(classify('850-555-0134', { at, calleeLocation: { regions: ['NY'] } }).callingHours?.allowed).toBe('partly');
  });

  it('a record state across two zones counts both: a Tennessee record on a New York number', () => {
    const at = monday(13, 30); // 8:30 ET, 7:30 CT
    const c = classify('212-555-0134', { at, calleeLocation: { regions: ['TN'], text: 'TN' } });
    expect(c.callingHours?.allowed).toBe('partly');
    expect(c.callingHours?.reasons.join(' ')).toMatch(/record’s place spans time zones/);
    expect(
      classify('212-555-0134', { at: monday(14, 30), calleeLocation: { regions: ['TN'] } }).callingHours?.allowed,
    ).toBe(true);
  });

  it('the record’s state rule is applied in every zone: Florida’s 8 pm at 8:30 pm ET closes a Miami record', () => {
    const at = new Date(Date.UTC(2026, 11, 8, 1, 30)); // Monday 8:30 pm ET
    const c = classify('212-555-0134', { at, calleeLocation: { regions: ['FL'] } });
    expect(c.callingHours).toMatchObject({ allowed: false, decidedBy: 'FL' });
  });

  it('a number of a country whose hours we do not know keeps no hours, record or not', () => {
    const at = monday(18);
    expect(classify('+44 20 7946 0000', { at, calleeLocation: { regions: ['CA'] } }).callingHours?.allowed).toBeNull();
    expect(classify('876-555-0134', { at, calleeLocation: { regions: ['CA'] } }).callingHours?.allowed).toBeNull();
  });

  it('never more permissive than without the record, at any instant (seeded)', () => {
    const geographic = Object.entries(AREA_CODES)
      .filter(([, a]) => a.type === 'geographic' && a.regions.length > 0)
      .map(([npa]) => npa);
    const regions = Object.keys(REGION_NAMES);
    fc.assert(
      fc.property(
        fc.constantFrom(...geographic),
        fc.subarray(regions, { minLength: 1, maxLength: 2 }),
        fc.integer({ min: Date.UTC(2026, 0, 1), max: Date.UTC(2027, 11, 31) }),
        (npa, place, t) => {
          const at = new Date(Math.floor(t / 60_000) * 60_000);
          const plain = classify(`${npa}-555-0134`, { at }).callingHours?.allowed;
          const located = classify(`${npa}-555-0134`, { at, calleeLocation: { regions: place } }).callingHours;
          expect(rank(located?.allowed)).toBeLessThanOrEqual(rank(plain));
          // Every zone of the record's places was checked.
          const checked = new Set(located?.zones.map((z) => z.timeZone));
          for (const r of place) for (const z of zonesOfRegion(r)) expect(checked.has(z), `${r} ${z}`).toBe(true);
        },
      ),
      { seed: 0x2ec0de, numRuns: 400 },
    );
  }, 30_000);
});

describe('toll-free and other non-geographic numbers with a record location', () => {
  const at = monday(18); // 12:00 CT, 11:00 MT
  it('the record decides the callee’s rule: an 800 number in a Texas record is one-party', () => {
    const c = classify('800-555-0134', { at, calleeLocation: { regions: ['TX'], text: 'Austin, TX 78701' } });
    expect(c.requirement).toBe('one-party');
    expect(c.treatAs).toBe('one-party');
    expect(c.calleeLocation).toBe('TX');
    expect(c.reasons[0]).toBe('Record: Austin, TX 78701 · number issued in no place (toll-free).');
    expect(c.reasons.join(' ')).toMatch(/toll-free code: it says nothing about where the callee is/);
    expect(c.reasons.join(' ')).not.toMatch(/never relaxes|treat it as all-party/);
  });
  it('and an all-party record makes it all-party; the agent’s own rule still counts', () => {
    expect(classify('888-555-0134', { at, calleeLocation: { regions: ['CA'] } }).treatAs).toBe('all-party');
    expect(classify('800-555-0134', { at, agentRegion: 'WA', calleeLocation: { regions: ['TX'] } }).treatAs).toBe(
      'all-party',
    );
  });
  it('unknown never relaxes: without a known place it stays unknown', () => {
    expect(classify('800-555-0134', { at }).requirement).toBe('unknown');
    expect(classify('800-555-0134', { at, calleeLocation: { regions: [] } }).requirement).toBe('unknown');
  });
  it('other non-geographic codes (5XX personal, 600 Canadian) follow the record too', () => {
    expect(classify('500-555-0134', { at, calleeLocation: { regions: ['TX'] } }).requirement).toBe('one-party');
    const c = classify('600-555-0134', { at, calleeLocation: { regions: ['ON'] } });
    expect(c.requirement).toBe('one-party');
    // Canada: 9 am–9:30 pm weekdays (CRTC); 1 pm ET on a Monday is open.
    expect(c.callingHours).toMatchObject({ allowed: true, decidedBy: 'CA-FED' });
  });
  it('its calling hours are the record’s place’s: Texas on both of its zones', () => {
    expect(classify('800-555-0134', { at }).callingHours?.allowed).toBeNull();
    const c = classify('800-555-0134', { at, calleeLocation: { regions: ['TX'] } });
    expect(c.callingHours?.allowed).toBe(true);
    expect(c.callingHours?.zones.map((z) => z.from)).toEqual(['record', 'record']);
    expect(c.callingHours?.reasons.join(' ')).toMatch(/record’s place decides its calling hours/);
    // Monday 15:30 UTC: 9:30 CT (open under Texas's 9 am), 8:30 MT (closed) → partly.
    expect(
      classify('800-555-0134', { at: monday(15, 30), calleeLocation: { regions: ['TX'] } }).callingHours,
    ).toMatchObject({
      allowed: 'partly',
    });
    // Sunday 13 December 11:30 CT = 17:30 UTC: Texas allows Sunday calls only from noon → closed in both zones.
    const sunday = classify('800-555-0134', {
      at: new Date(Date.UTC(2026, 11, 13, 17, 30)),
      calleeLocation: { regions: ['TX'] },
    });
    expect(sunday.callingHours).toMatchObject({ allowed: false, decidedBy: 'TX' });
  });
});
