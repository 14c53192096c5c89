/**
 * `consent scan`: finds the phone numbers in text, HTML and CSV files with the extension's own scanner
 * (and, for HTML, its own DOM walker on linkedom), and says what recording a call to each one needs.
 */
import { parseHTML } from 'linkedom';
import { csvEol, parseCsv, toCsv } from '../csv';
import { AREA_CODES } from '../data/area-codes';
import { type CalleeLocation, type Classification, type ClassifyContext, classify } from '../law/classify';
import { findLocations, isLocationLabel, locationOfValue } from '../location/read';
import { type Detection, type ScanOptions, scanText } from '../number/scan-text';
import { collectAll, type Where } from '../page/collect';
import { dropEchoedLinks } from '../page/dedupe';
import { UsageError } from './args';
import type { CliIO } from './main';
import { table } from './table';

type FileType = 'txt' | 'html' | 'csv';

/** One number as `consent scan --json` reports it. */
interface ScanDetection {
  e164: string;
  kind: Detection['kind'];
  where: Where;
  /** JS string indices: into the file's text (.txt), the block's text (.html), the cell (.csv). */
  start: number;
  end: number;
  ext: string | null;
  raw: string;
  /** CSV only: 0-based row (the header is row 0) and column of the cell. */
  row?: number;
  column?: number;
}

interface FileScan {
  file: string;
  error?: string;
  detections: ScanDetection[];
}

/** Numbers whose area code is not in service are not phone numbers. */
export const SCAN_OPTIONS: ScanOptions = { isAssignedNpa: (npa) => Object.hasOwn(AREA_CODES, npa) };

function fileType(path: string): FileType | null {
  const ext = /\.([^./\\]+)$/.exec(path)?.[1]?.toLowerCase();
  return ext === 'txt' ? 'txt' : ext === 'html' || ext === 'htm' ? 'html' : ext === 'csv' ? 'csv' : null;
}

const detection = (d: Detection, where: Where = 'text'): ScanDetection => ({
  e164: d.e164,
  kind: d.kind,
  where,
  start: d.start,
  end: d.end,
  ext: d.ext,
  raw: d.raw,
});

function scanPlainText(text: string): ScanDetection[] {
  return scanText(text, SCAN_OPTIONS).map((d) => detection(d));
}

function scanCsvRows(rows: readonly (readonly string[])[]): ScanDetection[] {
  return rows.flatMap((cells, row) =>
    cells.flatMap((cell, column) => scanText(cell, SCAN_OPTIONS).map((d) => ({ ...detection(d), row, column }))),
  );
}

/** The numbers of an HTML page, found by the content script's walker; a `tel:` link showing its number counts once. */
export function scanHtml(html: string): ScanDetection[] {
  const document = parseHTML(html).document as unknown as Document;
  useSpecTreeWalker(document);
  // Not `document.body`: on a fragment linkedom's getter inserts an empty <head> and <body> into it.
  const root: Node = document.querySelector('body') ?? document;
  return dropEchoedLinks(collectAll(root, scanText, SCAN_OPTIONS)).map((f) => ({
    e164: f.e164,
    kind: f.kind,
    where: f.where,
    start: f.start,
    end: f.end,
    ext: f.ext,
    raw: f.raw,
  }));
}

function scanContent(type: FileType, text: string): ScanDetection[] {
  return type === 'txt' ? scanPlainText(text) : type === 'html' ? scanHtml(text) : scanCsvRows(parseCsv(text));
}

/*
 * linkedom's createTreeWalker lists every node of the subtree and ignores the filter, while collect.ts
 * needs its FILTER_REJECT (skip <script>, <textarea>… with their subtrees) and FILTER_SKIP (visit an
 * element without returning it). This walker follows the DOM standard's nextNode(), which is all
 * collect.ts calls.
 */
type Filter = NodeFilter | null | undefined;

function acceptNode(node: Node, whatToShow: number, filter: Filter): number {
  if (!(whatToShow & (1 << (node.nodeType - 1)))) return 3;
  if (!filter) return 1;
  return typeof filter === 'function' ? filter(node) : filter.acceptNode(node);
}

class SpecTreeWalker {
  currentNode: Node;
  constructor(
    readonly root: Node,
    readonly whatToShow: number,
    readonly filter: Filter,
  ) {
    this.currentNode = root;
  }

  nextNode(): Node | null {
    let node = this.currentNode;
    let result = 1;
    for (;;) {
      let found = false;
      while (!found && result !== 2 && node.firstChild) {
        node = node.firstChild;
        result = acceptNode(node, this.whatToShow, this.filter);
        found = result === 1;
      }
      if (!found) {
        let sibling: Node | null = null;
        for (let temp: Node | null = node; temp && temp !== this.root; temp = temp.parentNode) {
          sibling = temp.nextSibling;
          if (sibling) break;
        }
        if (!sibling) return null;
        node = sibling;
        result = acceptNode(node, this.whatToShow, this.filter);
        found = result === 1;
      }
      if (found) {
        this.currentNode = node;
        return node;
      }
    }
  }
}

/** Gives a (linkedom) document a createTreeWalker that honours its filter. */
function useSpecTreeWalker(document: Document): void {
  Object.defineProperty(document, 'createTreeWalker', {
    configurable: true,
    value: (root: Node, whatToShow = 0xffffffff, filter: Filter = null) =>
      new SpecTreeWalker(root, whatToShow, filter) as unknown as TreeWalker,
  });
}

interface ScanRun {
  files: readonly string[];
  format: 'table' | 'json' | 'csv';
  context: ClassifyContext;
  /** Region, consent, local time and calling window of a verdict, as `lookup` prints them. */
  cells: (c: Classification) => string[];
}

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

function locationColumns(header: readonly string[]): LocationColumn[] {
  return header.flatMap((cell, index): LocationColumn[] => {
    const name = cell.replace(/^\uFEFF/, '').trim();
    if (isLocationLabel(name)) return [{ index, name, address: false }];
    return ADDRESS_HEADER.test(name) ? [{ index, name, address: true }] : [];
  });
}

/** A row's location: every place its location columns name (two different places: all count, the strictest wins). */
function rowLocation(
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

/** Control characters would upset a terminal: shown as `?`. */
const printable = (text: string) => text.replace(/\p{Cc}/gu, '?');

function csvVerdict(c: Classification): string[] {
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

export async function runScan(run: ScanRun, io: CliIO): Promise<number> {
  const { files, format } = run;
  if (files.length === 0) throw new UsageError('scan needs at least one .txt, .html, .htm or .csv file');
  const types = files.map((file) => {
    const type = fileType(file);
    if (!type) throw new UsageError(`cannot scan "${file}": only .txt, .html, .htm and .csv files`);
    return type;
  });
  if (format === 'csv' && (files.length !== 1 || types[0] !== 'csv'))
    throw new UsageError('--csv needs exactly one .csv file');

  const verdicts = new Map<string, Classification>();
  const verdict = (e164: string, location: CalleeLocation | null = null) => {
    const key = location ? `${e164}@${location.text}` : e164;
    let c = verdicts.get(key);
    if (!c) {
      c = classify(e164, location ? { ...run.context, calleeLocation: location } : run.context);
      verdicts.set(key, c);
    }
    return c;
  };
  const read = async (file: string): Promise<{ text: string } | { error: string }> => {
    try {
      if (!io.readFile) throw new Error('no file access here');
      return { text: await io.readFile(file) };
    } catch (error) {
      return { error: error instanceof Error ? error.message : String(error) };
    }
  };

  if (format === 'csv') {
    const file = files[0] ?? '';
    const input = await read(file);
    let rows: string[][];
    try {
      if ('error' in input) throw new Error(input.error);
      rows = parseCsv(input.text);
    } catch (error) {
      io.stderr(`consent: ${file}: ${printable(error instanceof Error ? error.message : String(error))}\n`);
      return 1;
    }
    const width = Math.max(0, ...rows.map((r) => r.length));
    const pad = (row: readonly string[]) => [...row, ...Array<string>(width - row.length).fill('')];
    const firstNumber = (row: readonly string[]) => {
      for (const cell of row) {
        const found = scanText(cell, SCAN_OPTIONS)[0];
        if (found) return found;
      }
      return undefined;
    };
    const columns = locationColumns(rows[0] ?? []);
    const out = rows.map((row, r) => {
      if (r === 0) return [...pad(row), ...CSV_COLUMNS];
      const first = firstNumber(row);
      return [
        ...pad(row),
        ...(first ? csvVerdict(verdict(first.e164, rowLocation(row, columns))) : CSV_COLUMNS.map(() => '')),
      ];
    });
    if (out.length === 0) out.push([...CSV_COLUMNS]);
    io.stdout(toCsv(out, { eol: csvEol(input.text), bom: input.text.charCodeAt(0) === 0xfeff }));
    return 0;
  }

  const results: FileScan[] = [];
  for (const [i, file] of files.entries()) {
    const input = await read(file);
    try {
      if ('error' in input) throw new Error(input.error);
      results.push({ file, detections: scanContent(types[i] ?? 'txt', input.text) });
    } catch (error) {
      results.push({ file, error: error instanceof Error ? error.message : String(error), detections: [] });
    }
  }
  const failed = results.some((r) => r.error !== undefined) ? 1 : 0;

  if (format === 'json') {
    io.stdout(`${JSON.stringify(results, null, 2)}\n`);
    return failed;
  }
  const out: string[] = [];
  for (const result of results) {
    if (result.error !== undefined) {
      io.stderr(`consent: ${printable(result.file)}: ${printable(result.error)}\n`);
      continue;
    }
    const name = printable(result.file);
    if (result.detections.length === 0) {
      out.push(`${name}: no phone numbers found.`);
      continue;
    }
    const rows = result.detections.map((d) => [
      printable(d.raw),
      d.e164,
      d.row === undefined ? d.where : `row ${d.row}, col ${d.column}`,
      ...run.cells(verdict(d.e164)),
    ]);
    const distinct = [...new Set(result.detections.map((d) => d.e164))].map((n) => verdict(n));
    const allParty = distinct.filter((c) => c.treatAs === 'all-party').length;
    const outside = distinct.filter((c) => c.inCallingWindow === false).length;
    const closed = distinct.filter((c) => c.callingHours?.binding && c.callingHours.allowed === false).length;
    const n = result.detections.length;
    out.push(
      `${name}\n${table(['Number', 'E.164', 'Found in', 'Region', 'Consent', 'Local time', '8am-9pm', 'Hours now'], rows)}\n` +
        `${name}: ${n} number${n === 1 ? '' : 's'} (${distinct.length} distinct): ${allParty} all-party, ` +
        `${distinct.length - allParty} one-party; ${outside} outside the 8am-9pm calling window; ` +
        `${closed} closed by state, provincial, national or company calling hours.`,
    );
  }
  if (out.length > 0) io.stdout(`${out.join('\n\n')}\n`);
  return failed;
}
