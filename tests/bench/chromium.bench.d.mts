import type { Budget } from './measure';

/** The 50,000-number page and the storm in Chromium, with and without the extension (see chromium.bench.mjs). */
export declare function chromiumBenchmarks(): Promise<Budget[]>;

interface Run {
  gapMs: number;
  busyMs: number;
}
/** The two budgets of a page with and without the extension: longest gap ≤ alone + 100 ms, busy ≤ 1.3×. */
export declare function sideBySide(label: string, gap: string, alone: Run[], withExt: Run[]): Budget[];
