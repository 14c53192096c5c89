import {
  callingCodeOf,
  E164_MAX_DIGITS,
  EXT_MAX_DIGITS,
  INTL_MIN_DIGITS,
  intlLengthOk,
  NANP_DIGITS,
  nanpCodeOk,
} from './grammar';

/** One phone number found in a block of page text. */
export interface Detection {
  kind: 'nanp' | 'international';
  /** E.164 form, e.g. `+14155550134`. */
  e164: string;
  /** Area code of a NANP number, else null. */
  npa: string | null;
  /** JS string indices into the text; [start, end) covers the number and its extension. */
  start: number;
  end: number;
  /** `text.slice(start, end)`. */
  raw: string;
  /** Extension digits, or null. */
  ext: string | null;
}

export interface ScanOptions {
  /** When given, NANP numbers whose area code it rejects are dropped. */
  isAssignedNpa?: (npa: string) => boolean;
}

/*
 * How it reads (one left-to-right pass, no backtracking regex):
 * 0. Full-width characters (`４１５－６６６－７７７７`, typed through an Asian input method) read as ASCII.
 * 1. A candidate is a maximal run of digit groups joined by short runs (≤ 3 visible characters) of soft
 *    separators: spaces (incl. NBSP, thin, narrow NBSP), dashes (incl. U+2010-2015, U+2212), `.`, `(`, `)`,
 *    `/`, and invisible marks (zero-width, bidi, soft hyphen). Tabs, newlines and anything else end it.
 * 2. Each candidate is cut into numbers from its first group: `[10]`, `[1+10]`, `[3,3,4]`, `[3,7]`, each with
 *    an optional trunk `1` (one lone `/` may follow the area code), or after `+` a calling code and 8-15
 *    digits (lib/number/grammar.ts). A group that does not start a number is skipped only up to the next
 *    space, and then the next number must look unmistakable (dashes, dots, parentheses, a plus, or one
 *    unbroken run of digits), so that `Zoom 415 5550 1341` or `12 415 555 0134` stay unread while
 *    `2024-05-12 415-555-0134` is read.
 * 3. A number must not be glued to its context: a letter, digit, `_`, `/`, `=`, `@`, `#`, `$`, `*`, `%`, a
 *    sign, a decimal point or a clock colon on either side rejects it; so does an id label right before it
 *    (order, invoice, ticket, account, ref, id, sku, pin, passcode, meeting ...). Except: a letter may touch
 *    a number opening with `(` or `+` (`Mobile(415) 555-0134`); a word and a dash one written in groups
 *    (`number-415-666-7777`); and Chinese, Japanese, Korean or Thai text glues to nothing (no spaces there).
 * 4. A number followed by more digit groups joined without a space (`415-555-0134-99`) is part of something
 *    longer and rejected, unless a lone `/` joins two numbers; a number spelled with spaces only must be
 *    followed by another number, or nothing. An extension run into a word (`x 12forme`) rejects the number.
 */

const WS = 1;
const DASH = 2;
const DOT = 4;
const OPEN = 8;
const CLOSE = 16;
const INVIS = 32;
const SLASH = 64;
const MAX_SEP = 8;

/** The soft-separator class of one UTF-16 code unit, or 0. */
function sepClass(c: number): number {
  if (c < 128)
    return c === 32 ? WS : c === 45 ? DASH : c === 46 ? DOT : c === 40 ? OPEN : c === 41 ? CLOSE : c === 47 ? SLASH : 0;
  if (c === 0xa0 || c === 0x202f || c === 0x205f || c === 0x3000 || (c >= 0x2000 && c <= 0x200a)) return WS;
  if ((c >= 0x2010 && c <= 0x2015) || c === 0x2212 || c === 0xfe63 || c === 0xff0d) return DASH;
  if (
    c === 0xad ||
    c === 0x61c ||
    c === 0xfeff ||
    (c >= 0x200b && c <= 0x200f) ||
    (c >= 0x202a && c <= 0x202e) ||
    (c >= 0x2060 && c <= 0x2064) ||
    (c >= 0x2066 && c <= 0x2069)
  )
    return INVIS;
  return 0;
}

const isDigit = (c: number) => c >= 48 && c <= 57;
const isAsciiLetter = (c: number) => (c | 32) >= 97 && (c | 32) <= 122;
/**
 * Letters, digits and marks, but not of the scripts written without spaces between words (Chinese, Japanese,
 * Thai…) nor Korean, whose particles attach to the number: `电话415-555-0134`, `415-555-0134입니다`.
 */
const WORD =
  /(?![\p{sc=Hani}\p{sc=Hira}\p{sc=Kana}\p{sc=Hang}\p{sc=Thai}\p{sc=Laoo}\p{sc=Khmr}\p{sc=Mymr}])[\p{L}\p{N}\p{M}]/u;
/** Letters, digits and `_` (a lone surrogate, e.g. half an emoji, is not a word character). */
const isWordChar = (c: number) =>
  isDigit(c) || isAsciiLetter(c) || c === 95 || (c >= 128 && sepClass(c) === 0 && WORD.test(String.fromCharCode(c)));
/** `$ % & * + / = @ # \ ^ ~` and currency signs: glued to digits they make something other than a phone. */
const isGlueMark = (c: number) =>
  c === 35 ||
  c === 36 ||
  c === 37 ||
  c === 38 ||
  c === 42 ||
  c === 43 ||
  c === 47 ||
  c === 61 ||
  c === 64 ||
  c === 92 ||
  c === 94 ||
  c === 126 ||
  (c >= 0xa2 && c <= 0xa5) ||
  c === 0x20ac;

/** Words that, right before digits, say the digits are an identifier rather than a phone number. */
const ID_LABELS =
  'order|orders|invoice|inv|ticket|case|account|acct|acc|ref|reference|sku|tracking|track|confirmation|conf|' +
  'passcode|password|pwd|pin|code|meeting|webinar|zoom|transaction|txn|claim|policy|member|serial|routing|aba|' +
  'iban|swift|po|ssn|ein|tin|tax|receipt|booking|reservation|rma';
// The kinds of the words an id label is made of.
const LABEL = 1;
const ID = 2;
/** "Order No.", "Meeting ID Nr": a number word after a label or `id`. */
const NUMBER = 4;
const CALLER = 8;

/** A word's hash h, taking one more ASCII letter c (any case), read backwards; 30 bits: a small integer. */
const hashOn = (h: number, c: number) => (Math.imul(h, 31) ^ (c | 32)) & 0x3fffffff;
/** The words by their hash: the word (to rule out a clash) and its kind. */
const WORDS = new Map<number, [string, number]>();
for (const [kind, words] of [
  [LABEL, ID_LABELS],
  [ID, 'id'],
  [NUMBER, 'no|nr|num|number|nbr'],
  [CALLER, 'caller'],
] as const)
  for (const w of words.split('|')) {
    let h = 0;
    for (let i = w.length; i-- > 0; ) h = hashOn(h, w.charCodeAt(i));
    WORDS.set(h, [w, kind]);
  }

/**
 * The text being scanned and the digit groups of the current candidate (start, end, flags of the separator
 * before), a window of at most CAP groups: a longer run is read in slices, so memory stays fixed.
 */
let T = '';
/** The text as given (T may have its full-width characters folded). */
let SRC = '';
let N = 0;
const CAP = 64;
const LOOKAHEAD = 24;
const gs = new Int32Array(CAP);
const ge = new Int32Array(CAP);
const sf = new Int32Array(CAP);
/** Groups in the window; the next group to read; the window index of the candidate's first group (-1: gone). */
let K = 0;
let G = 0;
let first = 0;
let requireDistinct = false;

// The match last found by nanpAt / intlAt: its last group, start, NANP part positions or international digits.
let mLast = 0;
let mStart = 0;
let mNpa = 0;
let mNxx = 0;
let mLine = 0;
let mIntl = '';
let mDistinct = false;

const at = (p: number) => (p >= 0 && p < N ? T.charCodeAt(p) : -1);
const len = (g: number) => (ge[g] as number) - (gs[g] as number);
const openBefore = (g: number) => at((gs[g] as number) - 1) === 40;
const closeAfter = (g: number) => at(ge[g] as number) === 41;
/** Group g follows its previous group after one `/` and nothing else. */
const loneSlash = (g: number) => (gs[g] as number) - (ge[g - 1] as number) === 1 && at((gs[g] as number) - 1) === 47;
/** The code unit at p, inside the text (a digit of a group). */
const digitAt = (p: number) => T.charCodeAt(p);
/** The grammar's area-code and exchange rule for the three digits at p, read off the text without a string. */
const nxxOk = (p: number) => nanpCodeOk(digitAt(p), digitAt(p + 1), digitAt(p + 2));

/** The extension word (`x`, `ext`, `extn`, `extension`, `poste`) at p: returns where it ends, or -1. */
function extWordEnd(p: number): number {
  const c = at(p) | 32;
  if (c !== 120 && c !== 101 && c !== 112) return -1; // each starts with x, e or p
  let q = p;
  while (q - p < 10 && isAsciiLetter(at(q))) q++;
  if (isAsciiLetter(at(q))) return -1;
  const l = q - p;
  if (l === 1) return (at(p) | 32) === 120 ? q : -1; // x
  if (l === 3 || l === 4 || l === 9) {
    // ext, extn, extension
    if ((at(p) | 32) !== 101 || (at(p + 1) | 32) !== 120 || (at(p + 2) | 32) !== 116) return -1;
    return l === 3 || T.slice(p, q).toLowerCase() === (l === 4 ? 'extn' : 'extension') ? q : -1;
  }
  return l === 5 && T.slice(p, q).toLowerCase() === 'poste' ? q : -1;
}

/** A digit group ending at p that is glued to a word, `%`, `/`, `=`, `@` or a clock colon (not an extension). */
function rightGlued(p: number): boolean {
  const c = at(p);
  if (isAsciiLetter(c)) return extWordEnd(p) === -1;
  if (c === 58) return isDigit(at(p + 1));
  return c === 95 || c === 37 || c === 47 || c === 61 || c === 64 || (c >= 128 && isWordChar(c));
}

/**
 * May a number start at s? Not glued to digits, `_` or a mark; a letter may touch it only where the number
 * opens with `(` or `+` (`Mobile(415) 555-0134`, `abc+14156667777`), so may a word and a dot; a dash only after
 * a word, before a number written in groups (`number-415-666-7777`, not `-4155550134`).
 */
function leadingOk(s: number, grouped: boolean): boolean {
  const c = at(s - 1);
  if (c === -1 || c === 32) return true;
  const opens = at(s) === 40 || at(s) === 43;
  if (isWordChar(c)) return opens && !isDigit(c) && c !== 95;
  // After a word only: `Tel.+1 415…`, `number-415-666-7777`.
  const afterWord = isWordChar(at(s - 2)) && !isDigit(at(s - 2));
  if (sepClass(c) === DASH) return grouped && afterWord;
  if (c === 46) return opens && afterWord;
  if (isGlueMark(c)) return false;
  return !(c === 58 && isDigit(at(s - 2)));
}

function trailingOk(q: number): boolean {
  const c = at(q);
  if (c === -1 || c === 32) return true;
  if (isWordChar(c) || isGlueMark(c)) return false;
  if (c === 58 || c === 46) return !isDigit(at(q + 1));
  if (sepClass(c) === DASH) return !isWordChar(at(q + 1));
  return true;
}

/** Where the whole ASCII word ending at e starts (set by wordKind). */
let wordStart = 0;
/** The kind of the whole ASCII word ending at e, any case (0: none, or not a word of an id label). */
function wordKind(e: number): number {
  let b = e;
  let h = 0;
  for (let c = at(b - 1); isAsciiLetter(c); c = at(--b - 1)) {
    if (e - b === 12) return 0; // longer than any
    h = hashOn(h, c);
  }
  wordStart = b;
  const hit = b < e ? WORDS.get(h) : undefined;
  return hit && T.slice(b, e).toLowerCase() === hit[0] ? hit[1] : 0;
}

/**
 * An id label right before position s: a label word (order, ticket, account, ref, meeting …), or a label and a
 * number word ("Order No.", "Meeting ID No."), or `id` unless it is "Caller ID"; then up to 4 of ` :#.-=№`
 * (NBSP too). Words are whole, ASCII, any case; up to 3 of ` .:` join two words.
 */
function labelled(s: number): boolean {
  let e = s;
  for (
    let c = at(e - 1);
    s - e < 4 && (c === 32 || c === 0xa0 || c === 58 || c === 35 || c === 46 || c === 61 || c === 0x2116 || c === 45);
    c = at(e - 1)
  )
    e--;
  const kind = wordKind(e);
  if (kind & LABEL) return true;
  if (!(kind & (ID | NUMBER))) return false;
  const b = wordStart;
  let gap = b;
  for (let c = at(gap - 1); b - gap < 3 && (c === 32 || c === 46 || c === 58); c = at(gap - 1)) gap--;
  if (kind & ID) return !(wordKind(gap) & CALLER);
  return gap < b && (wordKind(gap) & (LABEL | ID)) !== 0;
}

/** Area code in group a, then [3, 4] or [7]. */
function threePart(a: number): boolean {
  if (a + 1 >= K || len(a) !== 3) return false;
  const s1 = sf[a + 1] as number;
  const open = openBefore(a);
  const close = closeAfter(a);
  if ((close && !open) || s1 & OPEN) return false;
  const paren = open && close;
  // One slash, after the area code only: `415/666-7777`.
  if (s1 & SLASH && (paren || !loneSlash(a + 1))) return false;
  const l1 = len(a + 1);
  mNpa = gs[a] as number;
  mNxx = gs[a + 1] as number;
  if (l1 === 7) {
    mLast = a + 1;
    mLine = mNxx + 3;
    mDistinct = paren || (s1 & (DASH | DOT | SLASH)) !== 0;
  } else if (l1 === 3 && a + 2 < K && len(a + 2) === 4 && !((sf[a + 2] as number) & (OPEN | CLOSE | SLASH))) {
    mLast = a + 2;
    mLine = gs[a + 2] as number;
    mDistinct = paren || ((s1 | (sf[a + 2] as number)) & (DASH | DOT | SLASH)) !== 0;
  } else return false;
  mStart = paren ? mNpa - 1 : mNpa;
  return true;
}

/** A NANP number starting at group g: `[10]`, `[1+10]`, `[3,3,4]`, `[3,7]`, each with an optional trunk `1`. */
function nanpAt(g: number, plus: boolean): boolean {
  const l = len(g);
  const s0 = gs[g] as number;
  if (l === NANP_DIGITS + 1 || (l === NANP_DIGITS && !plus)) {
    if (l === NANP_DIGITS + 1 && at(s0) !== 49) return false;
    mNpa = s0 + l - NANP_DIGITS;
    mNxx = mNpa + 3;
    mLine = mNpa + 6;
    mLast = g;
    mStart = s0;
    mDistinct = true;
  } else if (l === 1 && at(s0) === 49 && g + 1 < K && !closeAfter(g)) {
    const s = sf[g + 1] as number;
    if ((s & OPEN && !openBefore(g + 1)) || s & SLASH) return false;
    if (len(g + 1) === NANP_DIGITS) {
      if (!(s & (WS | DASH)) || s & OPEN) return false;
      mNpa = gs[g + 1] as number;
      mNxx = mNpa + 3;
      mLine = mNpa + 6;
      mLast = g + 1;
      mDistinct = false;
    } else if (!threePart(g + 1)) return false;
    mDistinct ||= (s & (DASH | DOT)) !== 0;
    mStart = s0;
  } else if (plus || !threePart(g)) return false;
  if (plus) {
    mStart--;
    mDistinct = true;
  }
  return nxxOk(mNpa) && nxxOk(mNxx);
}

/** Would a NANP number start at group g? (Keeps the current match registers.) */
function startsNanp(g: number): boolean {
  const saved = [mLast, mStart, mNpa, mNxx, mLine] as const;
  const yes = nanpAt(g, false);
  [mLast, mStart, mNpa, mNxx, mLine] = saved;
  mDistinct = true;
  return yes;
}

/**
 * `+`, a calling code and 8-15 digits in all, optional `(0)` trunk after the code. It takes every group of the
 * candidate, stopping early only before a NANP number; any other leftover makes the reading ambiguous.
 */
function intlAt(): boolean {
  const first = T.slice(gs[0], ge[0]);
  const cc = callingCodeOf(first);
  if (!cc) return false;
  let digits = first;
  let j = 1;
  if (first.length === cc.length && K > 2 && len(1) === 1 && at(gs[1] as number) === 48) {
    if (openBefore(1) && closeAfter(1)) j = 2;
  }
  const firstAfterCc = j;
  for (; j < K; j++) {
    const s = sf[j] as number;
    const l = len(j);
    // A NANP number after 8+ digits cannot belong to this one (it would pass 15 digits): stop before it.
    if (s & WS && digits.length >= INTL_MIN_DIGITS && nanpAt(j, false)) break;
    if (digits.length + l > E164_MAX_DIGITS || (l === 1 && j !== firstAfterCc)) return false;
    if (openBefore(j) !== closeAfter(j) && !(closeAfter(j) && j === K - 1)) return false;
    if ((s & CLOSE && !(j - 1 >= 1 && openBefore(j - 1))) || s & SLASH) return false;
    digits += T.slice(gs[j], ge[j]);
  }
  // E.164 allows 15 digits at most: a longer run (`+4150415415000134`) is no phone number.
  if (!intlLengthOk(digits, cc)) return false;
  mLast = j - 1;
  mIntl = digits;
  mStart = (gs[0] as number) - 1;
  mDistinct = true;
  return true;
}

/** Up to 3 spaces from p: where they end. */
function skipSpaces(p: number): number {
  for (let i = 0; i < 3 && sepClass(at(p)) === WS; i++) p++;
  return p;
}

/** Set by extAt: an extension word and digits run into a word (`x 7246433forme`): the text is no number. */
let extGlued = false;

/** Extension after the number ending at e: returns [digitsStart, digitsEnd] or null. */
function extAt(e: number): [number, number] | null {
  extGlued = false;
  let worded = false;
  let p = e;
  const c = at(p);
  if (c === 59) {
    if ((at(p + 1) | 32) !== 101 || (at(p + 2) | 32) !== 120 || (at(p + 3) | 32) !== 116 || at(p + 4) !== 61)
      return null;
    p += 5;
  } else if (c === 44 && isDigit(at(p + 1))) p++;
  else if (c === 44 && at(p + 1) === 44) {
    while (at(p) === 44 && p - e < 4) p++;
  } else if (c === 35) p++;
  else {
    // `x12`, ` ext. 12`, `, ext 12`, ` , ext 12`, `/x12`
    if (c === 47) p++;
    else {
      p = skipSpaces(p);
      if (at(p) === 44) p = skipSpaces(p + 1);
    }
    const w = isAsciiLetter(at(p)) ? extWordEnd(p) : -1;
    if (w === -1) return null;
    worded = true;
    p = w;
    for (let i = 0; i < 3; i++) {
      const d = at(p);
      if (sepClass(d) === WS || d === 46 || d === 58 || d === 35) p++;
      else break;
    }
  }
  const ds = p;
  while (isDigit(at(p)) && p - ds <= EXT_MAX_DIGITS) p++;
  if (p === ds || p - ds > EXT_MAX_DIGITS) return null;
  if (!trailingOk(p)) {
    extGlued = worded && isWordChar(at(p));
    return null;
  }
  if (c === 35 && (at(p) === 35 || at(p) === 42)) return null;
  return [ds, p];
}

/** The E.164 form of the NANP match, built in one string from its digits (no slices to join). */
function nanpE164(): string {
  const a = mNpa;
  const b = mNxx;
  const c = mLine;
  const d = digitAt;
  return String.fromCharCode(
    43,
    49,
    d(a),
    d(a + 1),
    d(a + 2),
    d(b),
    d(b + 1),
    d(b + 2),
    d(c),
    d(c + 1),
    d(c + 2),
    d(c + 3),
  );
}

/**
 * Cuts the candidate into numbers, appending them to `out`, from group G up to `limit`. Matches may look at
 * every group in the window. Returns the new end of the last detection.
 */
function readCandidate(out: Detection[], lastEnd: number, limit: number, isAssignedNpa: ScanOptions['isAssignedNpa']) {
  const plus = first === 0 && at((gs[0] as number) - 1) === 43;
  let g = G;
  while (g < limit) {
    const l = len(g);
    const intl = g === 0 && plus && at(gs[0] as number) !== 49;
    let ok = intl
      ? intlAt()
      : (l === 1 ? at(gs[g] as number) === 49 : l === 3 || l === NANP_DIGITS || l === NANP_DIGITS + 1) &&
        nanpAt(g, g === 0 && plus);
    let end = 0;
    let ext: [number, number] | null = null;
    if (ok) {
      if (g === first && (!leadingOk(mStart, mLast > g) || labelled(mStart))) ok = false;
      else if ((requireDistinct && !mDistinct) || mStart < lastEnd) ok = false;
      else if (mLast + 1 < K) {
        end = ge[mLast] as number;
        const s = sf[mLast + 1] as number;
        // `651-234-2345/332-445-1234`: a lone slash between two numbers.
        ok = s & WS ? mDistinct || startsNanp(mLast + 1) : loneSlash(mLast + 1) && startsNanp(mLast + 1);
      } else {
        end = ge[mLast] as number;
        ext = extAt(end);
        if (ext) end = ext[1];
        else if (extGlued || !trailingOk(end)) ok = false;
      }
    }
    if (ok) {
      const e164 = intl ? `+${mIntl}` : nanpE164();
      const npa = intl ? null : e164.slice(2, 5);
      if (npa === null || !isAssignedNpa || isAssignedNpa(npa)) {
        out.push({
          kind: intl ? 'international' : 'nanp',
          e164,
          npa,
          start: mStart,
          end,
          raw: SRC.slice(mStart, end),
          ext: ext ? T.slice(ext[0], ext[1]) : null,
        });
        lastEnd = end;
        g = mLast + 1;
        requireDistinct = intl;
        continue;
      }
    }
    // Skip to the next group after a space. `*67 415 555 0134`: a star code is a dial prefix, not noise.
    const starCode = g === first && at((gs[g] as number) - 1) === 42 && l <= 3;
    g++;
    while (g < K && !((sf[g] as number) & WS)) g++;
    requireDistinct = !(starCode && g === first + 1);
  }
  G = g;
  return lastEnd;
}

/** Full-width forms (U+FF01-FF5E), as an Asian input method types `４１５-６６６-７７７７`. */
const FULL_WIDTH = /[\uff01-\uff5e]/g;
const halfWidth = (c: string) => String.fromCharCode(c.charCodeAt(0) - 0xfee0);

export function scanText(source: string, options?: ScanOptions): Detection[] {
  const out: Detection[] = [];
  const isAssignedNpa = options?.isAssignedNpa;
  // Full-width characters are read as their ASCII twins (same length, so offsets hold); `raw` keeps them.
  FULL_WIDTH.lastIndex = 0;
  const text = FULL_WIDTH.test(source) ? source.replace(FULL_WIDTH, halfWidth) : source;
  SRC = source;
  T = text;
  N = text.length;
  const n = N;
  let lastEnd = 0;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c > 57 || c < 48) {
      i++;
      continue;
    }
    // Build the candidate: digit groups and the separator run before each.
    K = G = first = 0;
    requireDistinct = false;
    let total = 0;
    let flags = 0;
    let p = i;
    for (;;) {
      const s = p;
      do p++;
      while (p < n && isDigit(text.charCodeAt(p)));
      // The separator run after this group.
      let q = p;
      let next = 0;
      let visible = 0;
      while (q < n && q - p < MAX_SEP) {
        const d = text.charCodeAt(q);
        const cls = d === 32 ? WS : sepClass(d);
        if (cls === 0 || (cls !== INVIS && ++visible > 3)) break;
        next |= cls;
        q++;
      }
      if (K > 0 && flags & WS && q === p && rightGlued(p)) {
        p = ge[K - 1] as number; // that group belongs to what follows it: end the candidate before it
        break;
      }
      if (K === CAP) {
        // Window full: read what is safely readable, keep the rest (LOOKAHEAD groups or more) at the front.
        lastEnd = readCandidate(out, lastEnd, CAP - LOOKAHEAD, isAssignedNpa);
        const keep = Math.min(G, K);
        gs.copyWithin(0, keep);
        ge.copyWithin(0, keep);
        sf.copyWithin(0, keep);
        K -= keep;
        G -= keep;
        first -= keep;
      }
      gs[K] = s;
      ge[K] = p;
      sf[K] = flags;
      K++;
      total += p - s;
      if (q >= n || !isDigit(text.charCodeAt(q))) break;
      flags = next;
      p = q;
    }
    // Nothing shorter than 10 digits is a NANP number, or than 8 digits an international one.
    if (total >= NANP_DIGITS || (total >= INTL_MIN_DIGITS && at(i - 1) === 43))
      lastEnd = readCandidate(out, lastEnd, K, isAssignedNpa);
    i = Math.max(p, lastEnd);
  }
  T = SRC = '';
  return out;
}
