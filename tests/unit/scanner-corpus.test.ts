import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scanText } from '@/lib/number/scan-text';
import { score } from '../support/scanner-score';

/** The labelled corpus written by tests/fixtures/text/make-corpus.mjs (truth by construction). */
interface Truth {
  numbers: { e164: string; start: number; end: number; ext: string | null }[];
  lookalikes: { category: string; start: number; end: number }[];
}
const DIR = join(__dirname, '../fixtures/text');
const FILES = ['crm-notes', 'call-logs', 'billing', 'international', 'unicode-separators', 'glued-and-wide'];
const corpus = FILES.map((name) => ({
  name,
  text: readFileSync(join(DIR, `${name}.txt`), 'utf8'),
  truth: JSON.parse(readFileSync(join(DIR, `${name}.truth.json`), 'utf8')) as Truth,
}));

describe('score', () => {
  const d = (e164: string, start: number) => ({
    kind: 'nanp' as const,
    e164,
    npa: null,
    start,
    end: 0,
    raw: '',
    ext: null,
  });
  it('matches on e164 and start, each expected number once', () => {
    const expected = [
      { e164: '+14155550134', start: 0 },
      { e164: '+12125550175', start: 20 },
    ];
    expect(score(expected, [d('+14155550134', 0), d('+14155550134', 0), d('+12125550175', 21)])).toEqual({
      tp: 1,
      fp: 2,
      fn: 1,
      precision: 1 / 3,
      recall: 1 / 2,
    });
    expect(score([], [])).toMatchObject({ precision: 1, recall: 1 });
  });
});

describe('scanText on the labelled corpus', () => {
  it('is big enough: ≥ 300 numbers and ≥ 300 look-alikes', () => {
    const numbers = corpus.reduce((n, f) => n + f.truth.numbers.length, 0);
    const lookalikes = corpus.reduce((n, f) => n + f.truth.lookalikes.length, 0);
    expect(numbers).toBeGreaterThanOrEqual(300);
    expect(lookalikes).toBeGreaterThanOrEqual(300);
    expect(new Set(corpus.flatMap((f) => f.truth.lookalikes.map((l) => l.category))).size).toBeGreaterThan(25);
  });

  it('has truth that agrees with the text', () => {
    for (const { text, truth } of corpus) {
      for (const n of truth.numbers) {
        const raw = text.slice(n.start, n.end);
        // NFKC: full-width digits as ASCII.
        expect(raw.normalize('NFKC').replace(/\D/g, '')).toContain(n.e164.slice(-7));
        if (n.ext) expect(raw.endsWith(n.ext)).toBe(true);
      }
    }
  });

  it('reaches precision and recall ≥ 0.99 over the whole corpus', () => {
    const expected = corpus.flatMap((f, i) => f.truth.numbers.map((n) => ({ ...n, start: n.start + i * 1e7 })));
    const actual = corpus.flatMap((f, i) => scanText(f.text).map((d) => ({ ...d, start: d.start + i * 1e7 })));
    const s = score(expected, actual);
    expect(s.precision).toBeGreaterThanOrEqual(0.99);
    expect(s.recall).toBeGreaterThanOrEqual(0.99);
  });

  it.each(FILES)('%s: the numbers found carry the right span and extension', (name) => {
    const file = corpus.find((f) => f.name === name) as (typeof corpus)[number];
    const found = scanText(file.text);
    const s = score(file.truth.numbers, found);
    expect(s.precision, JSON.stringify(s)).toBeGreaterThanOrEqual(0.98);
    expect(s.recall, JSON.stringify(s)).toBeGreaterThanOrEqual(0.98);
    const byStart = new Map(file.truth.numbers.map((n) => [n.start, n]));
    let checked = 0;
    for (const d of found) {
      const want = byStart.get(d.start);
      if (want?.e164 !== d.e164) continue;
      expect({ end: d.end, ext: d.ext }).toEqual({ end: want.end, ext: want.ext });
      checked++;
    }
    expect(checked).toBeGreaterThan(0);
  });

  it('reports none of the look-alikes', () => {
    for (const { text, truth } of corpus) {
      const found = scanText(text);
      for (const l of truth.lookalikes) {
        const hit = found.find((d) => d.start < l.end && l.start < d.end);
        expect(hit, `${l.category}: ${JSON.stringify(text.slice(l.start, l.end))}`).toBeUndefined();
      }
    }
  });
});
