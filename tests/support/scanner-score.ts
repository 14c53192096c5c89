import type { Detection } from '@/lib/number/scan-text';

export interface Score {
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
}

/** Scores detections against the expected numbers; a detection counts when its e164 and start both match. */
export function score(expected: readonly { e164: string; start: number }[], actual: readonly Detection[]): Score {
  const wanted = new Set(expected.map((e) => `${e.start}:${e.e164}`));
  let tp = 0;
  for (const d of actual) if (wanted.delete(`${d.start}:${d.e164}`)) tp++;
  const fp = actual.length - tp;
  const fn = expected.length - tp;
  return {
    tp,
    fp,
    fn,
    precision: actual.length === 0 ? 1 : tp / actual.length,
    recall: expected.length === 0 ? 1 : tp / expected.length,
  };
}
