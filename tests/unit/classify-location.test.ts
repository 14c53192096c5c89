import { describe, expect, it } from 'vitest';
import { answerOf, badgeInfo, sentenceOf } from '@/lib/law/answer';
import { classify } from '@/lib/law/classify';
import { jurisdiction } from '@/lib/law/jurisdiction-index';
import { Answer } from '@/lib/protocol/messages';
import { DEFAULT_SETTINGS } from '@/lib/settings';

const at = new Date('2026-12-02T18:00:00Z');
const oakland = { regions: ['CA'], text: 'Oakland, CA 94607', source: 'address' as const };

describe('a record location in the answer', () => {
  it('a NY number whose record says California follows California (all-party) and says both', () => {
    const c = classify('(212) 555-0134', { at, calleeLocation: oakland });
    expect(jurisdiction('NY')?.requirement).toBe('one-party');
    expect(c.treatAs).toBe('all-party');
    expect(c.calleeLocation).toBe('CA');
    expect(c.regions).toEqual(['NY']);
    expect(c.reasons[0]).toBe('Record: Oakland, CA 94607 · number issued in NY.');
    expect(c.reasons.join(' ')).toMatch(/California's rule wins/);
    expect(c.rules.map((r) => `${r.role}:${r.code}`)).toEqual(['callee:NY', 'record:CA', 'callee:US-FED']);
    expect(c.recordLocation).toEqual({ regions: ['CA'], text: 'Oakland, CA 94607', source: 'address' });
  });

  it('never relaxes: a CA number whose record says New York stays all-party', () => {
    const c = classify('415-555-0134', { at, calleeLocation: { regions: ['NY'], text: 'Albany, NY' } });
    expect(c.treatAs).toBe('all-party');
    expect(c.calleeLocation).toBe('NY');
    expect(c.reasons.join(' ')).toMatch(/never relaxes/);
  });

  it('unknown stays unknown: an international number in a Texas record is not one-party', () => {
    const c = classify('+44 20 7946 0000', { at, calleeLocation: { regions: ['TX'] } });
    expect(c.requirement).toBe('unknown');
    expect(c.treatAs).toBe('all-party');
    expect(c.calleeLocation).toBe('TX');
  });

  it('the agent still counts: NY number, NY record, agent in Florida → all-party', () => {
    const c = classify('212-555-0134', { at, agentRegion: 'FL', calleeLocation: { regions: ['NY'] } });
    expect(c.treatAs).toBe('all-party');
    const alone = classify('212-555-0134', { at, calleeLocation: { regions: ['NY'] } });
    expect(alone.treatAs).toBe('one-party');
    expect(alone.reasons[0]).toBe('Record: New York (NY) · number issued in NY.');
  });

  it('two places in one record: the strictest decides, and the reasons say so', () => {
    const c = classify('212-555-0134', {
      at,
      calleeLocation: { regions: ['TX', 'WA'], text: 'Dallas, TX; Seattle, WA' },
    });
    expect(c.treatAs).toBe('all-party');
    expect(c.calleeLocation).toBe('WA');
    expect(c.reasons.join(' ')).toMatch(
      /Texas \(TX\) \/ Washington \(WA\): the strictest of their rules applies \(Washington\)/,
    );
  });

  it('an unknown or empty location changes nothing, and the answer without one is as before', () => {
    const plain = classify('212-555-0134', { at });
    for (const calleeLocation of [null, { regions: [] }, { regions: ['ZZ'] }]) {
      const c = classify('212-555-0134', { at, calleeLocation });
      expect(c).toEqual(plain);
    }
    expect(plain.calleeLocation).toBeNull();
    expect(plain.recordLocation).toBeNull();
  });

  it('an invalid number uses no location', () => {
    const c = classify('212-55', { at, calleeLocation: oakland });
    expect(c.kind).toBe('invalid');
    expect(c.calleeLocation).toBeNull();
  });

  it('the cache keeps located and plain answers apart, whatever the order', () => {
    const first = classify('212-555-0100', { at });
    const located = classify('212-555-0101', { at, calleeLocation: oakland });
    const again = classify('212-555-0102', { at });
    expect(first.treatAs).toBe('one-party');
    expect(located.treatAs).toBe('all-party');
    expect(again.treatAs).toBe('one-party');
    expect(again.reasons[0]).not.toMatch(/Record/);
  });

  it('the badge carries the location used, and its sentence says both places', () => {
    const c = classify('212-555-0134', { at, calleeLocation: oakland });
    const info = badgeInfo({ ...c, e164: c.e164 ?? '' });
    expect(info).toMatchObject({ consent: 'all-party', location: 'CA', locationKey: 'CA', place: 'NY' });
    expect(sentenceOf(c)).toBe(
      'All-party consent for +12125550134 (record: CA; number issued in NY). Ask for an explicit yes before recording.',
    );
    const plain = badgeInfo({ ...classify('212-555-0134', { at }), e164: '+12125550134' });
    expect('location' in plain).toBe(false);
    expect(Answer.safeParse(answerOf(c, DEFAULT_SETTINGS)).success).toBe(true);
  });

  it('calling hours take the record’s state rule too: the stricter window wins', () => {
    // 8:30 pm in New York (and in Florida): inside the federal 8 am–9 pm window, outside Florida's 8 am–8 pm.
    const evening = new Date('2026-12-03T01:30:00Z');
    const plain = classify('212-555-0134', { at: evening });
    const florida = classify('212-555-0134', {
      at: evening,
      calleeLocation: { regions: ['FL'], text: 'Miami, FL 33131' },
    });
    expect(plain.callingHours).toMatchObject({ allowed: true, decidedBy: 'US-FED' });
    expect(florida.callingHours).toMatchObject({ allowed: false, decidedBy: 'FL' });
  });
});
