import type { Budget } from './measure';

/** Scrolling the 2,000-row list in Chromium, with and without the extension (see scroll.bench.mjs). */
export declare function scrollBenchmarks(): Promise<Budget[]>;
