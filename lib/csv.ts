/**
 * CSV as RFC 4180 writes it, read the way spreadsheets save it: quoted fields with `""` for a quote,
 * commas and line breaks inside quotes, CRLF, LF or CR line ends, a UTF-8 byte order mark.
 * `parseCsv(toCsv(rows))` gives back `rows`, cell for cell.
 */

export class CsvError extends Error {}

const QUOTE = 34;
const COMMA = 44;
const CR = 13;
const LF = 10;

/**
 * Rows of cells. A leading BOM is dropped; a line end after the last row does not start another row,
 * but a blank line is a row with one empty cell. A quote inside an unquoted cell is kept as it is, and
 * text after a closing quote is appended to the cell; a quote left open until the end is an error.
 */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  /** True once the current row has begun (a cell, a comma, or a line end of its own). */
  let started = false;
  const endRow = () => {
    row.push(cell);
    rows.push(row);
    row = [];
    cell = '';
    started = false;
  };
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === QUOTE && cell === '' && !startedCell(text, i)) {
      // A quoted section: runs to the next lone quote.
      const opened = i;
      i++;
      for (;;) {
        const close = text.indexOf('"', i);
        if (close < 0) throw new CsvError(`unterminated quoted field starting on line ${lineOf(text, opened)}`);
        cell += text.slice(i, close);
        if (text.charCodeAt(close + 1) === QUOTE) {
          cell += '"';
          i = close + 2;
        } else {
          i = close + 1;
          break;
        }
      }
      started = true;
      continue;
    }
    if (c === COMMA) {
      row.push(cell);
      cell = '';
      started = true;
      i++;
    } else if (c === LF || c === CR) {
      endRow();
      i += c === CR && text.charCodeAt(i + 1) === LF ? 2 : 1;
    } else {
      // A run of plain characters up to the next comma, quote or line end.
      let j = i + 1;
      while (j < text.length) {
        const d = text.charCodeAt(j);
        if (d === COMMA || d === LF || d === CR || d === QUOTE) break;
        j++;
      }
      cell += text.slice(i, j);
      started = true;
      i = j;
      if (j < text.length && text.charCodeAt(j) === QUOTE) {
        // A quote in the middle of an unquoted cell is a plain character.
        cell += '"';
        i = j + 1;
      }
    }
  }
  if (started || cell !== '' || row.length > 0) endRow();
  return rows;
}

/** True when position `i` is not the first character of its cell (so a quote there is literal). */
function startedCell(text: string, i: number): boolean {
  if (i === 0 || (i === 1 && text.charCodeAt(0) === 0xfeff)) return false;
  const before = text.charCodeAt(i - 1);
  return before !== COMMA && before !== LF && before !== CR;
}

function lineOf(text: string, index: number): number {
  let line = 1;
  for (let i = 0; i < index; i++) {
    const c = text.charCodeAt(i);
    if (c === LF || (c === CR && text.charCodeAt(i + 1) !== LF)) line++;
  }
  return line;
}

interface CsvWriteOptions {
  /** Line end after every row: `\r\n` (RFC 4180, the default) or `\n`. */
  eol?: '\r\n' | '\n';
  /** Start with a UTF-8 byte order mark (spreadsheets then read the file as UTF-8). */
  bom?: boolean;
}

/**
 * The cells of one row's text (no line end) as `parseCsv` reads them, except that a BOM starting it is
 * kept as part of the first cell: `parseCsv` drops a BOM that starts a file, a row inside one keeps it.
 */
export function parseCsvRow(raw: string): string[] {
  return (raw.charCodeAt(0) === 0xfeff ? parseCsv(`,${raw}`)[0]?.slice(1) : parseCsv(raw)[0]) ?? [''];
}

/** One cell, quoted when it holds a quote, comma or line break, or starts with a BOM. */
export function csvCell(value: string): string {
  return /[",\r\n]/.test(value) || value.charCodeAt(0) === 0xfeff ? `"${value.replaceAll('"', '""')}"` : value;
}

/** Rows to CSV text, every row ended by a line end (so a row of one empty cell is a blank line). */
export function toCsv(rows: readonly (readonly string[])[], options: CsvWriteOptions = {}): string {
  const eol = options.eol ?? '\r\n';
  let out = options.bom ? '\ufeff' : '';
  for (const row of rows) out += row.map(csvCell).join(',') + eol;
  return out;
}

/** The line end a CSV text uses after its first row (`\n` when it has none, or only bare CRs). */
export function csvEol(text: string): '\r\n' | '\n' {
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) quoted = !quoted;
    else if (!quoted && c === CR) return text.charCodeAt(i + 1) === LF ? '\r\n' : '\n';
    else if (!quoted && c === LF) return '\n';
  }
  return '\n';
}
