/** The consent log as CSV (RFC 4180, lib/csv.ts) and JSON, for the options page's downloads. */
import { toCsv } from '../csv';
import { type LogEntry, shownNumber } from './entry';

export const CSV_HEADER = [
  'time',
  'number',
  'number_hash',
  'regions',
  'rule',
  'treat_as',
  'language',
  'disclaimer_version',
  'outcome',
  'source',
] as const;

/** One row an entry, oldest first, under a header; numbers hashed stay hashed. */
export function logCsv(entries: readonly LogEntry[]): string {
  const rows = [...entries]
    .sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0))
    .map((e) => [
      e.at,
      shownNumber(e.number),
      'hash' in e.number ? e.number.hash : '',
      e.regions.join('/'),
      e.rule,
      e.treatAs,
      e.language,
      e.disclaimerVersion,
      e.outcome,
      e.source,
    ]);
  return toCsv([[...CSV_HEADER], ...rows]);
}

/** The entries as JSON with their schema version, oldest first. */
export function logJson(entries: readonly LogEntry[]): string {
  const sorted = [...entries].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  return `${JSON.stringify({ format: 'consent-guard-log', entries: sorted }, null, 2)}\n`;
}
