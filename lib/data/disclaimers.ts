/**
 * Recording disclaimers an agent reads aloud at the start of a call, with the recording already
 * running, so the notice and the caller's answer are on the recording (Connecticut § 52-570d and
 * Washington RCW 9.73.030(3) ask for that).
 *
 * 'all-party' and 'unknown' ask for an explicit yes; 'one-party' says, as a definite statement, that
 * the call is being recorded (New York's GBL § 399-z asks sales calls to say whether they are). Every
 * template names the agent, the company and the purpose (`{purpose}`, a setting), which is also what
 * PIPEDA-style notice asks for. The Canadian French ones add the items of Quebec's private-sector Act,
 * s. 8 (purposes, means, access and rectification, withdrawal of consent) by pointing to the
 * company's privacy notice (`{privacyUrl}`, a setting). A second set says the call is also
 * transcribed and summarised by an AI tool. Plain text only: no HTML, no markup. Fill with
 * `fillDisclaimer`, or `disclaimerText` for the settings in force.
 */
import type { Requirement } from '@/lib/types';

export type DisclaimerLanguage = 'en' | 'es' | 'fr-CA';

export const DISCLAIMER_LANGUAGES: readonly DisclaimerLanguage[] = ['en', 'es', 'fr-CA'];

type Templates = Readonly<Record<Requirement, Readonly<Record<DisclaimerLanguage, string>>>>;

/** Quebec's s. 8 items, by reference to the privacy notice: the last sentence of every fr-CA template. */
const QUEBEC_S8 =
  " Pour connaître les fins et les moyens de l'enregistrement, vos droits d'accès et de rectification et comment retirer votre consentement, consultez notre politique de confidentialité ({privacyUrl}).";

export const DISCLAIMER_TEMPLATES: Templates = {
  'all-party': {
    en: "Hi, this is {agent} calling from {company}. I'd like to record this call for {purpose}. Is that okay with you?",
    es: 'Hola, le habla {agent} de {company}. Nos gustaría grabar esta llamada con fines de {purpose}. ¿Está usted de acuerdo?',
    'fr-CA': `Bonjour, ici {agent} de {company}. Nous aimerions enregistrer cet appel à des fins de {purpose}. Est-ce que vous êtes d'accord?${QUEBEC_S8}`,
  },
  'one-party': {
    en: 'Hi, this is {agent} calling from {company}. Please note that this call is being recorded for {purpose}.',
    es: 'Hola, le habla {agent} de {company}. Le informamos que esta llamada está siendo grabada con fines de {purpose}.',
    'fr-CA': `Bonjour, ici {agent} de {company}. Veuillez noter que cet appel est enregistré à des fins de {purpose}.${QUEBEC_S8}`,
  },
  unknown: {
    en: 'Hi, this is {agent} calling from {company}. Before we continue, may I have your permission to record this call for {purpose}?',
    es: 'Hola, le habla {agent} de {company}. Antes de continuar, ¿me permite grabar esta llamada con fines de {purpose}?',
    'fr-CA': `Bonjour, ici {agent} de {company}. Avant de poursuivre, est-ce que vous m'autorisez à enregistrer cet appel à des fins de {purpose}?${QUEBEC_S8}`,
  },
};

/** For calls that are also transcribed or summarised by an AI tool (the `aiNotes` setting). */
export const AI_DISCLAIMER_TEMPLATES: Templates = {
  'all-party': {
    en: "Hi, this is {agent} calling from {company}. I'd like to record this call and have an AI tool transcribe and summarise it, for {purpose}. Is that okay with you?",
    es: 'Hola, le habla {agent} de {company}. Nos gustaría grabar esta llamada y que una herramienta de IA la transcriba y la resuma, con fines de {purpose}. ¿Está usted de acuerdo?',
    'fr-CA': `Bonjour, ici {agent} de {company}. Nous aimerions enregistrer cet appel et le faire transcrire et résumer par un outil d'IA, à des fins de {purpose}. Est-ce que vous êtes d'accord?${QUEBEC_S8}`,
  },
  'one-party': {
    en: 'Hi, this is {agent} calling from {company}. Please note that this call is being recorded, and transcribed and summarised by an AI tool, for {purpose}.',
    es: 'Hola, le habla {agent} de {company}. Le informamos que esta llamada está siendo grabada, y que una herramienta de IA la transcribe y la resume, con fines de {purpose}.',
    'fr-CA': `Bonjour, ici {agent} de {company}. Veuillez noter que cet appel est enregistré, puis transcrit et résumé par un outil d'IA, à des fins de {purpose}.${QUEBEC_S8}`,
  },
  unknown: {
    en: 'Hi, this is {agent} calling from {company}. Before we continue, may I have your permission to record this call and have an AI tool transcribe and summarise it, for {purpose}?',
    es: 'Hola, le habla {agent} de {company}. Antes de continuar, ¿me permite grabar esta llamada y que una herramienta de IA la transcriba y la resuma, con fines de {purpose}?',
    'fr-CA': `Bonjour, ici {agent} de {company}. Avant de poursuivre, est-ce que vous m'autorisez à enregistrer cet appel et à le faire transcrire et résumer par un outil d'IA, à des fins de {purpose}?${QUEBEC_S8}`,
  },
};

/** Neutral wording used when a variable is missing or blank. */
export const DISCLAIMER_FALLBACKS: Readonly<Record<DisclaimerLanguage, Readonly<Record<Variable, string>>>> = {
  en: {
    company: 'our company',
    agent: 'a representative',
    purpose: 'quality and training purposes',
    privacyUrl: 'on our website',
  },
  es: {
    company: 'nuestra empresa',
    agent: 'un representante',
    purpose: 'calidad y capacitación',
    privacyUrl: 'en nuestro sitio web',
  },
  'fr-CA': {
    company: 'notre entreprise',
    agent: 'un représentant',
    purpose: 'qualité et de formation',
    privacyUrl: 'sur notre site Web',
  },
};

const VARIABLES = ['company', 'agent', 'purpose', 'privacyUrl'] as const;
type DisclaimerVariable = (typeof VARIABLES)[number];
type Variable = DisclaimerVariable;

/**
 * Replaces `{company}`, `{agent}`, `{purpose}` and `{privacyUrl}` in one left-to-right pass (no
 * regular expressions), so a value that itself contains a `{variable}` is inserted literally and
 * never expanded again. Missing or blank values fall back to neutral wording in `language` (default
 * English). Any other `{...}` text is left as it is.
 */
export function fillDisclaimer(
  template: string,
  vars: Partial<Record<Variable, string>>,
  language: DisclaimerLanguage = 'en',
): string {
  const fallback = DISCLAIMER_FALLBACKS[language];
  const value = (name: Variable): string => {
    const given = vars[name]?.trim();
    return given ? given : fallback[name];
  };

  let out = '';
  let from = 0; // the start of the text not yet copied to `out`
  let at = 0; // where to look for the next brace
  for (;;) {
    const open = template.indexOf('{', at);
    if (open === -1) break;
    const name = VARIABLES.find((v) => template.startsWith(`{${v}}`, open));
    if (name === undefined) {
      at = open + 1;
      continue;
    }
    out += template.slice(from, open) + value(name);
    from = open + name.length + 2;
    at = from;
  }
  return out + template.slice(from);
}

/** What a disclaimer needs of the settings. */
export interface DisclaimerOptions {
  company: string;
  agent: string;
  /** The agent's own templates, by requirement and language; a missing one uses the default. */
  templates: Readonly<Record<Requirement, Partial<Record<DisclaimerLanguage, string>>>>;
  /** Why the company records, by language (blank: "quality and training"). */
  purpose?: Partial<Record<DisclaimerLanguage, string>>;
  /** The company's privacy notice, named in the Canadian French disclaimers (Quebec s. 8). */
  privacyUrl?: string;
  /** Calls are also transcribed or summarised by an AI tool: the AI variant of the defaults. */
  aiNotes?: boolean;
}

/** The default template for a requirement and language, in the variant the settings ask for. */
export function defaultTemplate(requirement: Requirement, language: DisclaimerLanguage, aiNotes = false): string {
  return (aiNotes ? AI_DISCLAIMER_TEMPLATES : DISCLAIMER_TEMPLATES)[requirement][language];
}

/** The disclaimer to read for `requirement` in `language`, from the settings in force. */
export function disclaimerText(
  requirement: Requirement,
  language: DisclaimerLanguage,
  options: DisclaimerOptions,
): string {
  const template = options.templates[requirement][language] || defaultTemplate(requirement, language, options.aiNotes);
  return fillDisclaimer(
    template,
    {
      company: options.company,
      agent: options.agent,
      purpose: options.purpose?.[language],
      privacyUrl: options.privacyUrl,
    },
    language,
  );
}
