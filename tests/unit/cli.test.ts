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
