// Bundled into the benchmark page (tests/bench/page.bench.ts): the content script's engine and
// scanner without the extension, and one measured run.

import { scanText } from '@/lib/number/scan-text';
import { collectAll } from '@/lib/page/collect';
import { PageGuard } from '@/lib/page/page-guard';
import { newRecordCache, recordLocationOf } from '@/lib/page/record';
import type { PageScan } from '@/lib/protocol/messages';
import { instantAnswer } from '../instant-background';

/** The engine's steps, called one by one so each can be timed without the batching delay. */
interface Steps {
  observer: { observe(root: Document): void; onMutations(records: MutationRecord[]): void };
  answers: { report(): Promise<void> };
  adopt(node: Node, scope: Node): void;
  flush(): void;
  stop(): void;
}

async function run() {
  // Baseline: a bare TreeWalker over every text node with a simple phone pattern.
  const bareStart = performance.now();
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const pattern = /\(?\d{3}\)?[\s.-]?\d{3}[\s.-]?\d{4}/g;
  let bareHits = 0;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    for (const _ of (node as Text).data.matchAll(pattern)) bareHits++;
  }
  const bare = performance.now() - bareStart;

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
    // As the content script runs it: badges filled only near the viewport.
    lazyBadges: true,
  });
  const steps = guard as unknown as Steps;

  // Full scan: walk, scan, insert the badges, one answer, badges filled in.
  const fullStart = performance.now();
  steps.observer.observe(document);
  steps.adopt(document.body, document.body);
  steps.flush();
  await steps.answers.report();
  const full = performance.now() - fullStart;
  const badges = document.querySelectorAll('consent-guard-badge[data-consent]').length;
  const located = document.querySelectorAll('consent-guard-badge[data-consent-location]').length;

  // The record-location reader alone (part of the full scan above): every number's record read once more.
  const numbers = collectAll(document.body, scanText);
  const readerStart = performance.now();
  const cache = newRecordCache();
  for (const f of numbers) recordLocationOf(f.node, cache);
  const reader = performance.now() - readerStart;

  // A burst: 100 new rows as an SPA adds them; the observer's records, the rescan, the answer.
  const tbody = document.querySelector('tbody') as HTMLElement;
  const rows = [...tbody.querySelectorAll('tr')].slice(0, 100).map((row) => row.cloneNode(true) as HTMLElement);
  for (const [i, row] of rows.entries()) {
    for (const cell of row.querySelectorAll('td span')) {
      cell.textContent = (cell.textContent ?? '').replace(/\d{4}$/, String(1000 + i));
    }
  }
  const records = await new Promise<MutationRecord[]>((resolve) => {
    const spy = new MutationObserver((list) => {
      spy.disconnect();
      resolve(list);
    });
    spy.observe(tbody, { childList: true });
    tbody.append(...rows);
  });
  const burstStart = performance.now();
  steps.observer.onMutations(records);
  steps.flush();
  await steps.answers.report();
  const burst = performance.now() - burstStart;
  const after = document.querySelectorAll('consent-guard-badge[data-consent]').length;
  steps.stop();
  return { bare, bareHits, full, reader, located, burst, badges, burstBadges: after - badges };
}

Object.assign(globalThis, { __consentBench: { run } });
