import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  DISCLAIMER_FALLBACKS,
  DISCLAIMER_LANGUAGES,
  DISCLAIMER_TEMPLATES,
  fillDisclaimer,
} from '@/lib/data/disclaimers';
import { JURISDICTIONS } from '@/lib/data/jurisdictions';
import type { Jurisdiction, Requirement } from '@/lib/types';

const REQUIREMENTS = ['all-party', 'one-party', 'unknown'] as const;

/** One sentence: ends with . ? or !, and no sentence boundary (terminal mark, space, capital) inside. */
const isOneSentence = (s: string): boolean => /^\S.*[.?!]$/.test(s) && !/[.?!]['")\]]?\s+[A-Z]/.test(s.slice(0, -1));

const JurisdictionSchema = z
  .object({
    code: z.string().min(2),
    name: z.string().min(1),
    country: z.enum(['US', 'CA', 'NANP']),
    requirement: z.enum(REQUIREMENTS),
    ambiguous: z.boolean(),
    ambiguousReason: z.string().min(20).optional(),
    noticeDuty: z.string().refine(isOneSentence).optional(),
    citation: z.string().trim().min(1),
    notes: z
      .array(z.string().refine(isOneSentence, { message: 'each note must be exactly one sentence' }))
      .min(1)
      .max(4),
    inPersonDiffers: z.boolean(),
    inPersonRequirement: z.enum(REQUIREMENTS).optional(),
    asOf: z.iso.date(),
    sources: z.array(z.string().trim().min(5)).min(2),
  })
  .strict()
  .refine((j) => !j.ambiguous || j.ambiguousReason !== undefined, {
    message: 'ambiguous rows need an ambiguousReason',
  })
  .refine((j) => j.ambiguous || j.ambiguousReason === undefined, {
    message: 'ambiguousReason only on ambiguous rows',
  })
  .refine((j) => !j.inPersonDiffers || j.inPersonRequirement !== undefined, {
    message: 'inPersonDiffers needs an inPersonRequirement',
  })
  .refine((j) => j.inPersonDiffers || j.inPersonRequirement === undefined, {
    message: 'inPersonRequirement only when inPersonDiffers',
  })
  .refine((j) => !j.inPersonDiffers || j.inPersonRequirement !== j.requirement, {
    message: 'inPersonRequirement must differ from requirement',
  });

const STATES = (
  'AL AK AZ AR CA CO CT DE FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO ' +
  'MT NE NV NH NJ NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY'
).split(' ');
const US_TERRITORIES = ['PR', 'VI', 'GU', 'AS', 'MP'];
const PROVINCES = ['AB', 'BC', 'MB', 'NB', 'NL', 'NS', 'NT', 'NU', 'ON', 'PE', 'QC', 'SK', 'YT'];
const EXPECTED_CODES = [...STATES, 'DC', ...US_TERRITORIES, 'US-FED', 'CA-FED', ...PROVINCES, 'NANP-OTHER'];

const byCode = new Map<string, Jurisdiction>(JURISDICTIONS.map((j) => [j.code, j]));
const get = (code: string): Jurisdiction => {
  const j = byCode.get(code);
  if (!j) throw new Error(`missing jurisdiction ${code}`);
  return j;
};
/** What the engine will act on: ambiguous and unknown rows lean all-party. */
const effective = (j: Jurisdiction): Requirement =>
  j.ambiguous || j.requirement === 'unknown' ? 'all-party' : j.requirement;

describe('JURISDICTIONS table', () => {
  it.each(JURISDICTIONS.map((j) => [j.code, j] as const))('%s matches the schema', (_code, j) => {
    const result = JurisdictionSchema.safeParse(j);
    expect(result.success, result.success ? '' : z.prettifyError(result.error)).toBe(true);
  });

  it('has exactly the 50 states, DC, 5 territories, US-FED, CA-FED, 13 provinces/territories and NANP-OTHER', () => {
    expect(STATES).toHaveLength(50);
    expect(EXPECTED_CODES).toHaveLength(72);
    expect(JURISDICTIONS.map((j) => j.code).sort()).toEqual([...EXPECTED_CODES].sort());
  });

  it('has no duplicate codes', () => {
    expect(new Set(JURISDICTIONS.map((j) => j.code)).size).toBe(JURISDICTIONS.length);
  });

  it('is sorted: US (by USPS code), US-FED, CA-FED, provinces (by code), NANP-OTHER', () => {
    const codes = JURISDICTIONS.map((j) => j.code);
    const us = [...STATES, 'DC', ...US_TERRITORIES].sort();
    expect(codes).toEqual([...us, 'US-FED', 'CA-FED', ...[...PROVINCES].sort(), 'NANP-OTHER']);
  });

  it('uses the right country for each group', () => {
    for (const j of JURISDICTIONS) {
      if (PROVINCES.includes(j.code) || j.code === 'CA-FED') expect(j.country, j.code).toBe('CA');
      else if (j.code === 'NANP-OTHER') expect(j.country).toBe('NANP');
      else expect(j.country, j.code).toBe('US');
    }
  });

  it('was checked on 2026-11-27, the rows of the legal accuracy pass (issue #12) on 2026-12-02, and Alabama on 2026-12-03', () => {
    const recheckedCodes = ['VT', 'MI', 'NJ', 'PR', 'US-FED', 'NY', 'MD', 'CT', 'WA', 'WY', 'CA-FED', ...PROVINCES];
    for (const j of JURISDICTIONS) {
      const expected = j.code === 'AL' ? '2026-12-03' : recheckedCodes.includes(j.code) ? '2026-12-02' : '2026-11-27';
      expect(j.asOf, j.code).toBe(expected);
    }
  });

  it('has at least two sources that were read (not only recalled) for every row but the five named in the README', () => {
    const recalled =
      /relied on from knowledge|general knowledge|No per-country|^Searched|consent provision not located/;
    const fewer = JURISDICTIONS.filter((j) => j.sources.filter((s) => !recalled.test(s)).length < 2).map((j) => j.code);
    expect(fewer).toEqual(['AS', 'GU', 'MP', 'VI', 'NANP-OTHER']);
  });

  it('does not flag unknown rows as ambiguous (unknown already leans all-party)', () => {
    for (const j of JURISDICTIONS) {
      if (j.requirement === 'unknown') expect(j.ambiguous, j.code).toBe(false);
    }
  });
});

describe('tricky jurisdictions', () => {
  type Case = {
    code: string;
    requirement: Requirement;
    ambiguous?: boolean;
    inPerson?: Requirement;
    citation?: RegExp;
  };
  const cases: Case[] = [
    { code: 'CA', requirement: 'all-party', citation: /632\.7/ },
    { code: 'CA', requirement: 'all-party', citation: /Kearney/ },
    { code: 'CT', requirement: 'all-party', inPerson: 'one-party', citation: /52-570d/ },
    { code: 'DE', requirement: 'one-party', ambiguous: true, citation: /1335/ },
    { code: 'FL', requirement: 'all-party', citation: /934\.03/ },
    { code: 'IL', requirement: 'all-party', citation: /98-1142/ },
    { code: 'MD', requirement: 'all-party', citation: /10-402/ },
    { code: 'MA', requirement: 'all-party', citation: /272, § 99/ },
    { code: 'MI', requirement: 'one-party', ambiguous: true, citation: /Sullivan v\. Gray/ },
    { code: 'MT', requirement: 'all-party', citation: /45-8-213/ },
    { code: 'NV', requirement: 'all-party', inPerson: 'one-party', citation: /Lane v\. Allstate/ },
    { code: 'NH', requirement: 'all-party', citation: /570-A:2/ },
    { code: 'OR', requirement: 'one-party', inPerson: 'all-party', citation: /165\.540/ },
    { code: 'PA', requirement: 'all-party', citation: /5704/ },
    { code: 'WA', requirement: 'all-party', citation: /9\.73\.030/ },
    { code: 'VT', requirement: 'one-party', citation: /Geraw/ },
    { code: 'HI', requirement: 'one-party', inPerson: 'all-party', citation: /803-42/ },
    { code: 'PR', requirement: 'all-party', ambiguous: true },
    { code: 'NY', requirement: 'one-party', citation: /250\.00/ },
    { code: 'NJ', requirement: 'one-party', citation: /2A:156A-4/ },
    { code: 'TX', requirement: 'one-party', citation: /16\.02/ },
    { code: 'GA', requirement: 'one-party' },
    { code: 'UT', requirement: 'one-party' },
    { code: 'AR', requirement: 'one-party' },
    { code: 'KS', requirement: 'one-party' },
    { code: 'MN', requirement: 'one-party' },
    { code: 'VA', requirement: 'one-party' },
    { code: 'DC', requirement: 'one-party', citation: /23-542/ },
    { code: 'US-FED', requirement: 'one-party', citation: /2511\(2\)\(d\)/ },
    { code: 'CA-FED', requirement: 'one-party', citation: /184\(2\)\(a\)/ },
    { code: 'QC', requirement: 'one-party', citation: /P-39\.1, s\. 8/ },
    { code: 'PR', requirement: 'all-party', ambiguous: true, citation: /art\. 145 \(33 L\.P\.R\.A\. § 4186/ },
    { code: 'NANP-OTHER', requirement: 'unknown' },
  ];

  it.each(cases.map((c) => [c.code, c] as const))('%s', (_code, c) => {
    const j = get(c.code);
    expect(j.requirement).toBe(c.requirement);
    expect(j.ambiguous).toBe(c.ambiguous ?? false);
    expect(j.inPersonDiffers).toBe(c.inPerson !== undefined);
    expect(j.inPersonRequirement).toBe(c.inPerson);
    if (c.citation) expect(j.citation).toMatch(c.citation);
  });

  it('the engine view is all-party for the all-party and ambiguous list', () => {
    const allParty = ['CA', 'CT', 'DE', 'FL', 'IL', 'MD', 'MA', 'MI', 'MT', 'NV', 'NH', 'PA', 'PR', 'WA'];
    for (const code of allParty) expect(effective(get(code)), code).toBe('all-party');
  });

  it('Canada is settled: one-party under the Criminal Code, with a mandatory business notice', () => {
    for (const code of ['CA-FED', ...PROVINCES]) {
      const j = get(code);
      expect(j.requirement, code).toBe('one-party');
      expect(j.ambiguous, code).toBe(false);
      expect(j.citation, code).toMatch(/184\(2\)\(a\)/);
      expect(j.noticeDuty, code).toMatch(/^A business must tell the caller at the start/);
      expect(`${j.ambiguousReason ?? ''} ${j.notes.join(' ')}`, code).not.toMatch(/unsettled|leans all-party/);
    }
    // Quebec's s. 8 items: purposes, means, access and rectification, withdrawal of consent.
    expect(get('QC').noticeDuty).toMatch(/purposes.*means.*access and correct.*withdraw/);
  });

  it('Vermont is one-party: no statute, the federal rule; Geraw and Blow were police recordings', () => {
    const vt = get('VT');
    expect(effective(vt)).toBe('one-party');
    expect(vt.notes.join(' ')).toMatch(/federal one-party rule/);
    expect(vt.notes.join(' ')).toMatch(/police/);
  });

  it('AFT Michigan v. Project Veritas is cited as 397 F. Supp. 3d 981 (E.D. Mich. 2019)', () => {
    const mi = get('MI');
    expect(mi.citation).toContain('AFT Michigan v. Project Veritas, 397 F. Supp. 3d 981 (E.D. Mich. 2019)');
    expect(`${mi.citation} ${mi.ambiguousReason}`).not.toMatch(/Veritas[^;]*2020/);
  });

  it('New Jersey says its all-party bill died with the term, not that it is pending', () => {
    const notes = get('NJ').notes.join(' ');
    expect(notes).toMatch(/S4739\) died when the 2024–2025 legislative term ended on 2026-01-12/);
    expect(notes).not.toMatch(/would make|if it passes/);
  });

  it('Puerto Rico names its Penal Code article and what the decisions did', () => {
    const pr = get('PR');
    expect(pr.citation).not.toMatch(/article not verified/);
    expect(pr.citation).toMatch(/De León Martínez, 132 D\.P\.R\. 746 \(1993\)/);
    expect(pr.notes.join(' ')).toMatch(/participant who secretly recorded a meeting was prosecuted/);
  });

  it('the federal note says a state rule may apply, not that it always does', () => {
    const notes = get('US-FED').notes.join(' ');
    expect(notes).toMatch(/may apply, so follow the stricter rule/);
    expect(notes).not.toMatch(/still applies/);
  });

  it('notes an agent needs: New York sales calls, consent on the recording (CT, WA), Maryland prior consent', () => {
    expect(get('NY').notes.join(' ')).toMatch(/sales call.*399-z.*whether the call is being recorded/);
    expect(get('NY').citation).toMatch(/Gen\. Bus\. Law § 399-z\(2\)/);
    for (const code of ['CT', 'WA'])
      expect(get(code).notes.join(' '), code).toMatch(/start recording before you announce/);
    expect(get('MD').notes.join(' ')).toMatch(/prior consent.*clear yes/);
  });

  it('territories without a confirmed rule are unknown and say so in their notes', () => {
    for (const code of ['VI', 'GU', 'AS', 'MP']) {
      const j = get(code);
      expect(j.requirement, code).toBe('unknown');
      expect(j.notes.join(' '), code).toMatch(/consent/);
    }
  });
});

describe('disclaimers', () => {
  it('lists the three languages', () => {
    expect([...DISCLAIMER_LANGUAGES]).toEqual(['en', 'es', 'fr-CA']);
  });

  const combos = REQUIREMENTS.flatMap((r) => DISCLAIMER_LANGUAGES.map((l) => [r, l] as const));

  it.each(combos)('%s / %s has a template with both variables', (requirement, language) => {
    const t = DISCLAIMER_TEMPLATES[requirement][language];
    expect(t.trim().length).toBeGreaterThan(20);
    expect(t).toContain('{company}');
    expect(t).toContain('{agent}');
    expect(t).not.toMatch(/[<>]/);
  });

  it.each(combos.filter(([r]) => r !== 'one-party'))('%s / %s asks a question', (requirement, language) => {
    // The question ends what is said to the caller; in fr-CA only the privacy-notice line follows it.
    const said = DISCLAIMER_TEMPLATES[requirement][language].split(' Pour connaître')[0] ?? '';
    expect(said.trimEnd().endsWith('?')).toBe(true);
  });

  it.each(DISCLAIMER_LANGUAGES.map((l) => [l] as const))('one-party / %s informs without asking', (language) => {
    expect(DISCLAIMER_TEMPLATES['one-party'][language]).not.toContain('?');
  });

  it('fillDisclaimer fills both variables everywhere', () => {
    for (const [requirement, language] of combos) {
      const out = fillDisclaimer(
        DISCLAIMER_TEMPLATES[requirement][language],
        { company: 'Acme', agent: 'Dana' },
        language,
      );
      expect(out).toContain('Acme');
      expect(out).toContain('Dana');
      expect(out).not.toMatch(/\{(company|agent)\}/);
    }
  });

  it('fillDisclaimer replaces every occurrence and leaves other braces alone', () => {
    expect(fillDisclaimer('{agent}/{agent} at {company} {other} {', { company: 'C', agent: 'A' })).toBe(
      'A/A at C {other} {',
    );
  });

  it('fillDisclaimer does not expand variables inside supplied values', () => {
    expect(fillDisclaimer('{company}: {agent}', { company: '{agent}', agent: '{company}' })).toBe('{agent}: {company}');
  });

  it('fillDisclaimer falls back to neutral wording per language for missing or blank values', () => {
    expect(fillDisclaimer('{agent} / {company}', {})).toBe('a representative / our company');
    expect(fillDisclaimer('{agent} / {company}', { agent: '  ', company: '' }, 'es')).toBe(
      `${DISCLAIMER_FALLBACKS.es.agent} / ${DISCLAIMER_FALLBACKS.es.company}`,
    );
    expect(fillDisclaimer(DISCLAIMER_TEMPLATES['all-party']['fr-CA'], {}, 'fr-CA')).toContain('notre entreprise');
  });

  it('fillDisclaimer trims values and handles long input in linear time', () => {
    expect(fillDisclaimer('{agent}', { agent: '  Sam  ' })).toBe('Sam');
    const big = `${'{'.repeat(200_000)}{agent}`;
    const start = performance.now();
    expect(fillDisclaimer(big, { agent: 'x' }).endsWith('x')).toBe(true);
    expect(performance.now() - start).toBeLessThan(1000);
  });
});

describe('lib/data/regions.ts', () => {
  it('lists exactly the two-letter jurisdictions, with their names', async () => {
    const { REGION_NAMES } = await import('@/lib/data/regions');
    const expected = Object.fromEntries(
      JURISDICTIONS.filter((j) => /^[A-Z]{2}$/.test(j.code)).map((j) => [j.code, j.name]),
    );
    expect(REGION_NAMES).toEqual(expected);
  });
});
