import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CsvError, csvCell, csvEol, parseCsv, toCsv } from '@/lib/csv';

describe('parseCsv', () => {
  it.each([
    [
      'plain cells',
      'a,b,c\n1,2,3\n',
      [
        ['a', 'b', 'c'],
        ['1', '2', '3'],
      ],
    ],
    [
      'no line end after the last row',
      'a,b\n1,2',
      [
        ['a', 'b'],
        ['1', '2'],
      ],
    ],
    [
      'CRLF',
      'a,b\r\n1,2\r\n',
      [
        ['a', 'b'],
        ['1', '2'],
      ],
    ],
    ['bare CR', 'a\r1\r', [['a'], ['1']]],
    ['a BOM is dropped', '\ufeffname,phone\n', [['name', 'phone']]],
    ['a BOM before a quoted cell', '\ufeff"a,b",c', [['a,b', 'c']]],
    ['quoted commas', '"Doe, Jane",x', [['Doe, Jane', 'x']]],
    ['escaped quotes', '"say ""hi""",""""', [['say "hi"', '"']]],
    ['line breaks inside quotes', '"line 1\nline 2\r\nline 3",b\r\nc', [['line 1\nline 2\r\nline 3', 'b'], ['c']]],
    [
      'empty cells',
      'a,,b\n,\n',
      [
        ['a', '', 'b'],
        ['', ''],
      ],
    ],
    ['a trailing comma', 'a,\n', [['a', '']]],
    ['a blank line is a row of one empty cell', 'a\n\nb\n', [['a'], [''], ['b']]],
    ['a lone line end', '\n', [['']]],
    ['an empty quoted cell', '""', [['']]],
    ['nothing', '', []],
    ['a quote inside an unquoted cell is literal', 'a"b,5" screen', [['a"b', '5" screen']]],
    ['text after a closing quote is kept', '"ab"c,d', [['abc', 'd']]],
    ['spaces are kept, quotes after them are literal', ' a , "b" ', [[' a ', ' "b" ']]],
  ])('%s', (_, text, rows) => {
    expect(parseCsv(text)).toEqual(rows);
  });

  it('a quote left open is an error that names its line', () => {
    expect(() => parseCsv('a,b\n1,"open\n2,3\n')).toThrow(CsvError);
    expect(() => parseCsv('a,b\n1,"open\n2,3\n')).toThrow('line 2');
    expect(() => parseCsv('"""')).toThrow(CsvError);
  });
});

describe('toCsv', () => {
  it('quotes only the cells that need it', () => {
    expect(csvCell('plain text 415-555-0134')).toBe('plain text 415-555-0134');
    expect(csvCell('Doe, Jane')).toBe('"Doe, Jane"');
    expect(csvCell('5" screen')).toBe('"5"" screen"');
    expect(csvCell('a\nb')).toBe('"a\nb"');
    expect(csvCell('a\rb')).toBe('"a\rb"');
    expect(csvCell('\ufeffa')).toBe('"\ufeffa"');
    expect(csvCell('')).toBe('');
  });

  it('ends every row with the line end; CRLF unless told', () => {
    expect(
      toCsv([
        ['a', 'b'],
        ['1', '2'],
      ]),
    ).toBe('a,b\r\n1,2\r\n');
    expect(toCsv([['a'], ['']], { eol: '\n' })).toBe('a\n\n');
    expect(toCsv([['a']], { bom: true })).toBe('\ufeffa\r\n');
    expect(toCsv([])).toBe('');
  });

  it('csvEol finds the line end outside quoted cells', () => {
    expect(csvEol('a,b\r\n1,2\r\n')).toBe('\r\n');
    expect(csvEol('a,b\n1,2\n')).toBe('\n');
    expect(csvEol('"x\ny",b\r\n')).toBe('\r\n');
    expect(csvEol('a,b')).toBe('\n');
  });
});

/** Cells made of the characters that matter to CSV, and some that do not. */
const cell = fc.oneof(
  fc.string({ unit: fc.constantFrom('a', '1', ' ', '"', ',', '\r', '\n', '\ufeff', 'é', '😀') }),
  fc.string({ unit: 'binary' }),
);
const rows = fc.array(fc.array(cell, { minLength: 1, maxLength: 6 }), { maxLength: 8 });

describe('round trip', () => {
  it('parseCsv(toCsv(rows)) gives the rows back, whatever the line end and BOM', () => {
    fc.assert(
      fc.property(rows, fc.constantFrom('\r\n' as const, '\n' as const), fc.boolean(), (r, eol, bom) => {
        expect(parseCsv(toCsv(r, { eol, bom }))).toEqual(r);
      }),
      { numRuns: 500 },
    );
  });

  it('any text either fails to parse or parses to rows that survive a round trip', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', ' ', '"', ',', '\r', '\n', '\ufeff') }), (text) => {
        let parsed: string[][];
        try {
          parsed = parseCsv(text);
        } catch (error) {
          expect(error).toBeInstanceOf(CsvError);
          return;
        }
        expect(parseCsv(toCsv(parsed))).toEqual(parsed);
      }),
      { numRuns: 500 },
    );
  });
});
