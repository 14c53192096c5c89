/**
 * `consent scan --csv FILE`, streamed: the file is read twice, a chunk of bytes at a time. The first
 * pass (lib/csv-survey.ts, on bytes, no decoding) checks it (a quote left open is an error before
 * anything is written) and finds the widest row (every row is padded to it), the header, the line end
 * and where batches of whole rows end; the second cuts the bytes there, scans the batches (in a worker
 * pool when the caller gives one: the bytes are handed over, not copied) and writes the results in file
 * order. Memory stays at a few batches whatever the file's size.
 */
import { type CsvShape, concatBytes, surveyCsv } from '../csv-survey';
import type { ClassifyContext } from '../law/classify';
import type { CliIO } from './main';
import { CSV_COLUMNS, type CsvBatch, type CsvScanSetup, csvByteScanner } from './scan-csv';

/** Runs batches somewhere else (bin/scan-pool.ts: worker threads); results come back per batch, as UTF-8. */
export interface CsvBatchRunner {
  /** How many batches it works on at once. */
  readonly size: number;
  /** Takes the batch's bytes (they may be transferred: the caller no longer reads them). */
  run: (batch: CsvBatch) => Promise<Uint8Array>;
  close: () => Promise<void>;
}

/** Makes a runner for a file of `rows` rows, or null to scan in this thread (small files). */
export type CsvWorkers = (setup: CsvScanSetup, rows: number) => CsvBatchRunner | null;

/** Bytes of whole rows per batch (about 5,000 rows of a lead list). */
const BATCH_BYTES = 1 << 19;

async function* chunksOf(file: string, io: CliIO): AsyncIterable<Uint8Array> {
  if (io.readChunks) {
    yield* io.readChunks(file);
    return;
  }
  if (!io.readFile) throw new Error('no file access here');
  yield new TextEncoder().encode(await io.readFile(file));
}

/** The file's bytes from `shape.start`, cut at `shape.cuts`: batches of whole rows, each its own buffer. */
async function* batchesOf(chunks: AsyncIterable<Uint8Array>, shape: CsvShape): AsyncIterable<Uint8Array<ArrayBuffer>> {
  const { cuts } = shape;
  let pieces: Uint8Array[] = [];
  let pos = 0;
  let from = shape.start;
  let k = 0;
  for await (const chunk of chunks) {
    const end = pos + chunk.length;
    for (let cut = cuts[k]; cut !== undefined && cut <= end; cut = cuts[++k]) {
      pieces.push(chunk.subarray(Math.max(0, from - pos), cut - pos));
      yield concatBytes(pieces);
      pieces = [];
      from = cut;
    }
    if (from < end) pieces.push(chunk.subarray(Math.max(0, from - pos)));
    pos = end;
  }
  const last = concatBytes(pieces);
  if (last.length > 0) yield last;
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
  let shape: CsvShape;
  try {
    shape = await surveyCsv(chunksOf(file, io), BATCH_BYTES, () => chunksOf(file, io));
  } catch (error) {
    io.stderr(`consent: ${file}: ${printable(error instanceof Error ? error.message : String(error))}\n`);
    return 1;
  }
  const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
  const write =
    io.write ?? (async (out: string | Uint8Array) => io.stdout(typeof out === 'string' ? out : decoder.decode(out)));
  const { eol } = shape;
  const bom = shape.bom ? '\ufeff' : '';
  if (shape.rows === 0) {
    await write(`${bom}${CSV_COLUMNS.join(',')}${eol}`);
    return 0;
  }
  const setup: CsvScanSetup = { width: shape.width, header: shape.header, eol, context };
  const pool = io.csvWorkers?.(setup, shape.rows) ?? null;
  const local = pool ? null : csvByteScanner(setup);
  const scan = (batch: CsvBatch): Promise<Uint8Array> =>
    pool ? pool.run(batch) : Promise.resolve(batch).then(local as (batch: CsvBatch) => Uint8Array);
  const progress = io.stderrIsTTY ? progressBar(shape.size - shape.start, io.stderr) : null;
  progress?.update(0);

  const pending: { result: Promise<Uint8Array>; size: number }[] = [];
  const limit = pool ? pool.size * 2 : 1;
  let done = 0;
  const flush = async () => {
    const next = pending.shift();
    if (!next) return;
    await write(await next.result);
    done += next.size;
    progress?.update(done);
  };
  try {
    if (bom) await write(bom);
    let first = true;
    for await (const bytes of batchesOf(chunksOf(file, io), shape)) {
      const size = bytes.length;
      const result = scan({ bytes, first });
      // A failed batch is reported when its turn to be written comes.
      result.catch(() => {});
      pending.push({ result, size });
      first = false;
      while (pending.length >= limit) await flush();
    }
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
