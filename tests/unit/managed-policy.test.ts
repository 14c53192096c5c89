// The administrator's policy, read key by key (issue #18 item 4): a bad value is ignored with a notice
// naming it; every other key and every lock stays in force.
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '@/lib/settings';
import { MANAGEABLE, type Manageable, readManaged, resolveSettings } from '@/lib/settings/managed';

const GOOD = {
  company: 'Acme Health',
  agentRegion: 'fl',
  policy: 'announce-always',
  language: 'es',
  callPurpose: 'service',
  locked: ['company', 'policy', 'templates', 'callPurpose'],
};
const MINE = { ...DEFAULT_SETTINGS, company: 'Mine', agent: 'Dana', policy: 'strictest' as const };

describe('managed policy, key by key', () => {
  it('a valid policy applies whole, with its locks', () => {
    const r = resolveSettings(MINE, GOOD);
    expect(r.settings).toMatchObject({ company: 'Acme Health', policy: 'announce-always', callPurpose: 'service' });
    // Not locked and set by the agent: the agent's value stays.
    expect(r.settings.language).toBe('en');
    expect(r.locked).toEqual(['company', 'policy', 'templates', 'callPurpose']);
    expect(r.policyNotices).toEqual([]);
  });

  it('an 81-character company name is ignored with a notice; the rest and every lock stay', () => {
    const r = resolveSettings(MINE, { ...GOOD, company: 'x'.repeat(81) });
    expect(r.policyNotices).toEqual(['The policy value "company" is not valid, so it is ignored.']);
    expect(r.settings).toMatchObject({ policy: 'announce-always', callPurpose: 'service', agent: 'Dana' });
    expect(r.locked).toEqual(['company', 'policy', 'templates', 'callPurpose']);
    // Locked without a usable value: held at the default, not the agent's own.
    expect(r.settings.company).toBe('');
    expect(r.sources?.company).toBe('organisation');
  });

  it('a 601-character template is ignored alone: the policy’s other templates apply', () => {
    const r = resolveSettings(MINE, {
      ...GOOD,
      templates: {
        'all-party': { en: 'x'.repeat(601), es: 'Esta llamada se graba. {company}' },
        'one-party': { en: 'Recorded by {company}.' },
      },
    });
    expect(r.policyNotices).toEqual([
      'The policy value "templates.all-party.en" is not valid (too long?), so it is ignored.',
    ]);
    expect(r.settings.templates).toEqual({
      'all-party': { es: 'Esta llamada se graba. {company}' },
      'one-party': { en: 'Recorded by {company}.' },
      unknown: {},
    });
    expect(r.settings.company).toBe('Acme Health');
    expect(r.locked).toContain('templates');
  });

  it('templates for only one requirement apply to it; the others keep the default wording', () => {
    const r = resolveSettings(undefined, { templates: { 'all-party': { en: 'All parties: {company}.' } } });
    expect(r.policyNotices).toEqual([]);
    expect(r.settings.templates).toEqual({
      'all-party': { en: 'All parties: {company}.' },
      'one-party': {},
      unknown: {},
    });
  });

  it('each wrong type is ignored with a notice naming it, never the whole policy', () => {
    const r = resolveSettings(undefined, {
      company: 42,
      agentRegion: 'ZZ',
      policy: 'yolo',
      language: 'de',
      templates: 'broken',
      purpose: { en: 'y'.repeat(121), es: 'calidad' },
      privacyUrl: 'javascript:alert(1)',
      aiNotes: 'yes',
      callPurpose: 7,
      companyWindow: { start: '9am', end: '20:00' },
      badges: true,
      locked: ['company', 'nonsense', 3],
    });
    expect(r.settings).toEqual({ ...DEFAULT_SETTINGS, purpose: { es: 'calidad' } });
    expect(r.policyNotices).toHaveLength(13);
    for (const key of ['company', 'agentRegion', 'policy', 'language', 'templates', 'purpose.en', 'privacyUrl'])
      expect(r.policyNotices?.some((n) => n.includes(`"${key}"`))).toBe(true);
    expect(r.policyNotices).toContain(
      'The policy value "badges" is not a setting this version knows, so it is ignored.',
    );
    expect(r.policyNotices).toContain(
      'The policy value "locked: nonsense" names no setting that can be locked, so it is ignored.',
    );
    expect(r.locked).toEqual(['company']);
  });

  it('locked that is not a list is ignored with a notice; the values still apply, unlocked', () => {
    const r = resolveSettings(MINE, { company: 'Acme', locked: 'company' });
    expect(r.locked).toEqual([]);
    expect(r.settings.company).toBe('Mine');
    expect(r.policyNotices).toEqual(['The policy value "locked" is not a list, so it is ignored.']);
  });

  it('a policy that is not an object is ignored with a notice', () => {
    for (const managed of ['x', 3, [1, 2]]) {
      const r = resolveSettings(MINE, managed);
      expect(r.settings).toEqual(MINE);
      expect(r.policyNotices).toHaveLength(1);
      expect(r.locked).toEqual([]);
    }
  });

  it('readManaged never throws and reports no notice for an absent policy', () => {
    const none = { values: {}, locked: [], sites: null, lockReason: null, notices: [], changes: [] };
    expect(readManaged(undefined)).toEqual(none);
    expect(readManaged({})).toEqual(none);
  });

  it('says who set each value: default, you, or your organisation', () => {
    const r = resolveSettings({ version: 2, agent: 'Dana', company: 'Mine' }, { company: 'Acme', language: 'es' });
    expect(r.sources).toMatchObject({ agent: 'you', company: 'you', language: 'organisation', policy: 'default' });
    expect(r.settings).toMatchObject({ company: 'Mine', language: 'es' });
  });
});

/** Every manageable key: a valid value different from the default, and one of the wrong type. */
const CASES: Record<Manageable, { valid: unknown; expected?: unknown; wrong: unknown }> = {
  company: { valid: 'Acme Health', wrong: 42 },
  agentRegion: { valid: 'fl', expected: 'FL', wrong: ['FL'] },
  policy: { valid: 'announce-always', wrong: true },
  templates: {
    valid: { unknown: { es: 'Se graba. {company}' } },
    expected: { 'all-party': {}, 'one-party': {}, unknown: { es: 'Se graba. {company}' } },
    wrong: 'This call is recorded.',
  },
  language: { valid: 'fr-CA', wrong: 'fr' },
  purpose: { valid: { en: 'billing disputes' }, wrong: ['billing'] },
  privacyUrl: { valid: 'https://acme.example/privacy', wrong: 7 },
  aiNotes: { valid: true, wrong: 'true' },
  callPurpose: { valid: 'existing-customer', wrong: { purpose: 'sales' } },
  companyWindow: { valid: { start: '09:00', end: '19:00' }, wrong: '09:00-19:00' },
  badgeOneParty: { valid: false, wrong: 0 },
  dialCheck: { valid: 'all', wrong: true },
  consentLog: {
    // Some fields are enough: the others keep their defaults.
    valid: { required: true, retentionDays: 30, fullNumbers: true },
    expected: { enabled: true, required: true, retentionDays: 30, fullNumbers: true },
    wrong: true,
  },
};
/** What the agent chose themselves for each key, different from both the default and the policy's value. */
const AGENT: Record<Manageable, unknown> = {
  company: 'Mine',
  agentRegion: 'TX',
  policy: 'strictest',
  templates: { 'all-party': { en: 'My own.' }, 'one-party': {}, unknown: {} },
  language: 'es',
  purpose: { en: 'training' },
  privacyUrl: 'https://mine.example/p',
  aiNotes: false,
  callPurpose: 'service',
  companyWindow: { start: '10:00', end: '18:00' },
  badgeOneParty: true,
  dialCheck: 'off',
  consentLog: { enabled: false, required: false, retentionDays: 7, fullNumbers: false },
};

describe('every policy key: valid, wrong type, locked, unlocked (issue #16)', () => {
  it('the table covers every manageable key', () => {
    expect(Object.keys(CASES).sort()).toEqual([...MANAGEABLE].sort());
  });
  for (const key of MANAGEABLE) {
    const { valid, expected = valid, wrong } = CASES[key];
    const agent = { version: 2, [key]: AGENT[key] };
    it(`${key}: valid and unset by the agent → applies, set by your organisation`, () => {
      const r = resolveSettings(undefined, { [key]: valid });
      expect(r.settings[key]).toEqual(expected);
      expect(r.sources?.[key]).toBe('organisation');
      expect(r.policyNotices).toEqual([]);
    });
    it(`${key}: valid, unlocked, and the agent chose their own → the agent's stays`, () => {
      const r = resolveSettings(agent, { [key]: valid });
      expect(r.settings[key]).toEqual(AGENT[key]);
      expect(r.sources?.[key]).toBe('you');
      expect(r.locked).toEqual([]);
    });
    it(`${key}: valid and locked → the organisation's wins over the agent's`, () => {
      const r = resolveSettings(agent, { [key]: valid, locked: [key] });
      expect(r.settings[key]).toEqual(expected);
      expect(r.locked).toEqual([key]);
    });
    it(`${key}: wrong type → ignored with a notice naming it, the rest of the policy applies`, () => {
      const r = resolveSettings(agent, { [key]: wrong, lockReason: 'Compliance', locked: [key] });
      expect(r.policyNotices?.some((n) => n.includes(`"${key}"`))).toBe(true);
      expect(r.lockReason).toBe('Compliance');
      expect(r.locked).toEqual([key]);
      expect(r.settings[key]).toEqual(DEFAULT_SETTINGS[key]);
    });
  }
});

describe('consentLog: field by field', () => {
  it('a bad field is ignored with a notice naming it; the valid ones apply', () => {
    const r = resolveSettings(undefined, {
      consentLog: { enabled: 'yes', retentionDays: 4000, fullNumbers: true, keepForever: true },
      locked: ['consentLog'],
    });
    expect(r.settings.consentLog).toEqual({ enabled: true, required: false, retentionDays: 90, fullNumbers: true });
    for (const name of ['consentLog.enabled', 'consentLog.retentionDays', 'consentLog.keepForever'])
      expect(r.policyNotices?.some((n) => n.includes(`"${name}"`))).toBe(true);
    expect(r.locked).toEqual(['consentLog']);
  });

  it('turned off and locked: the agent cannot keep a log', () => {
    const r = resolveSettings(
      { version: 2, consentLog: { enabled: true, required: false, retentionDays: 90, fullNumbers: true } },
      { consentLog: { enabled: false }, locked: ['consentLog'] },
    );
    expect(r.settings.consentLog).toEqual({ enabled: false, required: false, retentionDays: 90, fullNumbers: false });
    expect(r.sources?.consentLog).toBe('organisation');
  });
});

describe('policy-only keys: sites, agentsMayAddSites, lockReason', () => {
  it('sites: each mode and list is read; bad patterns are dropped one by one', () => {
    const r = resolveSettings(undefined, {
      sites: { mode: 'only-allowed', allowed: ['https://crm.acme.example/*', 'not a pattern'], blocked: [] },
      agentsMayAddSites: false,
      locked: ['sites'],
    });
    expect(r.sitePolicy).toEqual({
      mode: 'only-allowed',
      allowed: ['https://crm.acme.example/*'],
      blocked: [],
      agentsMayAdd: false,
      locked: true,
    });
    expect(r.policyNotices).toEqual([
      'The policy value "sites.allowed[1]" is not a match pattern such as "https://crm.example.com/*", so it is ignored.',
    ]);
    expect(r.locked).toEqual(['sites']);
  });
  it('sites: wrong types are ignored with notices; without a usable site key there is no site policy', () => {
    const r = resolveSettings(undefined, { sites: 'everywhere', agentsMayAddSites: 'no', company: 'Acme' });
    expect(r.sitePolicy).toBeNull();
    expect(r.policyNotices).toHaveLength(2);
    expect(r.settings.company).toBe('Acme');
    const mode = resolveSettings(undefined, { sites: { mode: 'all', blocked: ['https://x.example/*'] } });
    expect(mode.sitePolicy).toMatchObject({ mode: 'defaults-plus-allowed', blocked: ['https://x.example/*'] });
    expect(mode.policyNotices).toHaveLength(1);
  });
  it('lockReason: a short text is kept; a long or wrong one is ignored with a notice', () => {
    expect(resolveSettings(undefined, { lockReason: 'Set by Compliance' }).lockReason).toBe('Set by Compliance');
    const long = resolveSettings(undefined, { lockReason: 'x'.repeat(201) });
    expect(long.lockReason).toBeNull();
    expect(long.policyNotices).toHaveLength(1);
    expect(resolveSettings(undefined, { lockReason: 5 }).policyNotices).toHaveLength(1);
  });
});
