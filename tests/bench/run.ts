/** `npm run bench`: every benchmark, each against its baseline in the same run, as ratios. */
import { dncBenchmarks } from './dnc.bench';
import { report } from './measure';
import { pageBenchmarks } from './page.bench';
import { parseBenchmarks } from './parse.bench';
import { scannerBenchmarks } from './scanner.bench';

const ok = report([...parseBenchmarks(), ...scannerBenchmarks(), ...(await pageBenchmarks()), ...dncBenchmarks()]);
if (!ok) {
  console.log('\nSome budgets were missed (see MISS above).');
  process.exitCode = 1;
}
