// Settings version 2 removed the callee-only policy (issue #12): every older stored shape and every
// enterprise policy that asks for it lands on strictest with a notice, and no combination of settings
// lets an agent in an all-party state get a one-party answer.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { JURISDICTIONS } from '@/lib/data/jurisdictions';
import { AGENT_REGIONS } from '@/lib/data/regions';
import { classify, POLICIES } from '@/lib/law/classify';
import { effectiveRule } from '@/lib/law/jurisdiction-index';
import { CALLEE_ONLY_NOTICE, DEFAULT_SETTINGS, MIGRATIONS, readSettings, SETTINGS_VERSION } from '@/lib/settings';
import { resolveSettings } from '@/lib/settings/managed';

const AT = new Date('2026-11-27T17:00:00Z');

describe('settings migrations', () => {
  it('has a migration from every past version (0 and 1) to the current one (2)', () => {
    expect(SETTINGS_VERSION).toBe(2);
    for (let v = 0; v < SETTINGS_VERSION; v += 1) expect(MIGRATIONS[v]).toBeTypeOf('function');
  });

  it('version 0 (agentState, policy "callee") becomes strictest with a notice, keeping the rest', () => {
    const read = readSettings({ agentState: 'CA', policy: 'callee', company: 'Acme', agent: 'Dana' });
    expect(read.settings).toMatchObject({ version: 2, agentRegion: 'CA', policy: 'strictest', company: 'Acme' });
    expect(read.changes).toEqual([CALLEE_ONLY_NOTICE]);
    expect(read.notices).toEqual([]);
  });

  it('version 0 with policy "strict" becomes strictest without a notice', () => {
    const read = readSettings({ agentState: 'TX', policy: 'strict' });
    expect(read.settings).toMatchObject({ agentRegion: 'TX', policy: 'strictest' });
    expect(read.changes).toEqual([]);
  });

  it('version 1 callee-only becomes strictest with a notice; every other field is kept', () => {
    const v1 = { ...DEFAULT_SETTINGS, version: 1, policy: 'callee-only', agentRegion: 'WA', agent: 'Lee' };
    const read = readSettings(v1);
    expect(read.settings).toEqual({ ...DEFAULT_SETTINGS, agentRegion: 'WA', agent: 'Lee', policy: 'strictest' });
    expect(read.changes).toEqual([CALLEE_ONLY_NOTICE]);
    expect(read.notices).toEqual([]);
  });

  it('version 1 strictest stays strictest, silently', () => {
    const read = readSettings({ ...DEFAULT_SETTINGS, version: 1, policy: 'strictest' });
    expect(read.settings.policy).toBe('strictest');
    expect(read.changes).toEqual([]);
    expect(read.notices).toEqual([]);
  });

  it('a version-2 value that still says callee-only is refused like any invalid field', () => {
    const read = readSettings({ ...DEFAULT_SETTINGS, policy: 'callee-only' });
    expect(read.settings.policy).toBe('strictest');
    expect(read.notices).toEqual(['The stored setting "policy" was not valid, so its default is in use.']);
  });

  it('an enterprise policy asking for callee-only is applied as strictest with a notice; the rest of it stays', () => {
    const resolved = resolveSettings(undefined, {
      policy: 'callee-only',
      company: 'Acme',
      locked: ['policy', 'company'],
    });
    expect(resolved.settings).toMatchObject({ policy: 'strictest', company: 'Acme' });
    expect(resolved.locked).toEqual(['company', 'policy']);
    expect(resolved.changes).toHaveLength(1);
    expect(resolved.changes?.[0]).toContain('callee-only');
    expect(resolved.notices).toEqual([]);
  });

  it('an enterprise policy may push announce-always', () => {
    const resolved = resolveSettings({ ...DEFAULT_SETTINGS }, { policy: 'announce-always', locked: ['policy'] });
    expect(resolved.settings.policy).toBe('announce-always');
    expect(resolved.changes).toEqual([]);
  });
});

describe('no setting lets an agent in an all-party state get a one-party answer', () => {
  const allPartyRegions = AGENT_REGIONS.filter((code) => {
    const j = JURISDICTIONS.find((row) => row.code === code);
    return j !== undefined && effectiveRule(j) === 'all-party';
  });
  const anyPolicy = fc.oneof(fc.constantFrom<unknown>(...POLICIES, 'callee-only', 'callee', 'strict'), fc.anything());
  const stored = fc.record(
    {
      version: fc.constantFrom<unknown>(0, 1, 2, 3, undefined, 'x'),
      agentRegion: fc.constantFrom(...allPartyRegions),
      agentState: fc.constantFrom(...allPartyRegions),
      policy: anyPolicy,
    },
    { requiredKeys: [] },
  );
  const managed = fc.option(
    fc.record(
      { policy: anyPolicy, agentRegion: fc.constantFrom(...allPartyRegions), locked: fc.constant(['policy']) },
      { requiredKeys: [] },
    ),
    { nil: undefined },
  );
  const numbers = fc.oneof(
    fc.stringMatching(/^\+?1?[2-9]\d{2}[2-9]\d{6}$/),
    fc.constantFrom('(512) 555-0134', '(212) 555-0134', '800-555-0134', '+44 20 7946 0958', '+7 495 123 45 67'),
  );

  it('over any stored and managed settings, policy included, the answer is never one-party', () => {
    expect(allPartyRegions).toEqual(expect.arrayContaining(['CA', 'FL', 'WA', 'PA', 'MD', 'NV', 'MA', 'IL']));
    fc.assert(
      fc.property(stored, managed, numbers, (s, m, number) => {
        const { settings } = resolveSettings(s, m);
        const region = settings.agentRegion;
        fc.pre(region !== null && allPartyRegions.includes(region));
        const result = classify(number, { agentRegion: region, policy: settings.policy, at: AT });
        expect(result.treatAs).toBe('all-party');
        expect(result.action).not.toBe('announce');
      }),
      { seed: 0x12c0_05e7, numRuns: 3000 },
    );
  });
});
