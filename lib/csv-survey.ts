/**
 * A CSV file's shape read from its bytes, with no decoding (commas, quotes and line ends are ASCII, so
 * they are never part of a multi-byte UTF-8 character): the rows and the most cells in one, the
 * header's bytes, the line end, a leading BOM, and where to cut it into batches of whole rows. The rules
 * are those of `parseCsv` (lib/csv.ts): a quote opens a quoted section only as the first character of a
 * cell, `""` inside one is a quote, a line end is CRLF, LF or a lone CR. Chunks may be of any size.
 */
import { CsvError, parseCsvRow } from './csv';

const QUOTE = 34;
const COMMA = 44;
const CR = 13;
const LF = 10;

export interface CsvShape {
  rows: number;
  /** The most cells in one row. */
  width: number;
  /** The cells of the first row, as `parseCsv` reads them ([] when there is no row). */
  header: string[];
  /** The line end `csvEol` finds (the first CR or LF outside quotes, a quote flipping the state). */
  eol: '\r\n' | '\n';
  bom: boolean;
  /** Where the rows start: 3 after a BOM, else 0. */
  start: number;
  /** The file's size in bytes. */
  size: number;
  /** Offsets where a batch of whole rows ends (after its line end), each batch at least `batchBytes` long; the last batch ends at `size`. */
  cuts: number[];
}

/** The bytes of `chunks` again, the first chunk at least `min` long (unless the whole is shorter). */
async function* atLeast(chunks: AsyncIterable<Uint8Array>, min: number): AsyncIterable<Uint8Array> {
  let head: Uint8Array | null = new Uint8Array(0);
  for await (const chunk of chunks) {
    if (head === null) {
      yield chunk;
      continue;
    }
    head = concatBytes([head, chunk]);
    if (head.length >= min) {
      yield head;
      head = null;
    }
  }
  if (head !== null && head.length > 0) yield head;
}

/** The pieces in one new array (its own buffer, so it can be transferred to a worker). */
export function concatBytes(pieces: readonly Uint8Array[]): Uint8Array<ArrayBuffer> {
  let length = 0;
  for (const piece of pieces) length += piece.length;
  const out = new Uint8Array(length);
  let at = 0;
  for (const piece of pieces) {
    out.set(piece, at);
    at += piece.length;
  }
  return out;
}

/**
 * Reads the shape of the CSV in `chunks`. Throws `CsvError` on a quote left open, with the line it
 * opened on as `parseCsv` numbers it (`again` reads the bytes a second time to count the lines).
 */
export async function surveyCsv(
  chunks: AsyncIterable<Uint8Array>,
  batchBytes: number,
  again: () => AsyncIterable<Uint8Array>,
): Promise<CsvShape> {
  const s = new Survey(batchBytes);
  for await (const chunk of atLeast(chunks, 3)) s.push(chunk);
  const open = s.end();
  if (open >= 0) {
    throw new CsvError(`unterminated quoted field starting on line ${await lineAt(again(), open)}`);
  }
  // The file's own BOM is gone: one left at the start of the text starts the first cell.
  const header = parseCsvRow(new TextDecoder('utf-8', { ignoreBOM: true }).decode(concatBytes(s.headerPieces)));
  return {
    rows: s.rows,
    width: s.width,
    header: s.rows > 0 ? header : [],
    eol: s.eol ?? '\n',
    bom: s.start === 3,
    start: s.start,
    size: s.pos,
    cuts: s.cuts,
  };
}

class Survey {
  rows = 0;
  width = 0;
  start = 0;
  /** Offset of the current chunk. */
  pos = 0;
  cuts: number[] = [];
  eol: '\r\n' | '\n' | null = null;
  /** The first row's bytes (without its line end) once it is over; until then the chunks so far. */
  headerPieces: Uint8Array[] = [];
  private headerDone = false;
  private lastCut = 0;
  /** Where the current row starts. */
  private rowStart = 0;
  private cells = 1;
  private atCellStart = true;
  private inQuote = false;
  /** Where the quoted section now open started. */
  private openAt = -1;
  /** The last chunk ended on a quote inside a quoted section: closing, or the first of `""`. */
  private quotePending = false;
  /** The last chunk ended on a CR outside quotes: the row is over, its line end may go on with an LF. */
  private crPending = false;
  private eolQuoted = false;
  private eolCr = false;

  constructor(private readonly batchBytes: number) {}

  push(b: Uint8Array): void {
    let i = 0;
    if (this.pos === 0 && b.length >= 3 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) {
      this.start = 3;
      this.rowStart = 3;
      this.lastCut = 3;
      i = 3;
    }
    if (this.eol === null) this.sniffEol(b, i);
    if (!this.headerDone) this.headerPieces.push(b.slice(i));
    if (this.crPending) {
      this.crPending = false;
      if (b.length > 0 && b[0] === LF) i = 1;
      this.endRow(this.pos + i);
    }
    let inQuote = this.inQuote;
    let atCellStart = this.atCellStart;
    if (this.quotePending && b.length > 0) {
      this.quotePending = false;
      if (b[0] === QUOTE) i = 1;
      else {
        inQuote = false;
        atCellStart = false;
      }
    }
    const n = b.length;
    const pos = this.pos;
    const batchBytes = this.batchBytes;
    let cells = this.cells;
    let rows = this.rows;
    let width = this.width;
    let lastCut = this.lastCut;
    /** The next LF, CR and quote from where the fast path last looked (n: none in this chunk). */
    let lf = -1;
    let cr = -1;
    let quote = -1;
    // The hot loop: every byte outside quotes, quoted sections jumped over (indexOf); state in locals.
    while (i < n) {
      if (inQuote) {
        const close = b.indexOf(QUOTE, i);
        if (close < 0) {
          i = n;
        } else if (close === n - 1) {
          this.quotePending = true;
          i = n;
        } else if (b[close + 1] === QUOTE) {
          i = close + 2;
        } else {
          inQuote = false;
          atCellStart = false;
          i = close + 1;
        }
        continue;
      }
      const c = b[i] as number;
      if (c > COMMA) {
        atCellStart = false;
      } else if (c === COMMA) {
        cells++;
        atCellStart = true;
      } else if (c === LF || c === CR) {
        rows++;
        if (cells > width) width = cells;
        cells = 1;
        atCellStart = true;
        if (c === CR) {
          if (i === n - 1) {
            // The row is over; its line end may go on with an LF in the next chunk.
            this.crPending = true;
            break;
          }
          if (b[i + 1] === LF) i++;
        }
        const end = pos + i + 1;
        this.rowStart = end;
        if (!this.headerDone) this.header(end);
        if (end - lastCut >= batchBytes) {
          this.cuts.push(end);
          lastCut = end;
        }
        // The rows that follow with no quote and their line end in this chunk (nearly all): the line end
        // found by indexOf, the commas counted in a tight loop.
        let from = i + 1;
        for (;;) {
          if (lf < from) lf = indexOr(b, LF, from);
          if (cr < from) cr = indexOr(b, CR, from);
          if (quote < from) quote = indexOr(b, QUOTE, from);
          const eol = Math.min(lf, cr);
          if (eol >= n - 1 || quote < eol) break;
          let k = 1;
          for (let j = from; j < eol; j++) if (b[j] === COMMA) k++;
          rows++;
          if (k > width) width = k;
          from = b[eol] === CR && b[eol + 1] === LF ? eol + 2 : eol + 1;
          if (pos + from - lastCut >= batchBytes) {
            lastCut = pos + from;
            this.cuts.push(lastCut);
          }
        }
        this.rowStart = pos + from;
        i = from - 1;
      } else if (c === QUOTE && atCellStart) {
        inQuote = true;
        this.openAt = pos + i;
      } else {
        atCellStart = false;
      }
      i++;
    }
    this.cells = cells;
    this.rows = rows;
    this.width = width;
    this.lastCut = lastCut;
    this.inQuote = inQuote;
    this.atCellStart = atCellStart;
    this.pos += n;
  }

  /** Settles the last row; returns where a quote left open started, or -1. */
  end(): number {
    if (this.crPending) {
      this.crPending = false;
      this.endRow(this.pos);
    }
    // A quote on the last byte closes its section.
    if (this.inQuote && !this.quotePending) return this.openAt;
    if (this.rowStart < this.pos) {
      this.rowOver(this.cells);
      this.endRow(this.pos);
    }
    if (!this.headerDone) this.header(this.pos);
    return -1;
  }

  /** The cells of a row that just ended. */
  private rowOver(cells: number): void {
    this.rows++;
    if (cells > this.width) this.width = cells;
  }

  /** The row that started at `rowStart` is over, its line end included, at `end`. */
  private endRow(end: number): void {
    this.rowStart = end;
    if (!this.headerDone) this.header(end);
    if (end - this.lastCut >= this.batchBytes) {
      this.cuts.push(end);
      this.lastCut = end;
    }
  }

  /** The first row ends at `end` (line end included): keep just its bytes (they start at `start`). */
  private header(end: number): void {
    this.headerDone = true;
    this.headerPieces = [concatBytes(this.headerPieces).subarray(0, end - this.start)];
  }

  private sniffEol(b: Uint8Array, from: number): void {
    let i = from;
    if (this.eolCr && b.length > 0) {
      this.eol = b[0] === LF ? '\r\n' : '\n';
      return;
    }
    for (; i < b.length; i++) {
      const c = b[i];
      if (c === QUOTE) this.eolQuoted = !this.eolQuoted;
      else if (!this.eolQuoted && c === CR) {
        if (i === b.length - 1) {
          this.eolCr = true;
          return;
        }
        this.eol = b[i + 1] === LF ? '\r\n' : '\n';
        return;
      } else if (!this.eolQuoted && c === LF) {
        this.eol = '\n';
        return;
      }
    }
  }
}

/** Where the next `byte` is in `b` from `from`, or `b.length` when there is none. */
function indexOr(b: Uint8Array, byte: number, from: number): number {
  const at = b.indexOf(byte, from);
  return at < 0 ? b.length : at;
}

/** The line (1-based, as `parseCsv` counts them: CRLF, LF or a lone CR) that byte `offset` is on. */
async function lineAt(chunks: AsyncIterable<Uint8Array>, offset: number): Promise<number> {
  let line = 1;
  let pos = 0;
  let cr = false;
  for await (const b of chunks) {
    const n = Math.min(b.length, offset - pos);
    for (let i = 0; i < n; i++) {
      const c = b[i];
      if (cr && c !== LF) line++;
      cr = c === CR;
      if (c === LF) line++;
    }
    pos += n;
    if (pos >= offset) break;
  }
  // A CR just before `offset` is a lone one unless an LF is at `offset` (a quote is there).
  return cr ? line + 1 : line;
}
