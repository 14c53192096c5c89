// The badge layer on happy-dom with a hand-driven IntersectionObserver: placeholders carry their
// answer's attributes at once and get their words and visibility only when near the viewport.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { badgeButton } from '@/lib/page/badge';
import { BadgeLayer } from '@/lib/page/badge-layer';
import type { BadgeInfo } from '@/lib/protocol/messages';

type Side = 'near' | 'above' | 'below';
let observers: FakeObserver[] = [];

class FakeObserver {
  readonly targets = new Set<Element>();
  constructor(private readonly callback: (entries: IntersectionObserverEntry[]) => void) {
    observers.push(this);
  }
  observe(target: Element) {
    this.targets.add(target);
  }
  unobserve(target: Element) {
    this.targets.delete(target);
  }
  disconnect() {
    this.targets.clear();
  }
  /** Reports `target` as the browser would: near (intersecting), or wholly above or below the grown viewport. */
  report(target: Element, side: Side) {
    const rootBounds = { top: 0, bottom: 1000 } as DOMRectReadOnly;
    const y = side === 'above' ? -500 : side === 'below' ? 2000 : 10;
    const boundingClientRect = { top: y, bottom: y + 20 } as DOMRectReadOnly;
    this.callback([
      { target, isIntersecting: side === 'near', rootBounds, boundingClientRect } as IntersectionObserverEntry,
    ]);
  }
}

const info = (e164: string): BadgeInfo => ({
  e164,
  consent: 'all-party',
  ambiguous: false,
  place: 'CA',
  sentence: 'All-party consent.',
  localTime: null,
  inCallingWindow: null,
});

/** Waits for the layer's frame (rAF on happy-dom runs on a timer). */
const frame = async () => {
  for (let i = 0; i < 10; i++) await new Promise((resolve) => setTimeout(resolve, 20));
};

function setUp(rows: number, eagerUpTo = 0) {
  observers = [];
  const view = document.defaultView as unknown as { IntersectionObserver: unknown };
  const original = view.IntersectionObserver;
  view.IntersectionObserver = FakeObserver;
  document.body.innerHTML = `<table><tbody>${'<tr><td>x</td></tr>'.repeat(rows)}</tbody></table>`;
  const layer = new BadgeLayer(document, { text: (key) => key, lazy: true, eagerUpTo });
  view.IntersectionObserver = original;
  const cells = [...document.querySelectorAll('td')];
  const badges = cells.map((cell, i) => layer.place(cell, null, `+1415555${String(1000 + i)}`));
  layer.endBatch();
  for (const badge of badges) layer.answer(badge, info(badge.getAttribute('data-consent-number') ?? ''), true);
  return { layer, cells, badges, observer: observers[0] as FakeObserver };
}

let current: BadgeLayer | undefined;
afterEach(() => current?.stop());

describe('BadgeLayer (lazy)', () => {
  it('answers every placeholder at once (data-consent) but fills none before it is near', async () => {
    const { layer, badges, observer } = setUp(600);
    current = layer;
    await frame();
    expect(badges.every((b) => b.getAttribute('data-consent') === 'all-party')).toBe(true);
    expect(badges.every((b) => b.hidden && badgeButton(b) === null)).toBe(true);
    // 600 badges in chunks of 256: two sentinels each, not one target per badge.
    expect(observer.targets.size).toBe(6);
  });

  it('a sentinel near the viewport fills its chunk (and only it) in a frame’s batch', async () => {
    const { layer, cells, badges, observer } = setUp(600);
    current = layer;
    observer.report(cells[0] as Element, 'near');
    await frame();
    expect(badges.slice(0, 256).every((b) => !b.hidden && badgeButton(b)?.textContent?.includes('CA'))).toBe(true);
    expect(badges.slice(256).every((b) => b.hidden && badgeButton(b) === null)).toBe(true);
    expect(observer.targets.has(cells[0] as Element)).toBe(false);
  });

  it('a viewport between a chunk’s two sentinels (one above, one below) fills it', async () => {
    const { layer, cells, badges, observer } = setUp(600);
    current = layer;
    observer.report(cells[256] as Element, 'above');
    await frame();
    expect(badges[270]?.hidden).toBe(true);
    observer.report(cells[511] as Element, 'below');
    await frame();
    expect(badges.slice(256, 512).every((b) => !b.hidden)).toBe(true);
    expect(badges[0]?.hidden).toBe(true);
  });

  it('a chunk’s sentinels are its first and last anchors in document order, whatever order they were placed in', () => {
    const sentinels = (order: number[]) => {
      observers = [];
      const view = document.defaultView as unknown as { IntersectionObserver: unknown };
      const original = view.IntersectionObserver;
      view.IntersectionObserver = FakeObserver;
      document.body.innerHTML = `<div>${'<p>x</p><ul><li>y</li></ul>'.repeat(10)}</div>`;
      const layer = new BadgeLayer(document, { text: (key) => key, lazy: true, eagerUpTo: 0 });
      view.IntersectionObserver = original;
      const ps = [...document.querySelectorAll('p')];
      for (const i of order) layer.place(ps[i] as Element, null, '+14155550134');
      layer.endBatch();
      const targets = [...(observers[0] as FakeObserver).targets];
      layer.stop();
      return targets.map((t) => ps.indexOf(t as HTMLParagraphElement)).sort();
    };
    expect(sentinels([2, 3, 4, 7])).toEqual([2, 7]);
    expect(sentinels([7, 4, 3, 2])).toEqual([2, 7]);
    expect(sentinels([4, 1, 8, 3])).toEqual([1, 8]);
  });

  it('removing every badge of a chunk stops watching its sentinels', () => {
    const { layer, badges, observer } = setUp(256);
    current = layer;
    expect(observer.targets.size).toBe(2);
    for (const badge of badges) layer.remove(badge);
    expect(observer.targets.size).toBe(0);
    expect(document.querySelectorAll('consent-guard-badge').length).toBe(0);
  });

  it('on a page of at most eagerUpTo badges every answered badge is filled and shown, near or not', async () => {
    const { layer, badges, observer } = setUp(300, 300);
    current = layer;
    // They show together once all are filled, over as many frames as that takes.
    await vi.waitFor(() => expect(badges.every((b) => !b.hidden)).toBe(true), { timeout: 10_000, interval: 50 });
    expect(badges.every((b) => badgeButton(b)?.textContent?.includes('CA'))).toBe(true);
    // Nothing is left to watch: scrolling changes nothing.
    expect(observer.targets.size).toBe(0);
  });

  it('one badge more than eagerUpTo and they wait until near, as on a big page', async () => {
    const { layer, badges, observer } = setUp(301, 300);
    current = layer;
    await frame();
    expect(badges.every((b) => b.hidden && badgeButton(b) === null)).toBe(true);
    expect(observer.targets.size).toBe(4);
  });

  it('without lazy filling every answered badge is filled and shown', async () => {
    document.body.innerHTML = '<p>a</p><p>b</p>';
    const layer = new BadgeLayer(document, { text: (key) => key });
    current = layer;
    const badges = [...document.querySelectorAll('p')].map((p) => layer.place(p, null, '+14155550134'));
    layer.answer(badges[0] as HTMLElement, info('+14155550134'), true);
    layer.answer(badges[1] as HTMLElement, info('+14155550134'), false);
    await frame();
    expect(badges.map((b) => [b.hidden, badgeButton(b) !== null])).toEqual([
      [false, true],
      [true, true],
    ]);
  });
});
