/**
 * The popup's one-line verdict for a tab: the strictest requirement among its numbers, how many
 * numbers need it, and where they point. Pure: the popup renders it, unit tests pin it.
 */
import type { Answer } from '../protocol/messages';

type VerdictInput = Pick<Answer, 'requirement' | 'treatAs' | 'ambiguous' | 'place'> &
  Partial<Pick<Answer, 'callingHours'>>;

export interface TabVerdict {
  /** 'none' for a tab without numbers; otherwise what the strictest number asks. */
  level: 'none' | 'all-party' | 'one-party';
  /** Numbers that need `level` (for all-party: unknown and unsettled ones included). */
  count: number;
  /** Where those numbers point, in list order, each once; "(unknown)" marks a place with no known rule. */
  places: string[];
  /** Of `count`, how many have no known rule. */
  unknown: number;
  /** Of `count`, how many are governed by unsettled law. */
  ambiguous: number;
  /** Distinct numbers on the tab (may exceed the numbers listed). */
  total: number;
  /** Of the numbers listed, how many are outside calling hours now, and how many partly (zones disagree). */
  closed: number;
  partly: number;
}

/** Numbers whose binding calling hours say closed, or partly. */
function hoursCounts(numbers: readonly VerdictInput[]): { closed: number; partly: number } {
  const binding = numbers.filter((n) => n.callingHours?.binding);
  return {
    closed: binding.filter((n) => n.callingHours?.allowed === false).length,
    partly: binding.filter((n) => n.callingHours?.allowed === 'partly').length,
  };
}

/** What a number's row shows: unknown where no rule is known, otherwise what to follow. */
export function consentShown(a: Pick<Answer, 'requirement' | 'treatAs'>): Answer['requirement'] {
  return a.requirement === 'unknown' ? 'unknown' : a.treatAs;
}

export function tabVerdict(numbers: readonly VerdictInput[], total: number = numbers.length): TabVerdict {
  if (numbers.length === 0) {
    return { level: 'none', count: 0, places: [], unknown: 0, ambiguous: 0, total, closed: 0, partly: 0 };
  }
  const strict = numbers.filter((n) => n.treatAs === 'all-party');
  const level = strict.length > 0 ? 'all-party' : 'one-party';
  const counted = level === 'all-party' ? strict : numbers;
  const places: string[] = [];
  for (const n of counted) {
    const place = n.requirement === 'unknown' ? `${n.place} (unknown)` : n.place;
    if (!places.includes(place)) places.push(place);
  }
  return {
    level,
    count: counted.length,
    places,
    unknown: counted.filter((n) => n.requirement === 'unknown').length,
    ambiguous: counted.filter((n) => n.ambiguous).length,
    total,
    ...hoursCounts(numbers),
  };
}
