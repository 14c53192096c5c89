/**
 * `consent scan --csv FILE`, streamed: the file is read twice, a chunk at a time. The first pass checks
 * it (a quote left open is an error before anything is written) and finds the widest row (every row is
 * padded to it), the header, the line end and the row count; the second cuts it into batches of whole
 * rows, scans them (in a worker pool when the caller gives one) and writes the results in file order.
 * Memory stays at a few batches whatever the file's size.
 */
import { CsvEolSniffer, CsvRowCutter, CsvRowSplitter, firstRow } from '../csv-stream';
import type { ClassifyContext } from '../law/classify';
import type { CliIO } from './main';
import { CSV_COLUMNS, type CsvBatch, type CsvScanSetup, csvBatchScanner } from './scan-csv';

/** Runs batches somewhere else (bin/scan-pool.ts: worker threads); results come back per batch. */
export interface CsvBatchRunner {
  /** How many batches it works on at once. */
  readonly size: number;
  run: (batch: CsvBatch) => Promise<string>;
  close: () => Promise<void>;
}

/** Makes a runner for a file of `rows` rows, or null to scan in this thread (small files). */
export type CsvWorkers = (setup: CsvScanSetup, rows: number) => CsvBatchRunner | null;

/** Characters of whole rows per batch (about 5,000 rows of a lead list). */
const BATCH_CHARS = 1 << 19;

async function* chunksOf(file: string, io: CliIO): AsyncIterable<string> {
  if (io.readChunks) {
    yield* io.readChunks(file);
    return;
  }
  if (!io.readFile) throw new Error('no file access here');
  yield await io.readFile(file);
}

interface Survey {
  rows: number;
  /** Characters of rows (BOM excepted): the progress bar counts them. */
  chars: number;
  width: number;
  header: string[];
  eol: '\r\n' | '\n';
  bom: boolean;
}

/** The first pass: throws what `parseCsv` would throw on the whole file. */
async function survey(file: string, io: CliIO): Promise<Survey> {
  const splitter = new CsvRowSplitter();
  const eol = new CsvEolSniffer();
  let rows = 0;
  let chars = 0;
  let width = 0;
  let header: string[] | null = null;
  const take = (run: { text: string; rows: number; width: number }) => {
    if (run.rows === 0) return;
    header ??= firstRow(run.text);
    rows += run.rows;
    chars += run.text.length;
    width = Math.max(width, run.width);
  };
  for await (const chunk of chunksOf(file, io)) {
    eol.push(chunk);
    take(splitter.push(chunk));
  }
  take(splitter.end());
  return { rows, chars, width, header: header ?? [], eol: eol.end(), bom: splitter.hasBom };
}

/** Control characters would upset a terminal: shown as `?`. */
const printable = (text: string) => text.replace(/\p{Cc}/gu, '?');

/** A progress bar on stderr (share of the file's characters scanned), redrawn when the whole percent changes; cleared at the end. */
function progressBar(total: number, stderr: (text: string) => void) {
  let shown = -1;
  return {
    update(done: number) {
      const percent = total > 0 ? Math.floor((done * 100) / total) : 100;
      if (percent === shown) return;
      shown = percent;
      const filled = Math.round(percent / 5);
      stderr(`\rscanning [${'#'.repeat(filled)}${'.'.repeat(20 - filled)}] ${percent}%`);
    },
    done() {
      if (shown >= 0) stderr('\r\x1b[2K');
    },
  };
}

export async function scanCsvFile(file: string, context: ClassifyContext, io: CliIO): Promise<number> {
  let shape: Survey;
  try {
    shape = await survey(file, io);
  } catch (error) {
    io.stderr(`consent: ${file}: ${printable(error instanceof Error ? error.message : String(error))}\n`);
    return 1;
  }
  const write = io.write ?? (async (text: string) => io.stdout(text));
  const { eol } = shape;
  const bom = shape.bom ? '\ufeff' : '';
  if (shape.rows === 0) {
    await write(`${bom}${CSV_COLUMNS.join(',')}${eol}`);
    return 0;
  }
  const setup: CsvScanSetup = { width: shape.width, header: shape.header, eol, context };
  const pool = io.csvWorkers?.(setup, shape.rows) ?? null;
  const local = pool ? null : csvBatchScanner(setup);
  const progress = io.stderrIsTTY ? progressBar(shape.chars, io.stderr) : null;
  progress?.update(0);

  const pending: { result: Promise<string>; size: number }[] = [];
  const limit = pool ? pool.size * 2 : 1;
  let first = true;
  let done = 0;
  let out = bom;
  const flush = async () => {
    const next = pending.shift();
    if (!next) return;
    out += await next.result;
    await write(out);
    out = '';
    done += next.size;
    progress?.update(done);
  };
  let batch = '';
  const send = async () => {
    const job: CsvBatch = { text: batch, first };
    const result = pool ? pool.run(job) : Promise.resolve().then(() => (local as (b: CsvBatch) => string)(job));
    // A failed batch is reported when its turn to be written comes.
    result.catch(() => {});
    pending.push({ result, size: batch.length });
    first = false;
    batch = '';
    while (pending.length >= limit) await flush();
  };
  try {
    const cutter = new CsvRowCutter();
    const add = async (text: string) => {
      batch += text;
      if (batch.length >= BATCH_CHARS) await send();
    };
    for await (const chunk of chunksOf(file, io)) await add(cutter.push(chunk));
    await add(cutter.end());
    if (batch.length > 0) await send();
    while (pending.length > 0) await flush();
  } catch (error) {
    progress?.done();
    io.stderr(`consent: ${file}: ${printable(error instanceof Error ? error.message : String(error))}\n`);
    return 1;
  } finally {
    await pool?.close();
  }
  progress?.done();
  return 0;
}
