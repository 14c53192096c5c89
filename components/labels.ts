/** The UI's words for the protocol's values, in the agent's UI language. */
import { durationText } from '@/lib/law/duration';
import type { Answer } from '@/lib/protocol/messages';
import { t } from '@/utils/i18n';

type Requirement = Answer['requirement'];

export function consentLabel(requirement: Requirement): string {
  return requirement === 'all-party'
    ? t('consentAllParty')
    : requirement === 'one-party'
      ? t('consentOneParty')
      : t('consentUnknown');
}

export function requirementLabel(requirement: Requirement): string {
  return requirement === 'all-party'
    ? t('requirementAllParty')
    : requirement === 'one-party'
      ? t('requirementOneParty')
      : t('requirementUnknown');
}

export function windowLabel(inWindow: Answer['inCallingWindow']): string | null {
  if (inWindow === null) return null;
  return inWindow === 'partly' ? t('windowPartly') : inWindow ? t('windowInside') : t('windowOutside');
}

/** Calling hours in a few words: open until, closed until (in how long), not clear, or for information. */
export function hoursLabel(h: Answer['callingHours']): string | null {
  if (!h || h.allowed === null) return null;
  if (!h.binding && h.allowed === true) return h.window ? t('hoursInfo', h.window) : null;
  if (h.allowed === 'partly') return t('hoursPartly', h.zones.map((z) => `${z.localTime} ${z.zoneName}`).join(', '));
  if (h.allowed === false) {
    return h.opensAtLocal && h.opensInMinutes !== null
      ? t('hoursClosedUntil', h.opensAtLocal, durationText(h.opensInMinutes))
      : t('hoursClosed');
  }
  return h.closesAtLocal ? t('hoursOpenUntil', h.closesAtLocal) : null;
}

/** open, closed, partly, info or unknown: as the badges' data-consent-calling. */
export function hoursState(h: Answer['callingHours']): string {
  if (!h || h.allowed === null) return 'unknown';
  if (!h.binding && h.allowed === true) return 'info';
  return h.allowed === true ? 'open' : h.allowed === false ? 'closed' : 'partly';
}

export function actionLabel(action: Answer['action']): string {
  return action === 'announce'
    ? t('actionAnnounce')
    : action === 'ask-consent'
      ? t('actionAskConsent')
      : t('actionDoNotRecord');
}

/** Disclaimer languages, each named in itself. */
export const LANGUAGE_NAMES = { en: 'English', es: 'Español', 'fr-CA': 'Français (Canada)' } as const;

/** A number as an agent reads it: "(415) 555-0134" in North America, E.164 elsewhere. */
export function formatNumber(e164: string | null, input: string): string {
  const nanp = e164?.match(/^\+1(\d{3})(\d{3})(\d{4})$/);
  return nanp ? `(${nanp[1]}) ${nanp[2]}-${nanp[3]}` : (e164 ?? input);
}

/** A row's key in the tab's list: one number shown in two records with two places is two rows. */
export function rowKey(answer: Answer): string {
  const number = answer.e164 ?? answer.input;
  const place = answer.calleeLocation ? answer.recordLocation?.regions.join('/') : undefined;
  return place ? `${number}@${place}` : number;
}
