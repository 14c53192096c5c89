/**
 * The numbers each tab shows, frame by frame (issue #18 item 2): held in the worker's memory, and
 * mirrored in storage.session so that a restarted worker (and so the popup) still has them; gone
 * when the browser closes. Each frame also keeps, for its numbers inside a record that names a place,
 * the record's place and words (so the popup lists them as the badges answered them); what is read
 * back from storage is validated with zod (StoredFrame): storage is a boundary.
 *
 * Bounded, so one page cannot fill the shared 10 MB quota and starve other tabs:
 * - a frame keeps at most MAX_FRAME_NUMBERS numbers (what one report may carry);
 * - a tab keeps at most MAX_TAB_NUMBERS over its frames: beyond, the frames reported least recently
 *   are evicted (the top frame last);
 * - a frame that reports nothing (it went: the content script says so on pagehide) is pruned, and a
 *   top frame's new page, a page where we do not run, or a closed tab clears the tab.
 * Storage holds one item per frame plus a per-tab list of its frames, so a report writes only its
 * own frame's item, never the whole tab. Writes are queued per tab and never awaited by an answer:
 * a failed write (quota, a worker stopping) is logged, and memory still holds the truth.
 */
import { browser } from 'wxt/browser';
import { oneAtATime } from '@/lib/one-at-a-time';
import { MAX_PAGE_NUMBERS } from '@/lib/protocol/constants';
import { type PlaceOnPage, type RecordOfNumber, StoredFrame } from '@/lib/protocol/messages';

/** A frame keeps what one report may carry. */
export const MAX_FRAME_NUMBERS = MAX_PAGE_NUMBERS;
export const MAX_TAB_NUMBERS = 20_000;

interface Frame {
  numbers: string[];
  /** Its numbers that sit in a record with a place. */
  places: PlaceOnPage[];
  /** Its numbers whose record on the page flags them do-not-call. */
  flagged: string[];
  /** Its numbers that sit in a record, with the record's id in the frame. */
  records: RecordOfNumber[];
  /** When it last reported (a counter): the oldest goes first. */
  seq: number;
}
type Frames = Map<number, Frame>;

const indexKey = (tabId: number) => `tab:${tabId}`;
const frameKey = (tabId: number, frameId: number) => `tab:${tabId}:${frameId}`;

const tabs = new Map<number, Promise<Frames>>();
let counter = 0;

/** A tab's frames: from memory, or once per worker life from storage. */
function framesOf(tabId: number): Promise<Frames> {
  let frames = tabs.get(tabId);
  if (!frames) {
    frames = load(tabId);
    tabs.set(tabId, frames);
  }
  return frames;
}

async function load(tabId: number): Promise<Frames> {
  const frames: Frames = new Map();
  try {
    const index = (await browser.storage.session.get(indexKey(tabId)))[indexKey(tabId)];
    // The list of frame ids (an object of frames in an older version: dropped, the page reports again).
    const ids = Array.isArray(index) ? index.filter((id): id is number => Number.isInteger(id)).slice(0, 1000) : [];
    if (ids.length === 0) return frames;
    const stored = await browser.storage.session.get(ids.map((id) => frameKey(tabId, id)));
    for (const id of ids) {
      // A bare list of numbers, or {numbers, places}; anything else (damaged, foreign) is left out.
      const parsed = StoredFrame.safeParse(stored[frameKey(tabId, id)]);
      if (!parsed.success) continue;
      const frame = Array.isArray(parsed.data) ? { numbers: parsed.data, places: [] } : parsed.data;
      frames.set(id, {
        numbers: frame.numbers.slice(0, MAX_FRAME_NUMBERS),
        places: frame.places.slice(0, MAX_FRAME_NUMBERS),
        flagged: ('flagged' in frame ? (frame.flagged ?? []) : []).slice(0, MAX_FRAME_NUMBERS),
        records: ('records' in frame ? (frame.records ?? []) : []).slice(0, MAX_FRAME_NUMBERS),
        seq: ++counter,
      });
    }
  } catch (error) {
    console.error('[Consent Guard] could not read a tab’s numbers', error);
  }
  return frames;
}

function distinct(frames: Frames): string[] {
  const all = new Set<string>();
  for (const frame of frames.values()) for (const n of frame.numbers) all.add(n);
  return [...all];
}

const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((n, i) => n === b[i]);
const placeKey = (p: PlaceOnPage) =>
  `${p.e164}@${p.regions.join('/')}@${p.source ?? ''}@${p.text ?? ''}@${p.record ?? ''}`;
const recordKey = (r: RecordOfNumber) => `${r.e164}@${r.record}`;
const samePlaces = (a: readonly PlaceOnPage[], b: readonly PlaceOnPage[]) => sameList(a.map(placeKey), b.map(placeKey));

// One write at a time per tab, each writing what memory holds by then (later changes ride along).
const queues = new Map<number, ReturnType<typeof oneAtATime>>();
const pending = new Map<number, Set<number>>();
function persist(tabId: number, changed: Iterable<number>): void {
  let dirty = pending.get(tabId);
  const scheduled = dirty !== undefined;
  if (!dirty) {
    dirty = new Set();
    pending.set(tabId, dirty);
  }
  for (const id of changed) dirty.add(id);
  if (scheduled) return;
  let serially = queues.get(tabId);
  if (!serially) {
    serially = oneAtATime();
    queues.set(tabId, serially);
  }
  serially(async () => {
    const ids = pending.get(tabId) ?? new Set<number>();
    pending.delete(tabId);
    if (closed.has(tabId)) return;
    const frames = await framesOf(tabId);
    const set: Record<string, unknown> = { [indexKey(tabId)]: [...frames.keys()] };
    const remove: string[] = [];
    for (const id of ids) {
      const frame = frames.get(id);
      if (frame)
        set[frameKey(tabId, id)] =
          frame.places.length > 0 || frame.flagged.length > 0 || frame.records.length > 0
            ? {
                numbers: frame.numbers,
                places: frame.places,
                ...(frame.flagged.length > 0 ? { flagged: frame.flagged } : {}),
                ...(frame.records.length > 0 ? { records: frame.records } : {}),
              }
            : frame.numbers;
      else remove.push(frameKey(tabId, id));
    }
    if (remove.length > 0) await browser.storage.session.remove(remove);
    await browser.storage.session.set(set);
  }).catch((error) => console.error('[Consent Guard] could not store a tab’s numbers', error));
}

/** Tabs closed since the worker started (Chromium never reuses a tab id): a late report is dropped. */
const closed = new Set<number>();

/**
 * Records the numbers a frame shows now; returns every distinct number on the tab, or null when
 * nothing changed (the toolbar count stays). Never waits for storage to be written.
 */
export async function recordFrame(
  tabId: number,
  frameId: number,
  numbers: string[],
  reset: boolean,
  places: PlaceOnPage[] = [],
  flagged: string[] = [],
  records: RecordOfNumber[] = [],
): Promise<string[] | null> {
  // A report answered after its tab closed (the tab closed mid-request) stores nothing.
  if (closed.has(tabId)) return [...new Set(numbers)];
  const frames = await framesOf(tabId);
  if (closed.has(tabId)) return [...new Set(numbers)];
  const changed = new Set<number>();
  // A top frame's first scan after a load starts the tab afresh: the previous page's numbers go.
  if (reset && frameId === 0) {
    for (const id of frames.keys()) changed.add(id);
    frames.clear();
  }
  const kept = [...new Set(numbers)].slice(0, MAX_FRAME_NUMBERS);
  const shown = new Set(kept);
  const keptPlaces = places.filter((p) => shown.has(p.e164)).slice(0, MAX_FRAME_NUMBERS);
  const keptFlagged = [...new Set(flagged)].filter((n) => shown.has(n));
  const keptRecords = records.filter((r) => shown.has(r.e164)).slice(0, MAX_FRAME_NUMBERS);
  const before = frames.get(frameId);
  if (kept.length === 0) {
    if (before) changed.add(frameId);
    frames.delete(frameId);
  } else if (
    !before ||
    !sameList(before.numbers, kept) ||
    !samePlaces(before.places, keptPlaces) ||
    !sameList(before.flagged, keptFlagged) ||
    !sameList(before.records.map(recordKey), keptRecords.map(recordKey))
  ) {
    frames.set(frameId, {
      numbers: kept,
      places: keptPlaces,
      flagged: keptFlagged,
      records: keptRecords,
      seq: ++counter,
    });
    changed.add(frameId);
  } else before.seq = ++counter;
  // Over the tab's cap: the frames reported least recently go, the top frame and this one last.
  let total = 0;
  for (const frame of frames.values()) total += frame.numbers.length;
  if (total > MAX_TAB_NUMBERS) {
    const order = [...frames].sort(([a, fa], [b, fb]) => rank(a, frameId) - rank(b, frameId) || fa.seq - fb.seq);
    for (const [id, frame] of order) {
      if (total <= MAX_TAB_NUMBERS) break;
      frames.delete(id);
      total -= frame.numbers.length;
      changed.add(id);
    }
  }
  if (changed.size === 0) return null;
  persist(tabId, changed);
  return distinct(frames);
}

/** Eviction order: other subframes first, then the top frame, then the frame reporting now. */
const rank = (id: number, reporting: number) => (id === reporting ? 2 : id === 0 ? 1 : 0);

export async function tabNumbers(tabId: number): Promise<string[]> {
  return distinct(await framesOf(tabId));
}

/** The tab's numbers that sit in a record with a place, with the record's words, once per number and place. */
export async function tabPlaces(tabId: number): Promise<PlaceOnPage[]> {
  const seen = new Map<string, PlaceOnPage>();
  for (const frame of (await framesOf(tabId)).values()) {
    for (const p of frame.places) {
      const k = `${p.e164}@${p.regions.join('/')}`;
      if (!seen.has(k)) seen.set(k, p);
    }
  }
  return [...seen.values()];
}

/**
 * Which record each of the tab's numbers sits in, as an id unique on the tab (`<frame>:<record>`):
 * keyed by the number (`+1…`), and by number and place (`+1…@CA`) for the numbers read with a place.
 * The first frame's record wins where a number shows in several.
 */
export async function tabRecords(tabId: number): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  const keep = (key: string, frameId: number, record: string | undefined) => {
    if (record && !ids.has(key)) ids.set(key, `${frameId}:${record}`);
  };
  for (const [frameId, frame] of await framesOf(tabId)) {
    for (const p of frame.places) keep(`${p.e164}@${p.regions.join('/')}`, frameId, p.record);
    for (const r of frame.records) keep(r.e164, frameId, r.record);
  }
  return ids;
}

/** The tab's numbers whose record on the page flags them do-not-call (in any of its frames). */
export async function tabFlagged(tabId: number): Promise<string[]> {
  const all = new Set<string>();
  for (const frame of (await framesOf(tabId)).values()) for (const n of frame.flagged) all.add(n);
  return [...all];
}

/** Every stored item of a tab, and its memory, gone. */
async function dropTab(tabId: number): Promise<void> {
  const frames = await framesOf(tabId);
  const keys = [indexKey(tabId), ...[...frames.keys()].map((id) => frameKey(tabId, id))];
  frames.clear();
  await browser.storage.session.remove(keys);
}

/** The tab now shows a page where we do not run: the numbers of the page before are no longer on it. */
export function clearTab(tabId: number): Promise<void> {
  const serially = queues.get(tabId) ?? oneAtATime();
  queues.set(tabId, serially);
  return serially(() => dropTab(tabId));
}

export async function forgetTab(tabId: number): Promise<void> {
  closed.add(tabId);
  await clearTab(tabId).catch((error) => console.error('[Consent Guard] could not forget a tab', error));
  queues.delete(tabId);
  pending.delete(tabId);
  tabs.delete(tabId);
}
