/**
 * The content script's engine on the 2,000-row CRM page in real Chromium, against a bare
 * TreeWalker-plus-regex pass over the same page, and a burst of 100 new rows against the full scan.
 * The engine is bundled from lib/ with tests/bench/page-entry.ts and run in the page with an
 * instant background, so only DOM and scanning work is timed.
 *
 * What is timed: the main thread's CPU time between two marks, from a DevTools trace (the thread's
 * CPU clock, so neither idle waits nor other processes on a loaded machine count, on either side).
 * The bare pass is one synchronous loop; our scan runs in slices that give the main thread back (the
 * answer is applied in 12 ms slices, yielding to the page), so its wall time would also hold idle
 * waits for frames. Counted for the full scan, until its badges are filled and shown (on this page
 * all 3,188 of them: a page of up to 5,000 badges has them all filled once answered): our script,
 * its garbage collection, and the style, layout and paint our badges cause, among them the relayout of the 2,000-row table as the badges show (printed apart too, with the
 * wall time until the answer is applied).
 */
import path from 'node:path';
import { build } from 'esbuild';
import type { CDPSession } from 'playwright-core';
import { launchBrowser, ROOT, startServer } from '../e2e/harness.mjs';
import { SCRIPT_EVENTS } from './chromium-trace.mjs';
import type { Budget, Timing } from './measure';

/** A DevTools trace of the page's threads (no sampling profiler: it would slow our side down); resolves with its events. */
async function traced(
  cdp: CDPSession,
  run: () => Promise<unknown>,
): Promise<{ result: unknown; events: TraceEvent[] }> {
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', ({ value }: { value: object[] }) => {
    events.push(...(value as TraceEvent[]));
  });
  await cdp.send('Tracing.start', {
    transferMode: 'ReportEvents',
    traceConfig: { includedCategories: ['-*', 'toplevel', 'devtools.timeline', 'blink.user_timing'] },
  });
  const result = await run();
  const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  await cdp.send('Tracing.end');
  await complete;
  return { result, events };
}

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

/** What page-entry.ts returns: wall times (ms) and counts. */
interface Walls {
  answered: number;
  located: number;
  badges: number;
}

const STEPS = ['bare', 'full', 'reader', 'burst'] as const;
type Step = (typeof STEPS)[number];

interface PageTimes {
  /** Main-thread CPU time of each step (ms): our script, its GC, and the style, layout and paint our badges cause. */
  cpu: Record<Step, number>;
  /** Of which the layout and paint outside our script (the table's relayout as the badges show), per step (ms). */
  layout: Record<Step, number>;
  walls: Walls;
}

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  /** The thread's CPU clock at the event, and the CPU time it took (µs): idle and preemption do not count. */
  tts?: number;
  tdur?: number;
  pid: number;
  tid: number;
}

const LAYOUT = /^(Layout|UpdateLayout|PrePaint|Paint|Layerize|UpdateLayer|CompositeLayers|Commit)$/;

/** The CPU time of `events` (on one thread, by its CPU clock) within [from, to], nested ones counted once (ms). */
function cpuOf(events: TraceEvent[], from: number, to: number): number {
  let sum = 0;
  let end = from;
  for (const e of events) {
    const start = Math.max(e.tts ?? 0, end);
    const stop = Math.min((e.tts ?? 0) + (e.tdur ?? 0), to);
    if (stop > start) sum += stop - start;
    end = Math.max(end, stop);
  }
  return sum / 1000;
}

/**
 * Each step's main-thread CPU time, from the trace of one run: the thread's CPU clock between the
 * step's marks; and how much of it was layout and paint outside our script (printed apart).
 */
function stepTimes(events: TraceEvent[]): Pick<PageTimes, 'cpu' | 'layout'> {
  const marks = new Map(events.filter((e) => e.name.startsWith('consent:')).map((e) => [e.name, e.tts ?? Number.NaN]));
  const first = events.find((e) => e.name === 'consent:bare');
  if (!first) throw new Error('no marks in the trace');
  const thread = events
    .filter((e) => e.pid === first.pid && e.tid === first.tid && e.ph === 'X' && e.tts !== undefined)
    .sort((a, b) => (a.tts ?? 0) - (b.tts ?? 0));
  // Layout inside our script (forced by a read of ours) is in the script's time; the rest is counted apart.
  const scripts = thread.filter((e) => SCRIPT_EVENTS.has(e.name));
  const inScript = (e: TraceEvent) => scripts.some((s) => s.ts <= e.ts && e.ts + (e.dur ?? 0) <= s.ts + (s.dur ?? 0));
  const layouts = thread.filter((e) => LAYOUT.test(e.name) && !inScript(e));
  const cpu = {} as Record<Step, number>;
  const layout = {} as Record<Step, number>;
  for (const step of STEPS) {
    const from = marks.get(`consent:${step}`) ?? Number.NaN;
    const to = marks.get(`consent:${step}:end`) ?? Number.NaN;
    layout[step] = cpuOf(layouts, from, to);
    cpu[step] = (to - from) / 1000;
  }
  return { cpu, layout };
}

export async function pageBenchmarks(): Promise<Budget[]> {
  const bundle = await engineBundle();
  const server = await startServer();
  const browser = await launchBrowser();
  const runs: PageTimes[] = [];
  try {
    for (let i = 0; i < 5; i++) {
      const page = await browser.context.newPage();
      const cdp = await browser.context.newCDPSession(page);
      // http://127.0.0.1 is not a dialer site: the installed extension stays out of the way.
      await page.goto(`${server.plainOrigin}/pages/crm-list.html`);
      await page.evaluate(bundle);
      const { result, events } = await traced(cdp, () => page.evaluate('__consentBench.run()'));
      runs.push({ ...stepTimes(events), walls: result as Walls });
      await page.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }
  const median = (pick: (t: PageTimes) => number) => {
    const sorted = runs.map(pick).sort((a, b) => a - b);
    return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
  };
  const timing = (name: string, step: Step): Timing => ({ name, ms: median((t) => t.cpu[step]) });
  const walls = runs[0]?.walls;
  const full = timing(`full scan, ${walls?.badges ?? 0} badges`, 'full');
  const answered = median((t) => t.walls.answered).toFixed(0);
  const relayout = median((t) => t.layout.full).toFixed(0);
  return [
    {
      label:
        'first full scan with badges vs a bare TreeWalker + regex pass (2,000-row CRM page, Chromium; main-thread ' +
        `CPU time from a trace, with the table's relayout as badges show: ${relayout} ms of it; wall until answered ${answered} ms)`,
      subject: full,
      baseline: timing('bare TreeWalker + regex', 'bare'),
      kind: 'cost-at-most',
      target: 3,
    },
    {
      // The page's "Mailing Zip" column gives its rows their places: the reader runs for every number.
      label: `record-location reader vs the full scan (same page; ${walls?.located ?? 0} badges located)`,
      subject: timing('record-location reader', 'reader'),
      baseline: full,
      kind: 'cost-at-most',
      target: 0.35,
    },
    {
      label: 'a burst of 100 new rows vs the full scan (same page)',
      subject: timing('burst of 100 rows', 'burst'),
      baseline: full,
      kind: 'cost-at-most',
      target: 0.1,
    },
  ];
}
