import { describe, expect, it } from 'vitest';
import { answerOf } from '@/lib/law/answer';
import { classify } from '@/lib/law/classify';
import { consentShown, tabVerdict } from '@/lib/law/popup-verdict';
import { DEFAULT_SETTINGS } from '@/lib/settings';

const answers = (...numbers: string[]) => numbers.map((n) => answerOf(classify(n), DEFAULT_SETTINGS));

describe('tabVerdict', () => {
  it('is calm for a tab without numbers', () => {
    expect(tabVerdict([])).toEqual({
      level: 'none',
      count: 0,
      places: [],
      unknown: 0,
      ambiguous: 0,
      total: 0,
      closed: 0,
      partly: 0,
    });
  });

  it('counts the all-party numbers and names their places once each', () => {
    const v = tabVerdict(answers('415 555 0134', '305 555 0100', '213 555 0100', '212 555 0175'));
    expect(v).toMatchObject({ level: 'all-party', count: 3, places: ['CA', 'FL'], unknown: 0, total: 4 });
  });

  it('counts unknown numbers as all-party and says so', () => {
    const v = tabVerdict(answers('212 555 0175', '800 555 0100', '+44 20 7946 0958'));
    expect(v).toMatchObject({ level: 'all-party', count: 2, places: ['Toll-free (unknown)', 'GB (unknown)'] });
    expect(v.unknown).toBe(2);
  });

  it('counts unsettled law as all-party', () => {
    const v = tabVerdict(answers('313 555 0100', '212 555 0175'));
    expect(v).toMatchObject({ level: 'all-party', count: 1, places: ['MI'], ambiguous: 1 });
  });

  it('says one-party when every number allows it', () => {
    const v = tabVerdict(answers('212 555 0175', '503 555 0100'), 7);
    expect(v).toMatchObject({ level: 'one-party', count: 2, places: ['NY', 'OR'], total: 7 });
  });
});

describe('consentShown', () => {
  it('shows unknown where no rule is known, otherwise what to follow', () => {
    expect(answers('800 555 0100', '313 555 0100', '212 555 0175').map(consentShown)).toEqual([
      'unknown',
      'all-party',
      'one-party',
    ]);
  });
});
