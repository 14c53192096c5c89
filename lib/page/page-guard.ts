/**
 * The page engine: keeps a page's badges true while the page changes. Three parts, one lifetime:
 * - which nodes changed: one MutationObserver for the document and every open shadow root (plus
 *   field input and the page-world hook's late shadow roots), noted per node and worked out per burst;
 * - the badge layer (badge-layer.ts): places badges, shows their answers near the viewport, removes them;
 * - the answer client (answer-client.ts): asks the background once per burst and applies the answers.
 * This class walks and scans what changed (in slices that leave the page its main thread) and tells
 * the other two; everything it starts is tied to one AbortController, so stop() is one abort. Never
 * rewrites the page's own nodes: it only inserts and removes elements of its own.
 */

import type { ScanOptions } from '../number/scan-text';
import type { Answer, BadgeInfo, PageScan, PageScanResponse, RecordLocation } from '../protocol/messages';
import { AnswerClient, answerKey } from './answer-client';
import { BADGE_TAG } from './badge';
import { BadgeLayer } from './badge-layer';
import { BLOCK_TAGS, blockOf } from './blocks';
import {
  blockNodes,
  type Found,
  isPhoneField,
  type Scan,
  scanBlock,
  scanField,
  telLinkNumber,
  Walker,
} from './collect';
import { linkShowsNumber } from './dedupe';
import { type DialNeed, dialNeed } from './dial-need';
import { isOwnElement, PageObserver } from './page-observer';
import { createPanel, type PanelActs } from './panel';
import { newRecordCache, type RecordCache, type RecordPlace } from './record';
import { recordFactsOf } from './record-dnc';
import type { PageText } from './text';
import { SLICE_MS, yieldToPage } from './yield';

interface GuardDeps {
  scan: Scan;
  scanOptions?: ScanOptions;
  /** Sends one burst to the background. */
  send: (message: PageScan) => Promise<PageScanResponse | undefined>;
  /** The full answer for one number (with its record's location, if any), for the details panel. */
  details: (e164: string, location?: RecordLocation | null) => Promise<Answer | null>;
  /** The words of badges and panel, in the browser's language. */
  text: PageText;
  /** The agent opened a number's badge: the side panel follows (number-selected; never awaited). */
  selected?: (e164: string) => void;
  /** What the details panel's Copy and "Open the call panel" tell the extension (panel.ts). */
  panelActs?: PanelActs;
  /** Delay that gathers a burst of changes into one pass (ms). */
  batchMs?: number;
  /** How often form fields are checked for values set by script (ms); 0 turns it off. */
  fieldPollMs?: number;
  /** Fill badges only when near the viewport (the content script); off, each is filled when answered. */
  lazyBadges?: boolean;
  onError?: (error: unknown) => void;
}

/** One badge of ours, as placed (one record per badge: each weak-map entry costs the garbage collector). */
interface Placed {
  /** The block (or link, or field) whose number it shows. */
  owner: Node;
  /** Its number as we placed it: its data-consent-number attribute is the page's to change. */
  e164: string;
  /** What the badge's answer is keyed by: the number, and its record's places when it has some. */
  key: string;
  location: RecordPlace | null;
  /** Its record flags the number do-not-call (record-dnc.ts): shown as "Do not call" whatever the answer. */
  dnc: boolean;
  /** Its record on the page, as the id the tab's summary groups numbers by ("r12"). */
  record: string | undefined;
  /** The node the badge sits right after. */
  after: Node;
  badge: HTMLElement;
}

/** The longest a storm of page changes is gathered before a pass (ms): see flushSoon. */
const STORM_BATCH_MS = 480;

/** How often at most every placed badge is checked for an owner the page took away (ms). */
const SWEEP_MS = 2000;

/** A block's text as last scanned, and what was found in it: the same text is not scanned again. */
interface Scanned {
  text: string;
  nodes: (Text | Element)[];
  found: Found[];
}

/** A page may remove our badges; after this many re-adds in one place we leave it alone. */
const MAX_READDS = 3;

const INTERACTIVE = new Set(['A', 'BUTTON', 'LABEL', 'SUMMARY', 'SELECT']);
const EDITABLE = '[contenteditable]:not([contenteditable="false"])';

/** Where the badge goes: after the number, but outside links, buttons and editable text. */
function placementOf(found: Found, owner: Node): Node {
  let after: Node = found.node;
  for (
    let current: Node | null = found.node.parentNode;
    current && current !== owner.parentNode;
    current = current.parentNode
  ) {
    if (current.nodeType !== 1) break;
    const element = current as HTMLElement;
    if (INTERACTIVE.has(element.tagName.toUpperCase())) after = element;
    if (current === owner) break;
  }
  // Inside editable text, a badge would be saved with the agent's note: it goes after the editor.
  const start = after.nodeType === 1 ? (after as Element) : after.parentElement;
  let editor = start?.closest?.(EDITABLE);
  for (let up = editor?.parentElement?.closest(EDITABLE); up; up = up.parentElement?.closest(EDITABLE)) editor = up;
  if (editor) after = editor;
  return after;
}

export class PageGuard {
  private readonly placed = new Map<Node, Placed[]>();
  /** Records read for the badges of each owner: a change in one of them may move a number's location. */
  private readonly recordOwners = new WeakMap<Element, Set<Node>>();
  private watchedRecords = 0;
  /** Each badge of ours, as placed. */
  private readonly badges = new WeakMap<HTMLElement, Placed>();
  private readonly recordIds = new WeakMap<Element, string>();
  private recordCount = 0;
  /** Records and table headers read in the flush under way. */
  private records: RecordCache = newRecordCache();
  private readonly readds = new WeakMap<Node, number>();
  private readonly dirty = new Set<Node>();
  /** Nodes the page changed since the last flush (one entry however often each changed). */
  private readonly touched = new Set<Node>();
  /** Owners whose badges went with a subtree the page removed. */
  private readonly maybeGone = new Set<Node>();
  /** Subtrees new to us, walked in slices. */
  private readonly walks: { walker: Walker; node: Node; since: number }[] = [];
  private lastSweep = 0;
  private readonly scanned = new WeakMap<Node, Scanned>();
  private running = false;
  /** Text nodes of blocks just walked whole (by adopt), used once by the flush that follows. */
  private readonly walkedNodes = new Map<Node, (Text | Element)[]>();
  /** Blocks scanned in the flush under way. */
  private readonly foundInFlush = new Map<Node, Found[]>();
  /** Which nodes the page changed. */
  private readonly observer: PageObserver;
  private readonly panel;
  /** The badge layer: places badges, shows their answers near the viewport, takes them away. */
  private readonly layer: BadgeLayer;
  /** The answer client: asks the background in bursts and applies the answers. */
  private readonly answers: AnswerClient;
  /** One lifetime for all of it: aborting it is stopping (listeners, observer, timers, badges). */
  private readonly lifetime = new AbortController();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private sweepNeeded = false;
  /** True while we change the page ourselves: the removals it causes are not the page's doing. */
  private applying = false;
  /** When the last pass that read many changed nodes ended; how long the next pass gathers changes. */
  private stormAt = -1e9;
  private batchMs = 0;

  constructor(
    private readonly doc: Document,
    private readonly deps: GuardDeps,
  ) {
    this.observer = new PageObserver(
      doc,
      {
        touched: (node) => this.touched.add(node),
        added: (node) => this.adopt(node),
        removed: (node) => this.noteRemoved(node),
        ownRemoved: (element) => this.ownRemoved(element),
        element: (element) => this.dirty.add(element),
        shadowRoot: (root) => this.adopt(root, root),
        changed: () => {
          if (this.hasWork() || this.sweepNeeded) this.flushSoon();
        },
      },
      this.lifetime.signal,
    );
    this.panel = createPanel(doc, deps.text, deps.panelActs);
    this.layer = new BadgeLayer(doc, { text: deps.text, lazy: deps.lazyBadges === true });
    this.answers = new AnswerClient(
      {
        send: deps.send,
        show: (badge, info, visible) => this.layer.answer(badge, info, visible),
        drop: (badge) => this.dropBadge(badge),
        placeOf: (badge) => this.badges.get(badge)?.location ?? undefined,
        recordOf: (badge) => this.badges.get(badge)?.record,
        flagged: (badge) => this.badges.get(badge)?.dnc === true,
        ...(deps.onError ? { onError: deps.onError } : {}),
      },
      this.lifetime.signal,
    );
    this.lifetime.signal.addEventListener('abort', () => this.cleanUp(), { once: true });
  }

  private get stopped(): boolean {
    return this.lifetime.signal.aborted;
  }

  /** Starts on the page; stops when `signal` (the content script's lifetime) aborts, or on stop(). */
  start(signal?: AbortSignal) {
    const root = this.doc.body ?? this.doc.documentElement;
    if (!root || this.stopped) return;
    signal?.addEventListener('abort', () => this.stop(), { once: true, signal: this.lifetime.signal });
    this.observer.start(this.deps.fieldPollMs ?? 750);
    this.adopt(root, root);
    this.doc.addEventListener('click', this.onClick, { capture: true, signal: this.lifetime.signal });
    this.flushSoon(0);
  }

  /** Removes every badge and listener: the extension was disabled, updated or removed. One call, one abort. */
  stop() {
    this.lifetime.abort();
  }

  /** What the lifetime's end takes away besides the listeners registered with it. */
  private cleanUp() {
    clearTimeout(this.timer);
    for (const list of this.placed.values()) for (const p of list) this.removeBadge(p.key, p.badge);
    this.placed.clear();
    this.layer.stop();
    this.walks.length = 0;
    this.panel.remove();
  }

  /** Whether a dial of `e164` (null: not a number we read) asks first (dial-need.ts), with its answer. */
  dialNeed(e164: string | null): { need: DialNeed; info?: BadgeInfo | undefined } {
    const facts = this.answers.dialFacts(e164 ?? '');
    const infos = e164 ? facts.infos : [];
    const info = infos.find((i) => i.dnc) ?? infos.find((i) => i.consent !== 'one-party') ?? infos[0];
    const need = dialNeed(facts.setting, infos, facts.flagged && e164 !== null);
    // The record's flag is read in the page: the confirmation says why (the company list's comes first).
    return { need, info: info && need === 'confirm' && !info.dnc ? { ...info, dnc: 'record' } : info };
  }

  /** Settings changed: every answer is asked again. */
  refresh() {
    this.answers.refresh();
  }

  /** Queues a new subtree for a walk (done in slices by flush); its shadow roots are observed as they are met. */
  private adopt(node: Node, scopeRoot?: Node) {
    this.walks.push({ walker: new Walker(node, scopeRoot ?? this.scopeOf(node)), node, since: this.observer.changes });
  }

  /** Walks queued subtrees until the deadline; each finished walk marks its blocks for a scan. */
  private walkSome(deadline: number): boolean {
    while (this.walks.length > 0) {
      const job = this.walks[0] as (typeof this.walks)[number];
      if (!job.node.isConnected && job.node.nodeType !== 11) {
        this.walks.shift();
        continue;
      }
      if (!job.walker.step(deadline)) return false;
      this.walks.shift();
      this.adopted(job.node, job.walker, job.since === this.observer.changes);
      if (performance.now() > deadline) return false;
    }
    return true;
  }

  /** Marks what a finished walk found for a scan. `whole`: no page change came in while it walked. */
  private adopted(node: Node, walker: Walker, whole: boolean) {
    const walked = walker.walked;
    for (const [block, nodes] of walked.blocks) {
      // A block with too few digits and no badge of ours needs nothing: most of a CRM page.
      if (!this.placed.has(block) && !walked.numbered.has(block)) continue;
      this.dirty.add(block);
      // A block inside the walked subtree was walked whole: its scan need not walk it again.
      if (whole && (block === node || node.contains(block))) this.walkedNodes.set(block, nodes);
      else this.walkedNodes.delete(block);
    }
    for (const link of walked.links) this.dirty.add(link);
    for (const field of walked.fields) {
      this.dirty.add(field);
      this.observer.watchField(field);
    }
    for (const shadow of walked.shadowRoots) {
      this.observer.observe(shadow);
      this.adopt(shadow, shadow);
    }
  }

  /** The root blocks are counted from: the shadow root a node lives in, or the body. */
  private scopeOf(node: Node): Node {
    const root = node.getRootNode?.() ?? this.doc;
    return root === this.doc ? (this.doc.body ?? this.doc.documentElement) : root;
  }

  private ownerOf(node: Node): Node {
    if (node.nodeType === 1) {
      const element = node as Element;
      const tag = element.tagName.toUpperCase();
      if (BLOCK_TAGS.has(tag)) return element;
      if (isPhoneField(element)) return element;
    }
    return blockOf(node, this.scopeOf(node));
  }

  /** The page took one of our badges away: put it back, a few times at most. */
  private ownRemoved(element: HTMLElement) {
    const owner = this.badges.get(element)?.owner;
    if (!owner?.isConnected || this.applying) return;
    const count = (this.readds.get(owner) ?? 0) + 1;
    this.readds.set(owner, count);
    if (count <= MAX_READDS) this.dirty.add(owner);
  }

  /** A subtree the page removed: the owners of our badges inside it (found by their tag, not by a walk of ours). */
  private noteRemoved(removed: Node) {
    if (this.placed.has(removed)) this.maybeGone.add(removed);
    if (removed.nodeType !== 1 || (removed as Element).firstElementChild === null) return;
    for (const badge of (removed as Element).getElementsByTagName(BADGE_TAG)) {
      const owner = this.badges.get(badge as HTMLElement)?.owner;
      if (owner) this.maybeGone.add(owner);
    }
    // A badge may sit outside its owner (after the editor that holds it): a full check now and then.
    this.sweepNeeded = true;
  }

  /** The owners of the nodes the page changed, marked for a scan. */
  private resolveTouched() {
    for (const node of this.touched) {
      if (!node.isConnected) continue;
      this.dirtyRecordOwners(node);
      const owner = this.ownerOf(node);
      this.walkedNodes.delete(owner);
      this.dirty.add(owner);
    }
    this.touched.clear();
  }

  /** A change inside a record that gave (or may give) a number its location: that number is looked at again. */
  private dirtyRecordOwners(target: Node) {
    if (this.watchedRecords === 0) return;
    for (let e: Node | null = target; e; e = e.parentNode ?? (e as ShadowRoot).host ?? null) {
      const owners = e.nodeType === 1 ? this.recordOwners.get(e as Element) : undefined;
      if (owners) for (const owner of owners) if (owner.isConnected) this.dirty.add(owner);
    }
  }

  private readonly onClick = (event: Event) => {
    // A page's synthetic click (isTrusted false) never opens a panel: only the agent's own.
    if (!event.isTrusted) return;
    // Only badges this guard made: a page-made look-alike (same tag and attributes) is the page's.
    const badge = (event.composedPath?.() ?? []).find((node) => this.badges.has(node as HTMLElement)) as
      | HTMLElement
      | undefined;
    const placed = badge && this.badges.get(badge);
    if (!placed) return;
    // Our badge may sit inside the CRM's clickable row: the click is ours alone.
    event.preventDefault();
    event.stopPropagation();
    const { e164, location: place, dnc: flagged } = placed;
    const location = place ? { regions: place.regions, text: place.text.slice(0, 200), source: place.source } : null;
    this.deps.selected?.(e164);
    this.panel
      .open(badge, async () => {
        const answer = await this.deps.details(e164, location);
        // The record's flag is read here, in the page: the panel says why (the company list's comes first).
        return answer && flagged && !answer.dnc ? { ...answer, dnc: 'record' as const } : answer;
      })
      .catch((error) => this.deps.onError?.(error));
  };

  private hasWork(): boolean {
    return this.dirty.size > 0 || this.touched.size > 0 || this.walks.length > 0 || this.maybeGone.size > 0;
  }

  /**
   * The next pass, after `delay` ms of gathering changes. By default: batchMs, unless the page is in a
   * storm (a live call log, a ticker: many nodes changed in the last pass, and more right after it);
   * then each pass waits twice as long, up to STORM_BATCH_MS, so a block that changed ten times is
   * read once, and a storm costs what changed between two looks, not what each mutation did.
   * Typing, a click or one SPA render stay at batchMs.
   */
  private flushSoon(delay?: number) {
    if (this.timer !== undefined || this.running || this.stopped) return;
    const base = this.deps.batchMs ?? 60;
    this.batchMs = performance.now() - this.stormAt < base ? Math.min(2 * this.batchMs || base, STORM_BATCH_MS) : base;
    delay ??= this.batchMs;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.runSlices().catch((error) => this.deps.onError?.(error));
    }, delay);
  }

  /**
   * A burst's work in slices of SLICE_MS, the page running in between (a big page can scroll and
   * type while it is read); the background hears once, when the burst is through.
   */
  private async runSlices() {
    this.running = true;
    const storm = this.touched.size >= 16;
    try {
      for (;;) {
        try {
          this.flush(SLICE_MS);
        } catch (error) {
          this.deps.onError?.(error);
        }
        if (!this.hasWork() || this.stopped) break;
        await yieldToPage();
      }
    } finally {
      this.running = false;
      if (storm) this.stormAt = performance.now();
    }
    if (!this.stopped) await this.answers.report();
  }

  /** Rescans what changed and brings its badges in line, for at most `budgetMs` (the rest stays dirty). */
  flush(budgetMs = Number.POSITIVE_INFINITY) {
    const deadline = performance.now() + budgetMs;
    this.applying = true;
    try {
      this.resolveTouched();
      for (const owner of this.maybeGone) if (!owner.isConnected) this.render(owner, []);
      this.maybeGone.clear();
      const now = performance.now();
      if (this.sweepNeeded && now - this.lastSweep > SWEEP_MS) {
        this.sweepNeeded = false;
        this.lastSweep = now;
        for (const owner of this.placed.keys()) if (!owner.isConnected) this.render(owner, []);
      }
      if (!this.walkSome(deadline)) return;
      let done = 0;
      for (const owner of this.dirty) {
        this.dirty.delete(owner);
        this.render(owner, owner.isConnected ? this.find(owner) : []);
        // Checking the clock every 8 owners keeps its cost out of the loop and each slice short.
        if (++done % 8 === 0 && performance.now() > deadline) break;
      }
    } finally {
      this.foundInFlush.clear();
      this.records = newRecordCache();
      if (this.dirty.size === 0 && this.walks.length === 0) this.walkedNodes.clear();
      this.layer.endBatch();
      this.applying = false;
      // Our own insertions queue records too: drop them, they are not page changes.
      this.observer.takeRecords();
    }
  }

  private find(owner: Node): Found[] {
    if (owner.nodeType === 1) {
      const element = owner as Element;
      if (element.tagName.toUpperCase() === 'A') {
        // A link is an owner for its href only (its text belongs to its block): no tel: href, no badge.
        const number = telLinkNumber(element, this.deps.scan, this.deps.scanOptions);
        // A link whose text shows the same number gets its badge from the text.
        if (!number || linkShowsNumber(element, number.e164, this.blockFound(this.ownerOf(element)))) return [];
        return [number];
      }
      if (isPhoneField(element)) {
        this.observer.watchField(element);
        return scanField(element, this.deps.scan, this.deps.scanOptions);
      }
    }
    return this.blockFound(owner);
  }

  /** A block's numbers, scanned once per flush (its links ask too). */
  private blockFound(block: Node): Found[] {
    let found = this.foundInFlush.get(block);
    if (!found) {
      const nodes = this.walkedNodes.get(block) ?? blockNodes(block);
      this.walkedNodes.delete(block);
      // The same text in the same nodes (a change that moved nothing, a badge put back): not scanned again.
      const last = this.scanned.get(block);
      if (last && sameNodes(last.nodes, nodes) && last.text === textOf(nodes)) found = last.found;
      else {
        found = scanBlock(block, nodes, this.deps.scan, this.deps.scanOptions);
        if (found.length > 0) this.scanned.set(block, { text: textOf(nodes), nodes, found });
        else this.scanned.delete(block);
      }
      this.foundInFlush.set(block, found);
    }
    return found;
  }

  private render(owner: Node, found: Found[]) {
    if (found.length === 0 && !this.placed.has(owner)) return;
    const before = this.placed.get(owner) ?? [];
    const keep = new Set<Placed>();
    const next: Placed[] = [];
    for (const f of found) {
      if (this.answers.refused(f.e164)) continue;
      const after = placementOf(f, owner);
      const { location, record, dnc, records } = recordFactsOf(f.node, this.records);
      for (const r of records) this.watchRecord(r, owner);
      const key = answerKey(f.e164, location?.regions);
      // A badge is kept only with the same answer key and the same record flag (a flag is fixed per badge).
      const existing = before.find(
        (p) => !keep.has(p) && p.key === key && p.dnc === dnc && p.after === after && p.badge.isConnected,
      );
      if (existing) {
        keep.add(existing);
        next.push(existing);
        continue;
      }
      const parent = after.parentNode;
      if (!parent) continue;
      let ref = after.nextSibling;
      while (ref && isOwnElement(ref)) ref = ref.nextSibling;
      const badge = this.layer.place(parent, ref, f.e164);
      let id: string | undefined;
      if (record) {
        id = this.recordIds.get(record) ?? `r${++this.recordCount}`;
        this.recordIds.set(record, id);
      }
      const placed: Placed = { owner, e164: f.e164, key, location, dnc, record: id, after, badge };
      this.badges.set(badge, placed);
      this.answers.track(key, badge);
      next.push(placed);
    }
    for (const p of before) if (!keep.has(p)) this.removeBadge(p.key, p.badge);
    if (next.length > 0) this.placed.set(owner, next);
    else this.placed.delete(owner);
  }

  private watchRecord(record: Element, owner: Node) {
    let owners = this.recordOwners.get(record);
    if (!owners) {
      owners = new Set();
      this.recordOwners.set(record, owners);
      this.watchedRecords++;
    }
    owners.add(owner);
  }

  /** Takes one of our badges off the page and out of the answer index. */
  private removeBadge(key: string, badge: HTMLElement) {
    this.layer.remove(badge);
    this.answers.untrack(key, badge);
  }

  /** A badge whose number the background refused: it goes, and its owner forgets it. */
  private dropBadge(badge: HTMLElement) {
    const owner = this.badges.get(badge)?.owner;
    const left = owner ? (this.placed.get(owner) ?? []).filter((p) => p.badge !== badge) : [];
    if (owner && left.length > 0) this.placed.set(owner, left);
    else if (owner) this.placed.delete(owner);
    this.layer.remove(badge);
    this.observer.takeRecords();
  }
}

function sameNodes(a: readonly Node[], b: readonly Node[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function textOf(nodes: readonly (Text | Element)[]): string {
  let text = '';
  for (const node of nodes) text += node.nodeType === 3 ? (node as Text).data : '\n';
  return text;
}
