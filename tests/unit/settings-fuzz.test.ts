// Corrupted stored settings, fuzzed: readSettings and resolveSettings never throw, always give
// settings the schema accepts, replace each broken field by its default with a notice naming it,
// and keep every valid field the agent chose.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CALL_PURPOSES } from '@/lib/data/calling-hours';
import { AGENT_REGIONS } from '@/lib/data/regions';
import { POLICIES } from '@/lib/law/classify';
import { DEFAULT_SETTINGS, DIAL_CHECKS, readSettings, SETTINGS_VERSION, Settings } from '@/lib/settings';
import { resolveSettings } from '@/lib/settings/managed';
import { robustnessRow } from '../support/robustness';

const FIELDS = Object.keys(Settings.def.shape).filter((k) => k !== 'version') as (keyof Settings)[];

/** Valid values for each field: what an agent could have saved. */
const validSettings: fc.Arbitrary<Settings> = fc.record({
  version: fc.constant(SETTINGS_VERSION as 2),
  agentRegion: fc.option(fc.constantFrom(...AGENT_REGIONS), { nil: null }),
  policy: fc.constantFrom(...POLICIES),
  company: fc.string({ maxLength: 80 }),
  agent: fc.string({ maxLength: 80 }),
  language: fc.constantFrom(DEFAULT_SETTINGS.language, 'es'),
  templates: fc.record({
    'all-party': fc.record({ en: fc.string({ maxLength: 600 }) }, { requiredKeys: [] }),
    'one-party': fc.record({ es: fc.string({ maxLength: 600 }) }, { requiredKeys: [] }),
    unknown: fc.constant({}),
  }),
  purpose: fc.record({ en: fc.string({ maxLength: 120 }) }, { requiredKeys: [] }),
  privacyUrl: fc.constantFrom('', 'https://acme.example/privacy'),
  aiNotes: fc.boolean(),
  badgeOneParty: fc.boolean(),
  enabledSites: fc.array(
    fc.webUrl().map((u) => `${new URL(u).origin}/*`),
    { maxLength: 4 },
  ),
  disabledSites: fc.array(fc.constantFrom('https://*.my.salesforce.com/*', 'https://app.hubspot.com/*'), {
    maxLength: 2,
  }),
  callPurpose: fc.constantFrom(...CALL_PURPOSES),
  companyWindow: fc.option(
    fc.record({ start: fc.constantFrom('08:00', '09:30'), end: fc.constantFrom('17:00', '20:00', '24:00') }),
    { nil: null },
  ),
  dialCheck: fc.constantFrom(...DIAL_CHECKS),
  consentLog: fc.record({
    enabled: fc.boolean(),
    required: fc.boolean(),
    retentionDays: fc.integer({ min: 1, max: 3650 }),
    fullNumbers: fc.boolean(),
  }),
}) as fc.Arbitrary<Settings>;

/** A value that is wrong for `field` (checked against the schema, so the test knows it is). */
const wrongFor = (field: keyof Settings) =>
  fc
    .oneof(
      fc.anything({ maxDepth: 2 }),
      fc.string({ minLength: 81, maxLength: 700 }),
      fc.constantFrom('broken', 42, -1, true, null, [], {}, 'XX', ['x'.repeat(301)]),
    )
    .filter((v) => v !== undefined && !Settings.def.shape[field].safeParse(v).success);

const corrupted = validSettings.chain((good) =>
  fc.subarray(FIELDS, { minLength: 1, maxLength: 3 }).chain((broken) =>
    fc.tuple(...broken.map((f) => wrongFor(f))).map((values) => ({
      good,
      broken,
      stored: { ...good, ...Object.fromEntries(broken.map((f, i) => [f, values[i]])) },
    })),
  ),
);

describe('readSettings / resolveSettings under corrupted storage', () => {
  it('any stored value: never throws, gives valid settings', () => {
    let notices = 0;
    const runs = 3000;
    const row = robustnessRow({
      id: 'unit-settings-any',
      area: 'Stored settings (unit, fast-check)',
      tried: `${runs} arbitrary stored × managed values (any JSON/JS value, arrays, strings, deep objects)`,
      result: 'never threw; the settings in force always pass the schema',
    });
    fc.assert(
      fc.property(
        fc.oneof(fc.anything(), fc.jsonValue()),
        fc.oneof(fc.anything(), fc.jsonValue()),
        (stored, managed) => {
          const read = readSettings(stored);
          expect(Settings.safeParse(read.settings).success).toBe(true);
          const resolved = resolveSettings(stored, managed);
          expect(Settings.safeParse(resolved.settings).success).toBe(true);
          for (const n of [...read.notices, ...resolved.notices]) expect(typeof n).toBe('string');
          notices += read.notices.length;
        },
      ),
      { numRuns: runs },
    );
    row.figures = `${notices} notices`;
  });

  it('broken fields fall back to their defaults, each with a notice; every valid field is kept', () => {
    const runs = 2000;
    robustnessRow({
      id: 'unit-settings-fields',
      area: 'Stored settings (unit, fast-check)',
      tried: `${runs} valid settings with 1–3 fields corrupted (wrong type, too long, unknown region, junk)`,
      result: 'each broken field reset to its default with a notice naming it; all other fields kept',
    });
    fc.assert(
      fc.property(corrupted, ({ good, broken, stored }) => {
        const { settings, notices } = readSettings(stored);
        for (const field of FIELDS) {
          if (broken.includes(field)) {
            expect(settings[field]).toEqual(DEFAULT_SETTINGS[field]);
            expect(notices.some((n) => n.includes(`"${field}"`))).toBe(true);
          } else expect(settings[field]).toEqual(good[field]);
        }
        expect(notices).toHaveLength(broken.length);
        // Without a policy, what is in force is what was read.
        expect(resolveSettings(stored, undefined).settings).toEqual(settings);
      }),
      { numRuns: runs },
    );
  }, 30_000);

  it('a broken enterprise policy value is ignored with a notice, and the agent’s settings stay', () => {
    fc.assert(
      fc.property(
        validSettings,
        fc.oneof(
          fc.string(),
          fc.array(fc.anything()),
          fc.record({ company: fc.integer() }),
          fc.record({ locked: fc.string() }),
        ),
        (good, managed) => {
          const resolved = resolveSettings(good, managed);
          expect(resolved.settings).toEqual(readSettings(good).settings);
          expect(resolved.policyNotices?.length).toBeGreaterThan(0);
          expect(resolved.locked).toEqual([]);
        },
      ),
      { numRuns: 500 },
    );
  });
});
