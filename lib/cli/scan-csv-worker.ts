/**
 * The body of a `consent scan --csv` worker thread (bin/scan-pool.ts bundles it): scans the batches
 * it is sent with the setup it was started with, and answers each with its CSV text or its error.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { type CsvBatch, type CsvScanSetup, csvBatchScanner } from './scan-csv';

const scan = csvBatchScanner(workerData as CsvScanSetup);
parentPort?.on('message', ({ id, batch }: { id: number; batch: CsvBatch }) => {
  try {
    parentPort?.postMessage({ id, text: scan(batch) });
  } catch (error) {
    parentPort?.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
});
