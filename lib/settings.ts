/**
 * The agent's settings: one zod schema with a version, migrations from older shapes, and a
 * forgiving reader: a corrupted or foreign stored value never crashes anything; it falls back to the
 * defaults field by field, and says so.
 */
import * as z from 'zod/mini';
import { DISCLAIMER_LANGUAGES, type DisclaimerLanguage } from './data/disclaimers';
import { AGENT_REGIONS } from './data/regions';
import { CALL_PURPOSES, type CallPurpose, type HoursWindow } from './law/call-purpose';
import { POLICIES, type Policy as PolicyName } from './law/policy';

export const SETTINGS_VERSION = 2;

/** When the dial check asks before a tel:/callto: link dials (lib/page/dial-check.ts). */
export const DIAL_CHECKS = ['risky', 'all', 'off'] as const;
export type DialCheck = (typeof DIAL_CHECKS)[number];

const Region = z.nullable(z.enum(AGENT_REGIONS as [string, ...string[]]));
const Policy = z.enum(POLICIES as [PolicyName, ...PolicyName[]]);
const Language = z.enum(DISCLAIMER_LANGUAGES as [DisclaimerLanguage, ...DisclaimerLanguage[]]);
const Name = z.string().check(z.maxLength(80));
const Template = z.string().check(z.maxLength(600));
const TemplatesByLanguage = z.partialRecord(Language, Template);
const Purpose = z.partialRecord(Language, z.string().check(z.maxLength(120)));
/** Blank, or an http(s) address without spaces. */
const PrivacyUrl = z.string().check(z.maxLength(300), z.regex(/^(?:https?:\/\/\S+)?$/));
const CallPurposeField = z.enum(CALL_PURPOSES as [CallPurpose, ...CallPurpose[]]);
const Clock = z.string().check(z.regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/));
/** The company's own calling window, callee's local time ("09:00"–"20:00"); null for none. */
const CompanyWindow = z.nullable(z.object({ start: Clock, end: Clock }));

/** The consent log's settings: on, required, kept `retentionDays` (1..3650), numbers in full or hashed. */
export const ConsentLog = z.object({
  enabled: z.boolean(),
  /** The organisation asks agents to log every call's outcome (the side panel and dial check ask for it). */
  required: z.boolean(),
  retentionDays: z.number().check(z.int(), z.gte(1), z.lte(3650)),
  /** Keep the whole number; off: a salted hash and the last four digits. */
  fullNumbers: z.boolean(),
});
export type ConsentLogSettings = z.infer<typeof ConsentLog>;
export const DEFAULT_CONSENT_LOG: ConsentLogSettings = Object.freeze({
  enabled: true,
  required: false,
  retentionDays: 90,
  fullNumbers: false,
});

export const Settings = z.object({
  version: z.literal(SETTINGS_VERSION),
  /** The agent's own state or province; null when not set. */
  agentRegion: Region,
  policy: Policy,
  company: Name,
  agent: Name,
  language: Language,
  /** Custom disclaimer templates, by requirement and language; a missing one uses the default. */
  templates: z.object({
    'all-party': TemplatesByLanguage,
    'one-party': TemplatesByLanguage,
    unknown: TemplatesByLanguage,
  }),
  /** Why the company records, by disclaimer language; blank: "quality and training" ({purpose}). */
  purpose: Purpose,
  /** The company's privacy notice, named in the Canadian French disclaimers for Quebec's s. 8 ({privacyUrl}). */
  privacyUrl: PrivacyUrl,
  /** Calls are also transcribed or summarised by an AI tool: the disclaimers say so. */
  aiNotes: z.boolean(),
  /** Badge one-party numbers too (on by default: the agent sees every number was checked). */
  badgeOneParty: z.boolean(),
  /** Origins ("https://crm.example.com/*") the agent added beyond the default dialer sites. */
  enabledSites: z.array(z.string().check(z.maxLength(300))).check(z.maxLength(500)),
  /** Match patterns the agent switched off, defaults included. */
  disabledSites: z.array(z.string().check(z.maxLength(300))).check(z.maxLength(500)),
  /** Why the agent calls: sales (default) binds every calling-hour law; service binds none. */
  callPurpose: CallPurposeField,
  /** A company calling window stricter than the law, or null. */
  companyWindow: CompanyWindow,
  /** Confirm before a tel:/callto: link dials: 'risky' (all-party, unknown, closed hours), 'all', 'off'. Do-not-call numbers are always confirmed. */
  dialCheck: z.enum(DIAL_CHECKS),
  /** The local consent log (lib/log): on, required by the organisation, kept how long, numbers in full or hashed. */
  consentLog: ConsentLog,
});
export type Settings = z.infer<typeof Settings>;

/** What a disclaimer needs of the settings. */
export type DisclaimerSettings = Pick<
  Settings,
  'language' | 'company' | 'agent' | 'templates' | 'purpose' | 'privacyUrl' | 'aiNotes'
>;

export const DEFAULT_SETTINGS: Settings = Object.freeze({
  version: SETTINGS_VERSION,
  agentRegion: null,
  policy: 'strictest',
  company: '',
  agent: '',
  language: 'en',
  templates: { 'all-party': {}, 'one-party': {}, unknown: {} },
  purpose: {},
  privacyUrl: '',
  aiNotes: false,
  badgeOneParty: true,
  enabledSites: [],
  disabledSites: [],
  callPurpose: 'sales',
  companyWindow: null,
  dialCheck: 'risky',
  consentLog: DEFAULT_CONSENT_LOG,
}) as Settings;

/** The company window in local minutes, or null when unset or empty (start not before end). */
export function companyWindowMinutes(w: Settings['companyWindow']): HoursWindow | null {
  if (!w) return null;
  const minutes = (clock: string) => Number(clock.slice(0, 2)) * 60 + Number(clock.slice(3, 5));
  const start = minutes(w.start);
  const end = minutes(w.end);
  return start < end ? { start, end } : null;
}

/** Said when a stored or pushed callee-only policy is replaced (the options page shows it). */
export const CALLEE_ONLY_NOTICE =
  'The "callee\u2019s law only" policy was removed because it could hide your own state\u2019s all-party law; the stricter rule of both ends now applies.';

/**
 * Older stored shapes, oldest first. Each takes the previous version's object to the next and may
 * push a notice for the agent (what changed and why).
 */
export const MIGRATIONS: Record<number, (old: Record<string, unknown>, notices: string[]) => Record<string, unknown>> =
  {
    // 0: the pre-release shape, { agentState, policy: 'strict' | 'callee' }.
    0: ({ agentState, policy, ...rest }) => ({
      ...rest,
      agentRegion: agentState ?? null,
      policy: policy === 'callee' ? 'callee-only' : 'strictest',
      version: 1,
    }),
    // 1: callee-only is gone (issue #12): it let an agent in an all-party state record on one-party terms.
    1: ({ policy, ...rest }, notices) => {
      if (policy === 'callee-only') notices.push(CALLEE_ONLY_NOTICE);
      return { ...rest, policy: policy === 'callee-only' ? 'strictest' : policy, version: 2 };
    },
  };

export interface ReadResult {
  settings: Settings;
  /** Why some of what was stored could not be used (empty when all was fine). */
  notices: string[];
  /** What an upgrade changed in the agent's or administrator's settings, and why (shown, not an error). */
  changes?: string[];
}

/**
 * Reads whatever is stored: migrates old versions, keeps every valid field, and replaces each
 * invalid one with its default, with a notice naming it. Never throws.
 */
export function readSettings(stored: unknown): ReadResult {
  if (stored === undefined || stored === null) return { settings: DEFAULT_SETTINGS, notices: [], changes: [] };
  if (typeof stored !== 'object' || Array.isArray(stored)) {
    return {
      settings: DEFAULT_SETTINGS,
      notices: ['The stored settings were not readable, so the defaults are in use.'],
      changes: [],
    };
  }
  let value = { ...(stored as Record<string, unknown>) };
  let version = typeof value.version === 'number' ? value.version : 0;
  const notices: string[] = [];
  const changes: string[] = [];
  if (version > SETTINGS_VERSION) {
    notices.push(`The stored settings come from a newer version (${version}); fields this version knows are kept.`);
    version = SETTINGS_VERSION;
  }
  while (version < SETTINGS_VERSION) {
    const migrate = MIGRATIONS[version];
    if (!migrate) break;
    value = migrate(value, changes);
    version += 1;
  }
  const settings: Record<string, unknown> = { ...DEFAULT_SETTINGS };
  for (const [key, schema] of Object.entries(Settings.def.shape)) {
    if (key === 'version' || !(key in value)) continue;
    const field = (schema as z.ZodMiniType).safeParse(value[key]);
    if (field.success) settings[key] = field.data;
    else notices.push(`The stored setting "${key}" was not valid, so its default is in use.`);
  }
  return { settings: settings as Settings, notices, changes };
}
