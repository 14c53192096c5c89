/**
 * Reads where a callee lives from record text: a US state (USPS code or name) or Canadian province in
 * an address line ("Miami, FL 33131", "Austin, Texas 78701", "Toronto, ON M5V 2T6"), a ZIP or ZIP+4
 * after a state, a Canadian postal code, and labelled values ("Mailing State: CA", "ZIP\n94607").
 * Pure: text in, region codes out. A code that is also a word ("IN", "OR", "ME", "OK", "HI") counts
 * only in an address context: after "City, " at a line's end, or before a ZIP.
 */
import { REGION_NAMES } from '../data/regions';
import { POSTAL_CODE, provincesOfPostalCode } from './canada';
import { statesOfZip } from './zip3';

/** Where a location was read: an address line, a labelled field, a table column, or given by hand. */
export type LocationSource = 'address' | 'field' | 'column' | 'given';

export interface LocationHit {
  /** USPS or Canadian province codes: two for a ZIP that crosses a state line or an X postal code. */
  regions: readonly string[];
  /** What was read, as written ("Oakland, CA 94607", "94607"). */
  text: string;
  /** Read after a label ("Mailing State: CA") rather than from an address line. */
  labelled?: boolean;
}

const CODES = new Set(Object.keys(REGION_NAMES));

/** Names as written → code: the table's names and the other spellings records use. */
const WRITTEN: readonly (readonly [string, string])[] = [
  ...Object.entries(REGION_NAMES).map(([code, name]) => [name, code] as const),
  ['Washington DC', 'DC'],
  ['Washington D.C.', 'DC'],
  ['Québec', 'QC'],
  ['Newfoundland', 'NL'],
  ['Yukon Territory', 'YT'],
  ['Virgin Islands', 'VI'],
  ['US Virgin Islands', 'VI'],
  ['PEI', 'PE'],
];
/** Lower-cased name → code, for labelled values ("state: texas"). */
const NAMES = new Map(WRITTEN.map(([name, code]) => [name.toLowerCase(), code]));

/** Codes that are also English words or common initials: they need a ZIP or "City, " before them. */
const WORDLIKE = new Set(['IN', 'OR', 'ME', 'OK', 'HI', 'OH', 'AS', 'DE', 'GA', 'LA', 'MA', 'PA', 'CO', 'ID', 'AL']);

const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** Longest names first, so "West Virginia" is not read as "Virginia". In address lines, names are capitalised. */
const NAME_ALTERNATION = WRITTEN.map(([name]) => name)
  .sort((a, b) => b.length - a.length)
  .map((n) => escapeRegex(n).replace(/ /g, '\\s+'))
  .join('|');

const ZIP = String.raw`(\d{5})(?:-\d{4})?`;
const POSTAL = String.raw`[ABCEGHJ-NPRSTVXY]\d[ABCEGHJ-NPRSTV-Z][ -]?\d[ABCEGHJ-NPRSTV-Z]\d`;
/** "City, " before a state: a capitalised word or words ("San Luis Obispo", "ST. LOUIS"). */
const CITY = String.raw`(?:[A-Z][A-Za-zÀ-ÿ.'’-]*)(?:[ -][A-Z][A-Za-zÀ-ÿ.'’-]*){0,3},\s*`;
/** What may follow a state that ends an address: the line's end, punctuation, a country. */
const AFTER = String.raw`(?=\s*(?:$|\n|[,;)|•·—–]|\s-\s|\s(?:USA|U\.S\.A?\.?|US|United States|Canada)\b))`;

/** A code or name, then a ZIP or postal code; or "City, " then a code or name at an address's end. */
const ADDRESS = new RegExp(
  String.raw`(?<![A-Za-z])(?:${CITY})?(?:(?<code>[A-Z]{2})|(?<name>${NAME_ALTERNATION}))\.?\s+(?:${ZIP}|(?<postal>${POSTAL}))(?![\dA-Za-z])` +
    String.raw`|(?<city>${CITY})(?:(?<code2>[A-Z]{2}|D\.C\.)|(?<name2>${NAME_ALTERNATION}))${AFTER}`,
  'g',
);
const NAME_ANY_CASE = new RegExp(`^(?:${NAME_ALTERNATION})$`, 'i');

/** A word matched in any case, in a regex that is otherwise case-sensitive. */
const anyCase = (word: string) => word.replace(/[a-z]/g, (c) => `[${c}${c.toUpperCase()}]`);

/** A label of a location field or column, and the value after it (same line, or the next). */
const LABEL = (() => {
  const w = (words: string) => words.split(' ').map(anyCase).join(String.raw`\s*`);
  const slash = (a: string, b: string) => `${w(a)}\\s*\\/\\s*${w(b)}`;
  const prefix = ['mailing', 'home', 'physical', 'primary', 'contact', 'lead'].map(w).join('|');
  const names = [
    slash('state', 'province'),
    slash('province', 'state'),
    slash('zip', 'postal code'),
    w('postal code'),
    w('zip code'),
    w('post code'),
    w('zip'),
    w('state'),
    w('province'),
    w('region'),
  ].join('|');
  return String.raw`(?:(?:${prefix})\s+)?(?:${names})`;
})();
const LABELLED = new RegExp(
  String.raw`(?<![A-Za-z])(?<label>${LABEL})(?:\s*(?:[:：]|\n)\s*(?<loose>[^\n]{1,60})|[ \t]+(?<tight>[A-Z]{2}|\d{5}(?:-\d{4})?|${POSTAL})(?![\dA-Za-z]))`,
  'g',
);
const LABEL_ONLY = new RegExp(String.raw`^\s*${LABEL}\s*[:：]?\s*$`, 'i');

/** Is this a location field's label or a location column's header ("Mailing State", "Zip/Postal Code")? */
export function isLocationLabel(label: string): boolean {
  return label.length <= 40 && LABEL_ONLY.test(label);
}

function regionsOfName(name: string): readonly string[] {
  const code = NAMES.get(name.toLowerCase().replace(/\s+/g, ' '));
  return code ? [code] : [];
}

function union(a: readonly string[], b: readonly string[]): readonly string[] {
  return b.every((r) => a.includes(r)) ? a : [...a, ...b.filter((r) => !a.includes(r))];
}

/**
 * The location in a field's or a column's whole value: "CA", "ca", "California", "94607",
 * "94607-1234", "2134" (a ZIP whose leading zero a spreadsheet dropped), "M5V 2T6", or an address.
 */
export function locationOfValue(raw: string): LocationHit | null {
  const value = raw.trim().replace(/\.$/, '');
  if (value.length === 0 || value.length > 120) return null;
  const text = raw.trim();
  if (/^[A-Za-z]{2}$/.test(value)) {
    const code = value.toUpperCase();
    return CODES.has(code) ? { regions: [code], text } : null;
  }
  const zip = /^(\d{3,5})(?:-\d{4})?$/.exec(value);
  if (zip) {
    const digits = (zip[1] ?? '').padStart(5, '0');
    const regions = (zip[1] ?? '').length >= 4 ? statesOfZip(digits) : [];
    return regions.length > 0 ? { regions, text } : null;
  }
  const postal = new RegExp(`^${POSTAL}$`).exec(value.toUpperCase());
  if (postal) {
    const regions = provincesOfPostalCode(value.toUpperCase().slice(0, 3));
    return regions.length > 0 ? { regions, text } : null;
  }
  if (NAME_ANY_CASE.test(value)) {
    const regions = regionsOfName(value);
    return regions.length > 0 ? { regions, text } : null;
  }
  const found = findLocations(value);
  if (found.length === 0) return null;
  return { regions: found.reduce<readonly string[]>((all, f) => union(all, f.regions), []), text };
}

/**
 * What any location needs somewhere in the text, a cheap test that spares most cells the big patterns:
 * a label word (LABELLED), a ZIP after a state (`\S\s+\d{5}`), a comma before a state (CITY), or a
 * postal code. Amounts ("$9,934,819.35"), dates and ids fail it.
 */
const MAY_HOLD = /,\s*[a-z]|\S\s+\d{5}|[a-z]\d[a-z][ -]?\d[a-z]\d|state|province|region|zip|post/i;

/** Every location in a record's text: address lines, labelled values, Canadian postal codes. */
export function findLocations(text: string): LocationHit[] {
  if (!MAY_HOLD.test(text)) return [];
  const hits: { at: number; hit: LocationHit }[] = [];
  const taken: [number, number][] = [];
  const free = (start: number, end: number) => taken.every(([s, e]) => end <= s || start >= e);

  for (const m of text.matchAll(LABELLED)) {
    const g = m.groups ?? {};
    const value = g.loose ?? g.tight ?? '';
    // "Region: EMEA" and "State: open" are labels with no place after them.
    const hit = locationOfValue(g.loose ? (value.split(/\s{2,}|\t|[|;]/)[0] ?? '') : value);
    if (!hit) continue;
    const start = m.index ?? 0;
    hits.push({ at: start, hit: { regions: hit.regions, text: m[0].replace(/\s+/g, ' ').trim(), labelled: true } });
    taken.push([start, start + m[0].length]);
  }

  for (const m of text.matchAll(ADDRESS)) {
    const start = m.index ?? 0;
    const end = start + m[0].length;
    if (!free(start, end)) continue;
    const g = m.groups ?? {};
    let regions: readonly string[] = [];
    if (g.code !== undefined || g.name !== undefined) {
      // State then ZIP (or province then postal code): both must be real, and agree or both count.
      const place = g.code !== undefined ? (CODES.has(g.code) ? [g.code] : []) : regionsOfName(g.name ?? '');
      const after = g.postal !== undefined ? provincesOfPostalCode(g.postal.slice(0, 3)) : statesOfZip(m[3] ?? '');
      if (place.length === 0 || after.length === 0) continue;
      regions = union(place, after);
    } else {
      const code = g.code2 === 'D.C.' ? 'DC' : g.code2;
      if (code !== undefined) {
        if (!CODES.has(code)) continue;
        // "Left a voicemail, OK": a word-like code needs a city that looks like one.
        if (WORDLIKE.has(code) && !/^[A-Z][A-Za-zÀ-ÿ.'’-]+(?:[ -][A-Z][A-Za-zÀ-ÿ.'’-]*)*,/.test(g.city ?? '')) continue;
        regions = [code];
      } else regions = regionsOfName(g.name2 ?? '');
      if (regions.length === 0) continue;
    }
    hits.push({ at: start, hit: { regions, text: m[0].trim() } });
    taken.push([start, end]);
  }

  // A Canadian postal code on its own ("M5V 2T6") is distinctive enough to be read anywhere.
  const postal = new RegExp(POSTAL_CODE.source, 'g');
  for (const m of text.matchAll(postal)) {
    const start = m.index ?? 0;
    if (!free(start, start + m[0].length)) continue;
    const regions = provincesOfPostalCode(m[1] ?? '');
    if (regions.length > 0) hits.push({ at: start, hit: { regions, text: m[0] } });
  }
  return hits.sort((a, b) => a.at - b.at).map((h) => h.hit);
}
