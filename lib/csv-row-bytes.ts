/**
 * CSV rows read straight off UTF-8 bytes, with the rules of `parseCsv` (lib/csv.ts), for a reader that
 * writes cells back as they came (`consent scan --csv`): where each cell lies, and whether `csvCell`
 * would write its value back as the same bytes. Commas, quotes and line ends are ASCII, so they are
 * never part of a multi-byte character and nothing needs decoding to find them. A row this reader
 * leaves to `parseCsv` (a quote inside an unquoted cell, text after a closing quote, a BOM starting a
 * cell: rare, and written back differently) is only measured, by `csvRowEnd`.
 */

import { Buffer } from 'node:buffer';

const QUOTE = 34;
const COMMA = 44;
const CR = 13;
const LF = 10;

/** The cell is in quotes in the file: its value is inside them (`from + 1` to `to - 1`). */
export const QUOTED = 1;
/** A quoted cell whose value holds a quote (written `""`). */
export const ESCAPED = 2;
/** A quoted cell that `csvCell` quotes again (its value holds a quote, comma or line break, or starts with a BOM): its bytes are written back as they are. */
export const REQUOTED = 4;

/** True when a UTF-8 byte order mark (EF BB BF) starts at `i`. */
const bomAt = (b: Uint8Array, i: number, end: number) =>
  i + 2 < end && b[i] === 0xef && b[i + 1] === 0xbb && b[i + 2] === 0xbf;

/** The cells of the row last read: their bytes as written (`from`, `to`) and `QUOTED` / `ESCAPED` / `REQUOTED`. */
export class CsvRowBytes {
  cells = 0;
  from = new Int32Array(64);
  to = new Int32Array(64);
  flags = new Uint8Array(64);
  /** Where the row's text ends (before its line end), and where the next row starts. */
  end = 0;
  next = 0;
  /** The bytes being read, and the same as Latin-1 text: a JS string indexed like the bytes, sliced for ASCII cells. */
  private bytes: Uint8Array = new Uint8Array(0);
  private latin1 = '';
  private readonly decoder = new TextDecoder('utf-8', { ignoreBOM: true });

  /** Reads rows of `b` from now on (`value` slices the text of its ASCII cells from one string of all of it). */
  batch(b: Uint8Array): void {
    this.bytes = b;
    this.latin1 = Buffer.from(b.buffer, b.byteOffset, b.length).toString('latin1');
  }

  /**
   * Whether cell `k` of the row last read from the batch holds at least `min` digits, ASCII or full-width
   * (U+FF10-FF19, bytes EF BC 90-99): a cell with fewer holds no phone number, and is not decoded.
   */
  hasDigits(k: number, min: number): boolean {
    const b = this.bytes;
    const to = this.to[k] as number;
    let digits = 0;
    for (let i = this.from[k] as number; i < to; i++) {
      const c = b[i] as number;
      if (c >= 48 && c <= 57) digits++;
      else if (c === 0xef && b[i + 1] === 0xbc && (b[i + 2] as number) >= 0x90 && (b[i + 2] as number) <= 0x99) {
        digits++;
        i += 2;
      } else continue;
      if (digits >= min) return true;
    }
    return false;
  }

  /** The value of cell `k` of the row last read from the batch, as `parseCsv` reads it ('' past the row's end). */
  value(k: number): string {
    if (k >= this.cells) return '';
    const flags = this.flags[k] as number;
    let from = this.from[k] as number;
    let to = this.to[k] as number;
    if (flags & QUOTED) {
      from++;
      to--;
    }
    const b = this.bytes;
    let ascii = true;
    for (let i = from; i < to && ascii; i++) ascii = (b[i] as number) < 128;
    const text = ascii ? this.latin1.slice(from, to) : this.decoder.decode(b.subarray(from, to));
    return flags & ESCAPED ? text.replaceAll('""', '"') : text;
  }

  /**
   * Reads the row starting at `i` of `b` (a row with no line end runs to the end of `b`). Returns false,
   * having read nothing, for a row to leave to `parseCsv`, or a quote left open.
   */
  read(b: Uint8Array, i: number): boolean {
    const n = b.length;
    let p = i;
    let k = 0;
    let cellFrom = this.from;
    let cellTo = this.to;
    let cellFlags = this.flags;
    for (;;) {
      if (k === cellFrom.length) {
        this.grow();
        cellFrom = this.from;
        cellTo = this.to;
        cellFlags = this.flags;
      }
      const start = p;
      let flags = 0;
      let c = p < n ? (b[p] as number) : -1;
      if (c === QUOTE) {
        // A quoted section: to the next lone quote; `""` is a quote.
        flags = QUOTED;
        p++;
        if (bomAt(b, p, n)) flags |= REQUOTED;
        for (;;) {
          if (p >= n) return false;
          const d = b[p] as number;
          if (d === QUOTE) {
            if (b[p + 1] !== QUOTE) break;
            flags |= ESCAPED | REQUOTED;
            p += 2;
            continue;
          }
          if (d === COMMA || d === LF || d === CR) flags |= REQUOTED;
          p++;
        }
        p++;
        c = p < n ? (b[p] as number) : -1;
        if (c !== COMMA && c !== LF && c !== CR && c !== -1) return false;
      } else {
        if (bomAt(b, p, n)) return false;
        // The hot loop: bytes above the comma (letters, digits, most punctuation) are plain.
        for (;;) {
          if (c <= COMMA) {
            if (c === COMMA || c === LF || c === CR || c === -1) break;
            if (c === QUOTE) return false;
          }
          c = ++p < n ? (b[p] as number) : -1;
        }
      }
      cellFrom[k] = start;
      cellTo[k] = p;
      cellFlags[k] = flags;
      k++;
      if (c !== COMMA) break;
      p++;
    }
    this.cells = k;
    this.end = p;
    this.next = p >= n ? n : b[p] === CR && b[p + 1] === LF ? p + 2 : p + 1;
    return true;
  }

  private grow(): void {
    const size = this.from.length * 2;
    const from = new Int32Array(size);
    const to = new Int32Array(size);
    const flags = new Uint8Array(size);
    from.set(this.from);
    to.set(this.to);
    flags.set(this.flags);
    this.from = from;
    this.to = to;
    this.flags = flags;
  }
}

/**
 * Where the row starting at `i` ends (before its line end) and where the next one starts, as `parseCsv`
 * reads it: a quoted section opens only at the start of a cell and runs to the next lone quote.
 */
export function csvRowEnd(b: Uint8Array, i: number): [end: number, next: number] {
  const n = b.length;
  let j = i;
  while (j < n) {
    const c = b[j];
    if (c === LF) return [j, j + 1];
    if (c === CR) return [j, b[j + 1] === LF ? j + 2 : j + 1];
    if (c === QUOTE && (j === i || b[j - 1] === COMMA)) {
      // A quoted section: to the next lone quote (a doubled one is a quote inside it).
      for (;;) {
        const close = b.indexOf(QUOTE, j + 1);
        if (close < 0) return [n, n];
        j = close + 1;
        if (b[j] !== QUOTE) break;
      }
      continue;
    }
    j++;
  }
  return [n, n];
}
