import { afterEach, describe, expect, it, vi } from 'vitest';
import { yieldToPage } from '@/lib/page/yield';

describe('yieldToPage', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('uses scheduler.yield() between slices, and a real macrotask at least every 48 ms of chained work', async () => {
    const schedulerYield = vi.fn(() => Promise.resolve());
    vi.stubGlobal('scheduler', { yield: schedulerYield });
    let now = 10_000;
    vi.spyOn(performance, 'now').mockImplementation(() => now);
    const kinds: string[] = [];
    // A chain of 12 ms slices: 20 yields, 240 ms of our work.
    for (let i = 0; i < 20; i++) {
      const before = schedulerYield.mock.calls.length;
      await yieldToPage();
      kinds.push(schedulerYield.mock.calls.length > before ? 'yield' : 'task');
      now += 12;
    }
    // The first yield of a chain is a macrotask, then one every 48 ms: the page's own timers get their turn.
    expect(kinds.filter((k) => k === 'task').length).toBe(5);
    expect(kinds[0]).toBe('task');
    for (let i = 0; i + 4 < kinds.length; i++) expect(kinds.slice(i, i + 5)).toContain('task');
  });

  it('is a macrotask where there is no scheduler.yield()', async () => {
    vi.stubGlobal('scheduler', undefined);
    let ran = false;
    const done = yieldToPage().then(() => {
      ran = true;
    });
    await Promise.resolve();
    expect(ran).toBe(false);
    await done;
    expect(ran).toBe(true);
  });
});
