/**
 * CSV read in pieces, with the rules of `parseCsv` (lib/csv.ts): text comes in chunks of any size and
 * leaves as runs of whole rows, so each run can be parsed (or handed to a worker) on its own and the
 * rows come out exactly as `parseCsv` of the whole text gives them. Memory stays at one chunk plus the
 * row that straddles it.
 */
import { CsvError, parseCsv } from './csv';

const QUOTE = 34;
const COMMA = 44;
const CR = 13;
const LF = 10;

/** Whole rows cut from the text fed so far, with their shape. */
export interface RowRun {
  /** The rows' text, each ended by its line end (the last row of the file may have none). */
  text: string;
  rows: number;
  /** The most cells in one of these rows. */
  width: number;
}

/**
 * Cuts CSV text into runs of whole rows. A leading BOM is dropped (`hasBom` says it was there). A row
 * ends at a line end outside quotes; a quote opens a quoted section only as the first character of a
 * cell, as in `parseCsv`. A CR at the end of a chunk waits for the next one (it may be half of a CRLF).
 */
export class CsvRowSplitter {
  private tail = '';
  private started = false;
  /** Line ends (as `parseCsv` counts lines) in the text already cut. */
  private lines = 0;
  hasBom = false;

  /** The whole rows now complete; the rest waits for more text. */
  push(chunk: string): RowRun {
    let text = chunk;
    if (!this.started && text.length > 0) {
      this.started = true;
      if (text.charCodeAt(0) === 0xfeff) {
        this.hasBom = true;
        text = text.slice(1);
      }
    }
    return this.cut(this.tail + text, false);
  }

  /** The last row (one without a line end), once the text is over; throws on a quote left open. */
  end(): RowRun {
    return this.cut(this.tail, true);
  }

  private cut(buffer: string, final: boolean): RowRun {
    const n = buffer.length;
    let i = 0;
    let rows = 0;
    let width = 0;
    let cells = 1;
    let lines = 0;
    /** Where the text of whole rows ends, and the lines and rows up to there. */
    let end = 0;
    let endLines = 0;
    let atCellStart = true;
    while (i < n) {
      const c = buffer.charCodeAt(i);
      if (c === QUOTE && atCellStart) {
        const opened = i;
        i++;
        for (;;) {
          const close = buffer.indexOf('"', i);
          if (close < 0 || (close === n - 1 && !final)) {
            if (final) {
              const line = this.lines + endLines + linesIn(buffer, end, opened) + 1;
              throw new CsvError(`unterminated quoted field starting on line ${line}`);
            }
            return this.keep(buffer, end, endLines, rows, width);
          }
          lines += linesIn(buffer, i, close);
          if (buffer.charCodeAt(close + 1) === QUOTE) i = close + 2;
          else {
            i = close + 1;
            break;
          }
        }
        atCellStart = false;
        continue;
      }
      if (c === COMMA) {
        cells++;
        atCellStart = true;
        i++;
      } else if (c === LF || c === CR) {
        if (c === CR && i === n - 1 && !final) break;
        i += c === CR && buffer.charCodeAt(i + 1) === LF ? 2 : 1;
        lines++;
        rows++;
        if (cells > width) width = cells;
        cells = 1;
        atCellStart = true;
        end = i;
        endLines = lines;
      } else {
        atCellStart = false;
        i++;
        while (i < n) {
          const d = buffer.charCodeAt(i);
          if (d === COMMA || d === LF || d === CR) break;
          i++;
        }
      }
    }
    if (final && end < n) {
      rows++;
      if (cells > width) width = cells;
      end = n;
    }
    return this.keep(buffer, end, endLines, rows, width);
  }

  private keep(buffer: string, end: number, lines: number, rows: number, width: number): RowRun {
    this.tail = buffer.slice(end);
    this.lines += lines;
    return { text: buffer.slice(0, end), rows, width };
  }
}

/** Line ends between `from` and `to` as `parseCsv` numbers lines (CRLF, LF or a lone CR is one). */
function linesIn(text: string, from: number, to: number): number {
  let lines = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === LF || (c === CR && text.charCodeAt(i + 1) !== LF)) lines++;
  }
  return lines;
}

/**
 * The line end `csvEol` finds, read chunk by chunk: the first CR or LF outside quotes (a quote flips
 * the state, as `csvEol` reads it). `result` is set once it is known; `end()` settles it.
 */
export class CsvEolSniffer {
  result: '\r\n' | '\n' | null = null;
  private quoted = false;
  private pendingCr = false;

  push(chunk: string): void {
    if (this.result) return;
    if (this.pendingCr) {
      this.result = chunk.charCodeAt(0) === LF ? '\r\n' : '\n';
      return;
    }
    for (let i = 0; i < chunk.length; i++) {
      const c = chunk.charCodeAt(i);
      if (c === QUOTE) this.quoted = !this.quoted;
      else if (!this.quoted && c === CR) {
        if (i === chunk.length - 1) {
          this.pendingCr = true;
          return;
        }
        this.result = chunk.charCodeAt(i + 1) === LF ? '\r\n' : '\n';
        return;
      } else if (!this.quoted && c === LF) {
        this.result = '\n';
        return;
      }
    }
  }

  end(): '\r\n' | '\n' {
    this.result ??= '\n';
    return this.result;
  }
}

/** The cells of the first row of a run (the header), as `parseCsv` reads them. */
export function firstRow(run: string): string[] {
  return parseCsv(run)[0] ?? [];
}

/**
 * Cuts CSV text into runs of whole rows like CsvRowSplitter, without counting cells: it jumps from quote
 * to quote (indexOf) and takes the last line end outside quotes. For the second pass of `scan --csv`,
 * once the first has checked the file.
 */
export class CsvRowCutter {
  private tail = '';
  private started = false;

  push(chunk: string): string {
    let text = chunk;
    if (!this.started && text.length > 0) {
      this.started = true;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    const buffer = this.tail + text;
    const end = lastRowEnd(buffer);
    this.tail = buffer.slice(end);
    return buffer.slice(0, end);
  }

  end(): string {
    const rest = this.tail;
    this.tail = '';
    return rest;
  }
}

/** Where the last whole row of `buffer` (which starts at a row) ends, after its line end; 0 if none does. */
function lastRowEnd(buffer: string): number {
  const n = buffer.length;
  /** The stretches outside quotes, [from, to) pairs. */
  const stretches: number[] = [];
  let from = 0;
  let q = buffer.indexOf('"');
  for (;;) {
    // A quote opens a quoted section only at the start of a cell; others are plain characters.
    while (q >= 0) {
      const before = q === 0 ? LF : buffer.charCodeAt(q - 1);
      if (before === COMMA || before === LF || before === CR) break;
      q = buffer.indexOf('"', q + 1);
    }
    stretches.push(from, q < 0 ? n : q);
    if (q < 0) break;
    let i = q + 1;
    let closed = false;
    for (;;) {
      const close = buffer.indexOf('"', i);
      // Open to the end, or closing on the last character (it may be half of a doubled quote): wait.
      if (close < 0 || close === n - 1) break;
      if (buffer.charCodeAt(close + 1) === QUOTE) {
        i = close + 2;
        continue;
      }
      from = close + 1;
      closed = true;
      break;
    }
    if (!closed) break;
    q = buffer.indexOf('"', from);
  }
  for (let s = stretches.length - 2; s >= 0; s -= 2) {
    const start = stretches[s] ?? 0;
    for (let e = (stretches[s + 1] ?? 0) - 1; e >= start; e--) {
      const c = buffer.charCodeAt(e);
      // A CR on the last character may be half of a CRLF: not an end yet.
      if (c === LF || (c === CR && e < n - 1)) return e + 1;
    }
  }
  return 0;
}
