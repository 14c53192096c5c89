/**
 * US ZIP code → state, from the first three digits (the USPS 3-digit prefix of a Sectional Center
 * Facility). Checked 2026-12-02 against:
 * - USPS "L002 3-Digit ZIP Code Prefix Matrix" (FAST), as tabulated in the "List of ZIP Code prefixes"
 *   (Wikipedia, mirror read at https://pinocchiopedia.com/wiki/ZIP_Code_prefixes): the state each prefix
 *   is located in, which is not always the state of the facility that serves it (027 is in MA, served
 *   from Providence RI; 739 is in OK, served from Amarillo TX).
 * - https://www.mapofzipcodes.com/blog/can-zip-codes-cross-state-lines (first digit → states; SCF
 *   prefixes that serve another state) and https://zipfyi.com/story/zip-codes-crossing-state-lines.
 *
 * Nuances, said where they matter:
 * - A prefix is in one state, but a few five-digit ZIPs cross a state line: 42223 (Fort Campbell, KY
 *   and TN), 97635 (New Pine Creek, OR and CA), 51023 (IA and SD), 63673 (MO and IL), 71749 (AR and
 *   LA), 81137 (CO and NM), 86515 (AZ and NM), 02861 (RI and MA), 82190 (Yellowstone, WY with MT and
 *   ID). Those are listed in CROSSING_ZIPS and count as both states (the stricter rule wins).
 * - 967 is Hawaii except 96799 (American Samoa); 969 is Guam (96910-96932) and the Northern Mariana
 *   Islands (96950-96952); the rest of 969 is Palau, the Marshall Islands and Micronesia: no rule here.
 * - Military mail (090-098 AE, 340 AA, 962-966 AP) says nothing about where a person is: no state.
 * - Unassigned prefixes (e.g. 000-004, 213, 269, 343, 345, 348, 353, 419, 428, 429, 517-519, 529, 533,
 *   536, 552, 568, 578, 579, 589, 621, 632, 642, 643, 659, 663, 682, 694-699, 709, 715, 732, 742, 771,
 *   817-819, 839, 848, 849, 851, 854, 858, 861, 862, 866-869, 872, 876, 886-888, 892, 896, 899, 909,
 *   929, 987) read as no state: a ZIP that cannot exist is no evidence.
 */

/** [first prefix, last prefix, state], in order; gaps are unassigned or not a state. */
const RANGES: readonly (readonly [number, number, string])[] = [
  [5, 5, 'NY'], // 005 Holtsville (IRS)
  [6, 7, 'PR'],
  [8, 8, 'VI'],
  [9, 9, 'PR'],
  [10, 27, 'MA'],
  [28, 29, 'RI'],
  [30, 38, 'NH'],
  [39, 49, 'ME'],
  [50, 54, 'VT'],
  [55, 55, 'MA'], // 055 Andover (IRS)
  [56, 59, 'VT'],
  [60, 69, 'CT'],
  [70, 89, 'NJ'],
  [100, 149, 'NY'],
  [150, 196, 'PA'],
  [197, 199, 'DE'],
  [200, 200, 'DC'],
  [201, 201, 'VA'], // 201 Dulles
  [202, 205, 'DC'],
  [206, 212, 'MD'],
  [214, 219, 'MD'],
  [220, 246, 'VA'],
  [247, 268, 'WV'],
  [270, 289, 'NC'],
  [290, 299, 'SC'],
  [300, 319, 'GA'],
  [320, 339, 'FL'],
  [341, 342, 'FL'],
  [344, 344, 'FL'],
  [346, 347, 'FL'],
  [349, 349, 'FL'],
  [350, 352, 'AL'],
  [354, 369, 'AL'],
  [370, 385, 'TN'],
  [386, 397, 'MS'],
  [398, 399, 'GA'],
  [400, 418, 'KY'],
  [420, 427, 'KY'],
  [430, 459, 'OH'],
  [460, 479, 'IN'],
  [480, 499, 'MI'],
  [500, 516, 'IA'],
  [520, 528, 'IA'],
  [530, 532, 'WI'],
  [534, 535, 'WI'],
  [537, 549, 'WI'],
  [550, 551, 'MN'],
  [553, 567, 'MN'],
  [569, 569, 'DC'], // 569 DC parcel return
  [570, 577, 'SD'],
  [580, 588, 'ND'],
  [590, 599, 'MT'],
  [600, 620, 'IL'],
  [622, 629, 'IL'],
  [630, 631, 'MO'],
  [633, 641, 'MO'],
  [644, 658, 'MO'],
  [660, 662, 'KS'],
  [664, 679, 'KS'],
  [680, 681, 'NE'],
  [683, 693, 'NE'],
  [700, 708, 'LA'],
  [710, 714, 'LA'],
  [716, 729, 'AR'],
  [730, 731, 'OK'],
  [733, 733, 'TX'], // 733 Austin (IRS)
  [734, 741, 'OK'],
  [743, 749, 'OK'],
  [750, 770, 'TX'],
  [772, 799, 'TX'],
  [800, 816, 'CO'],
  [820, 831, 'WY'],
  [832, 838, 'ID'],
  [840, 847, 'UT'],
  [850, 850, 'AZ'],
  [852, 853, 'AZ'],
  [855, 857, 'AZ'],
  [859, 860, 'AZ'],
  [863, 865, 'AZ'],
  [870, 871, 'NM'],
  [873, 875, 'NM'],
  [877, 884, 'NM'],
  [885, 885, 'TX'], // 885 El Paso
  [889, 891, 'NV'],
  [893, 895, 'NV'],
  [897, 898, 'NV'],
  [900, 908, 'CA'],
  [910, 928, 'CA'],
  [930, 961, 'CA'],
  [967, 968, 'HI'],
  [970, 979, 'OR'],
  [980, 986, 'WA'],
  [988, 994, 'WA'],
  [995, 999, 'AK'],
];

/** Five-digit ZIPs that serve addresses in two states (see the header): both count. */
export const CROSSING_ZIPS: Readonly<Record<string, readonly string[]>> = {
  '02861': ['RI', 'MA'],
  '42223': ['KY', 'TN'],
  '51023': ['IA', 'SD'],
  '63673': ['MO', 'IL'],
  '71749': ['AR', 'LA'],
  '81137': ['CO', 'NM'],
  '82190': ['WY', 'MT', 'ID'],
  '86515': ['AZ', 'NM'],
  '97635': ['OR', 'CA'],
};

/** State by prefix (0-999), filled once from the ranges. */
const BY_PREFIX: readonly (string | undefined)[] = (() => {
  const table = new Array<string | undefined>(1000).fill(undefined);
  for (const [from, to, state] of RANGES) for (let p = from; p <= to; p++) table[p] = state;
  return table;
})();

/** The states of a five-digit ZIP (ZIP+4's first five digits); [] when it names none. */
export function statesOfZip(zip: string): readonly string[] {
  if (!/^\d{5}$/.test(zip)) return [];
  const crossing = CROSSING_ZIPS[zip];
  if (crossing) return crossing;
  if (zip === '96799') return ['AS'];
  const prefix = Number(zip.slice(0, 3));
  if (prefix === 969) {
    const n = Number(zip);
    if (n >= 96910 && n <= 96932) return ['GU'];
    if (n >= 96950 && n <= 96952) return ['MP'];
    return [];
  }
  const state = BY_PREFIX[prefix];
  return state ? [state] : [];
}
