// The disclaimers after the legal accuracy pass (issue #12): the purpose is a setting, one-party
// calls are told definitely that they are recorded, an AI variant, and Quebec's s. 8 items in fr-CA.
import { describe, expect, it } from 'vitest';
import {
  AI_DISCLAIMER_TEMPLATES,
  DISCLAIMER_FALLBACKS,
  DISCLAIMER_LANGUAGES,
  DISCLAIMER_TEMPLATES,
  type DisclaimerOptions,
  disclaimerText,
} from '@/lib/data/disclaimers';
import { DEFAULT_SETTINGS, Settings } from '@/lib/settings';
import type { Requirement } from '@/lib/types';

const REQUIREMENTS: readonly Requirement[] = ['all-party', 'one-party', 'unknown'];
const SETS = { recorded: DISCLAIMER_TEMPLATES, ai: AI_DISCLAIMER_TEMPLATES };
const every = Object.entries(SETS).flatMap(([set, templates]) =>
  REQUIREMENTS.flatMap((r) => DISCLAIMER_LANGUAGES.map((l) => [set, r, l, templates[r][l]] as const)),
);
const options = (patch: Partial<DisclaimerOptions> = {}): DisclaimerOptions => ({
  company: 'Acme',
  agent: 'Dana',
  templates: { 'all-party': {}, 'one-party': {}, unknown: {} },
  ...patch,
});

describe('disclaimer templates', () => {
  it.each(every)('%s %s / %s names the purpose, fits the 600-character limit, has no markup', (_s, _r, _l, text) => {
    expect(text).toContain('{purpose}');
    expect(text).toContain('{company}');
    expect(text).toContain('{agent}');
    expect(text.length).toBeLessThanOrEqual(600);
    expect(Settings.def.shape.templates.def.shape['all-party'].safeParse({ en: text }).success).toBe(true);
    expect(text).not.toMatch(/[<>]/);
  });

  it('one-party says definitely that the call is being recorded (New York GBL § 399-z), never "may be"', () => {
    expect(DISCLAIMER_TEMPLATES['one-party'].en).toContain('this call is being recorded');
    expect(DISCLAIMER_TEMPLATES['one-party'].es).toContain('está siendo grabada');
    expect(DISCLAIMER_TEMPLATES['one-party']['fr-CA']).toContain('cet appel est enregistré');
    for (const [, , , text] of every)
      expect(text).not.toMatch(/may be recorded|puede ser grabada|peut être enregistré/);
  });

  it('the AI variant says the call is transcribed and summarised by an AI tool', () => {
    for (const r of REQUIREMENTS) {
      expect(AI_DISCLAIMER_TEMPLATES[r].en, r).toMatch(/transcribe.*summaris.*AI tool|AI tool.*transcribe/);
      expect(AI_DISCLAIMER_TEMPLATES[r].es, r).toMatch(/herramienta de IA/);
      expect(AI_DISCLAIMER_TEMPLATES[r]['fr-CA'], r).toMatch(/outil d'IA/);
    }
  });

  it("every Canadian French template carries Quebec's s. 8 items through the privacy notice", () => {
    for (const set of Object.values(SETS)) {
      for (const r of REQUIREMENTS) {
        const text = set[r]['fr-CA'];
        expect(text, r).toContain('{privacyUrl}');
        expect(text, r).toMatch(/fins.*moyens.*droits d'accès et de rectification.*retirer votre consentement/);
      }
    }
  });
});

describe('disclaimerText', () => {
  it('uses the default purpose per language when none is set', () => {
    expect(disclaimerText('all-party', 'en', options())).toBe(
      "Hi, this is Dana calling from Acme. I'd like to record this call for quality and training purposes. Is that okay with you?",
    );
    expect(disclaimerText('one-party', 'es', options())).toContain(`con fines de ${DISCLAIMER_FALLBACKS.es.purpose}.`);
  });

  it("says the company's own purpose, per language", () => {
    const purpose = { en: 'verification and dispute resolution', 'fr-CA': 'vérification' };
    expect(disclaimerText('one-party', 'en', options({ purpose }))).toBe(
      'Hi, this is Dana calling from Acme. Please note that this call is being recorded for verification and dispute resolution.',
    );
    expect(disclaimerText('one-party', 'fr-CA', options({ purpose }))).toContain('à des fins de vérification.');
    expect(disclaimerText('one-party', 'es', options({ purpose }))).toContain('calidad y capacitación');
  });

  it('names the privacy notice in fr-CA, or the website when none is set', () => {
    expect(disclaimerText('unknown', 'fr-CA', options({ privacyUrl: 'https://acme.ca/vie-privee' }))).toMatch(
      /consultez notre politique de confidentialité \(https:\/\/acme\.ca\/vie-privee\)\.$/,
    );
    expect(disclaimerText('unknown', 'fr-CA', options())).toMatch(/\(sur notre site Web\)\.$/);
  });

  it('picks the AI variant when calls are transcribed by AI; an own template still wins', () => {
    expect(disclaimerText('all-party', 'en', options({ aiNotes: true }))).toContain('have an AI tool transcribe');
    const templates = { 'all-party': { en: 'Mine, {agent}.' }, 'one-party': {}, unknown: {} };
    expect(disclaimerText('all-party', 'en', options({ aiNotes: true, templates }))).toBe('Mine, Dana.');
  });

  it('the settings carry the new fields with safe defaults, and refuse a privacy address that is not a web address', () => {
    expect(DEFAULT_SETTINGS).toMatchObject({ purpose: {}, privacyUrl: '', aiNotes: false });
    const shape = Settings.def.shape;
    expect(shape.privacyUrl.safeParse('https://acme.ca/privacy').success).toBe(true);
    expect(shape.privacyUrl.safeParse('').success).toBe(true);
    expect(shape.privacyUrl.safeParse('javascript:alert(1)').success).toBe(false);
    expect(shape.privacyUrl.safeParse('https://a b').success).toBe(false);
    expect(shape.purpose.safeParse({ en: 'x'.repeat(121) }).success).toBe(false);
  });
});
