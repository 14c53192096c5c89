/** From a Classification to what each context shows: the badge's few fields, the popup's full answer. */
import type { Classification } from './classify';
import { DISCLAIMER_TEMPLATES, fillDisclaimer } from './data/disclaimers';
import type { Answer, BadgeInfo } from './messages';
import type { Settings } from './settings';
import type { Requirement } from './types';

/** What the badge's `data-consent` says: unknown where no rule is known, otherwise what to follow. */
export function consentOf(c: Pick<Classification, 'requirement' | 'treatAs'>): Requirement {
  return c.requirement === 'unknown' ? 'unknown' : c.treatAs;
}

/** Where a number points, in a few letters. */
export function placeOf(c: Classification): string {
  if (c.kind === 'tollfree') return 'Toll-free';
  if (c.regions.length > 0) return c.regions.join('/');
  return c.country && c.country !== '001' ? c.country : c.kind === 'international' ? 'Intl' : '?';
}

const CONSENT_TEXT: Record<Requirement, string> = {
  'all-party': 'All-party consent',
  'one-party': 'One-party consent',
  unknown: 'Consent rule unknown',
};
const ACTION_TEXT: Record<Classification['action'], string> = {
  announce: 'Announce the recording.',
  'ask-consent': 'Ask for an explicit yes before recording.',
  'do-not-record': 'Do not record.',
};

export function sentenceOf(c: Classification): string {
  const consent = CONSENT_TEXT[consentOf(c)];
  const unsettled = c.ambiguous ? ' (the law is unsettled: follow all-party)' : '';
  const where = placeOf(c);
  return `${consent}${unsettled} for ${c.e164 ?? c.input} (${where}). ${ACTION_TEXT[c.action]}`;
}

export function badgeInfo(c: Classification & { e164: string }): BadgeInfo {
  return {
    e164: c.e164,
    consent: consentOf(c),
    ambiguous: c.ambiguous,
    place: placeOf(c),
    sentence: sentenceOf(c),
    localTime: c.localTime,
    inCallingWindow: c.inCallingWindow,
  };
}

/** The template for what to follow: the unknown one where no rule is known. */
export function disclaimerRequirement(c: Pick<Classification, 'requirement' | 'treatAs'>): Requirement {
  return consentOf(c);
}

export function disclaimerFor(c: Classification, settings: Settings, language = settings.language): string {
  const requirement = disclaimerRequirement(c);
  const template = settings.templates[requirement][language] || DISCLAIMER_TEMPLATES[requirement][language];
  return fillDisclaimer(template, { company: settings.company, agent: settings.agent }, language);
}

export function answerOf(c: Classification, settings: Settings): Answer {
  return {
    ...c,
    regions: [...c.regions],
    reasons: [...c.reasons],
    citations: [...c.citations],
    caveats: [...c.caveats],
    timezones: [...c.timezones],
    rules: c.rules.map((r) => ({ ...r, notes: [...r.notes] })),
    place: placeOf(c),
    disclaimer: disclaimerFor(c, settings),
  };
}
