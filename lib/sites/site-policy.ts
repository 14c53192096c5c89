/**
 * The organisation's site policy (enterprise policy `sites` and `agentsMayAddSites`) applied to the
 * agent's own site choices: the choices in force, which registrationFor and siteStatus then read.
 */

import type { SiteChoices } from './site-access';
import { DEFAULT_MATCHES, matchesPattern } from './sites';

/**
 * - `defaults-plus-allowed`: the default dialer sites and the allowed ones;
 * - `only-allowed`: the allowed sites alone (the defaults are off);
 * - `defaults-minus-blocked`: the default dialer sites without the blocked ones.
 * Blocked sites are off in every mode.
 */
export const SITE_MODES = ['defaults-plus-allowed', 'only-allowed', 'defaults-minus-blocked'] as const;
export type SiteMode = (typeof SITE_MODES)[number];

export interface SitePolicy {
  mode: SiteMode;
  allowed: readonly string[];
  blocked: readonly string[];
  /** Whether agents may switch Consent Guard on for other sites (default true). */
  agentsMayAdd: boolean;
  /** Whether the agent's own switches are ignored (`locked: ["sites"]`). */
  locked: boolean;
}

const union = (...lists: (readonly string[])[]) => [...new Set(lists.flat())];

/** The site choices in force: the organisation's sites, and the agent's where the policy leaves them a say. */
export function effectiveSiteChoices(own: SiteChoices, policy: SitePolicy | null | undefined): SiteChoices {
  if (!policy) return own;
  const agentEnabled = policy.agentsMayAdd && !policy.locked ? own.enabledSites : [];
  const agentDisabled = policy.locked ? [] : own.disabledSites.filter((p) => !policy.allowed.includes(p));
  const allowed = policy.mode === 'defaults-minus-blocked' ? [] : policy.allowed;
  const defaultsOff = policy.mode === 'only-allowed' ? DEFAULT_MATCHES.filter((p) => !allowed.includes(p)) : [];
  return {
    enabledSites: union(allowed, agentEnabled).filter((p) => !policy.blocked.includes(p)),
    disabledSites: union(agentDisabled, defaultsOff, policy.blocked),
  };
}

/** Whether the agent may switch the site of `url` on or off themselves under `policy` (`runs`: it runs now). */
export function agentDecides(policy: SitePolicy | null | undefined, url: string, runs: boolean): boolean {
  if (!policy) return true;
  if (policy.locked || policy.blocked.some((p) => matchesPattern(url, p))) return false;
  if (runs) return true;
  // Switching on a site the organisation did not put in force is adding one; a default site that
  // only-allowed switched off stays off.
  const offDefault = policy.mode === 'only-allowed' && DEFAULT_MATCHES.some((p) => matchesPattern(url, p));
  return policy.agentsMayAdd && !offDefault;
}
