/**
 * Site access in the browser: the agent's site choices in storage.sync, kept in step with the host
 * permissions the browser holds, and the content script registration they lead to.
 * The decisions themselves are pure functions in lib/sites/site-access.ts.
 */
import { browser } from 'wxt/browser';
import { oneAtATime } from '@/lib/one-at-a-time';
import {
  choicesEqual,
  registrationFor,
  type SiteChoices,
  withGrantedOrigins,
  withRevokedOrigins,
} from '@/lib/sites/site-access';
import { effectiveSiteChoices, type SitePolicy } from '@/lib/sites/site-policy';
import { SCRIPT_IDS } from '@/utils/content-registration';
import { load, update } from '@/utils/settings-store';

const choicesOf = (s: SiteChoices): SiteChoices => ({ enabledSites: s.enabledSites, disabledSites: s.disabledSites });

/** The agent's own site choices. */
export async function loadSiteChoices(): Promise<SiteChoices> {
  return choicesOf((await load()).settings);
}

/** The agent's own site choices, the organisation's site policy, and the choices in force under it. */
export async function loadSites(): Promise<{
  own: SiteChoices;
  policy: SitePolicy | null;
  effective: SiteChoices;
  lockReason: string | null;
}> {
  const { settings, sitePolicy = null, lockReason = null } = await load();
  const own = choicesOf(settings);
  return { own, policy: sitePolicy, effective: effectiveSiteChoices(own, sitePolicy), lockReason };
}

/**
 * Changes the site choices and nothing else, through the settings store: the other stored fields
 * are kept as stored (a field the agent never set stays unset, so an administrator's value still
 * applies to it). Writes only when something changed; returns the choices in force afterwards.
 */
export async function updateSiteChoices(change: (current: SiteChoices) => SiteChoices): Promise<SiteChoices> {
  let next: SiteChoices | null = null;
  const own = await update((settings) => {
    const current = choicesOf(settings);
    const changed = change(current);
    if (choicesEqual(current, changed)) return null;
    next = changed;
    return { enabledSites: [...changed.enabledSites], disabledSites: [...changed.disabledSites] };
  });
  return next ?? choicesOf(own);
}

/**
 * Follows the host permissions the browser grants and takes back, whoever asked: the popup's
 * request, or the browser's own site-access controls (chrome://extensions, Firefox's add-on manager).
 * Changing the settings is enough: the background re-registers the content script on every change.
 */
export function followPermissions(): void {
  const serially = oneAtATime();
  const apply = (change: (c: SiteChoices) => SiteChoices) => {
    serially(() => updateSiteChoices(change)).catch((error) =>
      console.error('[Consent Guard] could not update the sites', error),
    );
  };
  try {
    browser.permissions.onAdded.addListener(({ origins = [] }) => {
      if (origins.length > 0) apply((c) => withGrantedOrigins(c, origins));
    });
    browser.permissions.onRemoved.addListener(({ origins = [] }) => {
      if (origins.length > 0) apply((c) => withRevokedOrigins(c, origins));
    });
  } catch (error) {
    // Only where the API is missing (WXT's fake browser): the rest of the background still starts.
    console.debug('[Consent Guard] permission events unavailable', error);
  }
}

const sameSet = (a: readonly string[], b: readonly string[]) => {
  const set = new Set(a);
  return set.size === new Set(b).size && b.every((x) => set.has(x));
};

/**
 * Resolves once the registered content script reflects `choices` (the background re-registers on
 * every settings change), so a tab reloaded afterwards gets, or no longer gets, the script.
 * Gives up quietly after `timeoutMs`.
 */
export async function registrationSettled(choices: SiteChoices, timeoutMs = 3000): Promise<boolean> {
  const want = registrationFor(choices);
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const scripts = await browser.scripting.getRegisteredContentScripts({ ids: [...SCRIPT_IDS] });
    const matches = scripts.flatMap((s) => s.matches ?? []);
    const excludes = [...new Set(scripts.flatMap((s) => s.excludeMatches ?? []))];
    if (sameSet(matches, want.matches) && sameSet(excludes, want.excludeMatches)) return true;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return false;
}
