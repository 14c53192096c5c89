// The page's main thread in real Chromium, as a user's machine feels it: a DevTools trace
// (Tracing over CDP, V8's sampling profiler included) of one page load or one storm, summed up as
// the longest main-thread task, the main thread's busy time, and what filled it (our script, the
// page's script, style, layout, GC), with our script's hottest functions. Used by the Chromium
// benchmarks (tests/bench/chromium.bench.ts) and by `node tests/bench/chromium-trace.mjs` for a
// readable summary of the 50,000-number page and the storm, with and without the extension.

// Read when a trace starts (not at import: the Chromium bench sets TRACE_PROFILE after its imports ran).
const categories = () => [
  '-*',
  'toplevel',
  'devtools.timeline',
  'v8.execute',
  'blink.user_timing',
  // V8's sampling profiler (our hottest functions) unless TRACE_PROFILE=off: it slows the page down.
  ...(process.env.TRACE_PROFILE === 'off' ? [] : ['disabled-by-default-v8.cpu_profiler']),
];

/** Starts a trace on `cdp` (a page's CDP session); returns a function that stops it and resolves with its events. */
export async function startTrace(cdp) {
  const events = [];
  const onData = ({ value }) => {
    for (const e of value) events.push(e);
  };
  cdp.on('Tracing.dataCollected', onData);
  await cdp.send('Tracing.start', {
    transferMode: 'ReportEvents',
    traceConfig: { includedCategories: categories(), recordMode: 'recordContinuously' },
  });
  return async () => {
    const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
    await cdp.send('Tracing.end');
    await complete;
    cdp.off('Tracing.dataCollected', onData);
    return events;
  };
}

/** The renderer main thread that ran `urlPart`'s page: the CrRendererMain with the most of its events. */
function mainThreadOf(events, urlPart) {
  const mains = new Set(
    events
      .filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
      .map((e) => `${e.pid}:${e.tid}`),
  );
  const score = new Map();
  for (const e of events) {
    const key = `${e.pid}:${e.tid}`;
    if (!mains.has(key)) continue;
    const url = e.args?.data?.url ?? e.args?.data?.frame?.url ?? '';
    const hit = typeof url === 'string' && url.includes(urlPart) ? 10 : 0;
    score.set(key, (score.get(key) ?? 0) + 1 + hit);
  }
  return [...score.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
}

const CLASS = [
  [/^(Layout|UpdateLayout|LayoutShift|PrePaint|Paint|Layerize|UpdateLayer|CompositeLayers)/, 'layout/paint'],
  [/^(UpdateLayoutTree|RecalculateStyles|ScheduleStyleRecalculation|ParseAuthorStyleSheet)/, 'style'],
  [/GC|Scavenge|MinorMS|V8\.GC/, 'gc'],
  [/^(ParseHTML)/, 'parse HTML'],
];

/** The trace events that run script (ours or the page's): the main thread's script time is theirs. */
export const SCRIPT_EVENTS = new Set([
  'FunctionCall',
  'EvaluateScript',
  'TimerFire',
  'FireAnimationFrame',
  'EventDispatch',
  'v8.callFunction',
  'v8.run',
  'RunMicrotasks',
  'V8.Execute',
]);

/**
 * Sums one trace up for the main thread that ran `urlPart`, between `from` and `to` (trace
 * microseconds; default: all of it). `ours` tells our script's URL (chrome-extension://…) from the page's.
 */
export function summarize(events, { urlPart = '', ours = 'chrome-extension://', from = 0, to = Infinity } = {}) {
  const main = mainThreadOf(events, urlPart);
  const onMain = events.filter((e) => `${e.pid}:${e.tid}` === main && e.ts >= from && e.ts <= to);
  const tasks = onMain.filter(
    (e) => e.ph === 'X' && (e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask'),
  );
  tasks.sort((a, b) => a.ts - b.ts);
  // Top-level tasks only (a nested RunTask is counted in its parent).
  const top = [];
  for (const t of tasks) {
    const last = top[top.length - 1];
    if (last && t.ts < last.ts + last.dur) continue;
    top.push(t);
  }
  const busyMs = top.reduce((sum, t) => sum + t.dur, 0) / 1000;
  const longest = top.reduce((m, t) => Math.max(m, t.dur), 0) / 1000;
  const long = top.filter((t) => t.dur > 50_000);

  // What filled the time: complete events by class, script by whose URL it is.
  const scriptOf = (e) => {
    const d = e.args?.data ?? {};
    const url = d.url ?? d.scriptName ?? d.stackTrace?.[0]?.url ?? '';
    return typeof url === 'string' && url.startsWith(ours)
      ? 'script (ours)'
      : 'script (page, or ours in promise reactions)';
  };
  const perTask = (task) => {
    const inside = onMain.filter(
      (e) => e.ph === 'X' && e.ts >= task.ts && e.ts + (e.dur ?? 0) <= task.ts + task.dur && e !== task,
    );
    const byClass = {};
    // Outermost events of each kind only: nested ones of the same class are not counted twice.
    const ends = {};
    inside.sort((a, b) => a.ts - b.ts || b.dur - a.dur);
    for (const e of inside) {
      let cls = CLASS.find(([re]) => re.test(e.name))?.[1];
      if (!cls && SCRIPT_EVENTS.has(e.name)) cls = scriptOf(e);
      if (!cls) continue;
      const group = cls.startsWith('script') ? 'script' : cls;
      if ((ends[group] ?? 0) > e.ts) continue;
      ends[group] = e.ts + e.dur;
      byClass[cls] = (byClass[cls] ?? 0) + e.dur / 1000;
    }
    return byClass;
  };
  const totals = {};
  for (const task of top) for (const [k, v] of Object.entries(perTask(task))) totals[k] = (totals[k] ?? 0) + v;
  const longTasks = long
    .sort((a, b) => b.dur - a.dur)
    .slice(0, 8)
    .map((t) => ({ ms: Math.round(t.dur / 1000), ...round(perTask(t)) }));
  return {
    busyMs: Math.round(busyMs),
    longestMs: Math.round(longest),
    longCount: long.length,
    totals: round(totals),
    longTasks,
    ...profileOf(events, main, ours, from, to),
  };
}

const round = (o) => Object.fromEntries(Object.entries(o).map(([k, v]) => [k, Math.round(v)]));

/**
 * From V8's sampled profile in the trace (none with TRACE_PROFILE=off): `oursMs`, the time with a
 * frame of our script on the stack (what our script did, the browser work it called included: the
 * event-based classes above miss most of it, our code runs in promise reactions that carry no URL),
 * and `hot`, the self time of our hottest functions, the top 12.
 */
function profileOf(events, main, ours, from, to) {
  const [pid] = main.split(':');
  const nodes = new Map();
  const self = new Map();
  let oursMs = 0;
  // Whether a profile node has a frame of ours on its stack (itself or a caller), memoized.
  const oursOnStack = (key) => {
    const node = nodes.get(key);
    if (!node) return false;
    node.ours ??= node.frame.url?.startsWith(ours) || (node.parent !== undefined && oursOnStack(node.parent));
    return node.ours;
  };
  for (const e of events) {
    if (e.name !== 'ProfileChunk' || String(e.pid) !== pid) continue;
    const data = e.args?.data ?? {};
    for (const n of data.cpuProfile?.nodes ?? []) {
      const parent = n.parent === undefined ? undefined : `${e.id}:${n.parent}`;
      nodes.set(`${e.id}:${n.id}`, { frame: n.callFrame, parent });
    }
    if (e.ts < from || e.ts > to) continue;
    const samples = data.cpuProfile?.samples ?? [];
    const deltas = data.timeDeltas ?? [];
    for (let i = 0; i < samples.length; i++) {
      const key = `${e.id}:${samples[i]}`;
      const ms = (deltas[i + 1] ?? deltas[i] ?? 0) / 1000;
      if (oursOnStack(key)) oursMs += ms;
      const frame = nodes.get(key)?.frame;
      if (!frame?.url?.startsWith(ours)) continue;
      const name = `${frame.functionName || '(anonymous)'}:${frame.lineNumber}:${frame.columnNumber}`;
      self.set(name, (self.get(name) ?? 0) + ms);
    }
  }
  if (nodes.size === 0) return {};
  const hot = [...self.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 12)
    .map(([k, ms]) => `${k} ${ms.toFixed(0)} ms`);
  return { oursMs: Math.round(oursMs), hot };
}

/** The page's Performance.getMetrics, by name. */
export async function metrics(cdp) {
  return Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));
}

// `node tests/bench/chromium-trace.mjs [50k|storm] [--n=50000]`: a readable summary, with and without.
if (import.meta.url === `file://${process.argv[1]}`) {
  const { launchBrowser, startServer } = await import('../e2e/harness.mjs');
  const which = process.argv[2] ?? '50k';
  const n = Number(process.argv.find((a) => a.startsWith('--n='))?.slice(4) ?? 50_000);
  const server = await startServer();
  const browser = await launchBrowser(process.env.BENCH_EXTENSION ? { extensionDir: process.env.BENCH_EXTENSION } : {});
  try {
    const only = process.argv.find((a) => a.startsWith('--only='))?.slice(7);
    const dump = process.argv.find((a) => a.startsWith('--dump='))?.slice(7);
    for (const [label, origin] of [
      ['without', server.plainOrigin],
      ['with', server.origin],
    ]) {
      if (only && only !== label) continue;
      const page = await browser.context.newPage();
      const cdp = await browser.context.newCDPSession(page);
      let stop;
      if (which === '50k') {
        stop = await startTrace(cdp);
        const started = Date.now();
        await page.goto(`${origin}/hostile/many.html?n=${n}`);
        if (label === 'with') {
          await page.waitForFunction(
            (count) => document.querySelectorAll('consent-guard-badge[data-consent]').length >= count,
            n,
            { timeout: 120_000, polling: 500 },
          );
        }
        await page.waitForTimeout(label === 'with' ? 1000 : Math.max(1000, globalThis.__withMs ?? 8000));
        console.log(`${label}: ${Date.now() - started} ms wall`);
      } else {
        await page.goto(`${origin}/hostile/storm.html`);
        await page.waitForTimeout(1500);
        stop = await startTrace(cdp);
        const result = await page.evaluate((ms) => window.__startStorm(ms), 5000);
        console.log(label, JSON.stringify(result));
      }
      const events = await stop();
      if (dump) (await import('node:fs')).writeFileSync(`${dump}-${label}.json`, JSON.stringify(events));
      const summary = summarize(events, { urlPart: origin });
      console.log(`== ${which} ${label}\n${JSON.stringify(summary, null, 1)}`);
      await page.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }
}
