// The administrator's policy, read key by key (issue #18 item 4): a bad value is ignored with a notice
// naming it; every other key and every lock stays in force.
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '@/lib/settings';
import { readManaged, resolveSettings } from '@/lib/settings/managed';

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
    expect(readManaged(undefined)).toEqual({ values: {}, locked: [], notices: [], changes: [] });
    expect(readManaged({})).toEqual({ values: {}, locked: [], notices: [], changes: [] });
  });

  it('says who set each value: default, you, or your organisation', () => {
    const r = resolveSettings({ version: 2, agent: 'Dana', company: 'Mine' }, { company: 'Acme', language: 'es' });
    expect(r.sources).toMatchObject({ agent: 'you', company: 'you', language: 'organisation', policy: 'default' });
    expect(r.settings).toMatchObject({ company: 'Mine', language: 'es' });
  });
});
