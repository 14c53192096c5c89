import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Detection, scanText } from '@/lib/number/scan-text';

function wellFormed(text: string, found: Detection[]) {
  let last = 0;
  for (const d of found) {
    expect(d.raw).toBe(text.slice(d.start, d.end));
    expect(d.start).toBeGreaterThanOrEqual(last);
    expect(d.end).toBeGreaterThan(d.start);
    expect(d.e164).toMatch(/^\+[1-9]\d{7,14}$/);
    if (d.kind === 'nanp') expect(d.npa).toBe(d.e164.slice(2, 5));
    if (d.ext !== null) expect(d.raw.endsWith(d.ext)).toBe(true);
    last = d.end;
  }
}

/** Strings rich in the characters the scanner cares about. */
const phoneish = fc
  .array(
    fc.constantFrom(
      ...'0123456789 ()-.+#*x,;:/'.split(''),
      '\u00a0',
      '\u2011',
      '\u2013',
      '\u200b',
      '\u202a',
      '\n',
      '\t',
      'ext. ',
      '415',
      '555',
      '0134',
      '+44',
      '(0)',
      'ID ',
    ),
    { maxLength: 60 },
  )
  .map((parts) => parts.join(''));

describe('scanText properties', () => {
  it('never throws and returns sorted, non-overlapping, self-consistent detections', () => {
    for (const arb of [fc.string({ unit: 'grapheme' }), fc.string({ unit: 'binary' }), phoneish]) {
      fc.assert(
        fc.property(arb, (text) => {
          wellFormed(text, scanText(text));
        }),
        { numRuns: 1500 },
      );
    }
  });

  const npa = fc.constantFrom('201', '212', '305', '415', '416', '503', '617', '702', '808', '907', '949');
  const nxx = fc
    .tuple(fc.integer({ min: 2, max: 9 }), fc.integer({ min: 0, max: 99 }))
    .map(([a, b]) => `${a}${String(b).padStart(2, '0')}`)
    .filter((x) => !x.endsWith('11'));
  const line = fc.integer({ min: 0, max: 9999 }).map((n) => String(n).padStart(4, '0'));
  const sep = fc.constantFrom('-', '.', ' ', '\u00a0', '\u2011', '\u2013', '\u2212', '\u2009', '\u200b');
  const number = fc.tuple(npa, nxx, line, sep, sep, fc.integer({ min: 0, max: 5 })).map(([a, b, c, s, t, form]) => {
    const e164 = `+1${a}${b}${c}`;
    const raw = [
      `${a}${s}${b}${t}${c}`,
      `(${a}) ${b}${t}${c}`,
      `+1 ${a}${s}${b}${t}${c}`,
      `1-${a}-${b}-${c}`,
      `+1${a}${b}${c}`,
      `${a}${b}${c}`,
    ][form] as string;
    return { raw, e164 };
  });
  /** Context without digits, letters or characters that glue to digits (sign, currency, `#`, `/` …). */
  const context = fc
    .array(fc.constantFrom(' ', ',', ';', '!', '?', '"', "'", '[', ']', '<', '>', '|', '\n', '\t', '😀', '•', '  '), {
      maxLength: 8,
    })
    .map((parts) => parts.join(''));

  it('finds a number embedded between arbitrary non-digit, non-letter context', () => {
    fc.assert(
      fc.property(context, number, context, (before, { raw, e164 }, after) => {
        const text = before + raw + after;
        const found = scanText(text);
        expect(found).toEqual([
          {
            kind: 'nanp',
            e164,
            npa: e164.slice(2, 5),
            start: before.length,
            end: before.length + raw.length,
            raw,
            ext: null,
          },
        ]);
      }),
      { numRuns: 3000 },
    );
  });

  it('finds both of two numbers joined by a comma, slash or space', () => {
    fc.assert(
      fc.property(number, fc.constantFrom(', ', ' / ', ' ', ' or ', '\n'), number, (one, joint, two) => {
        const found = scanText(one.raw + joint + two.raw);
        expect(found.map((d) => d.e164)).toEqual([one.e164, two.e164]);
      }),
      { numRuns: 2000 },
    );
  });
});

/** A string object that counts how many characters the scanner reads: work, not time. */
function countReads(text: string): number {
  let reads = 0;
  class Counting extends String {
    override charCodeAt(index: number): number {
      reads++;
      return super.charCodeAt(index);
    }
  }
  scanText(new Counting(text) as unknown as string);
  return reads;
}

describe('scanText work is linear in the input', () => {
  const adversarial: Record<string, (n: number) => string> = {
    'spaced digits': (n) => '1 2 3 4 5 6 7 8 9 0 '.repeat(n / 20),
    parentheses: (n) => '(((('.repeat(n / 4),
    'plus ones': (n) => '+1'.repeat(n / 2),
    'glued numbers': (n) => '415-555-0134'.repeat(n / 12),
    'NBSP digits': (n) => '4\u00a0'.repeat(n / 2),
    'number runs': (n) => '415 555 0134 '.repeat(n / 13),
    'long digit run': (n) => '4'.repeat(n),
    'ext words': (n) => '4155550134 ext ext x x '.repeat(n / 23),
    'intl groups': (n) => '+44 20 7946 0958 12 '.repeat(n / 20),
    'separator runs': (n) => '4-.-.-.-.-.-.'.repeat(n / 13),
  };
  it.each(Object.keys(adversarial))('%s: a bounded number of reads per character', (name) => {
    const make = adversarial[name] as (n: number) => string;
    const small = countReads(make(20_000));
    const large = countReads(make(80_000));
    expect(large / small).toBeLessThan(4.4);
    expect(large / 80_000).toBeLessThan(8);
  });
});

describe('scanText: E.164 length', () => {
  it('never reports more than 15 digits, whatever follows a plus', () => {
    const group = fc.stringMatching(/^\d{1,17}$/);
    const text = fc
      .tuple(
        fc.constantFrom('', 'Call ', 'Fax: ', '('),
        fc.array(fc.tuple(group, fc.constantFrom(' ', '-', '.', '', ' (0) ')), { minLength: 1, maxLength: 6 }),
        fc.constantFrom('', ' today', '.', ' x12'),
      )
      .map(([before, groups, after]) => `${before}+${groups.map(([g, s]) => g + s).join('')}${after}`);
    let found = 0;
    fc.assert(
      fc.property(text, (t) => {
        for (const d of scanText(t)) {
          found++;
          expect(d.e164.length - 1, `${JSON.stringify(t)} → ${d.e164}`).toBeLessThanOrEqual(15);
          expect(d.e164).toMatch(/^\+[1-9]\d{7,14}$/);
        }
      }),
      { seed: 0xe164, numRuns: 3000 },
    );
    expect(found).toBeGreaterThan(100);
  });
});
