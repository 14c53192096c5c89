/**
 * The content script's engine on the 2,000-row CRM page in real Chromium, against a bare
 * TreeWalker-plus-regex pass over the same page, and a burst of 100 new rows against the full scan.
 * The engine is bundled from lib/ with tests/bench/page-entry.ts and run in the page with an
 * instant background, so only DOM and scanning work is timed.
 */
import path from 'node:path';
import { build } from 'esbuild';
import { launchBrowser, ROOT, startServer } from '../e2e/harness.mjs';
import type { Budget, Timing } from './measure';

async function engineBundle(): Promise<string> {
  const result = await build({
    entryPoints: [path.join(ROOT, 'tests/bench/page-entry.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    minify: true,
    alias: { '@': ROOT },
  });
  return result.outputFiles[0]?.text ?? '';
}

interface PageTimes {
  bare: number;
  full: number;
  /** The record-location reader alone, over every number of the page. */
  reader: number;
  located: number;
  burst: number;
  badges: number;
}

export async function pageBenchmarks(): Promise<Budget[]> {
  const bundle = await engineBundle();
  const server = await startServer();
  const browser = await launchBrowser();
  const runs: PageTimes[] = [];
  try {
    for (let i = 0; i < 5; i++) {
      const page = await browser.context.newPage();
      // http://127.0.0.1 is not a dialer site: the installed extension stays out of the way.
      await page.goto(`${server.plainOrigin}/pages/crm-list.html`);
      await page.evaluate(bundle);
      runs.push((await page.evaluate('__consentBench.run()')) as PageTimes);
      await page.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }
  const median = (pick: (t: PageTimes) => number, name: string): Timing => {
    const sorted = runs.map(pick).sort((a, b) => a - b);
    return { name, ms: sorted[Math.floor(sorted.length / 2)] ?? Number.NaN };
  };
  const full = median((t) => t.full, `full scan, ${runs[0]?.badges ?? 0} badges`);
  return [
    {
      label: 'first full scan with badges vs a bare TreeWalker + regex pass (2,000-row CRM page, Chromium)',
      subject: full,
      baseline: median((t) => t.bare, 'bare TreeWalker + regex'),
      kind: 'cost-at-most',
      target: 3,
    },
    {
      // The page's "Mailing Zip" column gives its rows their places: the reader runs for every number.
      label: `record-location reader vs the full scan (same page; ${runs[0]?.located ?? 0} badges located)`,
      subject: median((t) => t.reader, 'record-location reader'),
      baseline: full,
      kind: 'cost-at-most',
      target: 0.35,
    },
    {
      label: 'a burst of 100 new rows vs the full scan (same page)',
      subject: median((t) => t.burst, 'burst of 100 rows'),
      baseline: full,
      kind: 'cost-at-most',
      target: 0.1,
    },
  ];
}
