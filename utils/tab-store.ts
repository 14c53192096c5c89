/**
 * The numbers each tab shows, frame by frame, in storage.session: it outlives a service-worker
 * restart (so the popup still has them) and is gone when the browser closes. Each frame keeps its
 * numbers and, for those inside a record that names a place, the record's place and words (so the
 * popup lists them as the badges answered them). What is read back is validated: storage is a boundary.
 */
import { browser } from 'wxt/browser';
import { oneAtATime } from '@/lib/one-at-a-time';
import { type PlaceOnPage, StoredFrame } from '@/lib/protocol/messages';

interface Frame {
  numbers: string[];
  places: PlaceOnPage[];
}
type Frames = Record<string, Frame>;
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

/** The stored frames; a frame that does not validate (a damaged or foreign entry) is left out. */
async function framesOf(tabId: number): Promise<Frames> {
  const stored = (await browser.storage.session.get(key(tabId)))[key(tabId)];
  if (!stored || typeof stored !== 'object') return {};
  const frames: Frames = {};
  for (const [id, value] of Object.entries(stored)) {
    const parsed = StoredFrame.safeParse(value);
    if (!parsed.success) continue;
    frames[id] = Array.isArray(parsed.data) ? { numbers: parsed.data, places: [] } : parsed.data;
  }
  return frames;
}

function distinct(frames: Frames): string[] {
  return [...new Set(Object.values(frames).flatMap((f) => f.numbers))];
}

/** Every located number of the tab, once per number and place. */
function distinctPlaces(frames: Frames): PlaceOnPage[] {
  const seen = new Map<string, PlaceOnPage>();
  for (const frame of Object.values(frames)) {
    for (const p of frame.places) {
      const k = `${p.e164}@${p.regions.join('/')}`;
      if (!seen.has(k)) seen.set(k, p);
    }
  }
  return [...seen.values()];
}

/** Tabs closed since the worker started (Chromium never reuses a tab id): a late write is dropped. */
const closed = new Set<number>();

export function recordFrame(
  tabId: number,
  frameId: number,
  numbers: string[],
  reset: boolean,
  places: PlaceOnPage[] = [],
): Promise<string[]> {
  return serial(tabId, async () => {
    // A page-scan answered after its tab closed (the tab closed mid-request) stores nothing.
    if (closed.has(tabId)) return [...new Set(numbers)];
    // A top frame's first scan after a load starts the tab afresh: the previous page's numbers go.
    const frames = reset && frameId === 0 ? {} : await framesOf(tabId);
    frames[String(frameId)] = { numbers, places };
    await browser.storage.session.set({ [key(tabId)]: frames });
    return distinct(frames);
  });
}

export async function tabNumbers(tabId: number): Promise<string[]> {
  return distinct(await framesOf(tabId));
}

/** The tab's numbers that sit in a record with a place, with the record's words. */
export async function tabPlaces(tabId: number): Promise<PlaceOnPage[]> {
  return distinctPlaces(await framesOf(tabId));
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
