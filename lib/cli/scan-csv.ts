/**
 * `consent scan --csv`, a batch at a time: whole rows of the lead list in, the same rows with the
 * consent_* columns out, as CSV text. Pure, so it runs in this thread or in a worker (bin/scan-pool.ts)
 * and gives the same bytes either way.
 */
import { isUtf8 } from 'node:buffer';
import { csvCell, parseCsvRow } from '../csv';
import { CsvRowBytes, csvRowEnd, QUOTED, REQUOTED } from '../csv-row-bytes';
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

/** Entries kept per cache; past this a cache starts again (memory stays flat on any file). */
const CACHE_SIZE = 20_000;

/**
 * Values keyed by a run of bytes (a row's location cells as written), found by a hash of the bytes and
 * checked byte for byte: no string is made per row. Forgets everything once it holds CACHE_SIZE entries.
 */
class ByteKeyCache<T> {
  private readonly map = new Map<number, { key: Uint8Array; value: T }>();
  private hash = 0;

  get(b: Uint8Array, from: number, to: number): T | undefined {
    let h = 0x811c9dc5;
    for (let i = from; i < to; i++) h = Math.imul(h ^ (b[i] as number), 0x01000193);
    // A small integer: a map key V8 stores without a number object.
    this.hash = h & 0x3fffffff;
    const entry = this.map.get(this.hash);
    if (entry === undefined || entry.key.length !== to - from) return undefined;
    for (let i = from; i < to; i++) if (entry.key[i - from] !== b[i]) return undefined;
    return entry.value;
  }

  /** Keeps `value` under the key `get` was last asked for (a key of the same hash gives way). */
  set(b: Uint8Array, from: number, to: number, value: T): T {
    if (this.map.size >= CACHE_SIZE) this.clear();
    this.map.set(this.hash, { key: b.slice(from, to), value });
    return value;
  }

  clear(): void {
    this.map.clear();
  }
}

/** Bytes written one after another into a buffer that grows as needed (kept from batch to batch). */
class ByteSink {
  private buf = new Uint8Array(1 << 20);
  private at = 0;
  private readonly encoder = new TextEncoder();

  private room(n: number): void {
    if (this.at + n <= this.buf.length) return;
    const grown = new Uint8Array(Math.max(this.buf.length * 2, this.at + n));
    grown.set(this.buf.subarray(0, this.at));
    this.buf = grown;
  }

  bytes(src: Uint8Array, from = 0, to = src.length): void {
    this.room(to - from);
    this.buf.set(from === 0 && to === src.length ? src : src.subarray(from, to), this.at);
    this.at += to - from;
  }

  /** `n` times the byte `c`. */
  repeat(c: number, n: number): void {
    if (n === 0) return;
    this.room(n);
    this.buf.fill(c, this.at, this.at + n);
    this.at += n;
  }

  /** Text of ASCII characters only (an E.164 number). */
  ascii(text: string): void {
    this.room(text.length);
    for (let i = 0; i < text.length; i++) this.buf[this.at++] = text.charCodeAt(i);
  }

  text(text: string): void {
    this.room(text.length * 3);
    this.at += this.encoder.encodeInto(text, this.buf.subarray(this.at)).written;
  }

  /** What was written, in a buffer of its own (it can be handed to another thread); the sink starts again. */
  take(): Uint8Array<ArrayBuffer> {
    const out = this.buf.slice(0, this.at);
    this.at = 0;
    return out;
  }
}

const COMMA = 44;

/** A row location and the consent_* cells (after the E.164 one) of its numbers, by area code. */
interface Place {
  location: CalleeLocation | null;
  tails: Map<number, Uint8Array>;
}

/**
 * Scans batches of one run, bytes in, bytes out (a worker hands both over). Keeps its verdicts and row
 * locations (a lead list repeats them). A row's cells are found on its bytes (lib/csv-row-bytes.ts) and
 * written back as they came, unless `csvCell` writes one differently (then only the quotes it does not
 * need are dropped); only the cells the row's number and location are read from are decoded. A row the
 * byte reader leaves to `parseCsv`, and every row of a batch that is not valid UTF-8 (decoding replaces
 * bad bytes), is decoded, parsed and written cell by cell with `csvCell`.
 */
export function csvByteScanner(setup: CsvScanSetup): (batch: CsvBatch) => Uint8Array<ArrayBuffer> {
  const { width, context } = setup;
  const columns = locationColumns(setup.header);
  const indices = columns.map((c) => c.index);
  /** The location columns are side by side (or there is one): their cells as written are one run of the row. */
  const adjacent = indices.every((index, k) => k === 0 || index === (indices[k - 1] as number) + 1);
  const lastColumn = indices.length > 0 ? Math.max(...indices) : -1;
  const encoder = new TextEncoder();
  const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
  const eol = setup.eol;
  const headerTail = encoder.encode(`,${CSV_COLUMNS.join(',')}${eol}`);
  const blankTail = encoder.encode(`,${CSV_COLUMNS.map(() => '').join(',')}${eol}`);
  const sink = new ByteSink();
  const row = new CsvRowBytes();
  /** Places by their location cells as written (joined by commas: a CSV fragment, read back one way only). */
  const places = new ByteKeyCache<Place>();
  const nowhere: Place = { location: null, tails: new Map() };
  let tailCount = 0;
  const key = new ByteSink();
  const verdictCells = (e164: string, location: CalleeLocation | null) =>
    csvVerdict(classify(e164, location ? { ...context, calleeLocation: location } : context))
      .map(csvCell)
      .join(',');

  // The batch being scanned, and the cells of a row read by parseCsv (null for a row read on its bytes).
  let bytes = new Uint8Array(0);
  let parsed: string[] | null = null;

  /** The value of cell `k` of the row, as parseCsv reads it. */
  const cellText = (k: number): string => (parsed ? (parsed[k] ?? '') : row.value(k));

  /** The first number in the row's cells, read as the scanner reads it. */
  const firstNumber = (cells: number): string | undefined => {
    for (let k = 0; k < cells; k++) {
      // A cell with fewer digits than a number has is not even decoded.
      if (parsed ? !enoughDigits(parsed[k] ?? '') : !row.hasDigits(k, MIN_NUMBER_LENGTH)) continue;
      const found = scanText(cellText(k), SCAN_OPTIONS)[0];
      if (found) return found.e164;
    }
    return undefined;
  };

  /** The row's place, found by its location cells as written (as csvCell writes them, for a parsed row). */
  const placeOf = (): Place => {
    if (columns.length === 0) return nowhere;
    let place: Place | undefined;
    if (!parsed && adjacent && lastColumn < row.cells) {
      const from = row.from[indices[0] as number] as number;
      const to = row.to[lastColumn] as number;
      place = places.get(bytes, from, to) ?? places.set(bytes, from, to, newPlace());
    } else {
      indices.forEach((i, k) => {
        if (k > 0) key.repeat(COMMA, 1);
        if (parsed) key.text(csvCell(parsed[i] ?? ''));
        else if (i < row.cells) key.bytes(bytes, row.from[i], row.to[i]);
      });
      const written = key.take();
      place = places.get(written, 0, written.length) ?? places.set(written, 0, written.length, newPlace());
    }
    return place;
  };
  const newPlace = (): Place => {
    const cells: string[] = [];
    // Decoded afresh (a slice of the batch's text would keep the whole text alive in the cache).
    for (const i of indices) cells[i] = parsed ? cellText(i) : structuredClone(cellText(i));
    return { location: rowLocation(cells, columns), tails: new Map() };
  };

  /** The consent_* cells of a row whose number is `e164`, after a comma, and the line end. */
  const writeVerdict = (e164: string, place: Place) => {
    if (e164.length !== 12 || plainNanpE164(e164) !== e164) {
      sink.text(`,${verdictCells(e164, place.location)}${eol}`);
      return;
    }
    /*
     * A plain NANP number's verdict is its area code's (classify keeps one per area code and context):
     * every consent_* cell but the E.164 one is the same for all numbers of an area code and location.
     */
    const area = e164.charCodeAt(2) * 100 + e164.charCodeAt(3) * 10 + e164.charCodeAt(4);
    let tail = place.tails.get(area);
    if (tail === undefined) {
      if (++tailCount > CACHE_SIZE) {
        // Memory stays flat: every place and tail starts again.
        places.clear();
        nowhere.tails.clear();
        tailCount = 1;
      }
      tail = encoder.encode(`${verdictCells(e164, place.location).slice(e164.length)}${eol}`);
      place.tails.set(area, tail);
    }
    sink.repeat(COMMA, 1);
    sink.ascii(e164);
    sink.bytes(tail);
  };

  /** Writes the row as it came, padded to `width` cells; returns its cells. */
  const writeRowBytes = (): number => {
    let copied = row.from[0] as number;
    for (let k = 0; k < row.cells; k++) {
      const flags = row.flags[k] as number;
      if (flags & QUOTED && !(flags & REQUOTED)) {
        // Quotes csvCell would not write: the value alone.
        sink.bytes(bytes, copied, row.from[k] as number);
        sink.bytes(bytes, (row.from[k] as number) + 1, (row.to[k] as number) - 1);
        copied = row.to[k] as number;
      }
    }
    sink.bytes(bytes, copied, row.end);
    sink.repeat(COMMA, width - row.cells);
    return row.cells;
  };

  /** Reads the row from `i` to `end` with parseCsv and writes it cell by cell, padded to `width` cells. */
  const writeRowParsed = (i: number, end: number): number => {
    const raw = decoder.decode(bytes.subarray(i, end));
    parsed = parseCsvRow(raw);
    sink.text(parsed.map(csvCell).join(','));
    sink.repeat(COMMA, width - parsed.length);
    return parsed.length;
  };

  return (batch) => {
    bytes = batch.bytes;
    const n = bytes.length;
    const valid = isUtf8(bytes);
    if (valid) row.batch(bytes);
    for (let i = 0, r = 0; i < n; r++) {
      let cells: number;
      parsed = null;
      if (valid && row.read(bytes, i)) {
        cells = writeRowBytes();
        i = row.next;
      } else {
        const [end, next] = csvRowEnd(bytes, i);
        cells = writeRowParsed(i, end);
        i = next;
      }
      if (batch.first && r === 0) sink.bytes(headerTail);
      else {
        const found = firstNumber(cells);
        if (found) writeVerdict(found, placeOf());
        else sink.bytes(blankTail);
      }
    }
    bytes = new Uint8Array(0);
    row.batch(bytes);
    parsed = null;
    return sink.take();
  };
}

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
