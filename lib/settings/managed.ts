/**
 * The administrator's policy (storage.managed: Chrome enterprise policy, Firefox policies.json
 * `3rdparty`), read key by key: a value this version cannot use is ignored with a notice naming it,
 * and every other key and every lock stays in force. Then the settings in force, and who set each.
 */
import type * as z from 'zod/mini';
import { DISCLAIMER_LANGUAGES } from '../data/disclaimers';
import { DNC_POLICY_KEYS } from '../dnc/policy';
import { REMOVED_POLICIES } from '../law/policy';
import { CALLEE_ONLY_NOTICE, DEFAULT_CONSENT_LOG, type ReadResult, readSettings, Settings } from '../settings';
import { SITE_MODES, type SiteMode, type SitePolicy } from '../sites/site-policy';
import { isValidMatchPattern } from '../sites/sites';

/** Settings an administrator may push and lock. */
export const MANAGEABLE = [
  'company',
  'agentRegion',
  'policy',
  'templates',
  'language',
  'purpose',
  'privacyUrl',
  'aiNotes',
  'callPurpose',
  'companyWindow',
  'badgeOneParty',
  'dialCheck',
  'consentLog',
] as const;
export type Manageable = (typeof MANAGEABLE)[number];

/** Keys of the policy that are not agent settings: where Consent Guard runs, and why settings are locked. */
export const POLICY_ONLY = ['sites', 'agentsMayAddSites', 'lockReason'] as const;
/** Names `locked` accepts: the manageable settings, and `sites` (the agent's own site switches). */
export const LOCKABLE = [...MANAGEABLE, 'sites'] as const;
export type Lockable = (typeof LOCKABLE)[number];

/** Who set a setting's value in force. */
export type Source = 'default' | 'you' | 'organisation';

export interface ManagedPolicy {
  /** The values that passed validation. */
  values: Partial<Pick<Settings, Manageable>>;
  /** Every valid name in `locked`, whether or not its value could be used. */
  locked: Lockable[];
  /** The organisation's site policy, when it sets `sites` or `agentsMayAddSites`. */
  sites: SitePolicy | null;
  /** Why settings are locked, in the organisation's words (shown beside each lock). */
  lockReason: string | null;
  /** Keys (or parts of keys) ignored, each with why. */
  notices: string[];
  /** What this version applies differently from what the policy asks, and why (not an error). */
  changes: string[];
}

const REQUIREMENTS = ['all-party', 'one-party', 'unknown'] as const;
const shape = Settings.def.shape as unknown as Record<Manageable, z.ZodMiniType>;
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const ignored = (key: string, why: string) => `The policy value "${key}" ${why}, so it is ignored.`;

/** A by-language text map, entry by entry: each bad entry is dropped with a notice, the rest kept. */
function byLanguage(key: string, value: unknown, entry: z.ZodMiniType, notices: string[]) {
  if (!isObject(value)) {
    notices.push(ignored(key, 'is not a list of texts by language'));
    return undefined;
  }
  const kept: Record<string, string> = {};
  for (const [language, text] of Object.entries(value)) {
    if (!(DISCLAIMER_LANGUAGES as readonly string[]).includes(language))
      notices.push(ignored(`${key}.${language}`, 'is not a disclaimer language'));
    else if (!entry.safeParse(text).success) notices.push(ignored(`${key}.${language}`, 'is not valid (too long?)'));
    else kept[language] = text as string;
  }
  return kept;
}

/** Reads one manageable key; undefined when it cannot be used (with a notice saying so). */
function readKey(key: Manageable, value: unknown, notices: string[], changes: string[]): unknown {
  switch (key) {
    case 'templates': {
      if (!isObject(value)) {
        notices.push(ignored(key, 'is not a set of templates by requirement'));
        return undefined;
      }
      // Templates for only some requirements are fine: the others keep the default wording.
      const templates: Record<string, unknown> = { 'all-party': {}, 'one-party': {}, unknown: {} };
      const entry = Settings.def.shape.templates.def.shape['all-party'].def.valueType;
      for (const [requirement, byLang] of Object.entries(value)) {
        if (!(REQUIREMENTS as readonly string[]).includes(requirement))
          notices.push(ignored(`templates.${requirement}`, 'is not a requirement (all-party, one-party, unknown)'));
        else templates[requirement] = byLanguage(`templates.${requirement}`, byLang, entry, notices) ?? {};
      }
      return templates;
    }
    case 'purpose':
      return byLanguage(key, value, Settings.def.shape.purpose.def.valueType, notices);
    case 'policy':
      if (typeof value === 'string' && Object.hasOwn(REMOVED_POLICIES, value)) {
        changes.push(`Your administrator's policy asks for "${value}": ${CALLEE_ONLY_NOTICE}`);
        return 'strictest';
      }
      break;
    case 'agentRegion':
      if (typeof value === 'string') value = value.toUpperCase();
      break;
    case 'consentLog': {
      // Some of its fields are enough: each valid one is used, the others keep their defaults.
      if (!isObject(value)) {
        notices.push(ignored(key, 'is not a set of enabled, required, retentionDays and fullNumbers'));
        return undefined;
      }
      const log: Record<string, unknown> = { ...DEFAULT_CONSENT_LOG };
      const fields = Settings.def.shape.consentLog.def.shape;
      for (const [name, given] of Object.entries(value)) {
        const field = Object.hasOwn(fields, name) ? fields[name as keyof typeof fields] : undefined;
        if (!field) notices.push(ignored(`consentLog.${name}`, 'is not a consent log setting'));
        else if (!field.safeParse(given).success) notices.push(ignored(`consentLog.${name}`, 'is not valid'));
        else log[name] = given;
      }
      return log;
    }
  }
  const field = shape[key].safeParse(value);
  if (field.success) return field.data;
  notices.push(ignored(key, 'is not valid'));
  return undefined;
}

function readLockReason(value: unknown, notices: string[]): string | null {
  if (value === undefined) return null;
  if (typeof value === 'string' && value.length <= 200) return value.trim() || null;
  notices.push(ignored('lockReason', 'is not a text of at most 200 characters'));
  return null;
}

/** A list of match patterns: each bad one dropped with a notice. */
function patterns(key: string, value: unknown, notices: string[]): string[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) {
    notices.push(ignored(key, 'is not a list of match patterns'));
    return [];
  }
  return value.filter((p, i) => {
    const ok = typeof p === 'string' && p.length <= 300 && isValidMatchPattern(p);
    if (!ok) notices.push(ignored(`${key}[${i}]`, 'is not a match pattern such as "https://crm.example.com/*"'));
    return ok;
  });
}

function readSitePolicy(sites: unknown, mayAdd: unknown, locked: boolean, notices: string[]): SitePolicy | null {
  let agentsMayAdd = true;
  if (typeof mayAdd === 'boolean') agentsMayAdd = mayAdd;
  else if (mayAdd !== undefined) notices.push(ignored('agentsMayAddSites', 'is not true or false'));
  let mode: SiteMode = 'defaults-plus-allowed';
  let allowed: string[] = [];
  let blocked: string[] = [];
  if (sites !== undefined && !isObject(sites))
    notices.push(ignored('sites', 'is not a set of mode, allowed and blocked'));
  else if (isObject(sites)) {
    if ((SITE_MODES as readonly unknown[]).includes(sites.mode)) mode = sites.mode as SiteMode;
    else if (sites.mode !== undefined) notices.push(ignored('sites.mode', `is not one of ${SITE_MODES.join(', ')}`));
    allowed = patterns('sites.allowed', sites.allowed, notices);
    blocked = patterns('sites.blocked', sites.blocked, notices);
    for (const key of Object.keys(sites))
      if (!['mode', 'allowed', 'blocked'].includes(key)) notices.push(ignored(`sites.${key}`, 'is not a site setting'));
  }
  if (!isObject(sites) && agentsMayAdd && !locked) return null;
  return { mode, allowed, blocked, agentsMayAdd, locked };
}

/** The administrator's policy, key by key. Never throws. */
export function readManaged(managed: unknown): ManagedPolicy {
  const policy: ManagedPolicy = { values: {}, locked: [], sites: null, lockReason: null, notices: [], changes: [] };
  if (managed === undefined || managed === null) return policy;
  if (!isObject(managed)) {
    policy.notices.push('The policy for Consent Guard is not a set of keys, so it is ignored.');
    return policy;
  }
  for (const [key, value] of Object.entries(managed)) {
    if (
      key === 'locked' ||
      (POLICY_ONLY as readonly string[]).includes(key) ||
      // The do-not-call list is data, not a setting: lib/dnc/policy.ts reads it.
      (DNC_POLICY_KEYS as readonly string[]).includes(key)
    )
      continue;
    if (!(MANAGEABLE as readonly string[]).includes(key)) {
      policy.notices.push(ignored(key, 'is not a setting this version knows'));
      continue;
    }
    const read = readKey(key as Manageable, value, policy.notices, policy.changes);
    if (read !== undefined) Object.assign(policy.values, { [key]: read });
  }
  policy.lockReason = readLockReason(managed.lockReason, policy.notices);
  const lockedSites = Array.isArray(managed.locked) && managed.locked.includes('sites');
  policy.sites = readSitePolicy(managed.sites, managed.agentsMayAddSites, lockedSites, policy.notices);
  const locked = managed.locked;
  if (locked !== undefined && !Array.isArray(locked)) policy.notices.push(ignored('locked', 'is not a list'));
  for (const name of Array.isArray(locked) ? locked : []) {
    if ((LOCKABLE as readonly unknown[]).includes(name)) {
      if (!policy.locked.includes(name as Lockable)) policy.locked.push(name as Lockable);
    } else policy.notices.push(ignored(`locked: ${String(name)}`, 'names no setting that can be locked'));
  }
  policy.locked.sort((a, b) => LOCKABLE.indexOf(a) - LOCKABLE.indexOf(b));
  return policy;
}

export interface ResolvedSettings extends ReadResult {
  /** Settings fixed by the administrator: shown as locked, not editable. */
  locked: Lockable[];
  /** The organisation's site policy, if any: lib/sites/site-policy.ts applies it. */
  sitePolicy?: SitePolicy | null;
  /** Why settings are locked, in the organisation's words. */
  lockReason?: string | null;
  /** Parts of the administrator's policy that were ignored, and why (shown in options). */
  policyNotices?: string[];
  /** Who set each setting's value in force. */
  sources?: Partial<Record<keyof Settings, Source>>;
}

/**
 * The settings in force: the defaults, then the administrator's values, then the agent's own, then
 * the locked ones, which nobody overrides. A locked key whose value is missing or ignored stays
 * locked at its default: the administrator meant agents not to choose it.
 */
export function resolveSettings(stored: unknown, managed: unknown): ResolvedSettings {
  const mine = readSettings(stored);
  const policy = readManaged(managed);
  const ownKeys = isObject(stored) ? Object.keys(stored) : [];
  const agentChose = (key: string) =>
    ownKeys.includes(key) || (key === 'agentRegion' && ownKeys.includes('agentState'));
  const settings = { ...mine.settings };
  const sources: Partial<Record<keyof Settings, Source>> = {};
  for (const key of Object.keys(Settings.def.shape) as (keyof Settings)[]) {
    if (key === 'version') continue;
    const isLocked = (policy.locked as string[]).includes(key);
    const pushed = Object.hasOwn(policy.values, key);
    if (isLocked || (pushed && !agentChose(key))) {
      const value = pushed ? policy.values[key as Manageable] : readSettings(undefined).settings[key];
      Object.assign(settings, { [key]: value });
      sources[key] = 'organisation';
    } else sources[key] = agentChose(key) ? 'you' : 'default';
  }
  return {
    settings,
    notices: mine.notices,
    changes: [...(mine.changes ?? []), ...policy.changes],
    locked: policy.locked,
    sitePolicy: policy.sites,
    lockReason: policy.lockReason,
    policyNotices: policy.notices,
    sources,
  };
}
