import { onTestFinished } from 'vitest';
import { type RobustnessRow, recordRows } from '../robustness-rows.mjs';

/**
 * A row of docs/robustness.md owned by the running test: written when the test ends, with its
 * outcome, so the report says "no" when an assertion failed. Fill in `figures` as they are measured.
 */
export function robustnessRow(row: RobustnessRow): RobustnessRow {
  onTestFinished(({ task }) => {
    const passed = task.result?.state === 'pass';
    const why = task.result?.errors?.[0]?.message?.split('\n')[0] ?? 'the test did not pass';
    recordRows([passed ? { ...row, passed } : { ...row, passed, result: `failed: ${why.slice(0, 300)}` }]);
  });
  return row;
}
