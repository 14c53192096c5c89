import { describe, expect, it } from 'vitest';
import { answerOf } from '@/lib/law/answer';
import { classify } from '@/lib/law/classify';
import { groupByRecord, recordAnswer, ruleRank } from '@/lib/law/record-answer';
import type { Answer, RecordLocation } from '@/lib/protocol/messages';
import { DEFAULT_SETTINGS } from '@/lib/settings';

const FRIDAY_NOON_ET = new Date('2026-11-27T17:00:00Z');
/** 8:30 AM in New York, 5:30 AM in California. */
const EARLY = new Date('2026-11-27T13:30:00Z');
/** 7:30 PM in New York, 4:30 PM in California. */
const EVENING = new Date('2026-11-28T00:30:00Z');

function answer(number: string, at = FRIDAY_NOON_ET, calleeLocation: RecordLocation | null = null): Answer {
  const s = { ...DEFAULT_SETTINGS, agentRegion: 'NY' };
  return answerOf(classify(number, { agentRegion: s.agentRegion, policy: s.policy, at, calleeLocation }), s);
}

const CA = '+14155550134';
const NY = '+12125550175';
const TOLL_FREE = '+18005550100';

describe('recordAnswer', () => {
  it('takes the strictest rule of the record’s numbers, whatever their order', () => {
    for (const order of [
      [NY, CA, TOLL_FREE],
      [TOLL_FREE, NY, CA],
      [CA, TOLL_FREE, NY],
    ]) {
      const r = recordAnswer(order.map((n) => answer(n)));
      expect(r.rule.e164).toBe(CA);
      expect(r.rule.treatAs).toBe('all-party');
      expect(r.numbers.map((a) => ruleRank(a))).toEqual([...r.numbers.map((a) => ruleRank(a))].sort());
    }
    expect(recordAnswer([answer(NY)]).rule.treatAs).toBe('one-party');
  });

  it('a do-not-call number comes before any rule', () => {
    const flagged = { ...answer(NY), dnc: 'record' as const };
    expect(recordAnswer([answer(CA), flagged]).rule).toBe(flagged);
  });

  it('is closed when any number is closed (until the last one opens)', () => {
    const r = recordAnswer([answer(NY, EARLY), answer(CA, EARLY)]);
    expect(answer(NY, EARLY).callingHours?.allowed).toBe(true);
    expect(r.hoursFrom?.e164).toBe(CA);
    expect(r.hours?.allowed).toBe(false);
    expect(r.hours?.opensAtLocal).toBe(answer(CA, EARLY).callingHours?.opensAtLocal);
  });

  it('when all are open, closes with the first number to close', () => {
    const ny = answer(NY, EVENING);
    const ca = answer(CA, EVENING);
    expect([ny.callingHours?.allowed, ca.callingHours?.allowed]).toEqual([true, true]);
    const first = Date.parse(ny.callingHours?.closesAt ?? '') < Date.parse(ca.callingHours?.closesAt ?? '') ? NY : CA;
    expect(recordAnswer([ca, ny]).hoursFrom?.e164).toBe(first);
    expect(recordAnswer([ny, ca]).hoursFrom?.e164).toBe(first);
  });

  it('numbers without known hours never make the window; none known gives none', () => {
    const intl = answer('+442079460958');
    expect(recordAnswer([intl]).hours).toBeNull();
    expect(recordAnswer([intl, answer(NY, EARLY)]).hoursFrom?.e164).toBe(NY);
    expect(() => recordAnswer([])).toThrow();
  });
});

describe('groupByRecord', () => {
  it('groups the numbers of one record by the place it names; the rest stand alone', () => {
    const oakland: RecordLocation = { regions: ['CA'], text: 'Oakland, CA 94607', source: 'address' };
    const austin: RecordLocation = { regions: ['TX'], text: 'Austin, TX 78701', source: 'address' };
    const groups = groupByRecord([
      answer(NY, FRIDAY_NOON_ET, oakland),
      answer('+12125550176', FRIDAY_NOON_ET, austin),
      answer('+12125550177'),
      answer(TOLL_FREE, FRIDAY_NOON_ET, oakland),
    ]);
    expect(groups.map((g) => [g.label, g.answer.numbers.map((a) => a.e164)])).toEqual([
      ['Oakland, CA 94607', [NY, TOLL_FREE]],
      ['Austin, TX 78701', ['+12125550176']],
      [null, ['+12125550177']],
    ]);
    expect(groups[0]?.answer.rule.treatAs).toBe('all-party');
  });

  it('groups by the record the page names: rows without a place, and two rows with the same place apart', () => {
    const miami: RecordLocation = { regions: ['FL'], text: 'Miami, FL', source: 'column' };
    const inRecord = (a: Answer, record: string) => ({ ...a, record });
    const groups = groupByRecord([
      inRecord(answer(NY), '0:r1'),
      inRecord(answer(CA), '0:r2'),
      inRecord(answer('+12125550176'), '0:r1'),
      inRecord(answer(TOLL_FREE), '0:r2'),
      // Alone in its record, without a place: not a group of its own.
      inRecord(answer('+12125550177'), '0:r3'),
      // Two rows, one place each, the same words: two records.
      inRecord(answer('+13055550101', FRIDAY_NOON_ET, miami), '0:r4'),
      inRecord(answer('+13055550102', FRIDAY_NOON_ET, miami), '0:r5'),
      answer('+12125550178'),
    ]);
    expect(groups.map((g) => [g.key, g.label, g.answer.numbers.map((a) => a.e164)])).toEqual([
      ['id:0:r1', null, [NY, '+12125550176']],
      ['id:0:r2', null, [CA, TOLL_FREE]],
      ['id:0:r4', 'Miami, FL', ['+13055550101']],
      ['id:0:r5', 'Miami, FL', ['+13055550102']],
      [null, null, ['+12125550177']],
      [null, null, ['+12125550178']],
    ]);
    // The record's answer: the strictest of its numbers (California's all-party, with a toll-free number).
    expect(groups[1]?.answer.rule.e164).toBe(CA);
  });
});
