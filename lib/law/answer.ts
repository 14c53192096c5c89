/** From a Classification to what each context shows: the badge's few fields, the popup's full answer. */

import { disclaimerText } from '../data/disclaimers';
import type { Answer, BadgeCalling, BadgeInfo } from '../protocol/messages';
import type { Settings } from '../settings';
import type { Requirement } from '../types';
import type { CallingHours } from './calling-hours';
import type { Classification } from './classify';

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

/** Where the answer points, with the record's place first when one was applied: "record CA · number NY". */
function whereOf(c: Classification, t: SentenceText = englishSentenceText): string {
  const place = placeOf(c);
  if (c.calleeLocation === null) return place;
  return c.calleeLocation === place ? t('sentenceRecordSame', place) : t('sentenceRecord', c.calleeLocation, place);
}

/** The badge sentence's words, by message key; English here, the browser's language in the extension. */
const SENTENCE_WORDS = {
  sentenceAllParty: 'All-party consent',
  sentenceOneParty: 'One-party consent',
  sentenceUnknown: 'Consent rule unknown',
  sentenceUnsettled: ' (the law is unsettled: follow all-party)',
  // `$1$2` would read as a named placeholder `$1$` in Chrome's message format: one $ a slot.
  sentenceFor: '$1 for $2 ($3).',
  sentenceRecord: 'record: $1; number issued in $2',
  sentenceRecordSame: 'record and number: $1',
  actionAnnounce: 'Announce the recording.',
  actionAskConsent: 'Ask for an explicit yes before recording.',
  actionDoNotRecord: 'Do not record.',
} as const;
type SentenceKey = keyof typeof SENTENCE_WORDS;
export type SentenceText = (key: SentenceKey, ...subs: string[]) => string;

/** The English words, with `$1`… filled in. */
const englishSentenceText: SentenceText = (key, ...subs) =>
  SENTENCE_WORDS[key].replace(/\$(\d)/g, (_, n: string) => subs[Number(n) - 1] ?? '');

const CONSENT_KEY: Record<Requirement, SentenceKey> = {
  'all-party': 'sentenceAllParty',
  'one-party': 'sentenceOneParty',
  unknown: 'sentenceUnknown',
};
const ACTION_KEY: Record<Classification['action'], SentenceKey> = {
  announce: 'actionAnnounce',
  'ask-consent': 'actionAskConsent',
  'do-not-record': 'actionDoNotRecord',
};

/** The whole answer in one sentence, for screen readers and the badge's tooltip. */
export function sentenceOf(c: Classification, t: SentenceText = englishSentenceText): string {
  const unsettled = c.ambiguous ? t('sentenceUnsettled') : '';
  const head = t('sentenceFor', `${t(CONSENT_KEY[consentOf(c)])}${unsettled}`, c.e164 ?? c.input, whereOf(c, t));
  return `${head} ${t(ACTION_KEY[c.action])}`;
}

export function badgeInfo(c: Classification & { e164: string }, t: SentenceText = englishSentenceText): BadgeInfo {
  return {
    e164: c.e164,
    consent: consentOf(c),
    ambiguous: c.ambiguous,
    place: placeOf(c),
    sentence: sentenceOf(c, t),
    localTime: c.localTime,
    inCallingWindow: c.inCallingWindow,
    ...(c.calleeLocation !== null ? { location: c.calleeLocation } : {}),
    ...(c.recordLocation ? { locationKey: c.recordLocation.regions.join('/') } : {}),
    ...(c.callingHours && c.callingHours.allowed !== null ? { calling: badgeCalling(c.callingHours) } : {}),
    ...(c.rules.some((r) => r.noticeDuty) ? { notice: true as const } : {}),
  };
}

/** The few calling-hours fields a badge shows. */
function badgeCalling(h: CallingHours): BadgeCalling {
  return {
    allowed: h.allowed,
    binding: h.binding,
    decidedBy: h.decidedBy,
    opensAtLocal: h.opensAtLocal,
    closesAtLocal: h.closesAtLocal,
  };
}

/** The template for what to follow: the unknown one where no rule is known. */
export function disclaimerRequirement(c: Pick<Classification, 'requirement' | 'treatAs'>): Requirement {
  return consentOf(c);
}

export function disclaimerFor(c: Classification, settings: Settings, language = settings.language): string {
  return disclaimerText(disclaimerRequirement(c), language, settings);
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
    recordLocation: c.recordLocation && { ...c.recordLocation, regions: [...c.recordLocation.regions] },
    callingHours: c.callingHours && {
      ...c.callingHours,
      zones: c.callingHours.zones.map((z) => ({ ...z, window: z.window && { ...z.window } })),
      reasons: [...c.callingHours.reasons],
      citations: [...c.callingHours.citations],
      notes: [...c.callingHours.notes],
    },
    place: placeOf(c),
    disclaimer: disclaimerFor(c, settings),
  };
}
