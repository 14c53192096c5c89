import { describe, expect, it } from 'vitest';
import { oneAtATime } from '@/lib/one-at-a-time';

describe('oneAtATime', () => {
  it('runs tasks one after another, in order, past a failed one', async () => {
    const serially = oneAtATime();
    const log: string[] = [];
    const task =
      (name: string, ms: number, fail = false) =>
      async () => {
        log.push(`${name} start`);
        await new Promise((resolve) => setTimeout(resolve, ms));
        log.push(`${name} end`);
        if (fail) throw new Error(name);
        return name;
      };
    const results = await Promise.allSettled([
      serially(task('a', 20)),
      serially(task('b', 1, true)),
      serially(task('c', 1)),
    ]);
    expect(log).toEqual(['a start', 'a end', 'b start', 'b end', 'c start', 'c end']);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
  });
});
