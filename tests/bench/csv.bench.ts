/**
 * `consent scan --csv` at scale (issue #17): a generated 1,000,000-row lead list scanned by the command
 * (streamed, worker threads) against a bare parse of the same file with the same CSV code, each in a
 * child process started the same way, in one run; the command's peak memory is reported. The same bare
 * parse is also timed against two well-kept streaming CSV libraries reading every cell of the file.
 */
import { spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { devDependencies } from '../../package.json';
import { leadList } from './lead-list';
import type { Budget, Timing } from './measure';

const ROWS = 1_000_000;
const ROOT = join(import.meta.dirname, '../..');
const RSS = join(import.meta.dirname, 'max-rss.mjs');

/** Runs `node args…`: its wall time, peak memory and (unless `discard`) what it printed. */
function child(name: string, args: string[], discard = false): Promise<Timing & { rssMb: number; stdout: string }> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const p = spawn(process.execPath, ['--import', RSS, ...args], {
      cwd: ROOT,
      stdio: ['ignore', discard ? 'ignore' : 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    p.stdout?.on('data', (d) => (stdout += d));
    p.stderr?.on('data', (d) => (stderr += d));
    p.on('error', reject);
    p.on('close', (code) => {
      const ms = performance.now() - start;
      const kb = Number(/max-rss-kb (\d+)/.exec(stderr)?.[1] ?? Number.NaN);
      if (code !== 0) reject(new Error(`${name} exited with ${code}: ${stderr}`));
      else resolve({ name, ms, rssMb: kb / 1024, stdout: stdout.trim() });
    });
  });
}

async function writeList(file: string): Promise<void> {
  const out = createWriteStream(file);
  for (const piece of leadList(ROWS)) if (!out.write(piece)) await new Promise((r) => out.once('drain', r));
  await new Promise((r) => out.end(r));
}

const LIBRARIES = ['csv-parse', 'papaparse'] as const;
type Library = (typeof LIBRARIES)[number];
const LIBRARY_VERSIONS: Record<Library, string> = {
  'csv-parse': devDependencies['csv-parse'],
  papaparse: devDependencies.papaparse,
};

/** Peak memory of the scan must stay under this (the budget of issue #17). */
export const CSV_SCAN_MEMORY_MB = 300;

export async function csvBenchmarks(): Promise<Budget[]> {
  const dir = await mkdtemp(join(tmpdir(), 'consent-bench-'));
  try {
    const file = join(dir, 'leads.csv');
    await writeList(file);
    const size = (await stat(file)).size;
    const bare = await child('bare parse', ['--import', 'tsx', 'tests/bench/csv-bare-parse.ts', file]);
    const scan = await child(
      'consent scan --csv',
      ['bin/consent.mjs', 'scan', '--at', '2026-12-03T17:00:00Z', '--csv', file],
      true,
    );
    // Our parser against well-kept streaming libraries, every cell of the same file (issue #17: use one
    // unless ours is measured faster and as correct; tests/unit/csv-library.test.ts compares the rules).
    const libraries = [];
    for (const library of LIBRARIES) {
      const run = await child(library, ['--import', 'tsx', 'tests/bench/csv-library-parse.ts', library, file]);
      if (run.stdout !== bare.stdout)
        throw new Error(`${library} read ${run.stdout} rows and cells, ours ${bare.stdout}`);
      libraries.push(run);
    }
    const mbs = (t: Timing) => (size / 1e6 / (t.ms / 1000)).toFixed(1);
    const met = scan.rssMb < CSV_SCAN_MEMORY_MB;
    console.log(
      `csv: ${ROWS.toLocaleString('en')} rows, ${(size / 1e6).toFixed(1)} MB; scan ${mbs(scan)} MB/s, bare parse ${mbs(bare)} MB/s; ` +
        `peak memory: scan ${scan.rssMb.toFixed(0)} MB (target < ${CSV_SCAN_MEMORY_MB} MB: ${met ? 'PASS' : 'MISS'}), bare parse ${bare.rssMb.toFixed(0)} MB`,
    );
    if (!met) process.exitCode = 1;
    console.log(`csv parse: rows and cells read by each parser: ${bare.stdout.replace(' ', ', ')}`);
    return [
      ...libraries.map(
        (run): Budget => ({
          label: `our CSV parser vs ${run.name} ${LIBRARY_VERSIONS[run.name as Library]}, 1,000,000 rows, every cell (ours kept only if faster)`,
          subject: { name: 'ours', ms: bare.ms },
          baseline: run,
          kind: 'faster-by-at-least',
          target: 1,
        }),
      ),
      {
        label: 'consent scan --csv, 1,000,000 rows, vs a bare parse of the file (throughput ≥ 1/3)',
        subject: scan,
        baseline: bare,
        kind: 'cost-at-most',
        target: 3,
      },
    ];
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
