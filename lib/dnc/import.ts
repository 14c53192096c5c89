/**
 * Reads a do-not-call CSV into hashed entries. Every cell of every row is tried as a phone number in
 * any form parseNumber reads ("(212) 555-0123", "212.555.0123", "+1 212 555 0123", "+44 20 7946
 * 0958"): a list may have several number columns, and a header or a name has no digits and is
 * skipped. A cell with digits that is no number is counted as invalid (the options page shows how many).
 * The text is read in slices cut at line ends outside quotes, so a million rows never become a
 * million row arrays at once, and progress can be reported between slices.
 */
import { parseCsv } from '../csv';
import { parseNumber } from '../number/parse-number';
import { dncHash } from './hash';
import { DncTable } from './table';

export interface ImportResult {
  /** Distinct entries, packed (hi, lo). */
  entries: Uint32Array;
  /** Cells read as a number (duplicates counted). */
  numbers: number;
  /** Cells with digits that are no number. */
  invalid: number;
  /** The first few of those, for the agent to see what went wrong. */
  invalidExamples: string[];
}

const SLICE = 1 << 20; // characters per slice
const QUOTE = 34;
const LF = 10;
const DIGIT = /\d/;

/** End of the slice starting at `start`: just after a line end outside quotes, about SLICE on. */
function sliceEnd(text: string, start: number): number {
  const target = start + SLICE;
  if (target >= text.length) return text.length;
  let quotes = 0;
  for (let i = start; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) quotes++;
    else if (c === LF && i >= target && quotes % 2 === 0) return i + 1;
  }
  return text.length;
}

export function importNumbers(
  text: string,
  salt: string,
  onProgress?: (done: number, total: number) => void,
): ImportResult {
  let numbers = 0;
  let invalid = 0;
  const invalidExamples: string[] = [];
  let chunk = new Uint32Array(1 << 16);
  let used = 0;
  const chunks: Uint32Array[] = [];
  for (let start = 0; start < text.length; ) {
    const end = sliceEnd(text, start);
    for (const row of parseCsv(text.slice(start, end))) {
      for (const cell of row) {
        if (!DIGIT.test(cell)) continue;
        const parsed = parseNumber(cell.trim());
        if (parsed.kind === 'invalid') {
          invalid++;
          if (invalidExamples.length < 5) invalidExamples.push(cell.slice(0, 40));
          continue;
        }
        numbers++;
        const { hi, lo } = dncHash(salt, parsed.e164);
        if (used === chunk.length) {
          chunks.push(chunk);
          chunk = new Uint32Array(chunk.length);
          used = 0;
        }
        chunk[used++] = hi;
        chunk[used++] = lo;
      }
    }
    start = end;
    onProgress?.(start, text.length);
  }
  chunks.push(chunk.subarray(0, used));
  const all = new Uint32Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    all.set(c, at);
    at += c.length;
  }
  return { entries: new DncTable(all).entries(), numbers, invalid, invalidExamples };
}
