/** A tiny benchmark kit: each case runs against a baseline in the same process, and ratios are printed. */

export interface Timing {
  name: string;
  /** Median milliseconds of one run over the samples. */
  ms: number;
}

/** Runs `fn` a few times to warm up, then `samples` times; returns the median. */
export function measure(name: string, fn: () => unknown, samples = 7): Timing {
  for (let i = 0; i < 2; i++) fn();
  const times: number[] = [];
  for (let i = 0; i < samples; i++) {
    const start = performance.now();
    fn();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { name, ms: times[Math.floor(times.length / 2)] ?? Number.NaN };
}

export interface Budget {
  /** What is measured, e.g. "classify vs libphonenumber-js parsePhoneNumber". */
  label: string;
  subject: Timing;
  baseline: Timing;
  /** How the ratio baseline/subject (speed-up) or subject/baseline (cost) must compare. */
  kind: 'faster-by-at-least' | 'cost-at-most';
  target: number;
}

/** Prints a line per budget and returns whether all were met. */
export function report(budgets: Budget[]): boolean {
  let ok = true;
  for (const b of budgets) {
    const ratio = b.kind === 'faster-by-at-least' ? b.baseline.ms / b.subject.ms : b.subject.ms / b.baseline.ms;
    const met = b.kind === 'faster-by-at-least' ? ratio >= b.target : ratio <= b.target;
    ok &&= met;
    const verb =
      b.kind === 'faster-by-at-least'
        ? `${ratio.toFixed(1)}× faster (target ≥ ${b.target}×)`
        : `${ratio.toFixed(2)}× the baseline (target ≤ ${b.target}×)`;
    console.log(
      `${met ? 'PASS' : 'MISS'}  ${b.label}: ${verb}  [${b.subject.name} ${b.subject.ms.toFixed(2)} ms, ${b.baseline.name} ${b.baseline.ms.toFixed(2)} ms]`,
    );
  }
  return ok;
}
