/**
 * The numbers each tab shows, frame by frame, in storage.session: it outlives a service-worker
 * restart (so the popup still has them) and is gone when the browser closes.
 */
import { browser } from 'wxt/browser';
import { oneAtATime } from '@/lib/one-at-a-time';

type Frames = Record<string, string[]>;
const key = (tabId: number) => `tab:${tabId}`;

// One write at a time per tab: frames of one page report together and must not overwrite each other.
const queues = new Map<number, ReturnType<typeof oneAtATime>>();
function serial<T>(tabId: number, task: () => Promise<T>): Promise<T> {
  let serially = queues.get(tabId);
  if (!serially) {
    serially = oneAtATime();
    queues.set(tabId, serially);
  }
  return serially(task);
}

async function framesOf(tabId: number): Promise<Frames> {
  const stored = (await browser.storage.session.get(key(tabId)))[key(tabId)];
  return stored && typeof stored === 'object' ? (stored as Frames) : {};
}

function distinct(frames: Frames): string[] {
  return [...new Set(Object.values(frames).flat())];
}

/** Tabs closed since the worker started (Chromium never reuses a tab id): a late write is dropped. */
const closed = new Set<number>();

export function recordFrame(tabId: number, frameId: number, numbers: string[], reset: boolean): Promise<string[]> {
  return serial(tabId, async () => {
    // A page-scan answered after its tab closed (the tab closed mid-request) stores nothing.
    if (closed.has(tabId)) return [...new Set(numbers)];
    // A top frame's first scan after a load starts the tab afresh: the previous page's numbers go.
    const frames = reset && frameId === 0 ? {} : await framesOf(tabId);
    frames[String(frameId)] = numbers;
    await browser.storage.session.set({ [key(tabId)]: frames });
    return distinct(frames);
  });
}

export async function tabNumbers(tabId: number): Promise<string[]> {
  return distinct(await framesOf(tabId));
}

/** The tab now shows a page where we do not run: the numbers of the page before are no longer on it. */
export function clearTab(tabId: number): Promise<void> {
  return serial(tabId, () => browser.storage.session.remove(key(tabId)));
}

export async function forgetTab(tabId: number): Promise<void> {
  closed.add(tabId);
  await serial(tabId, () => browser.storage.session.remove(key(tabId)));
  queues.delete(tabId);
}
