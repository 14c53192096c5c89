/** What the consent log records, and who reports it: shared by the protocol (every bundle) and lib/log. */
export const OUTCOMES = [
  'copied',
  'announced',
  'consent-given',
  'declined',
  'not-recorded',
  'dialled',
  'dial-cancelled',
] as const;
export type Outcome = (typeof OUTCOMES)[number];

export const LOG_SOURCES = ['popup', 'panel', 'dial-check', 'badge', 'selection'] as const;
export type LogSource = (typeof LOG_SOURCES)[number];
