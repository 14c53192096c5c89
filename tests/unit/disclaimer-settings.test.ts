import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_DISCLAIMER_SETTINGS, disclaimerSettings } from '@/lib/disclaimer-settings';
import { resolveSettings } from '@/lib/settings';

const pick = ({ language, company, agent, templates }: ReturnType<typeof resolveSettings>['settings']) => ({
  language,
  company,
  agent,
  templates,
});

const language = fc.constantFrom('en', 'es', 'fr-CA', 'de', 3);
const name = fc.oneof(fc.string({ maxLength: 5 }), fc.string({ minLength: 79, maxLength: 82 }), fc.constant(null));
const byLanguage = fc.dictionary(language.map(String), fc.oneof(fc.string({ maxLength: 4 }), fc.integer()), {
  maxKeys: 3,
});
const templates = fc.oneof(
  fc.record({ 'all-party': byLanguage, 'one-party': byLanguage, unknown: byLanguage }, { requiredKeys: [] }),
  fc.constant('nope'),
);
const stored = fc.oneof(
  fc.constant(undefined),
  fc.constant('corrupted'),
  fc.constant([1, 2]),
  fc.record(
    {
      version: fc.constantFrom(0, 1, 2),
      language,
      company: name,
      agent: name,
      templates,
      agentState: fc.constant('CA'),
    },
    { requiredKeys: [] },
  ),
);
const managed = fc.oneof(
  fc.constant(undefined),
  fc.constant(7),
  fc.record(
    {
      company: name,
      language,
      templates,
      policy: fc.constantFrom('strictest', 'callee-only', 'other'),
      agentRegion: fc.constantFrom('fl', 'XX', 5),
      locked: fc.oneof(fc.subarray(['company', 'language', 'templates', 'policy']), fc.constant('all')),
    },
    { requiredKeys: [] },
  ),
);

describe('disclaimerSettings', () => {
  it('agrees with resolveSettings on every input', () => {
    fc.assert(
      fc.property(stored, managed, (s, m) => {
        expect(disclaimerSettings(s, m)).toEqual(pick(resolveSettings(s, m).settings));
      }),
      { numRuns: 2000 },
    );
  });

  it('reads the defaults from nothing, and the administrator’s locked company over the agent’s', () => {
    expect(disclaimerSettings(undefined, undefined)).toEqual(DEFAULT_DISCLAIMER_SETTINGS);
    expect(
      disclaimerSettings({ version: 1, company: 'Mine', agent: 'Ana' }, { company: 'Acme', locked: ['company'] }),
    ).toMatchObject({ company: 'Acme', agent: 'Ana' });
  });
});
