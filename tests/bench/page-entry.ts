// Bundled into the benchmark page (tests/bench/page.bench.ts): the content script's engine and
// scanner without the extension, and one measured run. Each measured step lies between two
// performance marks (`consent:<step>` and `consent:<step>:end`): the bench reads the main thread's
// work between them from a trace, and the wall times are returned too.

import { scanText } from '@/lib/number/scan-text';
import { collectAll } from '@/lib/page/collect';
import { PageGuard } from '@/lib/page/page-guard';
import { newRecordCache, recordLocationOf } from '@/lib/page/record';
import type { PageScan } from '@/lib/protocol/messages';
import { instantAnswer } from '../instant-background';

/** The engine's steps, called one by one so each can be timed without the batching delay. */
interface Steps {
  observer: {
    observer: MutationObserver;
    observe(root: Document): void;
    onMutations(records: MutationRecord[]): void;
  };
  answers: { report(): Promise<void> };
  /** The badge layer's frame batch: its queue and its pending frame. */
  layer: { queue: Set<unknown>; toShow: Set<unknown>; frame: number | undefined };
  adopt(node: Node, scope: Node): void;
  flush(): void;
  stop(): void;
}

/** Wall time of `step`, between the marks the bench finds in its trace. */
async function timed(name: string, step: () => unknown): Promise<number> {
  const start = performance.mark(`consent:${name}`).startTime;
  await step();
  return performance.mark(`consent:${name}:end`).startTime - start;
}

/** One frame rendered (its rendering steps run before the timer that follows its callbacks). */
const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));

/** Until the badges due are filled and shown: the frames of the badge layer, then one more. */
async function shown(layer: Steps['layer']) {
  // Two frames at least: the first reports which badges are near (IntersectionObserver).
  for (let i = 0; i < 2 || layer.frame !== undefined || layer.queue.size > 0 || layer.toShow.size > 0; i++) {
    await nextFrame();
  }
  await nextFrame();
}

async function run() {
  // Baseline: a bare TreeWalker over every text node with a simple phone pattern.
  let bareHits = 0;
  const bare = await timed('bare', () => {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    const pattern = /\(?\d{3}\)?[\s.-]?\d{3}[\s.-]?\d{4}/g;
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (const _ of (node as Text).data.matchAll(pattern)) bareHits++;
    }
  });

  // An instant background: every number answered at once.
  const send = async (message: PageScan) => instantAnswer(message);
  // The words: their keys will do for timing.
  const text = (key: string) => key;
  const guard = new PageGuard(document, {
    text,
    scan: scanText,
    send,
    details: async () => null,
    batchMs: 0,
    fieldPollMs: 0,
    // As the content script runs it (on this page of fewer than 5,000 badges, all are filled once answered).
    lazyBadges: true,
  });
  const steps = guard as unknown as Steps;

  // Full scan: walk, scan, insert the badges, one answer, and the badges filled and shown.
  // `answered`: the wall time until the answer is applied (the engine's part ends there).
  let answered = 0;
  const full = await timed('full', async () => {
    const start = performance.now();
    steps.observer.observe(document);
    steps.adopt(document.body, document.body);
    steps.flush();
    await steps.answers.report();
    answered = performance.now() - start;
    await shown(steps.layer);
  });
  const badges = document.querySelectorAll('consent-guard-badge[data-consent]').length;
  const located = document.querySelectorAll('consent-guard-badge[data-consent-location]').length;

  // The record-location reader alone (part of the full scan above): every number's record read once more.
  const numbers = collectAll(document.body, scanText);
  const reader = await timed('reader', () => {
    const cache = newRecordCache();
    for (const f of numbers) recordLocationOf(f.node, cache);
  });

  // A burst: 100 new rows as an SPA adds them; the observer's records, the rescan, the answer.
  const tbody = document.querySelector('tbody') as HTMLElement;
  const rows = [...tbody.querySelectorAll('tr')].slice(0, 100).map((row) => row.cloneNode(true) as HTMLElement);
  for (const [i, row] of rows.entries()) {
    for (const cell of row.querySelectorAll('td span')) {
      cell.textContent = (cell.textContent ?? '').replace(/\d{4}$/, String(1000 + i));
    }
  }
  tbody.append(...rows);
  // The engine's own observer's records, taken at once: its callback never sees them, the timed step
  // hands them over (no batching delay), and the rows are handled once.
  const records = steps.observer.observer.takeRecords();
  // The new rows' own layout is the page's (it added them): it is done before the burst is timed.
  await nextFrame();
  const burst = await timed('burst', async () => {
    steps.observer.onMutations(records);
    steps.flush();
    await steps.answers.report();
    await shown(steps.layer);
  });
  const after = document.querySelectorAll('consent-guard-badge[data-consent]').length;
  steps.stop();
  return { bare, bareHits, full, answered, reader, located, burst, badges, burstBadges: after - badges };
}

Object.assign(globalThis, { __consentBench: { run } });
