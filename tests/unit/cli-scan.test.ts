import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { type CliIO, runCli } from '@/lib/cli/main';
import { CSV_COLUMNS, SCAN_OPTIONS } from '@/lib/cli/scan';
import { scanHtml } from '@/lib/cli/scan-html';
import { parseCsv } from '@/lib/csv';
import { scanText } from '@/lib/number/scan-text';
import { collectAll } from '@/lib/page/collect';
import { dropEchoedLinks } from '@/lib/page/dedupe';

const DIR = 'tests/fixtures/scan';
const NOTES = `${DIR}/notes.txt`;
const PAGE = `${DIR}/page.html`;
const LEADS = `${DIR}/leads.csv`;

/** Runs `consent` in-process; `files` are served by the fake reader, other paths from disk. */
async function run(argv: string[], files: Record<string, string> = {}) {
  let stdout = '';
  let stderr = '';
  const io: CliIO = {
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    now: () => new Date('2026-11-27T17:00:00Z'),
    readFile: async (path) => (Object.hasOwn(files, path) ? (files[path] ?? '') : readFile(path, 'utf8')),
  };
  const code = await runCli(['scan', ...argv], io);
  return { code, stdout, stderr };
}

interface JsonDetection {
  e164: string;
  kind: string;
  where: string;
  start: number;
  end: number;
  ext: string | null;
  raw: string;
  row?: number;
  column?: number;
  recordLocation?: { regions: string[]; text: string; source: string } | null;
  calleeLocation?: string | null;
}
interface JsonFile {
  file: string;
  error?: string;
  detections: JsonDetection[];
}

async function json(argv: string[], files: Record<string, string> = {}) {
  const result = await run(['--json', ...argv], files);
  return { ...result, files: JSON.parse(result.stdout) as JsonFile[] };
}

const DETECTION_KEYS = ['e164', 'kind', 'where', 'start', 'end', 'ext', 'raw'];
const NO_PLACE = { recordLocation: null, calleeLocation: null };

describe('consent scan --json', () => {
  it('prints one document: per file its detections, with the contract fields in order', async () => {
    const { code, stderr, files } = await json([NOTES, PAGE, LEADS]);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    expect(files.map((f) => f.file)).toEqual([NOTES, PAGE, LEADS]);
    for (const f of files) {
      expect(Object.keys(f)).toEqual(['file', 'detections']);
      expect(f.detections.length).toBeGreaterThan(0);
      for (const d of f.detections)
        expect(Object.keys(d)).toEqual(
          f.file === LEADS
            ? [...DETECTION_KEYS, 'row', 'column']
            : f.file === PAGE
              ? [...DETECTION_KEYS, 'recordLocation', 'calleeLocation']
              : DETECTION_KEYS,
        );
    }
  });

  it('.txt: offsets are string indices into the file text, raw is that slice', async () => {
    const text = await readFile(NOTES, 'utf8');
    const [notes] = (await json([NOTES])).files;
    expect(notes?.detections.map((d) => [d.e164, d.ext])).toEqual([
      ['+14155550134', null],
      ['+12125550199', '204'],
      ['+18005550100', null],
      ['+16045550188', null], // after an emoji: UTF-16 indices, as JavaScript counts
    ]);
    for (const d of notes?.detections ?? []) {
      expect(d.where).toBe('text');
      expect(text.slice(d.start, d.end)).toBe(d.raw);
    }
  });

  it('.txt: a BOM and CRLF count as characters; unassigned area codes and ids are no numbers', async () => {
    const text = '\ufeffRef: order #4155550134\r\nOld: 999-555-0100\r\nNew: 415.555.0134\r\n';
    const [file] = (await json(['x.txt'], { 'x.txt': text })).files;
    expect(file?.detections).toHaveLength(1);
    const d = file?.detections[0];
    expect(d && text.slice(d.start, d.end)).toBe('415.555.0134');
  });

  it('.html: the content script walker finds text, tel: links and fields; a link showing its number counts once', async () => {
    const [page] = (await json([PAGE])).files;
    expect(page?.detections).toEqual([
      // <p>Sales: <a href="tel:+14155550134">(415) 555-0134</a></p>: one detection, from the text.
      {
        e164: '+14155550134',
        kind: 'nanp',
        where: 'text',
        start: 7,
        end: 21,
        ext: null,
        raw: '(415) 555-0134',
        ...NO_PLACE,
      },
      // Split across spans: offsets in the block's text, where spans from different elements meet with a space.
      {
        e164: '+16175550100',
        kind: 'nanp',
        where: 'text',
        start: 8,
        end: 24,
        ext: null,
        raw: '617 - 555 - 0100',
        ...NO_PLACE,
      },
      // A link that does not show its number.
      {
        e164: '+12125550199',
        kind: 'nanp',
        where: 'tel-link',
        start: 0,
        end: 15,
        ext: null,
        raw: '+1-212-555-0199',
        ...NO_PLACE,
      },
      {
        e164: '+13125550147',
        kind: 'nanp',
        where: 'input',
        start: 0,
        end: 14,
        ext: null,
        raw: '(312) 555-0147',
        ...NO_PLACE,
      },
      {
        e164: '+16465550190',
        kind: 'nanp',
        where: 'input',
        start: 5,
        end: 17,
        ext: null,
        raw: '646 555 0190',
        ...NO_PLACE,
      },
    ]);
    // Not found: <title>, <script>, <template>, a hidden input, a number cut by <br>.
  });

  it('.html: each number reports the record place it was answered with (row, card), never the page header’s', async () => {
    const html = `<header>Acme · 1 Market St, San Francisco, CA 94105 · 415-555-0100</header>
<table><thead><tr><th>Name</th><th>Phone</th><th>State</th></tr></thead><tbody>
<tr><td>Dana</td><td>212-555-0101</td><td>CA</td></tr>
<tr><td>Eli</td><td>212-555-0102</td><td></td></tr>
<tr><td>Fay</td><td>800-555-0103</td><td>Texas</td></tr>
</tbody></table>
<section class="card"><h2>Gus</h2><p>Mobile 305-555-0104</p><p>Boston, MA 02110</p></section>`;
    const [file] = (await json(['r.html'], { 'r.html': html })).files;
    const byNumber = Object.fromEntries(
      file?.detections.map((d) => [d.e164, [d.recordLocation, d.calleeLocation]]) ?? [],
    );
    expect(byNumber).toEqual({
      '+14155550100': [null, null],
      '+12125550101': [{ regions: ['CA'], text: 'State: CA', source: 'column' }, 'CA'],
      '+12125550102': [null, null],
      '+18005550103': [{ regions: ['TX'], text: 'State: Texas', source: 'column' }, 'TX'],
      '+13055550104': [{ regions: ['MA'], text: 'Boston, MA 02110', source: 'address' }, 'MA'],
    });
    // The table uses the same answer: the New York number in a California row is all-party.
    const { stdout } = await run(['--at', '2026-12-02T18:00:00Z', 'r.html'], { 'r.html': html });
    const line = (n: string) => stdout.split('\n').find((l) => l.includes(n)) ?? '';
    expect(line('212-555-0101')).toMatch(/all-party/);
    expect(line('212-555-0102')).toMatch(/one-party/);
    expect(line('800-555-0103')).toMatch(/one-party/);
  });

  it('.html: linkedom gives the same answer as a browser DOM (happy-dom) through collectAll', async () => {
    const html = await readFile(PAGE, 'utf8');
    const document = new DOMParser().parseFromString(html, 'text/html');
    const browser = dropEchoedLinks(collectAll(document.body, scanText, SCAN_OPTIONS)).map((f) => ({
      e164: f.e164,
      where: f.where,
      start: f.start,
      end: f.end,
      raw: f.raw,
    }));
    expect(scanHtml(html).map(({ e164, where, start, end, raw }) => ({ e164, where, start, end, raw }))).toEqual(
      browser,
    );
  });

  it('.html: fragments without <body> are scanned whole', async () => {
    const { files } = await json(['a.htm', 'b.html', 'c.HTML'], {
      'a.htm': '<p>First 415-555-0134</p><div>then <a href="tel:2125550199">212-555-0199</a></div>',
      'b.html': 'just text: 617.555.0100',
      'c.HTML': '',
    });
    expect(files.map((f) => f.detections.map((d) => `${d.where} ${d.e164}`))).toEqual([
      ['text +14155550134', 'text +12125550199'],
      ['text +16175550100'],
      [],
    ]);
  });

  it('.csv: each cell is scanned; row and column are 0-based with the header as row 0', async () => {
    const [leads] = (await json([LEADS])).files;
    const rows = parseCsv(await readFile(LEADS, 'utf8'));
    expect(leads?.detections.map((d) => [d.row, d.column, d.e164, d.ext])).toEqual([
      [1, 2, '+14155550134', null],
      [2, 3, '+12125550199', '12'], // after a line break inside a quoted cell
      [3, 2, '+442079460958', null],
      [5, 2, '+16135550142', null],
      [5, 3, '+14165550177', null],
    ]);
    for (const d of leads?.detections ?? []) {
      expect(d.where).toBe('text');
      expect(rows[d.row ?? -1]?.[d.column ?? -1]?.slice(d.start, d.end)).toBe(d.raw);
    }
  });

  it('an unreadable or malformed file is reported in its place while the others run; exit 1', async () => {
    const { code, stdout, stderr, files } = await json(['missing.txt', NOTES, 'bad.csv'], {
      'bad.csv': 'name,phone\nJane,"415-555-0134\n',
    });
    expect(code).toBe(1);
    expect(stderr).toBe('');
    expect(stdout.trim().startsWith('[')).toBe(true);
    expect(files[0]).toEqual({ file: 'missing.txt', error: expect.stringContaining('ENOENT'), detections: [] });
    expect(files[1]?.detections.length).toBe(4);
    expect(files[2]).toEqual({ file: 'bad.csv', error: expect.stringContaining('unterminated'), detections: [] });
  });
});

describe('consent scan (tables)', () => {
  it('a table per file, with the verdict, and a summary line', async () => {
    const { code, stdout } = await run(['--agent-state', 'TX', NOTES, LEADS]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/Number\s+E\.164\s+Found in\s+Region\s+Consent\s+Local time\s+8am-9pm\s+Hours now/);
    expect(stdout).toMatch(/\(415\) 555-0134\s+\+14155550134\s+text\s+CA\s+all-party\s+9:00 AM\s+yes/);
    expect(stdout).toMatch(/212-555-0199 ext\. 12\s+\+12125550199\s+row 2, col 3\s+NY\s+one-party/);
    expect(stdout).toContain(
      `${NOTES}: 4 numbers (4 distinct): 2 all-party, 2 one-party; 0 outside the 8am-9pm calling window; ` +
        '0 closed by state, provincial, national or company calling hours.',
    );
  });

  it('--at, --policy and --agent-state change the answer, as for lookup', async () => {
    const late = await run(['--at', '2026-11-28T04:30:00Z', '--agent-state=CA', '--policy', 'strictest', 'x.txt'], {
      'x.txt': 'NY office: 212-555-0199',
    });
    expect(late.stdout).toMatch(/\+12125550199\s+text\s+NY\s+all-party\s+11:30 PM\s+NO/);
    expect(late.stdout).toContain('1 number (1 distinct): 1 all-party, 0 one-party; 1 outside');
    const plain = await run(['x.txt'], { 'x.txt': 'NY office: 212-555-0199' });
    expect(plain.stdout).toMatch(/NY\s+one-party/);
    const always = await run(['--agent-state=TX', '--policy=announce-always', 'x.txt'], {
      'x.txt': 'NY office: 212-555-0199',
    });
    expect(always.stdout).toMatch(/NY\s+all-party \(one-party\)/);
  });

  it('says when a file has no numbers, and reports an unreadable file on stderr; exit 1', async () => {
    const { code, stdout, stderr } = await run(['empty.txt', 'missing.html'], { 'empty.txt': 'nothing here' });
    expect(code).toBe(1);
    expect(stdout).toBe('empty.txt: no phone numbers found.\n');
    expect(stderr).toMatch(/^consent: missing\.html: ENOENT.*\n$/);
  });
});

describe('consent scan --csv', () => {
  it('gives the lead list back with consent columns for the first number of each row', async () => {
    const original = await readFile(LEADS, 'utf8');
    const { code, stdout, stderr } = await run(['--csv', LEADS]);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    expect(stdout.split('\r\n')[0]).toBe(
      'name,company,phone,notes,consent_e164,consent_region,consent_requirement,consent_local_time,consent_calling_window,consent_location,consent_location_from,' +
        'consent_calling_hours,consent_calling_decided_by,consent_calling_opens_at,consent_calling_closes_at',
    );
    const before = parseCsv(original);
    const after = parseCsv(stdout);
    expect(after).toHaveLength(before.length);
    // The original cells survive the round trip; the consent columns follow them.
    expect(after.map((row) => row.slice(0, 4))).toEqual(before);
    expect(after.map((row) => row.slice(4))).toEqual([
      [...CSV_COLUMNS],
      // Friday 27 November 2026, 17:00 UTC: federal 9 pm in California and New York, the CRTC's 9:30 pm in Ottawa.
      ['+14155550134', 'CA', 'all-party', '9:00 AM', 'yes', '', '', 'open', 'US-FED', '', '2026-11-28T05:00:00.000Z'],
      ['+12125550199', 'NY', 'one-party', '12:00 PM', 'yes', '', '', 'open', 'US-FED', '', '2026-11-28T02:00:00.000Z'],
      ['+442079460958', 'GB', 'all-party', '', '', '', '', '', '', '', ''],
      ['', '', '', '', '', '', '', '', '', '', ''],
      // the first of two numbers; Canada: one-party + notice
      ['+16135550142', 'ON', 'one-party', '12:00 PM', 'yes', '', '', 'open', 'CA-FED', '', '2026-11-28T02:30:00.000Z'],
    ]);
    // Same line ends as the input (CRLF here; a line break inside a cell stays as it was).
    expect(stdout.endsWith('yes,,,open,CA-FED,,2026-11-28T02:30:00.000Z\r\n')).toBe(true);
    expect(stdout).toContain('"Call the office:\n212-555-0199 ext. 12"');
  });

  it('reads the location from State, Province, ZIP and Postal Code columns, row by row, and writes it', async () => {
    const text = [
      'Name,Phone,Mailing State,Zip/Postal Code,Mailing Address',
      'Ann,(212) 555-0134,CA,94607,',
      'Bo,(212) 555-0135,,73301,',
      'Cy,(212) 555-0136,NY,,',
      'Di,(212) 555-0137,TX,98101,',
      'Ed,(212) 555-0138,,,"9 Elm St, Halifax, NS B3H 1A1"',
      'Flo,(212) 555-0139,,,',
      'Gus,(212) 555-0140,EMEA,,',
    ].join('\n');
    const { code, stdout } = await run(['--csv', 'l.csv'], { 'l.csv': text });
    expect(code).toBe(0);
    const rows = parseCsv(stdout).map((row) => [row[0], row[7], row[10], row[11]]);
    expect(rows).toEqual([
      ['Name', 'consent_requirement', 'consent_location', 'consent_location_from'],
      ['Ann', 'all-party', 'CA', 'Mailing State: CA; Zip/Postal Code: 94607'],
      ['Bo', 'one-party', 'TX', 'Zip/Postal Code: 73301'],
      ['Cy', 'one-party', 'NY', 'Mailing State: NY'],
      // Two places in one row (a Texas state, a Washington ZIP): the stricter, Washington's, decides.
      ['Di', 'all-party', 'WA', 'Mailing State: TX; Zip/Postal Code: 98101'],
      ['Ed', 'one-party', 'NS', 'Mailing Address: Halifax, NS B3H 1A1'], // Canada: one-party + business notice
      ['Flo', 'one-party', '', ''],
      ['Gus', 'one-party', '', ''],
    ]);
  });

  it('keeps a BOM and LF line ends, and pads short rows so the consent columns line up', async () => {
    const text = '\ufeffphone,name,city\n415-555-0134,Ann\n"x,y",Bo,"212-555-0199"\n';
    const { code, stdout } = await run(['--csv', 'l.csv'], { 'l.csv': text });
    expect(code).toBe(0);
    expect(stdout.startsWith('\ufeffphone,name,city,consent_e164,')).toBe(true);
    expect(stdout).not.toContain('\r');
    expect(parseCsv(stdout).map((row) => row.slice(0, 4))).toEqual([
      ['phone', 'name', 'city', 'consent_e164'],
      ['415-555-0134', 'Ann', '', '+14155550134'],
      ['x,y', 'Bo', '212-555-0199', '+12125550199'],
    ]);
  });

  it('a file it cannot read or parse: one line on stderr, exit 1, nothing on stdout', async () => {
    const { code, stdout, stderr } = await run(['--csv', 'bad.csv'], { 'bad.csv': 'a,"b\n' });
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toBe('consent: bad.csv: unterminated quoted field starting on line 1\n');
  });
});

describe('consent scan usage errors', () => {
  it.each([
    [['--verbose', NOTES], 'unknown option --verbose'],
    [[], 'at least one'],
    [['notes.pdf'], 'cannot scan "notes.pdf"'],
    [[NOTES, 'leads'], 'cannot scan "leads"'],
    [['--csv', NOTES], '--csv needs exactly one .csv file'],
    [['--csv', LEADS, LEADS], '--csv needs exactly one .csv file'],
    [['--json', '--csv', LEADS], '--json and --csv exclude each other'],
    [['--agent-state', 'ZZ', NOTES], 'unknown state or province code "ZZ"'],
    [['--policy', 'loosest', NOTES], '--policy must be strictest or announce-always'],
    [['--at', 'yesterday', NOTES], '--at needs an ISO time'],
  ])('%j fails with one line and exit 2', async (argv, message) => {
    const { code, stdout, stderr } = await run(argv);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toContain(message);
  });

  it('the usage lists scan', async () => {
    let stdout = '';
    await runCli(['help'], { stdout: (t) => (stdout += t), stderr: () => {} });
    expect(stdout).toContain('scan [--json | --csv]');
  });
});

describe('bin/consent.mjs scan', () => {
  it('reads real files', async () => {
    const { stdout } = await promisify(execFile)('node', ['bin/consent.mjs', 'scan', '--json', NOTES]);
    const [notes] = JSON.parse(stdout) as JsonFile[];
    expect(notes?.file).toBe(NOTES);
    expect(notes?.detections.map((d) => d.e164)).toEqual([
      '+14155550134',
      '+12125550199',
      '+18005550100',
      '+16045550188',
    ]);
    await expect(
      promisify(execFile)('node', ['bin/consent.mjs', 'scan', '--json', NOTES, `${DIR}/missing.txt`]),
    ).rejects.toMatchObject({ code: 1 });
  }, 30_000);
});
