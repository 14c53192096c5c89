import { JURISDICTIONS } from '../data/jurisdictions';
import type { Jurisdiction, Requirement } from '../types';

const BY_CODE = new Map(JURISDICTIONS.map((j) => [j.code, j]));

export function jurisdiction(code: string): Jurisdiction | undefined {
  return BY_CODE.get(code);
}

export { AGENT_REGIONS } from '../data/regions';

/** The row that applies to the other NANP countries (Caribbean, Bermuda). */
export const NANP_OTHER = 'NANP-OTHER';

/** What a row means in practice: unknown and ambiguous rules are followed as all-party. */
export function effectiveRule(j: Pick<Jurisdiction, 'requirement' | 'ambiguous'>): 'all-party' | 'one-party' {
  return j.requirement === 'one-party' && !j.ambiguous ? 'one-party' : 'all-party';
}

/** The strictest of several requirements: any all-party wins, then unknown, then one-party. */
export function strictestRequirement(requirements: Iterable<Requirement>): Requirement {
  let result: Requirement = 'one-party';
  for (const r of requirements) {
    if (r === 'all-party') return 'all-party';
    if (r === 'unknown') result = 'unknown';
  }
  return result;
}
