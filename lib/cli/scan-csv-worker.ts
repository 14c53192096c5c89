/**
 * The body of a `consent scan --csv` worker thread (bin/scan-pool.ts bundles it): scans the batches
 * it is sent with the setup it was started with, and answers each with its CSV as UTF-8 bytes (handed
 * over, not copied) or its error.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { type CsvBatch, type CsvScanSetup, csvByteScanner } from './scan-csv';

const scan = csvByteScanner(workerData as CsvScanSetup);
parentPort?.on('message', ({ id, batch }: { id: number; batch: CsvBatch }) => {
  try {
    const bytes = scan(batch);
    parentPort?.postMessage({ id, bytes }, [bytes.buffer]);
  } catch (error) {
    parentPort?.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
});
