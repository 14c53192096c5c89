/**
 * `consent scan --csv`, a batch at a time: whole rows of the lead list in, the same rows with the
 * consent_* columns out, as CSV text. Pure, so it runs in this thread or in a worker (bin/scan-pool.ts)
 * and gives the same bytes either way.
 */
import { csvCell, parseCsv } from '../csv';
import { type CalleeLocation, type Classification, type ClassifyContext, classify } from '../law/classify';
import { findLocations, isLocationLabel, locationOfValue } from '../location/read';
import { plainNanpE164 } from '../number/parse-number';
import { scanText } from '../number/scan-text';
import { SCAN_OPTIONS } from './scan-options';

/** Columns `--csv` appends to the lead list. */
export const CSV_COLUMNS = [
  'consent_e164',
  'consent_region',
  'consent_requirement',
  'consent_local_time',
  'consent_calling_window',
  'consent_location',
  'consent_location_from',
  'consent_calling_hours',
  'consent_calling_decided_by',
  'consent_calling_opens_at',
  'consent_calling_closes_at',
] as const;

/** Columns whose cells hold a whole address ("Mailing Address", "City, State"): read as address lines. */
const ADDRESS_HEADER = /\b(?:address|city|location)\b/i;

/**
 * The lead list's own location columns, by index: State / Province / ZIP / Postal Code (read as
 * values) and address columns (read as address lines).
 */
interface LocationColumn {
  index: number;
  name: string;
  address: boolean;
}

export function locationColumns(header: readonly string[]): LocationColumn[] {
  return header.flatMap((cell, index): LocationColumn[] => {
    const name = cell.replace(/^\uFEFF/, '').trim();
    if (isLocationLabel(name)) return [{ index, name, address: false }];
    return ADDRESS_HEADER.test(name) ? [{ index, name, address: true }] : [];
  });
}

/** A row's location: every place its location columns name (two different places: all count, the strictest wins). */
export function rowLocation(
  row: readonly string[],
  columns: readonly LocationColumn[],
): (CalleeLocation & { text: string }) | null {
  const regions: string[] = [];
  const read: string[] = [];
  for (const column of columns) {
    const cell = row[column.index] ?? '';
    if (cell.trim() === '') continue;
    const hits = column.address ? findLocations(cell) : [locationOfValue(cell)].filter((h) => h !== null);
    for (const hit of hits) {
      for (const r of hit.regions) if (!regions.includes(r)) regions.push(r);
      read.push(`${column.name}: ${hit.text}`);
    }
  }
  return regions.length > 0 ? { regions, text: read.join('; '), source: 'column' } : null;
}

export function csvVerdict(c: Classification): string[] {
  const region = c.kind === 'tollfree' ? 'toll-free' : c.regions.join(' ') || c.country || '';
  const window = c.inCallingWindow === true ? 'yes' : c.inCallingWindow === false ? 'no' : (c.inCallingWindow ?? '');
  return [
    c.e164 ?? '',
    region,
    c.kind === 'invalid' ? '' : c.treatAs,
    c.localTime ?? '',
    window,
    c.calleeLocation ?? '',
    c.calleeLocation !== null ? (c.recordLocation?.text ?? '') : '',
    callingState(c.callingHours),
    c.callingHours?.decidedBy ?? '',
    c.callingHours?.opensAt ?? '',
    c.callingHours?.closesAt ?? '',
  ];
}

/** open, closed, partly, info (the purpose is exempt) or '' where no rule is known. */
function callingState(h: Classification['callingHours']): string {
  if (!h || h.allowed === null) return '';
  if (!h.binding && h.allowed === true) return 'info';
  return h.allowed === true ? 'open' : h.allowed === false ? 'closed' : 'partly';
}

/** What every batch of one run shares; it crosses to workers, so it is plain data. */
export interface CsvScanSetup {
  /** The most cells in a row of the whole file (header included): every row is padded to it. */
  width: number;
  /** The header row's cells (its location columns are read from it). */
  header: readonly string[];
  eol: '\r\n' | '\n';
  context: ClassifyContext;
}

/** Whole rows of the file as UTF-8 bytes; `first` is true for the batch that starts with the header. */
export interface CsvBatch {
  bytes: Uint8Array<ArrayBuffer>;
  first: boolean;
}

/** Scans the text of whole rows (`first`: they start with the header) to the output's CSV text. */
export type TextScanner = (text: string, first: boolean) => string;

/** Entries kept per cache; past this a cache starts again (memory stays flat on any file). */
const CACHE_SIZE = 20_000;

/** A map that forgets everything once it holds CACHE_SIZE entries. */
function cached<T>(compute: (key: string) => T): (key: string) => T {
  const map = new Map<string, T>();
  return (key) => {
    let value = map.get(key);
    if (value === undefined) {
      if (map.size >= CACHE_SIZE) map.clear();
      value = compute(key);
      map.set(key, value);
    }
    return value;
  };
}

/** Scans batches of one run; keeps its verdicts and row locations (a lead list repeats them). */
export function csvBatchScanner(setup: CsvScanSetup): TextScanner {
  const { width, eol, context } = setup;
  const columns = locationColumns(setup.header);
  const blank = CSV_COLUMNS.map(() => '').join(',');
  const cellsOf = (e164: string, location: CalleeLocation | null) =>
    csvVerdict(classify(e164, location ? { ...context, calleeLocation: location } : context))
      .map(csvCell)
      .join(',');
  /*
   * A plain NANP number's verdict is its area code's (classify keeps one per area code and context):
   * every consent_* cell but the E.164 one is the same for all numbers of an area code and location.
   */
  let number = '';
  let location: CalleeLocation | null = null;
  const areaTail = cached(() => cellsOf(number, location).slice(number.length + 1));
  const verdictCells = (e164: string, where: CalleeLocation | null) => {
    if (e164.length !== 12 || plainNanpE164(e164) !== e164) return cellsOf(e164, where);
    number = e164;
    location = where;
    const key = where ? `${e164.slice(2, 5)}${where.regions.join('/')}\u0000${where.text ?? ''}` : e164.slice(2, 5);
    return `${e164},${areaTail(key)}`;
  };
  const locationKeys = columns.map((c) => c.index);
  const rowLocationOf = cached((_key) => rowLocation(currentRow, columns));
  let currentRow: readonly string[] = [];
  const locationOf = (row: readonly string[]) => {
    currentRow = row;
    return rowLocationOf(locationKeys.map((i) => row[i] ?? '').join('\u0000'));
  };
  return (text, first) => {
    let out = '';
    let r = 0;
    for (let i = 0; i < text.length; r++) {
      // One row: its text up to the line end, read by parseCsv only when it holds a quote.
      const [end, next, quoted] = rowEnd(text, i);
      const raw = text.slice(i, end);
      i = next;
      let row: string[];
      let line: string;
      if (!quoted && !raw.includes('\uFEFF')) {
        // No quote, no line break, no BOM in a cell: every cell is written back as it was read.
        row = raw.split(',');
        line = row.length < width ? raw + ','.repeat(width - row.length) : raw;
      } else {
        // parseCsv drops a BOM that starts its text; here it starts a cell, which keeps it.
        row = (raw.charCodeAt(0) === 0xfeff ? parseCsv(`,${raw}`)[0]?.slice(1) : parseCsv(raw)[0]) ?? [''];
        const cells = row.map(csvCell);
        while (cells.length < width) cells.push('');
        line = cells.join(',');
      }
      if (first && r === 0) {
        out += `${line},${CSV_COLUMNS.join(',')}${eol}`;
        continue;
      }
      const found = firstNumber(row);
      out += `${line},${found ? verdictCells(found, locationOf(row)) : blank}${eol}`;
    }
    return out;
  };
}

/** Scans batches of bytes to bytes (for a worker: both cross threads as transferred buffers). */
export function csvByteScanner(setup: CsvScanSetup): (batch: CsvBatch) => Uint8Array<ArrayBuffer> {
  const scan = csvBatchScanner(setup);
  const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
  const encoder = new TextEncoder();
  return ({ bytes, first }) => encoder.encode(scan(decoder.decode(bytes), first));
}

const QUOTE = 34;
const CR = 13;
const LF = 10;

/**
 * Where the row starting at `i` ends (before its line end), where the next one starts, and whether it
 * holds a quote. Quoted sections follow parseCsv: one opens only at the start of a cell.
 */
function rowEnd(text: string, i: number): [number, number, boolean] {
  const n = text.length;
  let quoted = false;
  let j = i;
  while (j < n) {
    const c = text.charCodeAt(j);
    if (c === LF) return [j, j + 1, quoted];
    if (c === CR) return [j, text.charCodeAt(j + 1) === LF ? j + 2 : j + 1, quoted];
    if (c === QUOTE) {
      quoted = true;
      const before = j === i ? COMMA_CODE : text.charCodeAt(j - 1);
      if (before === COMMA_CODE || before === CR || before === LF) {
        // A quoted section: to the next lone quote (a doubled one is a quote inside it).
        for (;;) {
          const close = text.indexOf('"', j + 1);
          if (close < 0) return [n, n, true];
          j = close + 1;
          if (text.charCodeAt(j) !== QUOTE) break;
        }
        continue;
      }
    }
    j++;
  }
  return [n, n, quoted];
}

const COMMA_CODE = 44;

/** The fewest digits of a number the scanner reads (NANP 10, international 8 and up). */
const MIN_NUMBER_LENGTH = 8;

/** Whether a cell holds at least `MIN_NUMBER_LENGTH` digits (ASCII or full-width): a number has. */
function enoughDigits(cell: string): boolean {
  let digits = 0;
  for (let i = 0; i < cell.length; i++) {
    const c = cell.charCodeAt(i);
    if ((c >= 48 && c <= 57) || (c >= 0xff10 && c <= 0xff19)) {
      if (++digits >= MIN_NUMBER_LENGTH) return true;
    }
  }
  return false;
}

function firstNumber(row: readonly string[]): string | undefined {
  for (const cell of row) {
    if (cell.length < MIN_NUMBER_LENGTH || !enoughDigits(cell)) continue;
    const found = scanText(cell, SCAN_OPTIONS)[0];
    if (found) return found.e164;
  }
  return undefined;
}
