// The built extension in real Chromium against the same page without it, in one run: the
// 50,000-number page (tests/fixtures/hostile/many.html) and the 1,000 mutations/s storm
// (storm.html). For each: the longest main-thread gap the page feels (its own 10 ms heartbeat) and
// the main thread's busy time (DevTools' TaskDuration), with and without the extension, alternated
// and repeated so both see the same load. `BENCH_EXTENSION=dir` measures another build (a "before").
import os from 'node:os';
import { launchBrowser, startServer } from '../e2e/harness.mjs';
import { startTrace, summarize } from './chromium-trace.mjs';

// Three alternated pairs by default: a true median (two would report the worse run of each).
const REPEAT = Number(process.env.BENCH_CHROMIUM_REPEAT ?? 3);
const N = Number(process.env.BENCH_MANY ?? 50_000);
const STORM_MS = 5000;
process.env.TRACE_PROFILE ??= 'off';
/** `BENCH_CHROMIUM=many` or `storm`: one of the two only. */
const only = process.env.BENCH_CHROMIUM;

async function cdpMetrics(cdp) {
  return Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));
}

/** One load of the 50,000-number page: its longest main-thread task and the main thread's busy time until it is done. */
async function many(browser, origin, withExtension) {
  const page = await browser.context.newPage();
  try {
    // A trace from before the navigation: the page's own build and first layout count (DevTools'
    // Performance metrics would start at the new document).
    const cdp = await browser.context.newCDPSession(page);
    const stop = await startTrace(cdp);
    await page.goto(`${origin}/hostile/many.html?n=${N}`, { timeout: 120_000 });
    if (withExtension) {
      await page.waitForFunction(
        (count) => document.querySelectorAll('consent-guard-badge[data-consent]').length >= count,
        N,
        { timeout: 180_000, polling: 500 },
      );
    }
    // Quiet for a second: both runs end the same way.
    await page.waitForTimeout(1000);
    const summary = summarize(await stop(), { urlPart: origin });
    await cdp.detach();
    return { gapMs: summary.longestMs, busyMs: summary.busyMs };
  } finally {
    await page.close();
  }
}

/** STORM_MS of the storm: the heartbeat's worst lateness and the busy time in that window. */
async function storm(browser, origin, withExtension) {
  const page = await browser.context.newPage();
  try {
    await page.goto(`${origin}/hostile/storm.html`);
    if (withExtension)
      await page.waitForFunction(() => document.querySelectorAll('consent-guard-badge[data-consent]').length >= 200);
    await page.waitForTimeout(500);
    const cdp = await browser.context.newCDPSession(page);
    await cdp.send('Performance.enable');
    const before = await cdpMetrics(cdp);
    const result = await page.evaluate((ms) => window.__startStorm(ms), STORM_MS);
    const after = await cdpMetrics(cdp);
    await cdp.detach();
    return { gapMs: result.lateMax + 10, busyMs: (after.TaskDuration - before.TaskDuration) * 1000 };
  } finally {
    await page.close();
  }
}

const median = (list) => {
  const sorted = [...list].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : ((sorted[mid - 1] ?? Number.NaN) + (sorted[mid] ?? Number.NaN)) / 2;
};

/**
 * The two budgets for a page in Chromium, from alternated runs ({gapMs, busyMs} each): the longest
 * main-thread `gap` with the extension at most the page alone's + 100 ms, its busy time at most 1.3×.
 */
export function sideBySide(label, gap, alone, withExt) {
  return [
    {
      label: `${label}: ${gap} with the extension vs the page alone's + 100 ms (Chromium)`,
      subject: { name: 'with', ms: median(withExt.map((r) => r.gapMs)) },
      baseline: { name: 'page alone + 100', ms: median(alone.map((r) => r.gapMs)) + 100 },
      kind: 'cost-at-most',
      target: 1,
    },
    {
      label: `${label}: main-thread busy time with the extension vs the page alone (Chromium)`,
      subject: { name: 'with', ms: median(withExt.map((r) => r.busyMs)) },
      baseline: { name: 'page alone', ms: median(alone.map((r) => r.busyMs)) },
      kind: 'cost-at-most',
      target: 1.3,
    },
  ];
}

export async function chromiumBenchmarks() {
  const server = await startServer();
  const browser = await launchBrowser(process.env.BENCH_EXTENSION ? { extensionDir: process.env.BENCH_EXTENSION } : {});
  const runs = { many: { alone: [], with: [] }, storm: { alone: [], with: [] } };
  try {
    for (let i = 0; i < REPEAT; i++) {
      if (only !== 'storm') {
        runs.many.alone.push(await many(browser, server.plainOrigin, false));
        runs.many.with.push(await many(browser, server.origin, true));
      }
      if (only !== 'many') {
        runs.storm.alone.push(await storm(browser, server.plainOrigin, false));
        runs.storm.with.push(await storm(browser, server.origin, true));
      }
    }
  } finally {
    await browser.close();
    await server.close();
  }
  const budgets = [];
  for (const [key, label] of [
    ['many', `${N.toLocaleString('en')}-number page, load until every badge is answered`],
    ['storm', `1,000 mutations/s storm, ${STORM_MS / 1000} s`],
  ]) {
    const { alone, with: withExt } = runs[key];
    if (withExt.length > 0) budgets.push(...sideBySide(label, 'longest main-thread gap', alone, withExt));
  }
  console.log(
    `Chromium runs (ms), load average ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}: ${JSON.stringify(runs)}`,
  );
  return budgets;
}

// `node tests/bench/chromium.bench.mjs`: these benchmarks alone.
if (import.meta.url === `file://${process.argv[1]}`) {
  const { report } = await import('./measure.ts').catch(() => ({ report: null }));
  const budgets = await chromiumBenchmarks();
  if (report) report(budgets);
  else for (const b of budgets) console.log(b.label, b.subject.ms.toFixed(0), b.baseline.ms.toFixed(0));
}
