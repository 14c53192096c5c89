/**
 * One consent-log entry: what happened on a call, when, to which number (hashed unless the settings
 * say full), under which rule and with which disclaimer. Pure: the store (utils/consent-log-store.ts)
 * keeps entries; the background (lib/background/handle-message.ts) makes them.
 *
 * Entries carry their schema version (`v`); `readEntry` migrates older ones like the settings do, and
 * drops what it cannot read (a log must never crash the options page).
 */
import * as z from 'zod/mini';
import { DISCLAIMER_LANGUAGES, type DisclaimerLanguage } from '../data/disclaimers';
import { dncHash, hashHex } from '../dnc/hash';
import { E164_PATTERN } from '../number/grammar';
import { LOG_SOURCES, OUTCOMES } from './outcomes';

export const LOG_VERSION = 1;

export { LOG_SOURCES, type LogSource, OUTCOMES, type Outcome } from './outcomes';

const Hex16 = z.string().check(z.regex(/^[0-9a-f]{16}$/));

/** The number: its last four digits always; the salted hash, or the whole number when the settings say so. */
export const LoggedNumber = z.union([
  z.strictObject({ hash: Hex16, last4: z.string().check(z.regex(/^\d{1,4}$/)) }),
  z.strictObject({ e164: z.string().check(z.regex(E164_PATTERN)), last4: z.string().check(z.regex(/^\d{1,4}$/)) }),
]);
export type LoggedNumber = z.infer<typeof LoggedNumber>;

export const LogEntry = z.object({
  v: z.literal(LOG_VERSION),
  id: z.string().check(z.minLength(1), z.maxLength(80)),
  /** When, as an ISO 8601 UTC time. */
  at: z.iso.datetime(),
  number: LoggedNumber,
  /** The places whose rule was applied ("CA"; "NT/NU" where unclear; empty for an unknown place). */
  regions: z.array(z.string().check(z.maxLength(8))).check(z.maxLength(16)),
  /** What the law asks (unknown where no rule is known), and what the agent was told to follow. */
  rule: z.enum(['all-party', 'one-party', 'unknown']),
  treatAs: z.enum(['all-party', 'one-party']),
  language: z.enum(DISCLAIMER_LANGUAGES as [DisclaimerLanguage, ...DisclaimerLanguage[]]),
  /** The disclaimer template's version: see `disclaimerVersion`. */
  disclaimerVersion: z.string().check(z.regex(/^[0-9a-f]{8}$/)),
  outcome: z.enum(OUTCOMES),
  source: z.enum(LOG_SOURCES),
});
export type LogEntry = z.infer<typeof LogEntry>;

/**
 * Older stored shapes, oldest first; each takes version n to n + 1. None yet: version 1 is the first
 * shape, and the table is where the next change goes (with a test), as in lib/settings.ts.
 */
export const LOG_MIGRATIONS: Record<number, (old: Record<string, unknown>) => Record<string, unknown>> = {};

/** A stored value as an entry: migrated when older, null when it is not one (a newer or broken shape). */
export function readEntry(stored: unknown): LogEntry | null {
  if (typeof stored !== 'object' || stored === null || Array.isArray(stored)) return null;
  let value = { ...(stored as Record<string, unknown>) };
  let version = typeof value.v === 'number' ? value.v : 0;
  while (version < LOG_VERSION) {
    const migrate = LOG_MIGRATIONS[version];
    if (!migrate) return null;
    value = migrate(value);
    version += 1;
  }
  const parsed = LogEntry.safeParse(value);
  return parsed.success ? parsed.data : null;
}

/**
 * A disclaimer's version: the first 8 hex characters of SHA-256 of the template in force (the
 * agent's, the organisation's or the default), before names are filled in. The same wording has the
 * same version on every install, and any change of wording gives a new one, with no table to keep up.
 */
export function disclaimerVersion(template: string): string {
  return hashHex(dncHash('', template)).slice(0, 8);
}

/** The number as the log keeps it: a 64-bit salted SHA-256 (lib/dnc/hash.ts) and the last four digits, or whole. */
export function loggedNumber(e164: string, salt: string, full: boolean): LoggedNumber {
  const last4 = e164.replace(/\D/g, '').slice(-4);
  return full ? { e164, last4 } : { hash: hashHex(dncHash(salt, e164)), last4 };
}

/** The number as shown and exported: whole, or "•••• 0123". */
export function shownNumber(n: LoggedNumber): string {
  return 'e164' in n ? n.e164 : `\u2022\u2022\u2022\u2022 ${n.last4}`;
}

const DAY = 24 * 60 * 60 * 1000;

/** The first time still kept: entries from before it are past the retention. */
export function retentionCutoff(now: Date, retentionDays: number): number {
  return now.getTime() - retentionDays * DAY;
}

/** Entries at or after `from` and before `to` (epoch ms; either may be null for open), newest first. */
export function filterByTime(entries: readonly LogEntry[], from: number | null, to: number | null): LogEntry[] {
  return entries
    .filter((e) => {
      const t = Date.parse(e.at);
      return (from === null || t >= from) && (to === null || t < to);
    })
    .sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : a.id < b.id ? 1 : -1));
}
