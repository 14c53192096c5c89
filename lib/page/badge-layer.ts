/**
 * The badges on a page: places them, gives them their answers and takes them away. A badge starts as
 * a light placeholder (its element and attributes, hidden). On a page of up to EAGER_UP_TO badges,
 * every badge gets its words and shadow root when answered, and they show together in one frame:
 * the page lays out once, and scrolling then changes no layout. On a bigger page they come only when
 * near the viewport, so a page of 50,000 numbers styles only the few dozen the agent can see. Every
 * write that changes what the page shows is done in one batch per frame, never interleaved with a
 * read of layout.
 */
import type { BadgeInfo } from '../protocol/messages';
import { createBadge, fillBadge, setBadgeAnswer } from './badge';
import type { PageText } from './text';

export interface BadgeLayerOptions {
  text: PageText;
  /** Fill badges only near the viewport (IntersectionObserver) on a page of more than `eagerUpTo`; off, every badge is filled when answered. */
  lazy?: boolean;
  /** How far beyond the viewport a badge counts as near. */
  margin?: string;
  /** Lazy only above this many badges on the page (EAGER_UP_TO by default). */
  eagerUpTo?: number;
}

/** What the layer knows of one badge, in one record: each weak-map entry costs the garbage collector. */
interface BadgeState {
  /** The chunk it waits in until it comes near the viewport; null once near (it stays filled: no churn while scrolling). */
  chunk: Chunk | null;
  /** Its answer (null until answered) and whether it is shown. */
  info: BadgeInfo | null;
  visible: boolean;
  /** The answer its words show now. */
  filled: BadgeInfo | null;
}

type Side = 'near' | 'above' | 'below' | 'aside' | 'unknown';

/**
 * Placeholders placed together, watched through two sentinels: the elements the first and the last
 * of them (in document order) sit in. Observing every badge's element would make each frame of a
 * scroll cost what the page holds (50,000 targets: 120–650 ms a frame, measured); a chunk costs two.
 * A chunk is filled when a sentinel comes near the viewport, or when the viewport lies between its
 * two (one above, one below): IntersectionObserver reports each crossing, so each side is known.
 */
interface Chunk {
  members: Set<HTMLElement>;
  first: Element | null;
  last: Element | null;
  sides: Map<Element, Side>;
}

/** How long one frame's batch of badge writes may take (ms); the rest waits for the next frame. */
const FRAME_MS = 8;
/**
 * The most badges one chunk holds. Each chunk's sentinels are checked by IntersectionObserver on
 * every frame whose layout changed: on the 50,000-number page, chunks of 64 (1,560 sentinels) cost
 * 0.5–0.6 s of its load, chunks of 256 (390) 0.13 s (DevTools trace). A chunk that comes near fills
 * its badges over as many frames as FRAME_MS needs.
 */
const CHUNK = 256;
/**
 * Up to this many badges on a page, each is filled when answered, not when it comes near: a badge
 * that shows inside a table makes the browser lay the whole table out again, so badges shown while
 * scrolling froze a 2,000-row list for 0.9–1.2 s at each wheel step (filled at once: 0.2–0.3 s, as
 * the page alone; Chromium, load 7). Beyond it lazy filling wins: every filled badge is a shadow root
 * with its own stylesheet scope, and each frame that adds some costs the browser in proportion to
 * all of them (50,000 filled at once took a minute to show).
 */
const EAGER_UP_TO = 5000;

export class BadgeLayer {
  private readonly states = new WeakMap<HTMLElement, BadgeState>();
  /** The chunks each observed sentinel watches for. */
  private readonly watching = new Map<Element, Set<Chunk>>();
  private open: Chunk | null = null;
  private readonly queue = new Set<HTMLElement>();
  /** Filled badges whose visibility changes with the next frame's batch (all at once: one layout). */
  private readonly toShow = new Set<HTMLElement>();
  private readonly near: IntersectionObserver | null;
  private frame: number | undefined;
  private stopped = false;
  /** How many badges the page holds now. */
  private live = 0;

  constructor(
    private readonly doc: Document,
    private readonly options: BadgeLayerOptions,
  ) {
    const View = doc.defaultView as (Window & typeof globalThis) | null;
    const Observer = options.lazy ? View?.IntersectionObserver : undefined;
    this.near = Observer
      ? new Observer((entries) => this.onNear(entries), { rootMargin: options.margin ?? '150% 0px' })
      : null;
  }

  /** A new placeholder for `e164`, inserted into `parent` before `ref` (after any badge of ours there). */
  place(parent: Node, ref: Node | null, e164: string): HTMLElement {
    const badge = createBadge(this.doc, e164);
    parent.insertBefore(badge, ref);
    this.live++;
    const anchor = this.near ? badge.parentElement : null;
    const state: BadgeState = { chunk: null, info: null, visible: false, filled: null };
    this.states.set(badge, state);
    if (!anchor) return badge;
    let chunk = this.open;
    if (!chunk || chunk.members.size >= CHUNK) {
      this.endBatch();
      chunk = { members: new Set(), first: anchor, last: anchor, sides: new Map() };
      this.open = chunk;
    }
    chunk.members.add(badge);
    state.chunk = chunk;
    // 4: the anchor is after `last`; 2: before `first` (compareDocumentPosition's bits). Badges come
    // mostly in document order: `last` is asked first, and an anchor after it cannot be before `first`.
    if (chunk.last && chunk.last.compareDocumentPosition(anchor) & 4) chunk.last = anchor;
    else if (chunk.first && chunk.first.compareDocumentPosition(anchor) & 2) chunk.first = anchor;
    return badge;
  }

  /** The badges placed so far form a chunk: its sentinels are observed from now on. */
  endBatch() {
    const chunk = this.open;
    this.open = null;
    if (!chunk || !this.near || chunk.members.size === 0) return;
    for (const sentinel of new Set([chunk.first, chunk.last])) {
      if (!sentinel) continue;
      chunk.sides.set(sentinel, 'unknown');
      let set = this.watching.get(sentinel);
      if (!set) {
        set = new Set();
        this.watching.set(sentinel, set);
      } else this.near.unobserve(sentinel); // observed afresh: it reports where it is now, for this chunk too
      set.add(chunk);
      this.near.observe(sentinel);
    }
  }

  /** The badge's answer: its attributes now (the public contract), its words and visibility in the next frame. */
  answer(badge: HTMLElement, info: BadgeInfo, visible: boolean) {
    setBadgeAnswer(badge, info);
    const state = this.states.get(badge);
    if (!state) return;
    state.info = info;
    state.visible = visible;
    // Answers come once a burst is placed: `live` is then what the page holds.
    if (state.chunk && this.live <= (this.options.eagerUpTo ?? EAGER_UP_TO)) this.leaveChunk(badge, state);
    if (!state.chunk) this.schedule(badge);
  }

  remove(badge: HTMLElement) {
    badge.remove();
    this.queue.delete(badge);
    this.toShow.delete(badge);
    const state = this.states.get(badge);
    if (!state) return;
    this.live--;
    this.states.delete(badge);
    this.leaveChunk(badge, state);
  }

  /** The badge waits for no chunk any more (its chunk is forgotten once empty). */
  private leaveChunk(badge: HTMLElement, state: BadgeState) {
    const chunk = state.chunk;
    state.chunk = null;
    if (!chunk) return;
    chunk.members.delete(badge);
    if (chunk.members.size === 0) this.forget(chunk);
  }

  /** No more frames or observer reports (what the layer still holds goes with the content script). */
  stop() {
    this.stopped = true;
    this.near?.disconnect();
    if (this.frame !== undefined) this.doc.defaultView?.cancelAnimationFrame?.(this.frame);
  }

  private forget(chunk: Chunk) {
    if (this.open === chunk) this.open = null;
    for (const sentinel of chunk.sides.keys()) {
      const set = this.watching.get(sentinel);
      set?.delete(chunk);
      if (set?.size === 0) {
        this.watching.delete(sentinel);
        this.near?.unobserve(sentinel);
      }
    }
    chunk.sides.clear();
  }

  private onNear(entries: IntersectionObserverEntry[]) {
    for (const entry of entries) {
      const side = sideOf(entry);
      for (const chunk of [...(this.watching.get(entry.target) ?? [])]) {
        chunk.sides.set(entry.target, side);
        const sides = [...chunk.sides.values()];
        const between = sides.length === 2 && sides[0] !== sides[1] && !sides.includes('unknown');
        if (side !== 'near' && !between) continue;
        this.forget(chunk);
        for (const badge of chunk.members) {
          const state = this.states.get(badge);
          if (!state) continue;
          state.chunk = null;
          if (state.info) this.schedule(badge);
        }
      }
    }
  }

  /** Queues `badge` for the next frame's batch (none: the batch goes on in the next frame). */
  private schedule(badge?: HTMLElement) {
    if (badge) this.queue.add(badge);
    if (this.frame !== undefined || this.stopped) return;
    const View = this.doc.defaultView;
    const run = () => {
      this.frame = undefined;
      this.writeFrame();
    };
    // Where frames are not run (no rAF), a short timer does.
    this.frame = View?.requestAnimationFrame
      ? View.requestAnimationFrame(run)
      : (setTimeout(run, 16) as unknown as number);
  }

  /**
   * One frame's writes: the words of the queued badges (hidden, so no layout yet), for at most
   * FRAME_MS; when all are written, every visibility change at once, so the page lays out once.
   */
  private writeFrame() {
    const deadline = performance.now() + FRAME_MS;
    for (const badge of this.queue) {
      this.queue.delete(badge);
      const state = this.states.get(badge);
      if (!state?.info || !badge.isConnected) continue;
      if (state.filled !== state.info) {
        fillBadge(badge, state.info, this.options.text);
        state.filled = state.info;
      }
      this.toShow.add(badge);
      if (performance.now() > deadline) break;
    }
    if (this.queue.size > 0) {
      this.schedule();
      return;
    }
    for (const badge of this.toShow) {
      const state = this.states.get(badge);
      if (state?.info && badge.hidden === state.visible) badge.hidden = !state.visible;
    }
    this.toShow.clear();
  }
}

/** Where an observed element is, against the viewport grown by the margin. */
function sideOf(entry: IntersectionObserverEntry): Side {
  if (entry.isIntersecting) return 'near';
  const root = entry.rootBounds;
  if (!root) return 'unknown';
  const box = entry.boundingClientRect;
  if (box.bottom < root.top) return 'above';
  if (box.top > root.bottom) return 'below';
  return 'aside';
}
