/**
 * The one grammar of a phone number, shared by the text scanner (lib/number/scan-text.ts), the reader of
 * typed numbers (lib/number/parse-number.ts) and the background's message checks (lib/protocol/messages.ts): what an area
 * code and exchange look like, which calling codes exist, how many digits a number has. Small and free of
 * regexes on the hot path, as the content script carries it.
 */
import { CALLING_CODES } from '../data/calling-codes';

/** ITU-T E.164 §6: a number is at most 15 digits, calling code included. */
export const E164_MAX_DIGITS = 15;
/**
 * The fewest digits read as an international number, calling code included. Real numbers of 7 digits exist
 * (Niue, Tokelau, St Helena: a 3-digit code and 4 digits), but in running text `+` and 7 digits is far more
 * often a score, a delta or a partial number than one of those: both readers ask for 8.
 */
export const INTL_MIN_DIGITS = 8;
/** The fewest digits after the calling code. */
const SUBSCRIBER_MIN_DIGITS = 4;
/** Area code, exchange and line: 3 + 3 + 4. A trunk `1` may come before them. */
export const NANP_DIGITS = 10;
/** The most digits of an extension. */
export const EXT_MAX_DIGITS = 7;

/** `+` and an E.164 number as the scanner and parseNumber make them (a string the background accepts). */
export const E164_PATTERN = new RegExp(`^\\+[1-9]\\d{${INTL_MIN_DIGITS - 1},${E164_MAX_DIGITS - 1}}$`);

const ONE = 49;
const TWO = 50;
const NINE = 57;

/**
 * NANP rule for an area code or an exchange, on the char codes of its three digits: 2-9 first, and not
 * N11 (211 … 911 are service codes). Char codes, so the scanner can read it off the page without strings.
 */
export function nanpCodeOk(first: number, second: number, third: number): boolean {
  return first >= TWO && first <= NINE && !(second === ONE && third === ONE);
}

/** The calling code `digits` starts with (codes are prefix-free, 1-3 digits), or undefined. */
export function callingCodeOf(digits: string): string | undefined {
  for (let length = 1; length <= 3 && length <= digits.length; length++) {
    const code = digits.slice(0, length);
    if (CALLING_CODES.has(code)) return code;
  }
  return undefined;
}

/** Can `digits` (after the `+`, starting with its calling code `code`) be an international number? */
export function intlLengthOk(digits: string, code: string): boolean {
  return (
    digits.length >= INTL_MIN_DIGITS &&
    digits.length <= E164_MAX_DIGITS &&
    digits.length - code.length >= SUBSCRIBER_MIN_DIGITS
  );
}
