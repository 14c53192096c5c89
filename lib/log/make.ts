/** An entry made from a `log-event` message and the settings in force (the background's part). */
import { defaultTemplate } from '../data/disclaimers';
import { disclaimerRequirement } from '../law/answer';
import type { Classification } from '../law/classify';
import type { LogEvent } from '../protocol/messages';
import type { Settings } from '../settings';
import { disclaimerVersion, LOG_VERSION, type LogEntry, loggedNumber } from './entry';

/** The template the disclaimer was filled from: the agent's or organisation's, else the default. */
export function templateInForce(
  c: Pick<Classification, 'requirement' | 'treatAs'>,
  settings: Settings,
  language: Settings['language'],
): string {
  const requirement = disclaimerRequirement(c);
  return settings.templates[requirement][language] || defaultTemplate(requirement, language, settings.aiNotes);
}

/** A fresh id: the time in base 36 and 8 random hex characters. */
export function entryId(now: Date, random: Uint8Array = crypto.getRandomValues(new Uint8Array(4))): string {
  return `${now.getTime().toString(36)}-${Array.from(random, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}

export function makeEntry(
  event: LogEvent,
  c: Classification,
  settings: Settings,
  salt: string,
  now: Date,
  id: string,
): LogEntry {
  const language = event.language ?? settings.language;
  const regions = c.calleeLocation ? [c.calleeLocation] : [...c.regions];
  return {
    v: LOG_VERSION,
    id,
    at: now.toISOString(),
    number: loggedNumber(event.e164, salt, settings.consentLog.fullNumbers),
    regions: regions.slice(0, 16),
    rule: c.requirement,
    treatAs: c.treatAs,
    language,
    disclaimerVersion: disclaimerVersion(templateInForce(c, settings, language)),
    outcome: event.outcome,
    source: event.source,
  };
}
