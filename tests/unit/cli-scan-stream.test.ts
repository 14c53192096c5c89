import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csvWorkerPool } from '@/bin/scan-pool';
import { type CliIO, runCli } from '@/lib/cli/main';
import { CSV_COLUMNS, csvVerdict, locationColumns, rowLocation } from '@/lib/cli/scan-csv';
import { SCAN_OPTIONS } from '@/lib/cli/scan-options';
import { csvEol, parseCsv, toCsv } from '@/lib/csv';
import { classify } from '@/lib/law/classify';
import { scanText } from '@/lib/number/scan-text';
import { LEAD_HEADER, leadList, leadRow } from '../bench/lead-list';

const AT = '2026-11-27T17:00:00Z';

/**
 * `consent scan --csv` as it was before it streamed (the whole file in memory, row by row): the
 * streamed output must be byte for byte the same.
 */
function reference(text: string): string {
  const rows = parseCsv(text);
  const context = { at: new Date(AT) };
  const width = Math.max(0, ...rows.map((r) => r.length));
  const pad = (row: readonly string[]) => [...row, ...Array<string>(width - row.length).fill('')];
  const columns = locationColumns(rows[0] ?? []);
  const out = rows.map((row, r) => {
    if (r === 0) return [...pad(row), ...CSV_COLUMNS];
    const first = row.map((cell) => scanText(cell, SCAN_OPTIONS)[0]).find((d) => d !== undefined);
    const location = rowLocation(row, columns);
    return [
      ...pad(row),
      ...(first
        ? csvVerdict(classify(first.e164, location ? { ...context, calleeLocation: location } : context))
        : CSV_COLUMNS.map(() => '')),
    ];
  });
  if (out.length === 0) out.push([...CSV_COLUMNS]);
  return toCsv(out, { eol: csvEol(text), bom: text.charCodeAt(0) === 0xfeff });
}

const AREAS = ['415', '212', '617', '305', '206', '512', '416', '312', '303', '646'];

/** Runs `consent scan --csv f.csv` in-process on `text` (or these bytes), read in chunks of `chunk` bytes. */
async function scan(text: string | Uint8Array, chunk: number, extra: Partial<CliIO> = {}) {
  let stdout = '';
  let stderr = '';
  const bytes = typeof text === 'string' ? new TextEncoder().encode(text) : text;
  const io: CliIO = {
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    async *readChunks() {
      for (let i = 0; i < bytes.length; i += chunk) yield bytes.slice(i, i + chunk);
    },
    ...extra,
  };
  const code = await runCli(['scan', '--at', AT, '--csv', 'f.csv'], io);
  return { code, stdout, stderr };
}

/** Lead lists with every shape the reader must keep: BOM, CRLF, lone CRs, quoted line breaks, ragged rows. */
const SHAPES: Record<string, string> = {
  empty: '',
  'only a BOM': '\ufeff',
  'header only, no line end': 'name,phone',
  'BOM and CRLF': '\ufeffname,phone,state\r\nAnn,(415) 555-0134,CA\r\nBo,212-555-0199,NY\r\n',
  'lone CRs': 'name,phone\rAnn,415 555 0134\rBo,+44 20 7946 0958\r',
  'quoted line breaks and quotes':
    'name,notes,phone\n"Doe, Jane","Call the office:\r\n212-555-0199 ext. 12",\n' +
    'Bo,"said ""call 415-555-0134"" twice",\n"Cy\n",x"y"z,"+1 (617) 555-0101"\n',
  'blank lines and ragged rows': 'a,b\n\n415-555-0134\n1,2,3,4,5,(212) 555-0134\n\n',
  'a BOM inside a cell and a quote mid-cell': 'a,b\n\ufeff415-555-0134,x"\n"",\ufeff\n',
  'text after a closing quote': 'a,b\n"415"-555-0134,"x"y\n',
  'characters of 2, 3 and 4 bytes, split across chunks':
    'név,電話,ß\r\nZoë,"415 555 0134 📞",日本\r\n😀,+1 212 555 0199\r\n',
  'a BOM then a quoted header cell with a CR': '\ufeff"st\rate",phone\rCA,415-555-0134',
  'a quote closing on the last byte': 'a,b\n1,"415-555-0134"',
  'a lone CR last': 'a,b\r415-555-0134,x\r',
  'a blank first row': '\n415-555-0134\n',
  'location columns missing from short rows':
    'name,phone,city,state\nAnn,415-555-0134\nBo,212-555-0199,Austin\nCy,+1 617 555 0101,Boston,MA,x\nDi,4155550134,,CA\n',
  'quoted cells: quotes csvCell needs kept, others dropped, a BOM in quotes':
    'name,"phone",state\n"Ann","415-555-0134","CA"\n' +
    '"Bo ""B""","＋１ ４１５ ５５５ ０１３４",""\n"\ufeffCy","x,y","(212) 555-0199"\n',
  'location columns apart, quoted and not, the same places written both ways':
    'state,phone,name,zip\nCA,415-555-0134,Ann,94607\n"CA",415-555-0135,Bo,"94607"\n' +
    'TX,"415-555-0136",Cy,73301\nCA,212-555-0199\n',
  'a number in a non-ASCII cell, a row left to parseCsv':
    'n,p,state\nZoë,"tél 415 555 0134",CA\n"a"b,415 555 0134,"NY"\n',
  'generated list, LF': [...leadList(300)].join(''),
  'generated list, CRLF and BOM': `\ufeff${[...leadList(300, '\r\n')].join('')}`,
};

describe('consent scan --csv, streamed', () => {
  it.each(Object.entries(SHAPES))(
    '%s: byte for byte the in-memory output, whatever the chunk size',
    async (_, text) => {
      const expected = reference(text);
      for (const chunk of [1, 2, 3, 7, 64, 1 << 20]) {
        const { code, stdout, stderr } = await scan(text, chunk);
        expect({ chunk, code, stderr }).toEqual({ chunk, code: 0, stderr: '' });
        expect(stdout).toBe(expected);
      }
    },
  );

  it('many batches in this thread: the same bytes, whatever the chunk size', async () => {
    // 2.5 MB: cut into batches of about 512 KB, each on a row end, quoted line breaks inside rows.
    const text = `\ufeff${[...leadList(22_000, '\r\n')].join('')}`;
    const expected = reference(text);
    for (const chunk of [4093, 1 << 20]) {
      const { code, stdout } = await scan(text, chunk);
      expect(code).toBe(0);
      expect(stdout).toBe(expected);
    }
  });

  it('bytes that are not UTF-8: replaced as a whole-file decode replaces them, whatever the chunk size', async () => {
    const bytes = new Uint8Array([
      ...new TextEncoder().encode('name,phone\n'),
      ...[0xc3, 0x0a], // a 2-byte character cut short by a line end
      ...new TextEncoder().encode('Ann,415-555-0134,'),
      ...[0xff, 0xe2, 0x82, 0x2c, 0x0d, 0x0a], // a stray byte, a 3-byte character cut short by a comma
      ...new TextEncoder().encode('Bo,212-555-0199\n'),
    ]);
    const expected = reference(new TextDecoder().decode(bytes));
    expect(expected).toContain('\ufffd');
    for (const chunk of [1, 2, 3, 5, 1 << 20]) {
      const { code, stdout } = await scan(bytes, chunk);
      expect({ chunk, code }).toEqual({ chunk, code: 0 });
      expect(stdout).toBe(expected);
    }
  });

  it('more places and area codes than a cache holds: the same bytes', async () => {
    // 21,000 ZIP codes, each read as a place, with numbers of 10 area codes: the caches start again.
    const rows = Array.from(
      { length: 21_000 },
      (_, i) => `${AREAS[i % AREAS.length]}-555-${String(i % 10_000).padStart(4, '0')},${10_000 + i}`,
    );
    const text = `phone,zip\n${rows.join('\n')}\n`;
    const { code, stdout } = await scan(text, 1 << 20);
    expect(code).toBe(0);
    expect(stdout).toBe(reference(text));
  });

  it('several workers: the same bytes, rows in input order', async () => {
    const text = [...leadList(12_000, '\r\n')].join('');
    const { code, stdout } = await scan(text, 4096, { csvWorkers: csvWorkerPool({ size: 3, minRows: 0 }) });
    expect(code).toBe(0);
    expect(stdout).toBe(reference(text));
    const ids = parseCsv(stdout)
      .slice(1)
      .map((row) => Number(row[0]));
    expect(ids).toEqual(Array.from({ length: 12_000 }, (_, i) => i + 1));
  });

  it('a quote left open: the error and its line, nothing on stdout, whatever the chunk size', async () => {
    const text = `${LEAD_HEADER}\r\n${leadRow(1)}\r\n${leadRow(2)}\r\nJo,"x\r\n415-555-0134\n`;
    for (const chunk of [1, 5, 1 << 20]) {
      const { code, stdout, stderr } = await scan(text, chunk);
      expect({ code, stdout, stderr }).toEqual({
        code: 1,
        stdout: '',
        stderr: 'consent: f.csv: unterminated quoted field starting on line 4\n',
      });
    }
  });

  it.each([
    ['lone CRs and CRLFs before it', 'a\rb\r\n\r\rc,"x\r\n'],
    ['a CR right before it', 'a\r"x'],
    ['a quote on the last byte opening a cell', 'a,b\n1,"'],
    ['after a BOM and a quoted section with line breaks', '\ufeff"a\n\r\nb",c\n"d'],
  ])('a quote left open, %s: the line parseCsv names, whatever the chunk size', async (_, text) => {
    const message = (() => {
      try {
        parseCsv(text);
      } catch (error) {
        return (error as Error).message;
      }
      throw new Error('parseCsv took it');
    })();
    for (const chunk of [1, 2, 3, 1 << 20]) {
      const { code, stdout, stderr } = await scan(text, chunk);
      expect({ chunk, code, stdout, stderr }).toEqual({
        chunk,
        code: 1,
        stdout: '',
        stderr: `consent: f.csv: ${message}\n`,
      });
    }
  });

  it('a progress bar on stderr when it is a terminal, and nothing when it is not', async () => {
    const text = [...leadList(500)].join('');
    const quiet = await scan(text, 1000, { stderrIsTTY: false });
    expect(quiet.stderr).toBe('');
    const tty = await scan(text, 1000, { stderrIsTTY: true });
    expect(tty.stdout).toBe(quiet.stdout);
    expect(tty.stderr).toContain('\rscanning [');
    expect(tty.stderr).toContain('] 100%');
    expect(tty.stderr).toContain('] 0%');
    expect(tty.stderr.endsWith('\r\x1b[2K')).toBe(true);
  });
});

describe('consent scan --csv on a large file (a child process)', () => {
  let dir = '';
  const ROWS = 100_000;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'consent-stream-'));
    await writeFile(join(dir, 'leads.csv'), [...leadList(ROWS)].join(''));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('streams in bounded memory: 100,000 rows (11 MB) with a 40 MB heap, every row out, with workers', async () => {
    // The whole file in memory (text, rows, output) needed more than 64 MB of heap for this file.
    const { stdout } = await promisify(execFile)(
      'node',
      ['--max-old-space-size=40', 'bin/consent.mjs', 'scan', '--at', AT, '--csv', join(dir, 'leads.csv')],
      { env: { ...process.env, CONSENT_SCAN_WORKERS: '2' }, maxBuffer: 1 << 28 },
    );
    const rows = parseCsv(stdout);
    expect(rows).toHaveLength(ROWS + 1);
    expect(rows[0]?.at(-CSV_COLUMNS.length)).toBe('consent_e164');
    expect(rows.at(-1)?.[0]).toBe(String(ROWS));
    expect(rows.filter((row) => row[11]?.startsWith('+1')).length).toBeGreaterThan(ROWS * 0.9);
  });
});
