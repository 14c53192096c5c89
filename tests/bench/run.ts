/** `npm run bench`: every benchmark, each against its baseline in the same run, as ratios. */
import { report } from './measure';
import { parseBenchmarks } from './parse.bench';

const ok = report([...parseBenchmarks()]);
if (!ok) {
  console.log('\nSome budgets were missed (see MISS above).');
  process.exitCode = 1;
}
