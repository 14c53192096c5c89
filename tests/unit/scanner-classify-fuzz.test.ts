// scanText and classify on random Unicode: they never throw, and their work grows linearly with the
// input. Work is counted (characters read), never timed, so the checks cannot flake on a slow machine.
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { classify } from '@/lib/law/classify';
import { scanText } from '@/lib/number/scan-text';
import { robustnessRow } from '../support/robustness';

const realNumber = fc.constantFrom(
  '(415) 555-0134',
  '212.555.0175',
  '+44 20 7946 0958',
  '1-800-555-0100',
  '+1 702 555 0100 x12',
);
const unicode = fc.oneof(
  fc
    .tuple(fc.string({ unit: 'binary', maxLength: 40 }), realNumber, fc.string({ unit: 'binary', maxLength: 40 }))
    .map(([before, number, after]) => `${before} ${number} ${after}`),
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.string({ unit: 'grapheme', maxLength: 200 }),
  fc.string({
    unit: fc.constantFrom(...'0123456789+()-. x#*\u00a0\u2011\u200b\u202e\ud800\udfff'.split('')),
    maxLength: 80,
  }),
);

describe('never throws on random Unicode', () => {
  it('scanText and classify, any string (lone surrogates, bidi marks, emoji, digits in other scripts)', () => {
    const runs = 4000;
    let detections = 0;
    const row = robustnessRow({
      id: 'unit-fuzz-unicode',
      area: 'scanText / classify (unit, fast-check)',
      tried: `${runs} random strings: any code unit (lone surrogates), graphemes, phone punctuation with bidi and zero-width marks`,
      result: 'never threw; every detection is its own text and classifies to the same number',
    });
    fc.assert(
      fc.property(
        unicode,
        fc.option(fc.constantFrom('CA', 'FL', 'NY', 'ON', 'XX'), { nil: undefined }),
        (text, region) => {
          const found = scanText(text);
          detections += found.length;
          for (const d of found) {
            expect(text.slice(d.start, d.end)).toBe(d.raw);
            // What the scanner finds, classify reads back as the same number.
            expect(classify(d.raw).e164, d.raw).toBe(d.e164);
          }
          const c = classify(text, { agentRegion: region, at: new Date(0) });
          expect(['nanp', 'tollfree', 'international', 'invalid']).toContain(c.kind);
          expect(['all-party', 'one-party']).toContain(c.treatAs);
        },
      ),
      { numRuns: runs },
    );
    row.figures = `${detections} detections`;
  });
});

/** Counts String.prototype.charCodeAt calls: how many characters a function reads, on primitives too. */
const realCharCodeAt = String.prototype.charCodeAt;
let reads = 0;
function counting<T>(fn: () => T): number {
  reads = 0;
  String.prototype.charCodeAt = function (this: string, index: number) {
    reads++;
    return realCharCodeAt.call(this, index);
  };
  try {
    fn();
  } finally {
    String.prototype.charCodeAt = realCharCodeAt;
  }
  return reads;
}
afterEach(() => {
  String.prototype.charCodeAt = realCharCodeAt;
});

const repeatTo = (unit: string, n: number) => unit.repeat(Math.ceil(n / unit.length)).slice(0, n);

describe('work is linear in the input', () => {
  it('scanText: random units repeated to 5,000 and 20,000 characters read at most ~4× as much', () => {
    let worst = 0;
    let worstPerChar = 0;
    const unit = fc.oneof(
      fc.string({
        unit: fc.constantFrom(...'0123456789 +()-.x/#*,\u00a0\u2011'.split('')),
        minLength: 1,
        maxLength: 24,
      }),
      fc.string({ unit: 'binary', minLength: 1, maxLength: 24 }),
    );
    const row = robustnessRow({
      id: 'unit-fuzz-linear-scan',
      area: 'scanText / classify (unit, fast-check)',
      tried:
        '300 random units (phone punctuation or any code unit) repeated to 5,000 and 20,000 characters; characters read counted',
      result: 'linear: 4× the input, at most 4.5× the reads',
    });
    fc.assert(
      fc.property(unit, (u) => {
        const small = counting(() => scanText(repeatTo(u, 5_000)));
        const large = counting(() => scanText(repeatTo(u, 20_000)));
        const ratio = large / Math.max(small, 1);
        worst = Math.max(worst, ratio);
        worstPerChar = Math.max(worstPerChar, large / 20_000);
        expect(ratio).toBeLessThan(4.5);
        expect(large / 20_000).toBeLessThan(10);
      }),
      { numRuns: 300 },
    );
    row.figures = `worst ratio ${worst.toFixed(2)}, worst ${worstPerChar.toFixed(2)} reads/char`;
  });

  it('classify: reads at most a constant number of characters, however long the input', () => {
    // The counter counts: a plain number is read character by character.
    expect(counting(() => classify('(415) 555-0134'))).toBeGreaterThan(10);
    let most = 0;
    const row = robustnessRow({
      id: 'unit-fuzz-linear-classify',
      area: 'scanText / classify (unit, fast-check)',
      tried: '200 random strings of 100 to 1,000,000 characters to classify',
      result: 'refused as too long before any per-character work (inputs are capped at 64 characters)',
    });
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary', minLength: 1, maxLength: 12 }),
        fc.constantFrom(100, 10_000, 1_000_000),
        (u, n) => {
          const text = repeatTo(u, n);
          const work = counting(() => classify(text));
          most = Math.max(most, work);
          expect(work).toBeLessThanOrEqual(200);
          expect(classify(text).kind).toBe('invalid');
        },
      ),
      { numRuns: 200 },
    );
    row.figures = `at most ${most} characters read`;
  });
});
