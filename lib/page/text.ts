/**
 * The words the badges and the details panel show. The content script answers them from the
 * browser's i18n (public/_locales, English and Spanish); the strings live there, not here, so the
 * content script carries none of them.
 */
export type PageTextKey =
  | 'badgeAllParty'
  | 'badgeOneParty'
  | 'badgeUnknown'
  | 'badgeOpenDetails'
  | 'badgeHoursClosed'
  | 'badgeHoursOpens'
  | 'badgeHoursPartly'
  | 'badgeHoursClosedSentence'
  | 'badgeHoursClosedNoOpen'
  | 'badgeHoursPartlySentence'
  | 'badgeHoursOpenSentence'
  | 'panelHoursOpen'
  | 'panelHoursClosed'
  | 'panelHoursClosedNoOpen'
  | 'panelHoursPartly'
  | 'panelHoursInfo'
  | 'panelHoursRule'
  | 'panelHoursUnsure'
  | 'badgeRecord'
  | 'badgeRecordSame'
  | 'panelLabel'
  | 'panelChecking'
  | 'panelFailed'
  | 'panelClose'
  | 'panelAllParty'
  | 'panelOneParty'
  | 'panelUnknown'
  | 'panelUnsettled'
  | 'panelLocalTime'
  | 'panelAsOf'
  | 'panelWindowIn'
  | 'panelWindowOut'
  | 'panelWindowPartly'
  | 'panelWindowUnknown'
  | 'panelCopy'
  | 'panelCopied'
  | 'panelCopyRefused'
  | 'panelHowToAsk'
  | 'panelHowToAnnounce'
  | 'panelFromAreaCode'
  | 'panelFromRecord'
  | 'panelSourceAddress'
  | 'panelSourceField'
  | 'panelSourceColumn'
  | 'panelSourceGiven';

/** Looks a key up, with `$1`… substitutions. */
export type PageText = (key: PageTextKey, ...subs: string[]) => string;
