import { CALLING_CODES } from './data/calling-codes';

/** One phone number as typed or pasted by a person: the popup's lookup box, the CLI. */
export type ParsedNumber =
  | { kind: 'nanp'; e164: string; npa: string; ext?: string }
  | { kind: 'international'; e164: string; callingCode: string; countries: readonly string[]; ext?: string }
  | { kind: 'invalid'; reason: string };

const MAX_INPUT = 64;

/**
 * Separators people and CRMs put inside numbers: ASCII punctuation, Unicode dashes and spaces,
 * zero-width and bidi marks. They carry no meaning, so they are dropped before the digits are read.
 */
const SEPARATORS = /[\s\-.()/\u00ad\u2010-\u2015\u2212\u00a0\u2000-\u200f\u202a-\u202f\u2060\ufeff]/g;

/** A trailing extension: `x12`, `ext. 12`, `extension 12`, `poste 12`, `;ext=12`, `#12`, or `,,12` in a dial string. */
const EXTENSION = /(?:;ext=|,+|\s*(?:#|x|ext\.?|extension|poste)\s*)(\d{1,7})$/i;

const KEYPAD: Record<string, string> = {};
for (const [digit, letters] of Object.entries({
  2: 'abc',
  3: 'def',
  4: 'ghi',
  5: 'jkl',
  6: 'mno',
  7: 'pqrs',
  8: 'tuv',
  9: 'wxyz',
})) {
  for (const letter of letters) KEYPAD[letter] = digit;
}

/** NANP rule: area code and exchange start with 2-9 and are not N11 service codes. */
export function isNanpShape(npa: string, nxx: string): boolean {
  return /^[2-9]\d\d$/.test(npa) && /^[2-9]\d\d$/.test(nxx) && !npa.endsWith('11') && !nxx.endsWith('11');
}

function callingCodeOf(digits: string): string | undefined {
  for (let len = 1; len <= 3; len++) {
    const code = digits.slice(0, len);
    if (CALLING_CODES[code]) return code;
  }
  return undefined;
}

/** Reads one number. Never throws: anything that is not a dialable number comes back `invalid` with a reason. */
export function parseNumber(input: string): ParsedNumber {
  let text = String(input).trim();
  if (text === '') return { kind: 'invalid', reason: 'Empty input.' };
  if (text.length > MAX_INPUT) return { kind: 'invalid', reason: `Longer than ${MAX_INPUT} characters.` };
  if (/^tel:/i.test(text)) text = safeDecode(text.slice(4));

  let ext: string | undefined;
  const extMatch = EXTENSION.exec(text);
  if (extMatch?.[1] && /\d/.test(text.slice(0, extMatch.index))) {
    ext = extMatch[1];
    text = text.slice(0, extMatch.index);
  }

  let compact = text.replace(SEPARATORS, '');
  // Vanity numbers such as 1-800-FLOWERS: letters after at least three digits map to the keypad.
  if (/^\+?\d{3,}[a-z\d]*$/i.test(compact) && /[a-z]/i.test(compact)) {
    compact = compact.replace(/[a-z]/gi, (letter) => KEYPAD[letter.toLowerCase()] ?? letter);
  }
  if (compact.startsWith('011')) compact = `+${compact.slice(3)}`;
  else if (compact.startsWith('00')) compact = `+${compact.slice(2)}`;
  if (!/^\+?\d+$/.test(compact))
    return { kind: 'invalid', reason: 'Not a phone number: it holds characters other than digits and separators.' };

  const plus = compact.startsWith('+');
  let digits = plus ? compact.slice(1) : compact;
  if (plus && !digits.startsWith('1')) {
    const callingCode = callingCodeOf(digits);
    if (!callingCode) return { kind: 'invalid', reason: `+${digits.slice(0, 3)} is not a country calling code.` };
    const subscriber = digits.length - callingCode.length;
    if (subscriber < 4 || digits.length > 15)
      return { kind: 'invalid', reason: 'Too few or too many digits for an international number.' };
    return {
      kind: 'international',
      e164: `+${digits}`,
      callingCode,
      countries: CALLING_CODES[callingCode] ?? [],
      ...(ext ? { ext } : {}),
    };
  }
  if (digits.length === 11 && digits.startsWith('1')) digits = digits.slice(1);
  if (digits.length === 7) return { kind: 'invalid', reason: 'Seven digits: the area code is missing.' };
  if (digits.length !== 10)
    return { kind: 'invalid', reason: `A North American number has 10 digits; this has ${digits.length}.` };
  const npa = digits.slice(0, 3);
  if (!isNanpShape(npa, digits.slice(3, 6))) {
    return {
      kind: 'invalid',
      reason: 'Not a North American number: the area code and exchange must start with 2-9 and not be N11.',
    };
  }
  return { kind: 'nanp', e164: `+1${digits}`, npa, ...(ext ? { ext } : {}) };
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
