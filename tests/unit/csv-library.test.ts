/**
 * Our CSV reader (lib/csv.ts) against two well-kept libraries, csv-parse and papaparse, on the cases
 * RFC 4180 defines (issue #17: use a library unless ours is measured faster and as correct; the speed
 * is in `npm run bench`, tests/bench/csv.bench.ts). Where our documented lenient rules go beyond the
 * RFC, the test says what each one does instead.
 */
import { parse } from 'csv-parse/sync';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { parseCsv, toCsv } from '@/lib/csv';

/** csv-parse with the options closest to ours: a BOM dropped, rows of any width. */
const csvParse = (text: string, relaxQuotes = false): string[][] =>
  parse(text, { bom: true, relax_column_count: true, relax_quotes: relaxQuotes });
const papa = (text: string) => Papa.parse<string[]>(text, { delimiter: ',' });

const RFC_4180: Record<string, string> = {
  'quoted commas': 'a,"b,c",d\r\n1,2,3\r\n',
  'quoted CRLF': 'a,"b\r\nc"\r\n1,2\r\n',
  'quoted LF and CR': 'a,"b\nc\rd"\n1,2\n',
  '"" escapes': 'a,"say ""hi""",""""\r\n',
  'an empty quoted field': '"",x\r\n',
  BOM: '\ufeffa,b\r\n1,2\r\n',
  'a BOM inside the text is a character': 'a\r\n\ufeffb\r\n',
  'CRLF line ends': 'a,b\r\n1,2\r\n',
  'LF line ends': 'a,b\n1,2\n',
  'CR line ends': 'a,b\r1,2\r',
  'no line end after the last row': 'a,b\r\n1,2',
  'empty fields': ',,\r\na,,b\r\n',
  'a blank line': 'a\r\n\r\nb\r\n',
  'rows of different widths': 'a,b\r\n1\r\n1,2,3\r\n',
  'spaces are kept': ' a , b \r\n',
  'non-ASCII text': 'név,"電話, 📞"\r\nZoë,ß\r\n',
  'only a BOM': '\ufeff',
  empty: '',
};

describe('our CSV reader and the libraries on RFC 4180', () => {
  it.each(Object.entries(RFC_4180))('%s: csv-parse reads the same rows', (_, text) => {
    expect(parseCsv(text)).toEqual(csvParse(text));
  });

  it.each(Object.entries(RFC_4180))(
    '%s: papaparse reads the same rows (plus one empty row after a last line end)',
    (_, text) => {
      const ours = parseCsv(text);
      const result = papa(text);
      // papaparse reads a line end after the last row as the start of one more, empty row.
      const lastLineEnd = ours.length > 0 && /[\r\n]$/.test(text);
      expect(result.data).toEqual(lastLineEnd ? [...ours, ['']] : ours);
      expect(result.errors).toEqual([]);
    },
  );

  it.each(Object.entries(RFC_4180))('%s: what our writer writes, csv-parse reads back', (_, text) => {
    const rows = parseCsv(text);
    for (const eol of ['\r\n', '\n'] as const) expect(csvParse(toCsv(rows, { eol, bom: true }))).toEqual(rows);
  });
});

describe('where our documented lenient rules differ from the libraries', () => {
  it('a quote inside an unquoted cell is a character: csv-parse needs relax_quotes for it, papaparse agrees', () => {
    const text = 'a,b"c,d\r\n';
    expect(parseCsv(text)).toEqual([['a', 'b"c', 'd']]);
    expect(() => csvParse(text)).toThrow(/Invalid Opening Quote/);
    expect(csvParse(text, true)).toEqual(parseCsv(text));
    expect(papa(text).data[0]).toEqual(parseCsv(text)[0]);
  });

  it('text after a closing quote joins the cell: csv-parse throws or keeps the quotes, papaparse reads on', () => {
    const text = 'a,"b"c,d\r\n';
    expect(parseCsv(text)).toEqual([['a', 'bc', 'd']]);
    expect(() => csvParse(text)).toThrow(/Invalid Closing Quote/);
    expect(csvParse(text, true)).toEqual([['a', '"b"c', 'd']]);
    // papaparse keeps the rest of the text in the quoted cell and reports the quotes as errors.
    const result = papa(text);
    expect(result.data).toEqual([['a', 'b"c,d\r\n']]);
    expect(result.errors.map((e) => e.code)).toContain('InvalidQuotes');
  });

  it('a quote after a space opens nothing (RFC 4180 has no space before a quote): csv-parse needs relax_quotes', () => {
    const text = 'a, "b,c"\r\n';
    expect(parseCsv(text)).toEqual([['a', ' "b', 'c"']]);
    expect(() => csvParse(text)).toThrow(/Invalid Opening Quote/);
    expect(csvParse(text, true)).toEqual(parseCsv(text));
    expect(papa(text).data[0]).toEqual(parseCsv(text)[0]);
  });

  it('line ends mixed in one file all end rows: both libraries keep to the first kind they meet', () => {
    const text = 'a,b\r\n1,2\n3,4\r5,6\r\n';
    expect(parseCsv(text)).toEqual([
      ['a', 'b'],
      ['1', '2'],
      ['3', '4'],
      ['5', '6'],
    ]);
    const mixed = [
      ['a', 'b'],
      ['1', '2\n3', '4\r5', '6'],
    ];
    expect(csvParse(text)).toEqual(mixed);
    expect(papa(text).data.slice(0, 2)).toEqual(mixed);
  });

  it('a quote left open to the end is an error for ours and csv-parse; papaparse reads it to the end', () => {
    const text = 'a,"b\r\nc\r\n';
    expect(() => parseCsv(text)).toThrow(/unterminated quoted field starting on line 1/);
    expect(() => csvParse(text)).toThrow(/Quote Not Closed/);
    const result = papa(text);
    expect(result.data).toEqual([['a', 'b\r\nc\r\n']]);
    expect(result.errors.map((e) => e.code)).toEqual(['MissingQuotes']);
  });
});
