/**
 * The worker pool of `consent scan --csv`: one worker thread per core (os.availableParallelism), each
 * with its own verdict cache; a batch goes to the worker with the least queued, and each result comes
 * back to the promise of its batch (the caller writes them in file order).
 *
 * A worker runs lib/cli/scan-csv-worker.ts bundled in memory by esbuild (the compiler tsx itself runs
 * on): it starts in milliseconds, with no TypeScript loader thread of its own, under tsx and vitest alike.
 */
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { buildSync } from 'esbuild';
import type { CsvBatch, CsvScanSetup } from '../lib/cli/scan-csv';
import type { CsvBatchRunner, CsvWorkers } from '../lib/cli/scan-csv-file';

interface PoolOptions {
  /** Workers (default: the machine's cores). */
  size?: number;
  /** Files with fewer rows are scanned in the calling thread (starting workers costs more). */
  minRows?: number;
}

interface Job {
  resolve: (bytes: Uint8Array) => void;
  reject: (error: Error) => void;
}

/**
 * A worker holds a batch or two (about 1 MB of text each) and its verdicts: a small heap makes V8
 * collect early, so the pool's memory stays flat (the survey measured by `npm run bench`). A 16 MB
 * young generation (not 8) means fewer minor collections: 1,000,000 rows took 5.1–6.1 s of CPU in
 * place of 6.8–6.9 s, at a peak of 241–248 MB in place of 235–241.
 */
const YOUNG_MB = 16;
const OLD_MB = 64;
const LIMITS = { maxYoungGenerationSizeMb: YOUNG_MB, maxOldGenerationSizeMb: OLD_MB };

export function csvWorkerPool(options: PoolOptions = {}): CsvWorkers {
  const size = options.size ?? availableParallelism();
  const minRows = options.minRows ?? 20_000;
  return (setup: CsvScanSetup, rows: number): CsvBatchRunner | null => {
    if (rows < minRows || size < 1) return null;
    const code = workerCode();
    const workers = Array.from({ length: size }, () => {
      const worker = new Worker(code, { eval: true, workerData: setup, resourceLimits: LIMITS });
      const jobs = new Map<number, Job>();
      const fail = (error: Error) => {
        for (const job of jobs.values()) job.reject(error);
        jobs.clear();
      };
      worker.on('message', (m: { id: number; bytes?: Uint8Array; error?: string }) => {
        const job = jobs.get(m.id);
        jobs.delete(m.id);
        if (m.error !== undefined) job?.reject(new Error(m.error));
        else job?.resolve(m.bytes ?? new Uint8Array(0));
      });
      worker.on('error', fail);
      worker.on('exit', (code) => {
        if (jobs.size > 0) fail(new Error(`a scan worker stopped (exit code ${code})`));
      });
      return { worker, jobs };
    });
    let next = 0;
    return {
      size,
      run(batch: CsvBatch) {
        const id = next++;
        const target = workers.reduce((a, b) => (b.jobs.size < a.jobs.size ? b : a));
        return new Promise<Uint8Array>((resolve, reject) => {
          target.jobs.set(id, { resolve, reject });
          // The batch's bytes are handed over (its buffer is its own: see batchesOf), not copied.
          target.worker.postMessage({ id, batch }, [batch.bytes.buffer]);
        });
      },
      async close() {
        await Promise.all(workers.map(({ worker }) => worker.terminate()));
      },
    };
  };
}

let bundled: string | undefined;

/** The worker's code, one CommonJS script (an eval'd worker is a script), bundled once per process. */
function workerCode(): string {
  bundled ??= buildSync({
    entryPoints: [join(import.meta.dirname, '../lib/cli/scan-csv-worker.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    write: false,
    logLevel: 'silent',
  }).outputFiles[0]?.text;
  if (!bundled) throw new Error('could not bundle the scan worker');
  return bundled;
}
