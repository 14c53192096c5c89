/** Giving the main thread back to the page between two slices of our work. */

interface Yielding {
  scheduler?: { yield?: () => Promise<void> };
}

/** How long one slice of our work may hold the page's main thread (ms): well under a 50 ms long task. */
export const SLICE_MS = 12;

/**
 * How long chained slices may go on through `scheduler.yield()` alone (ms). Its continuation lets
 * input and rendering in but runs before the page's own queued tasks (its timers, its messages): a
 * first scan of 50,000 numbers kept a page's 10 ms timer waiting for seconds. So at least this often
 * the yield is a real macrotask, behind whatever the page has queued.
 */
const FAIR_MS = 48;
let fairAt = 0;

/**
 * Gives the main thread back to the page (input, rendering, its own tasks): `scheduler.yield()`
 * where the browser has it, and a fresh macrotask at least every FAIR_MS (a MessageChannel
 * message: every browser and Node have one, and unlike setTimeout(0) it is not clamped to 4 ms).
 */
export function yieldToPage(): Promise<void> {
  const scheduler = (globalThis as Yielding).scheduler;
  const now = performance.now();
  if (now - fairAt < FAIR_MS && typeof scheduler?.yield === 'function') return scheduler.yield();
  fairAt = now;
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}
