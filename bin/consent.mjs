#!/usr/bin/env node
// The `consent` command. It runs the TypeScript sources of lib/ through tsx, so the command and
// the extension share one copy of the rules.
import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { register } from 'tsx/esm/api';

register();
// `consent area-codes | head` closes the pipe early: that is not an error.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});
const { runCli } = await import('../lib/cli/main.ts');
const { csvWorkerPool } = await import('./scan-pool.ts');
process.exitCode = await runCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  readFile: (path) => readFile(path, 'utf8'),
  readChunks: (path) => createReadStream(path, { highWaterMark: 1 << 20 }),
  write: (out) =>
    new Promise((resolve) => {
      if (process.stdout.write(out)) resolve();
      else process.stdout.once('drain', resolve);
    }),
  stderrIsTTY: process.stderr.isTTY === true,
  // CONSENT_SCAN_WORKERS: how many worker threads `scan --csv` uses (default: the cores; 0: none).
  csvWorkers: csvWorkerPool(process.env.CONSENT_SCAN_WORKERS ? { size: Number(process.env.CONSENT_SCAN_WORKERS) } : {}),
});
