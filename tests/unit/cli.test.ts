import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { type CliIO, runCli } from '@/lib/cli/main';
import { AREA_CODES } from '@/lib/data/area-codes';
import { JURISDICTIONS } from '@/lib/data/jurisdictions';

async function run(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const io: CliIO = {
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    now: () => new Date('2026-11-27T17:00:00Z'),
  };
  const code = await runCli(argv, io);
  return { code, stdout, stderr };
}

const LOOKUP_FIELDS = [
  'input',
  'e164',
  'kind',
  'npa',
  'country',
  'regions',
  'requirement',
  'treatAs',
  'ambiguous',
  'reasons',
  'citations',
  'caveats',
  'localTime',
  'inCallingWindow',
];

describe('consent lookup', () => {
  it('--callee-location applies the callee’s own place: the stricter rule wins, and --json says which place', async () => {
    const { code, stdout } = await run('lookup', '--json', '--callee-location', 'Oakland, CA 94607', '212-555-0134');
    expect(code).toBe(0);
    const [row] = JSON.parse(stdout);
    expect(row).toMatchObject({ regions: ['NY'], treatAs: 'all-party', calleeLocation: 'CA' });
    expect(row.reasons[0]).toBe('Record: Oakland, CA 94607 · number issued in NY.');
    for (const [where, region] of [
      ['94607', 'CA'],
      ['texas', 'TX'],
      ['M5V 2T6', 'ON'],
      ['ny', 'NY'],
    ] as const) {
      const out = JSON.parse((await run('lookup', '--json', '--callee-location', where, '212-555-0134')).stdout);
      expect(out[0].calleeLocation, where).toBe(region);
    }
    const plain = JSON.parse((await run('lookup', '--json', '212-555-0134')).stdout);
    expect(plain[0]).toMatchObject({ treatAs: 'one-party', calleeLocation: null });
  });

  it('--callee-location refuses what is no place', async () => {
    const { code, stderr } = await run('lookup', '--callee-location', 'EMEA', '212-555-0134');
    expect(code).toBe(2);
    expect(stderr).toMatch(/--callee-location needs a US state/);
  });

  it('--json prints one document with the contract fields, invalid rows included', async () => {
    const { code, stdout } = await run('lookup', '--json', '--agent-state', 'fl', '(212) 555-0134', 'call me');
    expect(code).toBe(0);
    const rows = JSON.parse(stdout);
    expect(rows).toHaveLength(2);
    for (const row of rows) expect(Object.keys(row)).toEqual(expect.arrayContaining(LOOKUP_FIELDS));
    expect(rows[0]).toMatchObject({
      e164: '+12125550134',
      npa: '212',
      regions: ['NY'],
      requirement: 'all-party',
      localTime: '12:00 PM',
      inCallingWindow: true,
    });
    expect(rows[1]).toMatchObject({
      input: 'call me',
      kind: 'invalid',
      e164: null,
      npa: null,
      localTime: null,
      inCallingWindow: null,
    });
  });

  it('--at and --policy change the answer', async () => {
    const { stdout } = await run(
      'lookup',
      '--json',
      '--agent-state=TX',
      '--policy=announce-always',
      '--at',
      '2026-11-28T03:00:00Z',
      '212-555-0134',
    );
    expect(JSON.parse(stdout)[0]).toMatchObject({
      requirement: 'one-party',
      treatAs: 'all-party',
      action: 'ask-consent',
      localTime: '10:00 PM',
      inCallingWindow: false,
    });
  });

  it('--policy callee-only is refused with one line saying why (exit 2)', async () => {
    const { code, stdout, stderr } = await run('lookup', '--agent-state=CA', '--policy', 'callee-only', '512-555-0134');
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toContain('callee-only was removed');
    expect(stderr).toContain('strictest or announce-always');
  });

  it('prints a readable table with the reasons', async () => {
    const { stdout } = await run('lookup', '415 555 0134');
    expect(stdout).toMatch(/^Number\s+E\.164\s+Where\s+Consent/);
    expect(stdout).toContain('+14155550134');
    expect(stdout).toContain('Why:\n1. 415 555 0134: Area code 415 was issued in California');
  });

  it.each([
    [['lookup', '--agent-state', 'ZZ', '4155550134'], 'unknown state or province code "ZZ"'],
    [['lookup', '--policy', 'loosest', '4155550134'], '--policy must be strictest or announce-always'],
    [['lookup', '--at', 'yesterday', '4155550134'], '--at needs an ISO time'],
    [['lookup', '--verbose', '4155550134'], 'unknown option --verbose'],
    [['lookup'], 'at least one number'],
    [['frobnicate'], 'unknown command "frobnicate"'],
  ])('%j fails with one line and exit 2', async (argv, message) => {
    const { code, stderr, stdout } = await run(...argv);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toContain(message);
  });
});

describe('consent jurisdictions and area-codes', () => {
  it('jurisdictions --json lists every row with the contract fields', async () => {
    const rows = JSON.parse((await run('jurisdictions', '--json')).stdout);
    expect(rows).toHaveLength(JURISDICTIONS.length);
    expect(rows.find((r: { code: string }) => r.code === 'NV')).toMatchObject({
      name: 'Nevada',
      country: 'US',
      requirement: 'all-party',
      inPersonDiffers: true,
      asOf: expect.stringMatching(/^\d{4}-\d\d-\d\d$/),
    });
    for (const row of rows)
      expect(Object.keys(row)).toEqual(
        expect.arrayContaining([
          'code',
          'name',
          'country',
          'requirement',
          'ambiguous',
          'citation',
          'notes',
          'inPersonDiffers',
          'asOf',
        ]),
      );
  });

  it('area-codes --json is keyed by code', async () => {
    const codes = JSON.parse((await run('area-codes', '--json')).stdout);
    expect(Object.keys(codes)).toHaveLength(Object.keys(AREA_CODES).length);
    expect(codes['208']).toMatchObject({
      type: 'geographic',
      country: 'US',
      regions: ['ID'],
      timezones: expect.arrayContaining(['America/Boise']),
    });
  });

  it('tables for humans', async () => {
    expect((await run('jurisdictions')).stdout).toMatch(/CA\s+California\s+all-party/);
    expect((await run('area-codes')).stdout).toMatch(/800\s+toll-free\s+US/);
  });
});

describe('bin/consent.mjs', () => {
  it('runs as a command, exit codes included', async () => {
    const { stdout } = await promisify(execFile)('node', ['bin/consent.mjs', 'lookup', '--json', '4155550134']);
    expect(JSON.parse(stdout)[0].regions).toEqual(['CA']);
    await expect(promisify(execFile)('node', ['bin/consent.mjs', 'lookup', '--nope'])).rejects.toMatchObject({
      code: 2,
    });
  }, 30_000);
});

describe('consent calling hours', () => {
  // Monday 7 December 2026, 01:30 UTC: Sunday 8:30 pm in Miami, 7:30 pm in Pensacola, 5:30 pm in LA.
  const evening = '2026-12-07T01:30:00Z';

  it('lookup --json adds callingHours (allowed, decidedBy, window, opensAt, closesAt, reasons, citations) and keeps inCallingWindow national', async () => {
    const { code, stdout } = await run(
      'lookup',
      '--json',
      '--at',
      evening,
      '305-555-0100',
      '850-555-0100',
      '+44 20 7946 0958',
    );
    expect(code).toBe(0);
    const [miami, panhandle, london] = JSON.parse(stdout);
    expect(miami.inCallingWindow).toBe(true); // 8:30 pm is inside the federal 8 am–9 pm window
    expect(Object.keys(miami.callingHours).slice(0, 7)).toEqual([
      'allowed',
      'decidedBy',
      'window',
      'opensAt',
      'closesAt',
      'reasons',
      'citations',
    ]);
    expect(miami.callingHours).toMatchObject({
      allowed: false,
      decidedBy: 'FL',
      window: '8:00 AM – 8:00 PM',
      opensAt: '2026-12-07T13:00:00.000Z',
      closesAt: null,
    });
    expect(miami.callingHours.citations.join(' ')).toContain('501.616');
    expect(panhandle.callingHours).toMatchObject({ allowed: 'partly', closesAt: '2026-12-07T02:00:00.000Z' });
    expect(london.callingHours.allowed).toBeNull();
  });

  it('--call-purpose service makes the hours information only; --company-window is stricter than the law', async () => {
    const service = JSON.parse(
      (await run('lookup', '--json', '--at', evening, '--call-purpose', 'service', '305-555-0100')).stdout,
    );
    expect(service[0].callingHours).toMatchObject({ allowed: true, binding: false, purpose: 'service' });
    const company = JSON.parse(
      (await run('lookup', '--json', '--at', evening, '--company-window', '09:00-17:00', '213-555-0100')).stdout,
    );
    expect(company[0].callingHours).toMatchObject({ allowed: false, decidedBy: 'COMPANY' });
    expect((await run('lookup', '--call-purpose', 'robocall', '305-555-0100')).code).toBe(2);
    expect((await run('lookup', '--company-window', '20:00-09:00', '305-555-0100')).code).toBe(2);
  });

  it('the lookup table says closed and when it opens', async () => {
    const { stdout } = await run('lookup', '--at', evening, '305-555-0100');
    expect(stdout).toMatch(/Hours now/);
    expect(stdout).toContain('CLOSED, opens Monday 8:00 AM (FL)');
    expect(stdout).toContain('Calling hours:\n1. 305-555-0100: It is 8:30 PM on Sunday');
  });

  it('calling-hours prints the table row by row; --json gives every row with its sources', async () => {
    const table = await run('calling-hours');
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(/TX\s+Texas\s+in force\s+9:00 AM – 9:00 PM\s+9:00 AM – 9:00 PM\s+12:00 PM – 9:00 PM/);
    expect(table.stdout).toMatch(/FL\s+Florida\s+2021-07-01 – now\s+8:00 AM – 8:00 PM/);
    expect(table.stdout).toContain('Guidance, not legal advice.');
    const rows = JSON.parse((await run('calling-hours', '--json')).stdout);
    const ri = rows.find((r: { code: string }) => r.code === 'RI');
    expect(ri.sunday).toBeNull();
    expect(ri.holidays.map((h: { name: string }) => h.name)).toContain('Victory Day');
    // The sources' detail the answer leaves out is here, beside the short confidence note.
    const pa = rows.find((r: { code: string; from: string | null }) => r.code === 'PA' && r.from === '2026-10-18');
    expect(pa.confidenceNote).toContain('was not read');
    expect(pa.research).toContain('the Senate passed SB 992 unanimously');
    expect(rows.every((r: { research?: unknown }) => r.research === null || typeof r.research === 'string')).toBe(true);
    expect(
      // Every row checked in the pass of 2026-12-02, some since (the date each was checked).
      rows.every((r: { sources: string[]; asOf: string }) => r.sources.length >= 1 && /^2026-12-0[2-9]$/.test(r.asOf)),
    ).toBe(true);
    expect((await run('calling-hours', 'extra')).code).toBe(2);
  });
});
