// Scrolling the 2,000-row CRM list in real Chromium, with the built extension (its badges answered
// and settled) against the same page without it, alternated so both see the same load: the longest
// main-thread task while the agent wheels through the list, and the main thread's busy time then.
// A badge that shows inside a table makes the browser lay the whole table out again; scrolling
// must not pay for that.
import os from 'node:os';
import { launchBrowser, startServer } from '../e2e/harness.mjs';
import { sideBySide } from './chromium.bench.mjs';
import { startTrace, summarize } from './chromium-trace.mjs';

const REPEAT = Number(process.env.BENCH_CHROMIUM_REPEAT ?? 3);
/** The wheel steps (px each) and the pause after each, as an agent skims a list. */
const STEPS = 20;
const STEP_PX = 1600;
const PAUSE_MS = 150;
process.env.TRACE_PROFILE ??= 'off';

async function scrolled(browser, origin, withExtension) {
  const page = await browser.context.newPage();
  try {
    await page.setViewportSize({ width: 1200, height: 800 });
    await page.goto(`${origin}/pages/crm-list.html`);
    if (withExtension) {
      await page.waitForFunction(
        () => document.querySelectorAll('consent-guard-badge[data-consent]').length >= 3000,
        null,
        {
          timeout: 120_000,
          polling: 200,
        },
      );
    }
    // Quiet for a second and a half: what is timed is the scroll alone, on both sides.
    await page.waitForTimeout(1500);
    const cdp = await browser.context.newCDPSession(page);
    const stop = await startTrace(cdp);
    await page.mouse.move(400, 400);
    for (let i = 0; i < STEPS; i++) {
      await page.mouse.wheel(0, STEP_PX);
      await page.waitForTimeout(PAUSE_MS);
    }
    await page.waitForTimeout(500);
    const summary = summarize(await stop(), { urlPart: origin });
    await cdp.detach();
    return { gapMs: summary.longestMs, busyMs: summary.busyMs };
  } finally {
    await page.close();
  }
}

export async function scrollBenchmarks() {
  const server = await startServer();
  const browser = await launchBrowser(process.env.BENCH_EXTENSION ? { extensionDir: process.env.BENCH_EXTENSION } : {});
  const alone = [];
  const withExt = [];
  try {
    for (let i = 0; i < REPEAT; i++) {
      // http://127.0.0.1 is not a dialer site: there the extension stays out of the way.
      alone.push(await scrolled(browser, server.plainOrigin, false));
      withExt.push(await scrolled(browser, server.origin, true));
    }
  } finally {
    await browser.close();
    await server.close();
  }
  console.log(
    `Scroll runs (ms), load average ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}: ${JSON.stringify({ alone, with: withExt })}`,
  );
  const label = `scrolling the 2,000-row list, ${STEPS} wheel steps of ${STEP_PX} px`;
  return sideBySide(label, 'longest main-thread task', alone, withExt);
}
