/**
 * Recording disclaimers an agent reads aloud at the start of a call.
 *
 * 'all-party' and 'unknown' ask for an explicit yes; 'one-party' informs. Every template names the
 * agent and the company and states the purpose, which is also what PIPEDA-style notice asks for.
 * Plain text only: no HTML, no markup. Fill with `fillDisclaimer`.
 */
import type { Requirement } from '@/lib/types';

export type DisclaimerLanguage = 'en' | 'es' | 'fr-CA';

export const DISCLAIMER_LANGUAGES: readonly DisclaimerLanguage[] = ['en', 'es', 'fr-CA'];

export const DISCLAIMER_TEMPLATES: Readonly<Record<Requirement, Readonly<Record<DisclaimerLanguage, string>>>> = {
  'all-party': {
    en: "Hi, this is {agent} calling from {company}. I'd like to record this call for quality and training purposes. Is that okay with you?",
    es: 'Hola, le habla {agent} de {company}. Nos gustaría grabar esta llamada con fines de calidad y capacitación. ¿Está usted de acuerdo?',
    'fr-CA':
      "Bonjour, ici {agent} de {company}. Nous aimerions enregistrer cet appel à des fins de qualité et de formation. Est-ce que vous êtes d'accord?",
  },
  'one-party': {
    en: 'Hi, this is {agent} calling from {company}. Please note that this call may be recorded for quality and training purposes.',
    es: 'Hola, le habla {agent} de {company}. Le informamos que esta llamada puede ser grabada con fines de calidad y capacitación.',
    'fr-CA':
      'Bonjour, ici {agent} de {company}. Veuillez noter que cet appel peut être enregistré à des fins de qualité et de formation.',
  },
  unknown: {
    en: 'Hi, this is {agent} calling from {company}. Before we continue, may I have your permission to record this call for quality and training purposes?',
    es: 'Hola, le habla {agent} de {company}. Antes de continuar, ¿me permite grabar esta llamada con fines de calidad y capacitación?',
    'fr-CA':
      "Bonjour, ici {agent} de {company}. Avant de poursuivre, est-ce que vous m'autorisez à enregistrer cet appel à des fins de qualité et de formation?",
  },
};

/** Neutral wording used when a variable is missing or blank. */
export const DISCLAIMER_FALLBACKS: Readonly<Record<DisclaimerLanguage, Readonly<{ company: string; agent: string }>>> =
  {
    en: { company: 'our company', agent: 'a representative' },
    es: { company: 'nuestra empresa', agent: 'un representante' },
    'fr-CA': { company: 'notre entreprise', agent: 'un représentant' },
  };

const VARIABLES = ['company', 'agent'] as const;
type Variable = (typeof VARIABLES)[number];

/**
 * Replaces `{company}` and `{agent}` in one left-to-right pass (no regular expressions), so a value
 * that itself contains `{agent}` or `{company}` is inserted literally and never expanded again.
 * Missing or blank values fall back to neutral wording in `language` (default English).
 * Any other `{...}` text is left as it is.
 */
export function fillDisclaimer(
  template: string,
  vars: { company?: string; agent?: string },
  language: DisclaimerLanguage = 'en',
): string {
  const fallback = DISCLAIMER_FALLBACKS[language];
  const value = (name: Variable): string => {
    const given = vars[name]?.trim();
    return given ? given : fallback[name];
  };

  let out = '';
  let from = 0;
  for (;;) {
    const open = template.indexOf('{', from);
    if (open === -1) break;
    const name = VARIABLES.find((v) => template.startsWith(`{${v}}`, open));
    if (name === undefined) {
      out += template.slice(from, open + 1);
      from = open + 1;
      continue;
    }
    out += template.slice(from, open) + value(name);
    from = open + name.length + 2;
  }
  return out + template.slice(from);
}
