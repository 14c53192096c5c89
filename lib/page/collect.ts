/**
 * Finds the phone numbers in a DOM: text (numbers split across inline elements included), `tel:`
 * links and form fields, in open shadow roots too. Only reads the DOM; the content script and
 * `consent scan` (on linkedom in Node) share it.
 */
import type { Detection, ScanOptions } from '../number/scan-text';
import { BLOCK_TAGS, OWN_TAGS, SKIP_TAGS } from './blocks';

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

/** Do a block's text nodes hold digits enough for a number? Most blocks of a CRM page do not. */
export function blockMayHoldNumber(nodes: (Text | Element)[]): boolean {
  let digits = 0;
  for (const node of nodes) {
    if (node.nodeType === 3) digits += countDigits((node as Text).data, MIN_DIGITS - digits);
    if (digits >= MIN_DIGITS) return true;
  }
  return false;
}

export function scanBlock(owner: Node, nodes: (Text | Element)[], scan: Scan, options?: ScanOptions): Found[] {
  // Names, stages, dates…: skipped before their text is joined.
  if (!blockMayHoldNumber(nodes)) return [];
  const block = joinBlock(nodes);
  return scan(block.text, options).flatMap((d) => {
    const node = nodeAt(block, d.end - 1);
    return node ? [placed('text', d, node, owner)] : [];
  });
}

/** The number of a `tel:` link, decoded (`tel:%2B1-415…`, `tel:+1.415…;ext=12`), read by the same scanner as text. */
export function telLinkNumber(link: Element, scan: Scan, options?: ScanOptions): Found | null {
  const href = link.getAttribute('href') ?? '';
  if (!/^\s*tel:/i.test(href)) return null;
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
}

/**
 * One pass over a subtree: text nodes by block, `tel:` links, form fields, open shadow roots.
 * The text walk is the browser's own (no filter callback), and each element's block is worked out
 * once, from its parent's: on a 2,000-row CRM list this is most of the content script's work.
 */
export function walk(root: Node, scopeRoot: Node = root): Walked {
  const doc = (root.ownerDocument ?? root) as Document;
  const walked: Walked = { blocks: new Map(), links: [], fields: [], shadowRoots: [] };

  // The block an element's text belongs to, or null inside a subtree that is not page content.
  const blocks = new Map<Node, Node | null>();
  const blockFor = (start: Node | null): Node | null => {
    const path: Node[] = [];
    let current = start;
    let found: Node | null | undefined;
    while (found === undefined) {
      if (!current || current === scopeRoot || current.nodeType !== 1) found = scopeRoot;
      else if (blocks.has(current)) found = blocks.get(current) ?? null;
      else {
        path.push(current);
        current = current.parentNode;
      }
    }
    for (let i = path.length - 1; i >= 0; i--) {
      const element = path[i] as Element;
      const tag = element.tagName.toUpperCase();
      if (found !== null) found = SKIP_TAGS.has(tag) ? null : BLOCK_TAGS.has(tag) ? element : found;
      blocks.set(element, found);
    }
    return found;
  };
  const add = (block: Node, node: Text | Element) => {
    const list = walked.blocks.get(block);
    if (list) list.push(node);
    else walked.blocks.set(block, [node]);
  };

  if (root.nodeType === 3) {
    const block = blockFor(root.parentNode);
    if (block) add(block, root as Text);
    return walked;
  }
  const container = root as ParentNode & Node;
  if (typeof container.querySelectorAll !== 'function') return walked;

  // A <br> ends a line: the text after it starts afresh (0x4: NodeFilter.SHOW_TEXT, by value, as
  // some pages replace the global).
  const afterBreak = new Map<Text, Element>();
  for (const br of container.querySelectorAll('br')) {
    const next = doc.createTreeWalker(root, 0x4);
    next.currentNode = br;
    const text = next.nextNode() as Text | null;
    if (text) afterBreak.set(text, br);
  }
  const texts = doc.createTreeWalker(root, 0x4);
  for (let node = texts.nextNode() as Text | null; node; node = texts.nextNode() as Text | null) {
    const block = blockFor(node.parentNode);
    if (!block) continue;
    const br = afterBreak.get(node);
    if (br) add(block, br);
    add(block, node);
  }

  const visit = (element: Element) => {
    // localName is lower case for HTML elements; tagName's case depends on the document.
    const tag = element.localName;
    if (tag === 'a') {
      if (/^\s*tel:/i.test(element.getAttribute('href') ?? '') && blockFor(element) !== null)
        walked.links.push(element);
    } else if (
      (tag === 'input' || tag === 'textarea') &&
      isPhoneField(element) &&
      blockFor(element.parentNode) !== null
    ) {
      walked.fields.push(element);
    }
    const shadow = (element as Element & { shadowRoot?: ShadowRoot | null }).shadowRoot;
    if (shadow && !tag.startsWith('consent-guard-')) walked.shadowRoots.push(shadow);
  };
  if (root.nodeType === 1) visit(root as Element);
  for (const element of container.querySelectorAll('*')) visit(element);
  return walked;
}

/** The whole block's text nodes (for a block touched by a change): one walk of that block only. */
export function blockNodes(block: Node): (Text | Element)[] {
  const nodes: (Text | Element)[] = [];
  const doc = (block.ownerDocument ?? block) as Document;
  const walker = doc.createTreeWalker(block, 0x1 | 0x4, {
    acceptNode(node: Node) {
      if (node.nodeType === 3) return 1;
      const tag = (node as Element).tagName.toUpperCase();
      if (tag === 'BR') return 1;
      return SKIP_TAGS.has(tag) || BLOCK_TAGS.has(tag) ? 2 : 3;
    },
  });
  for (let node = walker.nextNode(); node; node = walker.nextNode()) nodes.push(node as Text | Element);
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

/** True for the extension's own elements and anything inside them. */
export function isOwn(node: Node): boolean {
  for (let current: Node | null = node; current; current = current.parentNode) {
    if (current.nodeType === 1 && OWN_TAGS.has((current as Element).tagName.toUpperCase())) return true;
  }
  return false;
}
