/**
 * Finds the phone numbers in a DOM: text (numbers split across inline elements included), `tel:`
 * links and form fields, in open shadow roots too. Only reads the DOM; the content script and
 * `consent scan` (on linkedom in Node) share it.
 */
import type { Detection, ScanOptions } from '../number/scan-text';
import { BLOCK_TAGS, openShadowOf, SKIP_TAGS } from './blocks';

export type Where = 'text' | 'tel-link' | 'input';

export interface Found {
  where: Where;
  e164: string;
  kind: Detection['kind'];
  ext: string | null;
  raw: string;
  /** Offsets in the block's text (`text`), in the link's number or the field's value. */
  start: number;
  end: number;
  /** The text node the number ends in, the link, or the field: the badge goes after it. */
  node: Node;
  /** What a change must touch to change this number: its block, link or field. */
  owner: Node;
}

export type Scan = (text: string, options?: ScanOptions) => Detection[];

/** The text of a block, with where each of its text nodes starts in it. */
interface BlockText {
  text: string;
  nodes: Text[];
  starts: number[];
}

/** The fewest digits a phone number has: 7 (a short +CC number); fewer, and the scanner is spared. */
const MIN_DIGITS = 7;

/** How many digits (ASCII or full-width) `text` holds, counting no further than `enough`. */
function countDigits(text: string, enough: number): number {
  let digits = 0;
  for (let i = 0; i < text.length && digits < enough; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 48 && c <= 57) || (c >= 0xff10 && c <= 0xff19)) digits++; // full-width digits count too
  }
  return digits;
}

/** Digits enough for a number somewhere in this text? A cheap test that spares most text the scanner. */
function mayHoldNumber(text: string): boolean {
  return countDigits(text, MIN_DIGITS) >= MIN_DIGITS;
}

/** A detection, placed: where it was found and what it belongs to. */
function placed(where: Where, d: Detection, node: Node, owner: Node, raw = d.raw): Found {
  return { where, e164: d.e164, kind: d.kind, ext: d.ext, raw, start: d.start, end: d.end, node, owner };
}

/** White space, checked on one character so joining stays linear in the block's length. */
const isSpace = (c: number) => c === 32 || c === 9 || c === 10 || c === 13 || c === 12 || c === 0xa0;

/**
 * Joins a block's text nodes. Text from different elements is joined with a space where the page
 * has none (a label and a number in two spans are two words), so a number split across spans is
 * still one number while a label never glues onto it. A `<br>` is a line break: nothing crosses it.
 */
function joinBlock(nodes: (Text | Element)[]): BlockText {
  let text = '';
  const texts: Text[] = [];
  const starts: number[] = [];
  let previousParent: Node | null = null;
  for (const node of nodes) {
    if (node.nodeType !== 3) {
      text += '\n';
      previousParent = null;
      continue;
    }
    const data = (node as Text).data;
    if (
      previousParent !== null &&
      node.parentNode !== previousParent &&
      !isSpace(text.charCodeAt(text.length - 1)) &&
      !isSpace(data.charCodeAt(0))
    ) {
      text += ' ';
    }
    texts.push(node as Text);
    starts.push(text.length);
    text += data;
    previousParent = node.parentNode;
  }
  return { text, nodes: texts, starts };
}

/** The text node holding string index `index` of the block. */
function nodeAt(block: BlockText, index: number): Text | undefined {
  let lo = 0;
  let hi = block.starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((block.starts[mid] ?? 0) <= index) lo = mid;
    else hi = mid - 1;
  }
  return block.nodes[lo];
}

export function scanBlock(owner: Node, nodes: (Text | Element)[], scan: Scan, options?: ScanOptions): Found[] {
  const block = joinBlock(nodes);
  // Names, stages, dates…: no scan (the page engine skipped most of them before this).
  if (!mayHoldNumber(block.text)) return [];
  return scan(block.text, options).flatMap((d) => {
    const node = nodeAt(block, d.end - 1);
    return node ? [placed('text', d, node, owner)] : [];
  });
}

const TEL = /^\s*tel:/i;

/** The number of a `tel:` link, decoded (`tel:%2B1-415…`, `tel:+1.415…;ext=12`), read by the same scanner as text. */
export function telLinkNumber(link: Element, scan: Scan, options?: ScanOptions): Found | null {
  const href = link.getAttribute('href') ?? '';
  if (!TEL.test(href)) return null;
  let raw = href.trim().slice(4);
  try {
    raw = decodeURIComponent(raw);
  } catch {
    // A malformed escape: read the href as it is.
  }
  const [number] = scan(raw, options);
  return number ? placed('tel-link', number, link, link, raw) : null;
}

const FIELD_TYPES = new Set(['', 'text', 'tel', 'search', 'number']);

export function isPhoneField(element: Element): element is HTMLInputElement | HTMLTextAreaElement {
  const tag = element.tagName.toUpperCase();
  if (tag === 'TEXTAREA') return true;
  return tag === 'INPUT' && FIELD_TYPES.has((element.getAttribute('type') ?? '').toLowerCase());
}

export function scanField(field: HTMLInputElement | HTMLTextAreaElement, scan: Scan, options?: ScanOptions): Found[] {
  const value = String(field.value ?? '');
  if (!mayHoldNumber(value)) return [];
  return scan(value, options).map((d) => placed('input', d, field, field));
}

interface Walked {
  /** Text nodes (and the `<br>`s between them) grouped by their block, in document order. */
  blocks: Map<Node, (Text | Element)[]>;
  links: Element[];
  fields: (HTMLInputElement | HTMLTextAreaElement)[];
  /** Open shadow roots met on the way (each is walked as its own root). */
  shadowRoots: ShadowRoot[];
  /** The blocks whose text nodes hold digits enough for a number (most blocks of a CRM page do not). */
  numbered: Set<Node>;
}

/**
 * One pass over a subtree, in document order: text nodes by block, `tel:` links, form fields, open
 * shadow roots. It can stop at a deadline and go on later (`step`), so a page of 50,000 rows is walked
 * in slices that each leave the main thread to the page. It follows child and sibling links itself and
 * carries the block down with it (a stack of the blocks of the elements it is inside), so a text node
 * costs no lookup of its block; only the root's block is worked out by climbing.
 */
export class Walker {
  readonly walked: Walked = { blocks: new Map(), links: [], fields: [], shadowRoots: [], numbered: new Set() };
  /** Digits counted in each block's text so far, up to MIN_DIGITS (then it is `numbered`). */
  private readonly digits = new Map<Node, number>();
  /** The block an element's text belongs to (for the climbs from the root), or null outside page content. */
  private readonly blocks = new Map<Node, Node | null>();
  /** The next node to visit (null: done). */
  private next: Node | null = null;
  /** The block of the next node's parent, and those of the elements above it that the walk entered. */
  private block: Node | null = null;
  private readonly outer: (Node | null)[] = [];
  /** A `<br>` met since the last text node: the next text starts a new line. */
  private pendingBreak: Element | null = null;
  private started = false;

  constructor(
    private readonly root: Node,
    private readonly scopeRoot: Node = root,
  ) {}

  /** Walks on until `deadline` (performance.now()); true when the whole subtree is done. */
  step(deadline = Infinity): boolean {
    const root = this.root;
    if (!this.started) {
      this.started = true;
      const type = root.nodeType;
      if (type === 3) {
        const block = this.blockFor(root.parentNode);
        if (block) this.addText(block, root as Text);
        return true;
      }
      if (type !== 1 && type !== 9 && type !== 11) return true;
      if (type === 1)
        this.visit(root as Element, (root as Element).tagName.toUpperCase(), this.blockFor(root.parentNode));
      this.block = this.blockFor(root);
      this.next = root.firstChild;
    }
    let node = this.next;
    let block = this.block;
    let count = 0;
    while (node) {
      const type = node.nodeType;
      if (type === 3) {
        if (block) {
          if (this.pendingBreak) this.add(block, this.pendingBreak);
          this.addText(block, node as Text);
        }
        this.pendingBreak = null;
      } else if (type === 1) {
        const element = node as Element;
        const tag = element.tagName.toUpperCase();
        this.visit(element, tag, block);
        // A template's content is no child of it (happy-dom lists it there all the same).
        const child = tag === 'TEMPLATE' ? null : element.firstChild;
        if (child) {
          this.outer.push(block);
          if (block !== null) block = SKIP_TAGS.has(tag) ? null : BLOCK_TAGS.has(tag) ? element : block;
          node = child;
          continue;
        }
      }
      // On to the next sibling, climbing out of the elements that have none.
      while (node && node !== root && !node.nextSibling) {
        // No element left to climb out of, yet not at the root: the page moved the node away. Done here.
        node = this.outer.length > 0 ? node.parentNode : null;
        block = this.outer.pop() ?? null;
      }
      node = node && node !== root ? node.nextSibling : null;
      // Checking the clock every 256 nodes keeps its cost out of the loop.
      if (++count % 256 === 0 && node && performance.now() > deadline) {
        this.next = node;
        this.block = block;
        return false;
      }
    }
    this.next = null;
    return true;
  }

  private blockFor(start: Node | null): Node | null {
    const path: Node[] = [];
    let current = start;
    let found: Node | null | undefined;
    while (found === undefined) {
      if (!current || current === this.scopeRoot || current.nodeType !== 1) found = this.scopeRoot;
      else if (this.blocks.has(current)) found = this.blocks.get(current) ?? null;
      else {
        path.push(current);
        current = current.parentNode;
      }
    }
    for (let i = path.length - 1; i >= 0; i--) {
      const element = path[i] as Element;
      const tag = element.tagName.toUpperCase();
      if (found !== null) found = SKIP_TAGS.has(tag) ? null : BLOCK_TAGS.has(tag) ? element : found;
      this.blocks.set(element, found);
    }
    return found;
  }

  private add(block: Node, node: Text | Element) {
    const list = this.walked.blocks.get(block);
    if (list) list.push(node);
    else this.walked.blocks.set(block, [node]);
  }

  /** A text node of `block`, its digits counted until the block has enough for a number. */
  private addText(block: Node, node: Text) {
    this.add(block, node);
    if (this.walked.numbered.has(block)) return;
    const before = this.digits.get(block) ?? 0;
    const digits = before + countDigits(node.data, MIN_DIGITS - before);
    if (digits >= MIN_DIGITS) this.walked.numbered.add(block);
    else this.digits.set(block, digits);
  }

  /** An element met (`block`: its parent's block): a break, a `tel:` link, a field, a shadow root. */
  private visit(element: Element, tag: string, block: Node | null) {
    if (tag === 'BR') this.pendingBreak = element;
    else if (tag === 'A') {
      if (block !== null && TEL.test(element.getAttribute('href') ?? '')) this.walked.links.push(element);
    } else if ((tag === 'INPUT' || tag === 'TEXTAREA') && block !== null && isPhoneField(element)) {
      this.walked.fields.push(element);
    }
    const shadow = openShadowOf(element, tag);
    if (shadow && !tag.startsWith('CONSENT-GUARD-')) this.walked.shadowRoots.push(shadow);
  }
}

/** One whole pass over a subtree (see Walker). */
export function walk(root: Node, scopeRoot: Node = root): Walked {
  const walker = new Walker(root, scopeRoot);
  walker.step();
  return walker.walked;
}

/** The whole block's text nodes (for a block touched by a change): one walk of that block only. */
export function blockNodes(block: Node): (Text | Element)[] {
  // A plain walk by sibling links: no filter callback from the browser into our code per node.
  const nodes: (Text | Element)[] = [];
  let node: Node | null = block.firstChild;
  while (node) {
    let inside = false;
    if (node.nodeType === 3) nodes.push(node as Text);
    else if (node.nodeType === 1) {
      const tag = (node as Element).tagName.toUpperCase();
      if (tag === 'BR') nodes.push(node as Element);
      else if (!SKIP_TAGS.has(tag) && !BLOCK_TAGS.has(tag)) inside = node.firstChild !== null;
    }
    if (inside) {
      node = node.firstChild;
      continue;
    }
    while (node && node !== block && !node.nextSibling) node = node.parentNode;
    if (!node || node === block) break;
    node = node.nextSibling;
  }
  return nodes;
}

/** Everything in a tree, shadow roots included: for `consent scan` and tests. */
export function collectAll(root: Node, scan: Scan, options?: ScanOptions): Found[] {
  const walked = walk(root);
  const found: Found[] = [];
  for (const [block, nodes] of walked.blocks) found.push(...scanBlock(block, nodes, scan, options));
  for (const link of walked.links) {
    const number = telLinkNumber(link, scan, options);
    if (number) found.push(number);
  }
  for (const field of walked.fields) found.push(...scanField(field, scan, options));
  for (const shadow of walked.shadowRoots) found.push(...collectAll(shadow, scan, options));
  return found;
}
