/** `consent calling-hours [--json]`: the calling-hour table, row by row, with its dated history. */

import { CALLING_HOURS, type CallingHoursRule, type HoursWindow } from '../data/calling-hours';
import { windowText } from '../law/calling-hours';
import { HOLIDAYS } from '../law/holidays';
import { parseArgs, UsageError } from './args';
import type { Command } from './main';
import { table } from './table';

function day(w: HoursWindow | null): string {
  return w ? windowText(w) : 'no calls';
}

function rowJson(r: CallingHoursRule) {
  return {
    code: r.code,
    name: r.name,
    country: r.country,
    ownRule: r.ownRule,
    from: r.from,
    until: r.until,
    weekday: r.weekday,
    saturday: r.saturday,
    sunday: r.sunday,
    standardTime: r.standardTime ?? false,
    holidays: r.holidays.map((id) => ({ id, name: HOLIDAYS[id].name })),
    observance: r.observance,
    observanceOf: r.observanceOf ?? {},
    callsPer24h: r.callsPer24h,
    covers: r.covers,
    exempt: r.exempt,
    citation: r.citation,
    asOf: r.asOf,
    sources: r.sources,
    notes: r.notes,
    confidence: r.confidence,
    confidenceNote: r.confidenceNote ?? null,
    research: r.research ?? null,
  };
}

export const callingHoursCommand: Command = async (argv, io) => {
  const args = parseArgs(argv, { switches: ['json'] });
  if (args.positionals.length > 0) throw new UsageError('calling-hours takes no arguments');
  if (args.switches.has('json')) {
    io.stdout(`${JSON.stringify(CALLING_HOURS.map(rowJson), null, 2)}\n`);
    return 0;
  }
  const rows = CALLING_HOURS.map((r) => [
    r.code,
    r.name,
    r.from || r.until ? `${r.from ?? '…'} – ${r.until ?? 'now'}` : 'in force',
    ...(r.ownRule ? [day(r.weekday), day(r.saturday), day(r.sunday)] : ['national only', '', '']),
    r.holidays.length > 0 ? `${r.holidays.length} holidays` : '—',
    r.callsPer24h ? String(r.callsPer24h) : '—',
    r.confidence,
    r.citation,
  ]);
  const holidays = CALLING_HOURS.filter((r) => r.holidays.length > 0).map(
    (r) =>
      `${r.code}${r.from ? ` (from ${r.from})` : ''}${r.until ? ` (until ${r.until})` : ''}: ${r.holidays.map((id) => HOLIDAYS[id].name).join(', ')}`,
  );
  io.stdout(
    `${table(['Code', 'Name', 'In force', 'Mon-Fri', 'Saturday', 'Sunday', 'No calls on', 'Calls/24h', 'Confidence', 'Citation'], rows)}\n\n` +
      `No-call holidays (a weekend holiday moves as each state observes it):\n${holidays.join('\n')}\n\n` +
      'Times are the callee’s local time. Rows marked single-source or disputed say why in --json (confidenceNote; the sources’ detail in research).\n' +
      'Guidance, not legal advice.\n',
  );
  return 0;
};
