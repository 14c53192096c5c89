/**
 * Scores the badges a page got against the badges it should have: multisets of (e164, where), matched
 * one to one, order ignored. Pure; shared by the page-corpus unit test and the end-to-end test.
 */

export interface Badge {
  e164: string;
  where: string;
}

export interface BadgeScore {
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  /** Badges found that were not expected (each extra copy once). */
  falsePositives: Badge[];
  /** Expected badges that were not found (each missing copy once). */
  falseNegatives: Badge[];
}

const keyOf = (badge: Badge) => `${badge.where}\u0000${badge.e164}`;

export function scoreBadges(expected: readonly Badge[], actual: readonly Badge[]): BadgeScore {
  const wanted = new Map<string, number>();
  for (const badge of expected) {
    const key = keyOf(badge);
    wanted.set(key, (wanted.get(key) ?? 0) + 1);
  }
  const falsePositives: Badge[] = [];
  let tp = 0;
  for (const badge of actual) {
    const key = keyOf(badge);
    const left = wanted.get(key) ?? 0;
    if (left > 0) {
      wanted.set(key, left - 1);
      tp++;
    } else falsePositives.push({ e164: badge.e164, where: badge.where });
  }
  const falseNegatives: Badge[] = [];
  for (const badge of expected) {
    const key = keyOf(badge);
    const left = wanted.get(key) ?? 0;
    if (left > 0) {
      wanted.set(key, left - 1);
      falseNegatives.push({ e164: badge.e164, where: badge.where });
    }
  }
  return {
    tp,
    fp: falsePositives.length,
    fn: falseNegatives.length,
    precision: actual.length === 0 ? 1 : tp / actual.length,
    recall: expected.length === 0 ? 1 : tp / expected.length,
    falsePositives,
    falseNegatives,
  };
}
