/**
 * `consent scan` of an HTML file: the content script's own walker (lib/page/collect.ts) over a
 * linkedom document, with the record-location reader. Loaded only when an HTML file is scanned.
 */
import { parseHTML } from 'linkedom';
import { scanText } from '../number/scan-text';
import { collectAll } from '../page/collect';
import { dropEchoedLinks } from '../page/dedupe';
import { newRecordCache, recordLocationOf } from '../page/record';
import type { ScanDetection } from './scan';
import { SCAN_OPTIONS } from './scan-options';

/** The numbers of an HTML page, found by the content script's walker; a `tel:` link showing its number counts once. */
export function scanHtml(html: string): ScanDetection[] {
  const document = parseHTML(html).document as unknown as Document;
  useSpecTreeWalker(document);
  // Not `document.body`: on a fragment linkedom's getter inserts an empty <head> and <body> into it.
  const root: Node = document.querySelector('body') ?? document;
  const records = newRecordCache();
  return dropEchoedLinks(collectAll(root, scanText, SCAN_OPTIONS)).map((f) => ({
    e164: f.e164,
    kind: f.kind,
    where: f.where,
    start: f.start,
    end: f.end,
    ext: f.ext,
    raw: f.raw,
    recordLocation: recordLocationOf(f.node, records).location,
  }));
}

/*
 * linkedom's createTreeWalker lists every node of the subtree and ignores the filter, while collect.ts
 * needs its FILTER_REJECT (skip <script>, <textarea>… with their subtrees) and FILTER_SKIP (visit an
 * element without returning it). This walker follows the DOM standard's nextNode(), which is all
 * collect.ts calls.
 */
type Filter = NodeFilter | null | undefined;

function acceptNode(node: Node, whatToShow: number, filter: Filter): number {
  if (!(whatToShow & (1 << (node.nodeType - 1)))) return 3;
  if (!filter) return 1;
  return typeof filter === 'function' ? filter(node) : filter.acceptNode(node);
}

class SpecTreeWalker {
  currentNode: Node;
  constructor(
    readonly root: Node,
    readonly whatToShow: number,
    readonly filter: Filter,
  ) {
    this.currentNode = root;
  }

  nextNode(): Node | null {
    let node = this.currentNode;
    let result = 1;
    for (;;) {
      let found = false;
      while (!found && result !== 2 && node.firstChild) {
        node = node.firstChild;
        result = acceptNode(node, this.whatToShow, this.filter);
        found = result === 1;
      }
      if (!found) {
        let sibling: Node | null = null;
        for (let temp: Node | null = node; temp && temp !== this.root; temp = temp.parentNode) {
          sibling = temp.nextSibling;
          if (sibling) break;
        }
        if (!sibling) return null;
        node = sibling;
        result = acceptNode(node, this.whatToShow, this.filter);
        found = result === 1;
      }
      if (found) {
        this.currentNode = node;
        return node;
      }
    }
  }
}

/** Gives a (linkedom) document a createTreeWalker that honours its filter. */
function useSpecTreeWalker(document: Document): void {
  Object.defineProperty(document, 'createTreeWalker', {
    configurable: true,
    value: (root: Node, whatToShow = 0xffffffff, filter: Filter = null) =>
      new SpecTreeWalker(root, whatToShow, filter) as unknown as TreeWalker,
  });
}
