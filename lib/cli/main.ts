/**
 * The `consent` command: the same rules as the extension, from a terminal. Pure: the caller
 * (bin/consent.mjs) hands in the arguments and the output streams, so tests run it in-process.
 */

import { AREA_CODES } from '../data/area-codes';
import { CALL_PURPOSES, type CallPurpose, type HoursWindow } from '../data/calling-hours';
import { JURISDICTIONS } from '../data/jurisdictions';
import type { CallingHours } from '../law/calling-hours';
import {
  type Classification,
  type ClassifyContext,
  classify,
  POLICIES,
  type Policy,
  REMOVED_POLICIES,
} from '../law/classify';
import { AGENT_REGIONS } from '../law/jurisdiction-index';
import { locationOfValue } from '../location/read';
import { type ParsedArgs, parseArgs, UsageError } from './args';
import { callingHoursCommand } from './calling-hours';
import { runScan } from './scan';
import type { CsvWorkers } from './scan-csv-file';
import { table } from './table';

export interface CliIO {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Reads a file as UTF-8 text (for `scan`); throws when it cannot. */
  readFile?: (path: string) => Promise<string>;
  /** Reads a file's bytes a chunk at a time (`scan --csv` streams with it; else it uses readFile). */
  readChunks?: (path: string) => AsyncIterable<Uint8Array>;
  /** Writes text or UTF-8 bytes to stdout and resolves once the stream can take more (`scan --csv` waits for it; else stdout). */
  write?: (out: string | Uint8Array) => Promise<void>;
  /** True when stderr is a terminal: `scan --csv` then shows a progress bar there. */
  stderrIsTTY?: boolean;
  /** A pool to scan `--csv` batches on other threads (bin/scan-pool.ts); absent or null: this thread. */
  csvWorkers?: CsvWorkers;
  now?: () => Date;
}

export type Command = (argv: readonly string[], io: CliIO) => Promise<number>;

const USAGE = `Usage: consent <command> [options]

Commands:
  lookup [--agent-state XX] [--policy strictest|announce-always] [--at ISO-TIME] [--callee-location WHERE]
         [--json] NUMBER...
      What recording a call to each number needs, why, and the callee's local time.
  jurisdictions [--json]     The recording-consent law of every jurisdiction covered.
  calling-hours [--json]     The calling-hour rules for sales calls, row by row: national (US federal,
                             CRTC), every state, DC, territory and province, with dated history.
  area-codes [--json]        Every North American area code: type, country, regions, time zones.
  scan [--json | --csv] [--agent-state XX] [--policy P] [--at ISO-TIME] FILE...
      The phone numbers in .txt, .html/.htm and .csv files, with what recording each call needs.
      --json: per file {file, detections: [{e164, kind, where, start, end, ext, raw}]}; start/end are
      string indices into the .txt text, the HTML block's text (or the tel: link or field value), or
      the CSV cell (with row and column, header = row 0); HTML detections add recordLocation (the
      place their record names: {regions, text, source}, or null) and calleeLocation (the region whose
      rule the answer used, or null). --csv: the single .csv lead list with
      consent_* columns for the first number of each row; a State, Province, ZIP or Postal Code column
      (or an address) in the row is the callee's location, written in consent_location.

Options:
  --agent-state XX   Your own state, territory or province (e.g. TX, ON); the stricter rule wins.
  --policy P         strictest (default: the stricter of your rule and the callee's) or announce-always
                     (your company treats every call as all-party).
  --at ISO-TIME      Evaluate local time and the 8 am-9 pm calling window at this instant (default now).
  --callee-location WHERE
                     (lookup) Where the callee lives, from their record: a state or province (CA, Texas,
                     ON), a ZIP (94607, 94607-1234) or a postal code (M5V 2T6). Its rule counts too: the
                     strictest of the area code's, the location's and yours wins.
  --call-purpose P   (lookup, scan) sales (default), existing-customer, service or business: which
                     calling-hour laws bind the call. Service calls show the hours for information only.
  --company-window HH:MM-HH:MM
                     (lookup, scan) Your company's calling window in the callee's local time, e.g.
                     09:00-20:00: stricter than the law, for every call purpose.
  --json             One JSON document on stdout instead of a table.
  --csv              (scan) The lead list again, with consent columns added, as CSV on stdout.
`;

/** JSON contract of `consent lookup --json`: the documented fields first, in this order. */
function lookupJson(c: Classification) {
  return {
    input: c.input,
    e164: c.e164,
    kind: c.kind,
    npa: c.npa,
    country: c.country,
    regions: c.regions,
    requirement: c.requirement,
    treatAs: c.treatAs,
    ambiguous: c.ambiguous,
    reasons: c.reasons,
    citations: c.citations,
    caveats: c.caveats,
    localTime: c.localTime,
    inCallingWindow: c.inCallingWindow,
    ext: c.ext,
    action: c.action,
    calleeLocation: c.calleeLocation,
    callingHours: callingHoursJson(c.callingHours),
  };
}

const ACTION_TEXT = {
  announce: 'announce the recording',
  'ask-consent': 'ask for an explicit yes',
  'do-not-record': 'do not record',
};

function windowText(w: Classification['inCallingWindow']): string {
  return w === true ? 'yes' : w === false ? 'NO' : w === 'partly' ? 'partly' : '—';
}

/** `lookup --json`'s callingHours: the documented fields first (allowed … citations), then the rest. */
function callingHoursJson(h: CallingHours | null) {
  if (!h) return null;
  return {
    allowed: h.allowed,
    decidedBy: h.decidedBy,
    window: h.window,
    opensAt: h.opensAt,
    closesAt: h.closesAt,
    reasons: h.reasons,
    citations: h.citations,
    purpose: h.purpose,
    binding: h.binding,
    decidedByName: h.decidedByName,
    decidedByCitation: h.decidedByCitation,
    opensAtLocal: h.opensAtLocal,
    closesAtLocal: h.closesAtLocal,
    notes: h.notes,
    confidence: h.confidence,
    zones: h.zones,
  };
}

/** Calling hours now, in a few words, for the tables. */
function hoursCell(h: CallingHours | null): string {
  if (!h || h.allowed === null) return '—';
  const by = h.decidedBy ? ` (${h.decidedBy})` : '';
  if (!h.binding && h.allowed === true) return 'info only';
  if (h.allowed === true) return `open${h.closesAtLocal ? ` until ${h.closesAtLocal}` : ''}${by}`;
  if (h.allowed === 'partly') return `partly${by}`;
  return `CLOSED${h.opensAtLocal ? `, opens ${h.opensAtLocal}` : ''}${by}`;
}

/** The flags that set how numbers are classified (`lookup`, `scan`). */
const CLASSIFY_FLAGS = ['agent-state', 'policy', 'at', 'call-purpose', 'company-window'] as const;

/** `--company-window 09:00-20:00` in local minutes. */
function companyWindowFlag(value: string | undefined): HoursWindow | null {
  if (value === undefined) return null;
  const m = /^([01]?\d|2[0-3]):([0-5]\d)-([01]?\d|2[0-4]):([0-5]\d)$/.exec(value);
  const start = m ? Number(m[1]) * 60 + Number(m[2]) : Number.NaN;
  const end = m ? Number(m[3]) * 60 + Number(m[4]) : Number.NaN;
  if (!(start < end && end <= 24 * 60)) {
    throw new UsageError(`--company-window needs HH:MM-HH:MM with the start first, e.g. 09:00-20:00, not "${value}"`);
  }
  return { start, end };
}

/** `--agent-state`, `--policy` and `--at`, checked. */
function classifyContext(args: ParsedArgs, io: CliIO): ClassifyContext {
  const agentRegion = args.values['agent-state']?.toUpperCase();
  if (agentRegion !== undefined && !AGENT_REGIONS.includes(agentRegion)) {
    throw new UsageError(`unknown state or province code "${args.values['agent-state']}" (e.g. TX, CA, ON)`);
  }
  const policy = (args.values.policy ?? 'strictest') as Policy;
  const removed = REMOVED_POLICIES[policy];
  if (removed !== undefined && Object.hasOwn(REMOVED_POLICIES, policy)) throw new UsageError(removed);
  if (!POLICIES.includes(policy)) throw new UsageError(`--policy must be ${POLICIES.join(' or ')}, not "${policy}"`);
  const at = args.values.at ? new Date(args.values.at) : (io.now?.() ?? new Date());
  if (Number.isNaN(at.getTime()))
    throw new UsageError(`--at needs an ISO time such as 2026-11-27T15:00:00Z, not "${args.values.at}"`);
  const purpose = (args.values['call-purpose'] ?? 'sales') as CallPurpose;
  if (!CALL_PURPOSES.includes(purpose)) {
    throw new UsageError(`--call-purpose must be ${CALL_PURPOSES.join(', ')}, not "${purpose}"`);
  }
  return { agentRegion, policy, at, purpose, companyWindow: companyWindowFlag(args.values['company-window']) };
}

/** Region, consent, local time and calling window of a verdict, as the tables show them. */
function verdictCells(c: Classification): string[] {
  return [
    c.kind === 'invalid' ? 'invalid' : c.kind === 'tollfree' ? 'toll-free' : c.regions.join(', ') || c.country || '—',
    c.kind === 'invalid'
      ? '—'
      : c.treatAs === c.requirement
        ? c.treatAs
        : `${c.treatAs} (${c.requirement}${c.ambiguous ? ', unsettled' : ''})`,
    c.localTime ?? '—',
    windowText(c.inCallingWindow),
    hoursCell(c.callingHours),
  ];
}

/** `--callee-location`, read as a record's field would be. */
function calleeLocation(args: ParsedArgs): ClassifyContext['calleeLocation'] {
  const given = args.values['callee-location'];
  if (given === undefined) return null;
  const found = locationOfValue(given);
  if (!found)
    throw new UsageError(
      `--callee-location needs a US state or Canadian province (CA, Texas, ON), a ZIP (94607) or a postal code (M5V 2T6), not "${given}"`,
    );
  return { regions: found.regions, text: given.trim(), source: 'given' };
}

const lookup: Command = async (argv, io) => {
  const args = parseArgs(argv, { values: [...CLASSIFY_FLAGS, 'callee-location'], switches: ['json'] });
  const context = { ...classifyContext(args, io), calleeLocation: calleeLocation(args) };
  if (args.positionals.length === 0) throw new UsageError('lookup needs at least one number');

  const results = args.positionals.map((number) => classify(number, context));
  if (args.switches.has('json')) {
    io.stdout(`${JSON.stringify(results.map(lookupJson), null, 2)}\n`);
    return 0;
  }
  const rows = results.map((c) => [c.input, c.e164 ?? '—', ...verdictCells(c), ACTION_TEXT[c.action]]);
  const why = results.map((c, i) => `${i + 1}. ${c.input}: ${c.reasons.join(' ')}`);
  io.stdout(
    `${table(['Number', 'E.164', 'Where', 'Consent', 'Local time', '8am-9pm', 'Hours now', 'Do'], rows)}\n\nWhy:\n${why.join('\n')}\n${hoursWhy(results)}`,
  );
  return 0;
};

/** The calling-hours reasons and notes, numbered like the table's rows. */
function hoursWhy(results: readonly Classification[]): string {
  const lines = results.flatMap((c, i) =>
    c.callingHours && c.callingHours.allowed !== null
      ? [`${i + 1}. ${c.input}: ${[...c.callingHours.reasons, ...c.callingHours.notes].join(' ')}`]
      : [],
  );
  return lines.length > 0 ? `\nCalling hours:\n${lines.join('\n')}\n` : '';
}

const jurisdictions: Command = async (argv, io) => {
  const args = parseArgs(argv, { switches: ['json'] });
  if (args.positionals.length > 0) throw new UsageError('jurisdictions takes no arguments');
  if (args.switches.has('json')) {
    const rows = JURISDICTIONS.map((j) => ({
      code: j.code,
      name: j.name,
      country: j.country,
      requirement: j.requirement,
      ambiguous: j.ambiguous,
      citation: j.citation,
      notes: j.notes,
      inPersonDiffers: j.inPersonDiffers,
      asOf: j.asOf,
      ambiguousReason: j.ambiguousReason ?? null,
      inPersonRequirement: j.inPersonRequirement ?? null,
      sources: j.sources,
      noticeDuty: j.noticeDuty ?? null,
    }));
    io.stdout(`${JSON.stringify(rows, null, 2)}\n`);
    return 0;
  }
  const rows = JURISDICTIONS.map((j) => [
    j.code,
    j.name,
    j.requirement + (j.ambiguous ? ' (unsettled: follow all-party)' : '') + (j.noticeDuty ? ' + notice' : ''),
    j.inPersonDiffers ? `in person: ${j.inPersonRequirement ?? '?'}` : '',
    j.asOf,
    j.citation.length > 70 ? `${j.citation.slice(0, 69)}…` : j.citation,
  ]);
  io.stdout(`${table(['Code', 'Name', 'Phone calls', 'In person', 'As of', 'Citation'], rows)}\n`);
  return 0;
};

const areaCodes: Command = async (argv, io) => {
  const args = parseArgs(argv, { switches: ['json'] });
  if (args.positionals.length > 0) throw new UsageError('area-codes takes no arguments');
  if (args.switches.has('json')) {
    io.stdout(`${JSON.stringify(AREA_CODES, null, 2)}\n`);
    return 0;
  }
  const rows = Object.entries(AREA_CODES).map(([npa, a]) => [
    npa,
    a.type,
    a.country,
    a.regions.join(', '),
    a.timezones.join(', '),
  ]);
  io.stdout(`${table(['Code', 'Type', 'Country', 'Regions', 'Time zones'], rows)}\n`);
  return 0;
};

const scan: Command = async (argv, io) => {
  const args = parseArgs(argv, { values: CLASSIFY_FLAGS, switches: ['json', 'csv'] });
  const context = classifyContext(args, io);
  if (args.switches.has('json') && args.switches.has('csv'))
    throw new UsageError('--json and --csv exclude each other');
  const format = args.switches.has('json') ? 'json' : args.switches.has('csv') ? 'csv' : 'table';
  return runScan({ files: args.positionals, format, context, cells: verdictCells }, io);
};

const COMMANDS: Record<string, Command> = {
  lookup,
  jurisdictions,
  'calling-hours': callingHoursCommand,
  'area-codes': areaCodes,
  scan,
};

/** Runs the command line; returns the exit code (0 ok, 1 a file could not be read, 2 usage error). */
export async function runCli(argv: readonly string[], io: CliIO): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === 'help' || name === '--help' || name === '-h') {
    io.stdout(USAGE);
    return name === undefined ? 2 : 0;
  }
  const command = COMMANDS[name];
  try {
    if (!command) throw new UsageError(`unknown command "${name}" (try: ${Object.keys(COMMANDS).join(', ')})`);
    return await command(rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`consent: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
}
