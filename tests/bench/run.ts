/** `npm run bench`: every benchmark, each against its baseline in the same run, as ratios. */
import { chromiumBenchmarks } from './chromium.bench.mjs';
import { csvBenchmarks } from './csv.bench';
import { dncBenchmarks } from './dnc.bench';
import { report } from './measure';
import { pageBenchmarks } from './page.bench';
import { parseBenchmarks } from './parse.bench';
import { scannerBenchmarks } from './scanner.bench';
import { scrollBenchmarks } from './scroll.bench.mjs';

// The Chromium page-load, storm and scroll runs take minutes: BENCH_CHROMIUM=off leaves them out;
// BENCH_CHROMIUM=many, storm or scroll runs that one alone.
const only = process.env.BENCH_CHROMIUM;
const chromium = [
  ...(only === 'off' || only === 'scroll' ? [] : await chromiumBenchmarks()),
  ...(only === undefined || only === 'scroll' ? await scrollBenchmarks() : []),
];
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
