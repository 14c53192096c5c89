// Types for robustness-rows.mjs, for the unit tests that record rows.
export const ROWS_FILE: string;
export interface RobustnessRow {
  id: string;
  area: string;
  tried: string;
  result: string;
  figures?: string;
  /** Whether every assertion of the test that owns the row passed. */
  passed?: boolean;
}
export function recordRows(rows: RobustnessRow[]): void;
