import type { Budget } from './measure';

/** The 50,000-number page and the storm in Chromium, with and without the extension (see chromium.bench.mjs). */
export declare function chromiumBenchmarks(): Promise<Budget[]>;
