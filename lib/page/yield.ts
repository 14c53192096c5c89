/** Giving the main thread back to the page between two slices of our work. */

interface Yielding {
  scheduler?: { yield?: () => Promise<void> };
}

/** How long one slice of our work may hold the page's main thread (ms): well under a 50 ms long task. */
export const SLICE_MS = 12;

/**
 * Gives the main thread back to the page (input, rendering, its own tasks): `scheduler.yield()`
 * where the browser has it, else a fresh macrotask (a MessageChannel message: every browser and
 * Node have one, and unlike setTimeout(0) it is not clamped to 4 ms).
 */
export function yieldToPage(): Promise<void> {
  const scheduler = (globalThis as Yielding).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}
