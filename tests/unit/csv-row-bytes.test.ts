import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvCell, parseCsv } from '@/lib/csv';
import { CsvRowBytes, csvRowEnd, ESCAPED, QUOTED, REQUOTED } from '@/lib/csv-row-bytes';

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { ignoreBOM: true });

/** What the byte reader says of each row of `text` (no leading BOM), from its first byte to its last. */
function readAll(text: string) {
  const b = encoder.encode(text);
  const row = new CsvRowBytes();
  const rows: ({ values: string[]; written: string } | { parsedBy: 'parseCsv'; raw: string })[] = [];
  for (let i = 0; i < b.length; ) {
    const [end, next] = csvRowEnd(b, i);
    if (!row.read(b, i)) {
      rows.push({ parsedBy: 'parseCsv', raw: decoder.decode(b.subarray(i, end)) });
      i = next;
      continue;
    }
    expect([row.end, row.next]).toEqual([end, next]);
    const values: string[] = [];
    const written: string[] = [];
    for (let k = 0; k < row.cells; k++) {
      const flags = row.flags[k] as number;
      const from = row.from[k] as number;
      const to = row.to[k] as number;
      const value =
        flags & QUOTED ? decoder.decode(b.subarray(from + 1, to - 1)) : decoder.decode(b.subarray(from, to));
      values.push(flags & ESCAPED ? value.replaceAll('""', '"') : value);
      // As the scan writes it back: the bytes as they are, or a quoted value without its quotes.
      written.push(flags & QUOTED && !(flags & REQUOTED) ? value : decoder.decode(b.subarray(from, to)));
    }
    rows.push({ values, written: written.join(',') });
    i = row.next;
  }
  return rows;
}

/** Cells made of the characters that matter to CSV, and some that do not. */
const cell = fc.string({ unit: fc.constantFrom('a', '1', ' ', '"', ',', '\r', '\n', '\ufeff', 'é', '😀') });
/** A cell as a file may hold it: as csvCell writes it, quoted when it need not be, or as typed (maybe irregular). */
const written = fc.oneof(
  cell.map(csvCell),
  cell.map((c) => `"${c.replaceAll('"', '""')}"`),
  fc.string({ unit: fc.constantFrom('a', '1', '"', '\ufeff', 'é') }),
);
const lineEnd = fc.constantFrom('\n', '\r\n', '\r');
const rowsText = fc
  .array(fc.tuple(fc.array(written, { minLength: 1, maxLength: 5 }), lineEnd), { minLength: 1, maxLength: 6 })
  .map((rows) => rows.map(([cells, eol]) => cells.join(',') + eol).join(''));

describe('CsvRowBytes', () => {
  it('reads the rows parseCsv reads, cell for cell, and writes back what csvCell writes (or leaves the row to parseCsv)', () => {
    fc.assert(
      fc.property(rowsText, fc.boolean(), (text, lastEol) => {
        // A file's last row may have no line end.
        const input = lastEol ? text : text.replace(/(\r\n|\r|\n)$/, '');
        fc.pre(!input.startsWith('\ufeff'));
        let expected: string[][];
        try {
          expected = parseCsv(input);
        } catch {
          return;
        }
        const got = readAll(input);
        expect(got).toHaveLength(expected.length);
        got.forEach((row, r) => {
          const cells = expected[r] as string[];
          if ('parsedBy' in row) {
            // Left to parseCsv: the row's text alone parses to the same cells.
            expect(parseCsv(`,${row.raw}`)[0]?.slice(1)).toEqual(cells);
            return;
          }
          expect(row.values).toEqual(cells);
          expect(row.written).toBe(cells.map(csvCell).join(','));
        });
      }),
      { numRuns: 2000 },
    );
  });

  it.each([
    ['plain cells', 'a,b,c\n', true, 3],
    ['quoted cells, quotes kept or dropped', '"a,b","c",""""\r\n', true, 3],
    ['a quote inside an unquoted cell', 'a,b"c\n', false, 0],
    ['text after a closing quote', '"a"b,c\n', false, 0],
    ['a BOM starting a cell', 'a,\ufeffb\n', false, 0],
    ['a quote left open', 'a,"b\n', false, 0],
  ])('%s', (_, text, read, cells) => {
    const row = new CsvRowBytes();
    expect(row.read(encoder.encode(text), 0)).toBe(read);
    if (read) expect(row.cells).toBe(cells);
  });

  it('grows for rows of many cells', () => {
    const row = new CsvRowBytes();
    const text = `${Array.from({ length: 300 }, (_, i) => `"${i}"`).join(',')}\n`;
    expect(row.read(encoder.encode(text), 0)).toBe(true);
    expect(row.cells).toBe(300);
    expect(row.flags[299]).toBe(QUOTED);
  });
});
