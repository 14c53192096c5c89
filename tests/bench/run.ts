/** `npm run bench`: every benchmark, each against its baseline in the same run, as ratios. */
import { chromiumBenchmarks } from './chromium.bench.mjs';
import { csvBenchmarks } from './csv.bench';
import { dncBenchmarks } from './dnc.bench';
import { report } from './measure';
import { pageBenchmarks } from './page.bench';
import { parseBenchmarks } from './parse.bench';
import { scannerBenchmarks } from './scanner.bench';

// The Chromium page-load and storm runs take minutes: BENCH_CHROMIUM=off leaves them out.
const chromium = process.env.BENCH_CHROMIUM === 'off' ? [] : await chromiumBenchmarks();
const ok = report([
  ...parseBenchmarks(),
  ...scannerBenchmarks(),
  ...(await pageBenchmarks()),
  ...chromium,
  ...dncBenchmarks(),
  ...(await csvBenchmarks()),
]);
if (!ok) {
  console.log('\nSome budgets were missed (see MISS above).');
  process.exitCode = 1;
}
