import { countriesOf } from '../data/calling-code-countries';
import { callingCodeOf, EXT_MAX_DIGITS, intlLengthOk, NANP_DIGITS, nanpCodeOk } from './grammar';

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
const EXTENSION = new RegExp(
  String.raw`(?:;ext=|,+|\s*(?:#|x|ext\.?|extension|poste)\s*)(\d{1,${EXT_MAX_DIGITS}})$`,
  'i',
);

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

const PLUS = 43;
const ZERO = 48;
const ONE = 49;
const NINE = 57;

/**
 * The ASCII characters of SEPARATORS (whitespace, `-`, `.`, `(`, `)`, `/`), as a table indexed by
 * char code: the fast path reads them without a regex.
 */
const ASCII_SEPARATOR = new Uint8Array(128);
for (const c of '\t\n\v\f\r -.()/') ASCII_SEPARATOR[c.charCodeAt(0)] = 1;

function nxxOkAt(digits: string, p: number): boolean {
  return nanpCodeOk(digits.charCodeAt(p), digits.charCodeAt(p + 1), digits.charCodeAt(p + 2));
}

function isDigits(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < ZERO || c > NINE) return false;
  }
  return true;
}

/** NANP rule: area code and exchange start with 2-9 and are not N11 service codes. */
export function isNanpShape(npa: string, nxx: string): boolean {
  return npa.length === 3 && nxx.length === 3 && isDigits(npa) && isDigits(nxx) && nxxOkAt(npa, 0) && nxxOkAt(nxx, 0);
}

/** Reads one number. Never throws: anything that is not a dialable number comes back `invalid` with a reason. */
export function parseNumber(input: string): ParsedNumber {
  // Nearly every number is ASCII digits and punctuation: those are read in one pass over the char
  // codes, without a regex or an intermediate string; anything else goes to the regex path.
  const length = typeof input === 'string' ? scanPlain(input) : 0;
  if (length === 0) return parseNumberByRegex(input);
  const e164 = plainNanp(length);
  return e164 === undefined ? readCompact(length) : { kind: 'nanp', e164, npa: npaOf(e164) };
}

/**
 * What `parseNumber` reads as a NANP number without extension, when the input is plain (see
 * `scanPlain`, `plainNanp`): its E.164 form, or undefined for anything else. For `classify`, which
 * needs no more than that for most numbers: it makes that one string and no object.
 */
export function plainNanpE164(input: string): string | undefined {
  const length = typeof input === 'string' ? scanPlain(input) : 0;
  return length === 0 ? undefined : plainNanp(length);
}

/**
 * The compact form of the number the fast path is reading (`+` if there is one, then the digits), as
 * char codes. Shared by every call, so that reading a number allocates nothing until the result.
 */
const compact = new Uint8Array(MAX_INPUT);

/**
 * Fills `compact` from an input made only of ASCII digits, ASCII separators and one `+` before the
 * first digit, no longer than MAX_INPUT, and returns its length. Such input has nothing to trim
 * specially, no `tel:`, no extension and no letters, so the regex path would read the same compact
 * form. Returns 0 for anything else, or for no digit at all: the regex path reads those.
 */
function scanPlain(input: string): number {
  if (input.length > MAX_INPUT) return 0;
  let length = 0;
  for (let i = 0; i < input.length; i++) {
    const c = input.charCodeAt(i);
    if ((c >= ZERO && c <= NINE) || (c === PLUS && length === 0)) compact[length++] = c;
    else if (c >= 128 || ASCII_SEPARATOR[c] !== 1) return 0;
  }
  return length === 1 && compact[0] === PLUS ? 0 : length;
}

/**
 * The usual shapes, straight from `compact`: 10 digits, or 11 starting with 1, with or without a `+`
 * before the 11 (not before the 10: that is a calling code). Returns the E.164 form, or undefined
 * for anything else, including invalid area codes and exchanges, which `readCompact` reads with
 * their reasons.
 */
function plainNanp(length: number): string | undefined {
  const plus = compact[0] === PLUS;
  let p = plus ? 1 : 0;
  if (length - p === NANP_DIGITS + 1 && compact[p] === ONE) p++;
  else if (length - p !== NANP_DIGITS || plus) return undefined;
  if (!nanpCodeOk(code(p), code(p + 1), code(p + 2)) || !nanpCodeOk(code(p + 3), code(p + 4), code(p + 5)))
    return undefined;
  // One string of the twelve codes: no digit string, slices or concatenation on the way.
  return String.fromCharCode(
    PLUS,
    ONE,
    code(p),
    code(p + 1),
    code(p + 2),
    code(p + 3),
    code(p + 4),
    code(p + 5),
    code(p + 6),
    code(p + 7),
    code(p + 8),
    code(p + 9),
  );
}

/** Area codes as strings, each made once: every 415 number shares one `npa` string. */
const npaStrings: (string | undefined)[] = [];

/** The area code of a NANP number in E.164 (`+1NPA…`), as a shared string. */
function npaOf(e164: string): string {
  const index = npaIndex(e164);
  npaStrings[index] ??= e164.slice(2, 5);
  return npaStrings[index];
}

/** 0-999: the area code of a NANP number in E.164 (`+1NPA…`), as a number, to index tables with. */
export function npaIndex(e164: string): number {
  return (e164.charCodeAt(2) - ZERO) * 100 + (e164.charCodeAt(3) - ZERO) * 10 + (e164.charCodeAt(4) - ZERO);
}

function code(i: number): number {
  return compact[i] ?? 0;
}

/** Everything `plainNanp` leaves, through the same steps as the regex path. */
function readCompact(length: number): ParsedNumber {
  let text = '';
  for (let i = 0; i < length; i++) text += String.fromCharCode(code(i));
  const plus = compact[0] === PLUS;
  return readDigits(plus, plus ? text.slice(1) : text);
}

/** The general reader: trims, decodes `tel:`, splits off an extension, drops any separator, maps vanity letters. */
export function parseNumberByRegex(input: string): ParsedNumber {
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

  let stripped = text.replace(SEPARATORS, '');
  // Vanity numbers such as 1-800-FLOWERS: letters after at least three digits map to the keypad.
  if (/^\+?\d{3,}[a-z\d]*$/i.test(stripped) && /[a-z]/i.test(stripped)) {
    stripped = stripped.replace(/[a-z]/gi, (letter) => KEYPAD[letter.toLowerCase()] ?? letter);
  }
  const plus = stripped.startsWith('+');
  const digits = plus ? stripped.slice(1) : stripped;
  if (digits === '' || !isDigits(digits))
    return { kind: 'invalid', reason: 'Not a phone number: it holds characters other than digits and separators.' };
  return readDigits(plus, digits, ext);
}

/** From the digits (after a `+` or not) to the number, in E.164 or with the reason it is none. */
function readDigits(plus: boolean, digits: string, ext?: string): ParsedNumber {
  let international = plus;
  let rest = digits;
  if (!plus && rest.startsWith('011')) {
    international = true;
    rest = rest.slice(3);
  } else if (!plus && rest.startsWith('00')) {
    international = true;
    rest = rest.slice(2);
  }
  // An international prefix with nothing after it (`011`, `00`) is no number either.
  if (international && rest === '')
    return { kind: 'invalid', reason: 'Not a phone number: it holds characters other than digits and separators.' };
  if (international && rest.charCodeAt(0) !== ONE) return readInternational(rest, ext);
  if (rest.length === NANP_DIGITS + 1 && rest.charCodeAt(0) === ONE) rest = rest.slice(1);
  if (rest.length === 7) return { kind: 'invalid', reason: 'Seven digits: the area code is missing.' };
  if (rest.length !== NANP_DIGITS)
    return { kind: 'invalid', reason: `A North American number has 10 digits; this has ${rest.length}.` };
  if (!nxxOkAt(rest, 0) || !nxxOkAt(rest, 3)) {
    return {
      kind: 'invalid',
      reason: 'Not a North American number: the area code and exchange must start with 2-9 and not be N11.',
    };
  }
  const e164 = `+1${rest}`;
  const npa = rest.slice(0, 3);
  // No `ext` key at all when there is none, as callers compare these objects whole.
  return ext ? { kind: 'nanp', e164, npa, ext } : { kind: 'nanp', e164, npa };
}

function readInternational(digits: string, ext: string | undefined): ParsedNumber {
  const callingCode = callingCodeOf(digits);
  if (!callingCode) return { kind: 'invalid', reason: `+${digits.slice(0, 3)} is not a country calling code.` };
  if (!intlLengthOk(digits, callingCode))
    return { kind: 'invalid', reason: 'Too few or too many digits for an international number.' };
  const countries = countriesOf(callingCode, digits.slice(callingCode.length));
  return ext
    ? { kind: 'international', e164: `+${digits}`, callingCode, countries, ext }
    : { kind: 'international', e164: `+${digits}`, callingCode, countries };
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
