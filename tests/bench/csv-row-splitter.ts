/**
 * CSV read in pieces, with the rules of `parseCsv` (lib/csv.ts): text comes in chunks of any size and
 * leaves as runs of whole rows, so each run can be parsed (or handed to a worker) on its own and the
 * rows come out exactly as `parseCsv` of the whole text gives them. Memory stays at one chunk plus the
 * row that straddles it. Only the bench's bare parse uses it: `consent scan --csv` cuts bytes instead (lib/csv-survey.ts).
 */
import { CsvError } from '@/lib/csv';

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
