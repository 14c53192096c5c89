/**
 * Canadian postal code → province or territory, from its first letter (Canada Post's forward
 * sortation areas). Checked 2026-12-02 against https://www.hippodirect.com/faq-items/where-can-i-find-a-listing-of-all-canadian-postal-code-definitions
 * (first letter per province), https://wikimili.com/en/List_of_postal_codes_of_Canada%3A_X (the X
 * FSAs) and https://lists.bostonradio.org/bri/v04/msg03639.html (X: Northwest Territories and Nunavut).
 *
 * X serves two territories: X0A, X0B and X0C are Nunavut; X0E, X0G and X1A are the Northwest
 * Territories. Any other X code (none is assigned today) counts as both, and the stricter rule wins.
 */
const BY_LETTER: Readonly<Record<string, readonly string[]>> = {
  A: ['NL'],
  B: ['NS'],
  C: ['PE'],
  E: ['NB'],
  G: ['QC'],
  H: ['QC'],
  J: ['QC'],
  K: ['ON'],
  L: ['ON'],
  M: ['ON'],
  N: ['ON'],
  P: ['ON'],
  R: ['MB'],
  S: ['SK'],
  T: ['AB'],
  V: ['BC'],
  X: ['NT', 'NU'],
  Y: ['YT'],
};

const X_FSA: Readonly<Record<string, string>> = {
  X0A: 'NU',
  X0B: 'NU',
  X0C: 'NU',
  X0E: 'NT',
  X0G: 'NT',
  X1A: 'NT',
};

/**
 * A postal code's letters and digits: A9A 9A9. D, F, I, O, Q and U are never used; W and Z never
 * start one. Case-insensitive callers upper-case first.
 */
export const POSTAL_CODE = /\b([ABCEGHJ-NPRSTVXY]\d[ABCEGHJ-NPRSTV-Z])[ -]?(\d[ABCEGHJ-NPRSTV-Z]\d)\b/;

/** The provinces or territories of a postal code's forward sortation area (`M5V`); [] if none. */
export function provincesOfPostalCode(fsa: string): readonly string[] {
  const code = fsa.toUpperCase();
  const x = X_FSA[code.slice(0, 3)];
  if (x) return [x];
  return BY_LETTER[code.charAt(0)] ?? [];
}
