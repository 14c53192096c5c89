/**
 * Keeps a page's badges true while the page changes: one MutationObserver for the document and
 * every open shadow root, changes batched per burst, only the touched blocks rescanned, one
 * message per burst to the background. Never rewrites the page's own nodes: it only inserts and
 * removes elements of its own.
 */

import type { ScanOptions } from '../number/scan-text';
import { MAX_PAGE_NUMBERS, SHADOW_EVENT } from '../protocol/constants';
import type { Answer, BadgeInfo, Located, PageScan, PageScanResponse, RecordLocation } from '../protocol/messages';
import { createBadge, updateBadge } from './badge';
import { BLOCK_TAGS, blockOf } from './blocks';
import {
  blockMayHoldNumber,
  blockNodes,
  type Found,
  isOwn,
  isPhoneField,
  type Scan,
  scanBlock,
  scanField,
  telLinkNumber,
  walk,
} from './collect';
import { linkShowsNumber } from './dedupe';
import { createPanel } from './panel';
import { newRecordCache, type RecordCache, type RecordPlace, recordLocationOf } from './record';
import { recordDncOf } from './record-dnc';
import type { PageText } from './text';

interface GuardDeps {
  scan: Scan;
  scanOptions?: ScanOptions;
  /** Sends one burst to the background. */
  send: (message: PageScan) => Promise<PageScanResponse | undefined>;
  /** The full answer for one number (with its record's location, if any), for the details panel. */
  details: (e164: string, location?: RecordLocation | null) => Promise<Answer | null>;
  /** The words of badges and panel, in the browser's language. */
  text: PageText;
  /** Delay that gathers a burst of changes into one pass (ms). */
  batchMs?: number;
  /** How often form fields are checked for values set by script (ms); 0 turns it off. */
  fieldPollMs?: number;
  onError?: (error: unknown) => void;
}

interface Placed {
  e164: string;
  /** What the badge's answer is keyed by: the number, and its record's places when it has some. */
  key: string;
  location: RecordPlace | null;
  /** The record flags the number do-not-call (record-dnc.ts). */
  dnc: boolean;
  /** The node the badge sits right after. */
  after: Node;
  badge: HTMLElement;
}

/** How long one slice of a big scan may hold the page's main thread (ms). */
const SLICE_MS = 12;

/**
 * A failed page-scan (the worker restarting, say) is asked again after RETRY_MS, doubled each time
 * up to RETRY_MAX_MS, at most MAX_RETRIES times in a row (a change on the page starts again).
 */
const RETRY_MS = 250;
const RETRY_MAX_MS = 8000;
const MAX_RETRIES = 10;
/** An answer's key: `+12125550134`, or `+12125550134@CA` for a number whose record names California. */
function answerKey(e164: string, regions?: readonly string[] | string | null): string {
  const where = typeof regions === 'string' ? regions : regions?.join('/');
  return where ? `${e164}@${where}` : e164;
}
const e164Of = (key: string) => {
  const at = key.indexOf('@');
  return at < 0 ? key : key.slice(0, at);
};

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
  private readonly badgeLocation = new WeakMap<HTMLElement, RecordPlace>();
  /** Badges whose record flags the number do-not-call. */
  private readonly badgeDnc = new WeakSet<HTMLElement>();
  /** Records and table headers read in the flush under way. */
  private records: RecordCache = newRecordCache();
  private readonly byNumber = new Map<string, Set<HTMLElement>>();
  private readonly badgeOwner = new WeakMap<HTMLElement, Node>();
  /** Each badge's number as we placed it: its data-consent-number attribute is the page's to change. */
  private readonly badgeNumber = new WeakMap<HTMLElement, string>();
  private readonly readds = new WeakMap<Node, number>();
  private readonly infos = new Map<string, BadgeInfo>();
  private readonly requested = new Set<string>();
  /** Numbers the background refused (an unassigned area code): never badged. */
  private readonly notNumbers = new Set<string>();
  private readonly dirty = new Set<Node>();
  /** Text nodes of blocks just walked whole (by adopt), used once by the flush that follows. */
  private readonly walkedNodes = new Map<Node, (Text | Element)[]>();
  /** Blocks scanned in the flush under way. */
  private readonly foundInFlush = new Map<Node, Found[]>();
  private readonly fields = new Map<HTMLInputElement | HTMLTextAreaElement, string>();
  private readonly observer: MutationObserver;
  private readonly panel;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private retries = 0;
  private poll: ReturnType<typeof setInterval> | undefined;
  private sweepNeeded = false;
  private firstReport = true;
  private showOneParty = true;
  private stopped = false;
  private lastPresent = '';
  /** True while we change the page ourselves: the removals it causes are not the page's doing. */
  private applying = false;

  constructor(
    private readonly doc: Document,
    private readonly deps: GuardDeps,
  ) {
    const View = doc.defaultView as (Window & typeof globalThis) | null;
    this.observer = new (View?.MutationObserver ?? MutationObserver)((records) => this.onMutations(records));
    this.panel = createPanel(doc, deps.text);
  }

  start() {
    const root = this.doc.body ?? this.doc.documentElement;
    if (!root) return;
    this.observeRoot(this.doc);
    this.adopt(root, root);
    this.doc.addEventListener('input', this.onInput, true);
    this.doc.addEventListener('change', this.onInput, true);
    this.doc.addEventListener('click', this.onClick, true);
    this.doc.addEventListener(SHADOW_EVENT, this.onShadow, true);
    const pollMs = this.deps.fieldPollMs ?? 750;
    if (pollMs > 0) this.poll = setInterval(() => this.checkFields(), pollMs);
    this.flushSoon(0);
  }

  /** Removes every badge and listener: the extension was disabled, updated or removed. */
  stop() {
    this.stopped = true;
    this.observer.disconnect();
    clearTimeout(this.timer);
    clearTimeout(this.retryTimer);
    clearInterval(this.poll);
    this.doc.removeEventListener('input', this.onInput, true);
    this.doc.removeEventListener('change', this.onInput, true);
    this.doc.removeEventListener('click', this.onClick, true);
    this.doc.removeEventListener(SHADOW_EVENT, this.onShadow, true);
    for (const list of this.placed.values()) for (const p of list) this.removeBadge(p.key, p.badge);
    this.placed.clear();
    this.byNumber.clear();
    this.panel.remove();
  }

  /** Settings changed: every answer is asked again. */
  refresh() {
    this.infos.clear();
    this.requested.clear();
    this.lastPresent = '';
    this.report().catch((error) => this.deps.onError?.(error));
  }

  private readonly shadowRoots = new WeakSet<Node>();

  private observeRoot(root: Document | ShadowRoot) {
    if (this.shadowRoots.has(root)) return;
    this.shadowRoots.add(root);
    this.observer.observe(root, {
      childList: true,
      subtree: true,
      characterData: true,
      attributes: true,
      attributeFilter: ['href', 'value'],
    });
  }

  /** Marks everything in a new subtree for a scan, and observes the shadow roots inside it. */
  private adopt(node: Node, scopeRoot?: Node) {
    const scope = scopeRoot ?? this.scopeOf(node);
    const walked = walk(node, scope);
    for (const [block, nodes] of walked.blocks) {
      // A block with too few digits and no badge of ours needs nothing: most of a CRM page.
      if (!this.placed.has(block) && !blockMayHoldNumber(nodes)) continue;
      this.dirty.add(block);
      // A block inside the walked subtree was walked whole: its scan need not walk it again.
      if (block === node || node.contains(block)) this.walkedNodes.set(block, nodes);
      else this.walkedNodes.delete(block);
    }
    for (const link of walked.links) this.dirty.add(link);
    for (const field of walked.fields) {
      this.dirty.add(field);
      this.fields.set(field, String(field.value ?? ''));
    }
    for (const shadow of walked.shadowRoots) {
      this.observeRoot(shadow);
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

  private onMutations(records: MutationRecord[]) {
    if (this.stopped) return;
    for (const record of records) {
      const target = record.target;
      if (isOwn(target)) continue;
      this.dirtyRecordOwners(target);
      if (record.type === 'characterData') {
        const owner = this.ownerOf(target);
        this.walkedNodes.delete(owner);
        this.dirty.add(owner);
      } else if (record.type === 'attributes') {
        const element = target as Element;
        if (element.tagName.toUpperCase() === 'A') this.dirty.add(element);
        else if (isPhoneField(element)) this.dirty.add(element);
      } else {
        let touched = false;
        for (const added of record.addedNodes) {
          if (isOwn(added)) continue;
          touched = true;
          this.adopt(added);
        }
        for (const removed of record.removedNodes) {
          if (removed.nodeType === 1 && isOwn(removed)) {
            // The page took one of our badges away: put it back, a few times at most.
            const owner = this.badgeOwner.get(removed as HTMLElement);
            if (owner?.isConnected && !this.applying) {
              const count = (this.readds.get(owner) ?? 0) + 1;
              this.readds.set(owner, count);
              if (count <= MAX_READDS) this.dirty.add(owner);
            }
            continue;
          }
          touched = true;
          this.sweepNeeded = true;
        }
        if (touched && target.isConnected) {
          const owner = this.ownerOf(target);
          this.walkedNodes.delete(owner);
          this.dirty.add(owner);
        }
      }
    }
    if (this.dirty.size > 0 || this.sweepNeeded) this.flushSoon();
  }

  /** A change inside a record that gave (or may give) a number its location: that number is looked at again. */
  private dirtyRecordOwners(target: Node) {
    for (let e: Node | null = target; e; e = e.parentNode ?? (e as ShadowRoot).host ?? null) {
      const owners = e.nodeType === 1 ? this.recordOwners.get(e as Element) : undefined;
      if (owners) for (const owner of owners) if (owner.isConnected) this.dirty.add(owner);
    }
  }

  private readonly onInput = (event: Event) => {
    const target = event.composedPath?.()[0] ?? event.target;
    if (target && (target as Node).nodeType === 1 && isPhoneField(target as Element)) {
      this.dirty.add(target as Node);
      this.flushSoon();
    }
  };

  /** A shadow root attached to an element already on the page (reported by the page-world hook). */
  private readonly onShadow = (event: Event) => {
    const host = event.composedPath?.()[0] as Element | undefined;
    const root = host?.shadowRoot;
    if (!root || this.shadowRoots.has(root) || !host?.isConnected) return;
    this.observeRoot(root);
    this.adopt(root, root);
    this.flushSoon();
  };

  private readonly onClick = (event: Event) => {
    // A page's synthetic click (isTrusted false) never opens a panel: only the agent's own.
    if (!event.isTrusted) return;
    const path = event.composedPath?.() ?? [];
    const badge = path.find((node) => (node as Element).tagName?.toUpperCase() === 'CONSENT-GUARD-BADGE') as
      | HTMLElement
      | undefined;
    // Only badges this guard made: a page-made look-alike (same tag and attributes) is the page's.
    if (!badge || !this.badgeOwner.has(badge)) return;
    // Our badge may sit inside the CRM's clickable row: the click is ours alone.
    event.preventDefault();
    event.stopPropagation();
    const e164 = this.badgeNumber.get(badge);
    if (!e164) return;
    const place = this.badgeLocation.get(badge);
    const location = place ? { regions: place.regions, text: place.text.slice(0, 200), source: place.source } : null;
    const flagged = this.badgeDnc.has(badge);
    this.panel
      .open(badge, async () => {
        const answer = await this.deps.details(e164, location);
        return answer && flagged && !answer.dnc ? { ...answer, dnc: 'record' as const } : answer;
      })
      .catch((error) => this.deps.onError?.(error));
  };

  /** Values set by script fire no event: fields are compared with what was last seen. */
  private checkFields() {
    for (const [field, last] of this.fields) {
      if (!field.isConnected) {
        this.fields.delete(field);
        continue;
      }
      const value = String(field.value ?? '');
      if (value !== last) {
        this.fields.set(field, value);
        this.dirty.add(field);
      }
    }
    if (this.dirty.size > 0) this.flushSoon();
  }

  private flushSoon(delay = this.deps.batchMs ?? 60) {
    if (this.timer !== undefined || this.stopped) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      try {
        this.flush(SLICE_MS);
      } catch (error) {
        this.deps.onError?.(error);
      }
      // A big page is done in slices, so the page can scroll and type in between; the
      // background hears once, when the burst is through.
      if (this.dirty.size > 0) this.flushSoon(0);
      else this.report().catch((error) => this.deps.onError?.(error));
    }, delay);
  }

  /** Rescans what changed and brings its badges in line, for at most `budgetMs` (the rest stays dirty). */
  flush(budgetMs = Number.POSITIVE_INFINITY) {
    const deadline = performance.now() + budgetMs;
    this.applying = true;
    try {
      if (this.sweepNeeded) {
        this.sweepNeeded = false;
        for (const owner of this.placed.keys()) if (!owner.isConnected) this.render(owner, []);
      }
      let done = 0;
      for (const owner of this.dirty) {
        this.dirty.delete(owner);
        this.render(owner, owner.isConnected ? this.find(owner) : []);
        // Checking the clock every 64 owners keeps its cost out of the loop.
        if (++done % 64 === 0 && performance.now() > deadline) break;
      }
    } finally {
      this.foundInFlush.clear();
      this.records = newRecordCache();
      if (this.dirty.size === 0) this.walkedNodes.clear();
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
        this.fields.set(element, String(element.value ?? ''));
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
      found = scanBlock(block, nodes, this.deps.scan, this.deps.scanOptions);
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
      if (this.notNumbers.has(f.e164)) continue;
      const after = placementOf(f, owner);
      const { location, records } = recordLocationOf(f.node, this.records);
      for (const record of records) this.watchRecord(record, owner);
      const key = answerKey(f.e164, location?.regions);
      const dnc = recordDncOf(f.node, this.records);
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
      const badge = createBadge(this.doc, f.e164);
      let ref = after.nextSibling;
      while (ref && ref.nodeType === 1 && isOwn(ref)) ref = ref.nextSibling;
      parent.insertBefore(badge, ref);
      this.badgeOwner.set(badge, owner);
      this.badgeNumber.set(badge, f.e164);
      if (location) this.badgeLocation.set(badge, location);
      if (dnc) this.badgeDnc.add(badge);
      this.index(key, badge);
      const info = this.infos.get(key);
      if (info) this.show(badge, info);
      next.push({ e164: f.e164, key, location, dnc, after, badge });
    }
    for (const p of before) if (!keep.has(p)) this.removeBadge(p.key, p.badge);
    if (next.length > 0) this.placed.set(owner, next);
    else this.placed.delete(owner);
  }

  /** Fills a badge in; its record's do-not-call flag is the page's to say (the company list's comes first). */
  private show(badge: HTMLElement, info: BadgeInfo) {
    const dnc = info.dnc ?? (this.badgeDnc.has(badge) ? 'record' : undefined);
    const shown = dnc ? { ...info, dnc } : info;
    updateBadge(badge, shown, this.visible(shown), this.deps.text);
  }

  private watchRecord(record: Element, owner: Node) {
    let owners = this.recordOwners.get(record);
    if (!owners) {
      owners = new Set();
      this.recordOwners.set(record, owners);
    }
    owners.add(owner);
  }

  /** Takes one of our badges off the page and out of the answer index. */
  private removeBadge(key: string, badge: HTMLElement) {
    badge.remove();
    const set = this.byNumber.get(key);
    set?.delete(badge);
    if (set?.size === 0) this.byNumber.delete(key);
  }

  private index(key: string, badge: HTMLElement) {
    let set = this.byNumber.get(key);
    if (!set) {
      set = new Set();
      this.byNumber.set(key, set);
    }
    set.add(badge);
  }

  /**
   * With one-party badges off, a one-party number still shows when there is something to do: a notice
   * the law asks for (Canada), or calling hours that are closed now.
   */
  private visible(info: BadgeInfo): boolean {
    return (
      this.showOneParty ||
      info.consent !== 'one-party' ||
      info.notice === true ||
      info.calling?.allowed === false ||
      info.dnc !== undefined
    );
  }

  /**
   * One message for the burst: the numbers never answered, and all the frame shows now. A page
   * may show more numbers than one message may carry (MAX_PAGE_NUMBERS): those are asked in turn.
   */
  private async report(retry = false) {
    const keys = [...this.byNumber.keys()];
    // One number in two records with two places is one number on the page, with two answers.
    const present = [...new Set(keys.map(e164Of))];
    const lookup = keys.filter((k) => !this.infos.has(k) && !this.requested.has(k));
    const presentKey = keys.join(',');
    if (lookup.length === 0 && presentKey === this.lastPresent && !this.firstReport) return;
    this.lastPresent = presentKey;
    for (const k of lookup) this.requested.add(k);
    const reset = this.firstReport;
    this.firstReport = false;
    // The tab's summary and toolbar count hold at most MAX_PAGE_NUMBERS numbers of a frame.
    const shown = present.length > MAX_PAGE_NUMBERS ? present.slice(0, MAX_PAGE_NUMBERS) : present;
    for (let start = 0; start === 0 || start < lookup.length; start += MAX_PAGE_NUMBERS) {
      const chunk = lookup.length > MAX_PAGE_NUMBERS ? lookup.slice(start, start + MAX_PAGE_NUMBERS) : lookup;
      const plain: string[] = [];
      const located: Located[] = [];
      for (const k of chunk) {
        const at = k.indexOf('@');
        if (at < 0) plain.push(k);
        else located.push({ e164: k.slice(0, at), regions: k.slice(at + 1).split('/') });
      }
      const response = await this.deps
        .send({
          type: 'page-scan',
          lookup: plain,
          present: shown,
          ...(reset && start === 0 ? { reset } : {}),
          ...(located.length > 0 ? { located } : {}),
        })
        .catch((error) => this.deps.onError?.(error));
      if (this.stopped) return;
      if (!response?.ok) {
        for (const k of lookup.slice(start)) this.requested.delete(k);
        if (reset && start === 0) this.firstReport = true;
        this.lastPresent = '';
        if (!retry) this.retries = 0;
        this.retrySoon();
        return;
      }
      this.retries = 0;
      // What the background did not answer is no number (an area code not in service): its hidden
      // badges go, and it is not badged again.
      const answered = new Set(response.badges.map((b) => answerKey(b.e164, b.locationKey)));
      for (const k of chunk) if (!answered.has(k)) this.dropNumber(e164Of(k));
      // Shown as each answer comes: on a page of 50,000 numbers the first are up well before the last.
      this.apply(response);
    }
  }

  /** No answer (a worker stopped mid-request, say): the same report again, later each time. */
  private retrySoon() {
    if (this.retryTimer !== undefined || this.stopped || this.retries >= MAX_RETRIES) return;
    const delay = Math.min(RETRY_MS * 2 ** this.retries, RETRY_MAX_MS);
    this.retries++;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = undefined;
      this.report(true).catch((error) => this.deps.onError?.(error));
    }, delay);
  }

  private dropNumber(e164: string) {
    this.notNumbers.add(e164);
    for (const key of [...this.byNumber.keys()]) {
      if (e164Of(key) !== e164) continue;
      this.requested.delete(key);
      for (const badge of [...(this.byNumber.get(key) ?? [])]) {
        const owner = this.badgeOwner.get(badge);
        const left = owner ? (this.placed.get(owner) ?? []).filter((p) => p.badge !== badge) : [];
        if (owner && left.length > 0) this.placed.set(owner, left);
        else if (owner) this.placed.delete(owner);
        this.removeBadge(key, badge);
      }
    }
    this.observer.takeRecords();
  }

  private apply(response: Extract<PageScanResponse, { ok: true }>) {
    const visibilityChanged = response.showOneParty !== this.showOneParty;
    this.showOneParty = response.showOneParty;
    const answered: string[] = [];
    for (const info of response.badges) {
      const key = answerKey(info.e164, info.locationKey);
      this.infos.set(key, info);
      this.requested.delete(key);
      answered.push(key);
    }
    const apply = visibilityChanged ? [...this.byNumber.keys()] : answered;
    this.applying = true;
    for (const key of apply) {
      const info = this.infos.get(key);
      if (!info) continue;
      for (const badge of this.byNumber.get(key) ?? []) this.show(badge, info);
    }
    this.applying = false;
    this.observer.takeRecords();
  }
}
