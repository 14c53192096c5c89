/**
 * `consent scan`: finds the phone numbers in text, HTML and CSV files with the extension's own scanner
 * (and, for HTML, its own DOM walker on linkedom), and says what recording a call to each one needs.
 */
import { parseCsv } from '../csv';
import type { CalleeLocation, Classification, ClassifyContext } from '../law/classify';
import { classify } from '../law/classify';
import { type Detection, scanText } from '../number/scan-text';
import type { Where } from '../page/collect';
import type { RecordPlace } from '../page/record';
import { UsageError } from './args';
import type { CliIO } from './main';
import { scanCsvFile } from './scan-csv-file';
import { SCAN_OPTIONS } from './scan-options';
import { table } from './table';

type FileType = 'txt' | 'html' | 'csv';

/** One number as `consent scan --json` reports it. */
export interface ScanDetection {
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
  /** HTML only: the place the number's record names (same row, card, section…), or null. */
  recordLocation?: RecordPlace | null;
  /** HTML only: the record's region whose rule the answer used (data-consent-location), or null. */
  calleeLocation?: string | null;
}

interface FileScan {
  file: string;
  error?: string;
  detections: ScanDetection[];
}

export { CSV_COLUMNS } from './scan-csv';
export { SCAN_OPTIONS };

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

async function scanContent(type: FileType, text: string): Promise<ScanDetection[]> {
  if (type === 'txt') return scanPlainText(text);
  if (type === 'csv') return scanCsvRows(parseCsv(text));
  // linkedom is loaded only for HTML: every other command starts without it (~0.2 s of CPU).
  const { scanHtml } = await import('./scan-html');
  return scanHtml(text);
}

interface ScanRun {
  files: readonly string[];
  format: 'table' | 'json' | 'csv';
  context: ClassifyContext;
  /** Region, consent, local time and calling window of a verdict, as `lookup` prints them. */
  cells: (c: Classification) => string[];
}

/** Control characters would upset a terminal: shown as `?`. */
const printable = (text: string) => text.replace(/\p{Cc}/gu, '?');

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

  if (format === 'csv') return scanCsvFile(files[0] ?? '', run.context, io);

  const results: FileScan[] = [];
  for (const [i, file] of files.entries()) {
    const input = await read(file);
    try {
      if ('error' in input) throw new Error(input.error);
      const detections = await scanContent(types[i] ?? 'txt', input.text);
      // A number in a record that names a place is answered with it; the JSON says which region was used.
      for (const d of detections) {
        if (d.recordLocation !== undefined) d.calleeLocation = verdict(d.e164, d.recordLocation).calleeLocation;
      }
      results.push({ file, detections });
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
      ...run.cells(verdict(d.e164, d.recordLocation ?? null)),
    ]);
    const distinct = [...new Map(result.detections.map((d) => [d.e164, d])).values()].map((d) =>
      verdict(d.e164, d.recordLocation ?? null),
    );
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
