/**
 * Which nodes of the page changed: one MutationObserver for the document and every open shadow root,
 * the agent's typing in fields, values set by script (polled), and shadow roots attached late (the
 * page-world hook's event). It only reports, per record, to a sink: the engine decides what to scan.
 * Our own elements are skipped by their tag: their insides are in shadow roots it never observes.
 */
import { SHADOW_EVENT } from '../protocol/constants';
import { OWN_TAGS } from './blocks';
import { isPhoneField } from './collect';

export interface ChangeSink {
  /** Text changed in this node, or its children changed. */
  touched(node: Node): void;
  /** A subtree new to the page. */
  added(node: Node): void;
  /** A subtree the page removed (not one of ours). */
  removed(node: Node): void;
  /** The page removed one of our own elements. */
  ownRemoved(element: HTMLElement): void;
  /** A `tel:` link's href or a field's value changed. */
  element(element: Element): void;
  /** An open shadow root attached late, now observed: its subtree is new. */
  shadowRoot(root: ShadowRoot): void;
  /** A batch of reports is through: time to schedule the work. */
  changed(): void;
}

/** One of our own elements (a badge or the panel)? */
export const isOwnElement = (node: Node) =>
  node.nodeType === 1 && OWN_TAGS.has((node as Element).tagName.toUpperCase());

export class PageObserver {
  /** Page changes seen so far: a walk that spanned one cannot trust its node lists. */
  changes = 0;
  private readonly observer: MutationObserver;
  private readonly roots = new WeakSet<Node>();
  /** Fields and their last value: a value set by script fires no event. */
  private readonly fields = new Map<HTMLInputElement | HTMLTextAreaElement, string>();

  constructor(
    private readonly doc: Document,
    private readonly sink: ChangeSink,
    private readonly signal: AbortSignal,
  ) {
    const View = doc.defaultView as (Window & typeof globalThis) | null;
    this.observer = new (View?.MutationObserver ?? MutationObserver)((records) => this.onMutations(records));
    signal.addEventListener('abort', () => this.observer.disconnect(), { once: true });
  }

  /** Observes the document, listens for input and late shadow roots, and polls fields every `pollMs` (0: never). */
  start(pollMs: number) {
    const on = { capture: true, signal: this.signal };
    this.observe(this.doc);
    this.doc.addEventListener('input', this.onInput, on);
    this.doc.addEventListener('change', this.onInput, on);
    this.doc.addEventListener(SHADOW_EVENT, this.onShadow, on);
    if (pollMs > 0) {
      const poll = setInterval(() => this.checkFields(), pollMs);
      this.signal.addEventListener('abort', () => clearInterval(poll), { once: true });
    }
  }

  observe(root: Document | ShadowRoot) {
    if (this.roots.has(root) || this.signal.aborted) return;
    this.roots.add(root);
    this.observer.observe(root, {
      childList: true,
      subtree: true,
      characterData: true,
      attributes: true,
      attributeFilter: ['href', 'value'],
    });
  }

  /** Drops the records our own changes queued: they are not the page's. */
  takeRecords() {
    this.observer.takeRecords();
  }

  /** Remembers a field's value, so a later value set by script is seen. */
  watchField(field: HTMLInputElement | HTMLTextAreaElement) {
    this.fields.set(field, String(field.value ?? ''));
  }

  private onMutations(records: MutationRecord[]) {
    if (this.signal.aborted) return;
    for (const record of records) {
      const target = record.target;
      if (isOwnElement(target)) continue;
      this.changes++;
      if (record.type === 'characterData') this.sink.touched(target);
      else if (record.type === 'attributes') {
        const element = target as Element;
        if (element.tagName.toUpperCase() === 'A' || isPhoneField(element)) this.sink.element(element);
      } else {
        let touched = false;
        for (const added of record.addedNodes) {
          if (isOwnElement(added)) continue;
          touched = true;
          this.sink.added(added);
        }
        for (const removed of record.removedNodes) {
          if (isOwnElement(removed)) this.sink.ownRemoved(removed as HTMLElement);
          else {
            touched = true;
            this.sink.removed(removed);
          }
        }
        if (touched) this.sink.touched(target);
      }
    }
    this.sink.changed();
  }

  private readonly onInput = (event: Event) => {
    const target = event.composedPath?.()[0] ?? event.target;
    if (!target || (target as Node).nodeType !== 1) return;
    if (isPhoneField(target as Element)) {
      this.sink.element(target as Element);
      this.sink.changed();
    } else if (event.type === 'change' && (target as HTMLInputElement).type === 'checkbox') {
      // A ticked box changes no markup: its record (a "Do Not Call" box, say) is read again.
      this.sink.touched(target as Node);
      this.sink.changed();
    }
  };

  /** A shadow root attached to an element already on the page (reported by the page-world hook). */
  private readonly onShadow = (event: Event) => {
    const host = event.composedPath?.()[0] as Element | undefined;
    const root = host?.shadowRoot;
    if (!root || this.roots.has(root) || !host?.isConnected) return;
    this.observe(root);
    this.sink.shadowRoot(root);
    this.sink.changed();
  };

  /** Values set by script fire no event: fields are compared with what was last seen. */
  private checkFields() {
    let changed = false;
    for (const [field, last] of this.fields) {
      if (!field.isConnected) {
        this.fields.delete(field);
        continue;
      }
      const value = String(field.value ?? '');
      if (value !== last) {
        this.fields.set(field, value);
        this.sink.element(field);
        changed = true;
      }
    }
    if (changed) this.sink.changed();
  }
}
