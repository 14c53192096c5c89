import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { watchOrphaned } from '../../lib/page/orphan-watch';

describe('watchOrphaned', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('stops once, within one period of the runtime going, and never while it is there', () => {
    let alive = true;
    const onOrphaned = vi.fn();
    watchOrphaned(() => alive, onOrphaned, 2000);
    vi.advanceTimersByTime(10_000);
    expect(onOrphaned).not.toHaveBeenCalled();
    alive = false;
    vi.advanceTimersByTime(2000);
    expect(onOrphaned).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(10_000);
    expect(onOrphaned).toHaveBeenCalledTimes(1);
  });

  it('takes a runtime that throws when asked for gone', () => {
    const onOrphaned = vi.fn();
    watchOrphaned(() => {
      throw new Error('Extension context invalidated.');
    }, onOrphaned);
    vi.advanceTimersByTime(2000);
    expect(onOrphaned).toHaveBeenCalledTimes(1);
  });

  it('can be cancelled', () => {
    const onOrphaned = vi.fn();
    const cancel = watchOrphaned(() => false, onOrphaned);
    cancel();
    vi.advanceTimersByTime(10_000);
    expect(onOrphaned).not.toHaveBeenCalled();
  });
});
