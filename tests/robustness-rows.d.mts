// Types for robustness-rows.mjs, for the unit tests that record rows.
export const ROWS_FILE: string;
export interface RobustnessRow {
  id: string;
  area: string;
  tried: string;
  result: string;
  figures?: string;
}
export function recordRows(rows: RobustnessRow[]): void;
