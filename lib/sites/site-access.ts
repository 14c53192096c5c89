/** Which sites the content script runs on: the defaults, less what the agent disabled, plus what they enabled. */
import {
  DEFAULT_MATCHES,
  DEFAULT_SITES,
  type DialerSite,
  isValidMatchPattern,
  matchesPattern,
  originPattern,
} from './sites';

export interface SiteChoices {
  enabledSites: readonly string[];
  disabledSites: readonly string[];
}

export interface Registration {
  matches: string[];
  excludeMatches: string[];
}

/** The site choices in a stored settings value, whatever its shape: anything unusable reads as none. */
export function siteChoicesOf(stored: unknown): SiteChoices {
  const value = typeof stored === 'object' && stored !== null ? (stored as Record<string, unknown>) : {};
  const patterns = (list: unknown) =>
    Array.isArray(list) && list.every((p) => typeof p === 'string' && p.length <= 300) ? (list as string[]) : [];
  return { enabledSites: patterns(value.enabledSites), disabledSites: patterns(value.disabledSites) };
}

export function registrationFor(choices: SiteChoices): Registration {
  const disabled = choices.disabledSites.filter(isValidMatchPattern);
  const matches = [...new Set([...DEFAULT_MATCHES, ...choices.enabledSites.filter(isValidMatchPattern)])].filter(
    (pattern) => !disabled.includes(pattern),
  );
  // A disabled origin inside a default wildcard (acme.zendesk.com under *.zendesk.com) is excluded.
  return { matches: matches.sort(), excludeMatches: [...new Set(disabled)].sort() };
}

/** Why Consent Guard runs, or does not run, on a page. */
export type SiteStatusKind = 'default' | 'enabled' | 'disabled' | 'not-enabled' | 'unsupported';

interface SiteStatus {
  kind: SiteStatusKind;
  /** Whether the content script is registered for this URL (the host permission aside). */
  runs: boolean;
  /** The page's origin pattern (`https://acme.example.com/*`); null for non-http(s) pages. */
  pattern: string | null;
  /** The default site the URL belongs to, when it is one. */
  site: DialerSite | null;
}

/** The default site `url` belongs to, if any. */
export function defaultSiteFor(url: string): DialerSite | null {
  return DEFAULT_SITES.find((site) => site.matches.some((pattern) => matchesPattern(url, pattern))) ?? null;
}

/**
 * Whether Consent Guard runs on `url` under `choices`, and why: a disable wins over everything,
 * then the agent's own sites, then the defaults. Agrees with `registrationFor` by construction.
 */
export function siteStatus(url: string, choices: SiteChoices): SiteStatus {
  const pattern = originPattern(url);
  const site = pattern ? defaultSiteFor(url) : null;
  if (!pattern) return { kind: 'unsupported', runs: false, pattern: null, site: null };
  const { matches, excludeMatches } = registrationFor(choices);
  const runs = matches.some((p) => matchesPattern(url, p)) && !excludeMatches.some((p) => matchesPattern(url, p));
  const kind: SiteStatusKind = choices.disabledSites.some((p) => isValidMatchPattern(p) && matchesPattern(url, p))
    ? 'disabled'
    : choices.enabledSites.some((p) => isValidMatchPattern(p) && matchesPattern(url, p))
      ? 'enabled'
      : site
        ? 'default'
        : 'not-enabled';
  return { kind, runs, pattern, site };
}

/** Whether two sets of choices are the same (order included): lets callers skip a pointless write. */
export function choicesEqual(a: SiteChoices, b: SiteChoices): boolean {
  const same = (x: readonly string[], y: readonly string[]) => x.length === y.length && x.every((v, i) => v === y[i]);
  return same(a.enabledSites, b.enabledSites) && same(a.disabledSites, b.disabledSites);
}

/**
 * "Enable on this site": every disable covering `url` is lifted, and unless a default site already
 * covers it, the page's origin pattern joins the agent's sites. Unchanged for non-http(s) URLs.
 * Lifting a disable that covers a whole default site (from the options page) re-enables that site.
 */
export function enableSite(choices: SiteChoices, url: string): SiteChoices {
  const pattern = originPattern(url);
  if (!pattern) return choices;
  const disabledSites = choices.disabledSites.filter((p) => !matchesPattern(url, p) && p !== pattern);
  const coveredByDefault = DEFAULT_MATCHES.some((p) => matchesPattern(url, p));
  const enabledSites =
    coveredByDefault || choices.enabledSites.includes(pattern)
      ? [...choices.enabledSites]
      : [...choices.enabledSites, pattern];
  return { enabledSites, disabledSites };
}

interface DisableResult extends SiteChoices {
  /** Host permissions to give back: the agent's own patterns that covered the page. */
  revoke: string[];
}

/**
 * "Disable on this site": the page's origin pattern joins the disabled ones (so a default wildcard
 * such as *.zendesk.com keeps running elsewhere), and the agent's own patterns covering the page go,
 * their host permissions to be given back.
 */
export function disableSite(choices: SiteChoices, url: string): DisableResult {
  const pattern = originPattern(url);
  if (!pattern) return { ...choices, revoke: [] };
  const revoke = choices.enabledSites.filter((p) => matchesPattern(url, p) && !DEFAULT_MATCHES.includes(p));
  return {
    enabledSites: choices.enabledSites.filter((p) => !matchesPattern(url, p)),
    disabledSites: choices.disabledSites.includes(pattern)
      ? [...choices.disabledSites]
      : [...choices.disabledSites, pattern],
    revoke,
  };
}

/**
 * Host permissions the browser granted (`permissions.onAdded`: the popup's request, or the
 * browser's own site-access controls) become the agent's sites, and lift the matching disables.
 * Patterns under the manifest's own (the defaults, e.g. granted back in chrome://extensions) are not added.
 */
export function withGrantedOrigins(choices: SiteChoices, origins: readonly string[]): SiteChoices {
  // Host permissions carry no path: Chromium reports dialpad.com/app* back as dialpad.com/*.
  const hosts = DEFAULT_MATCHES.map((d) => d.replace(/^([^:]+:\/\/[^/]*)\/.*$/, '$1/*'));
  const added = origins.filter((o) => isValidMatchPattern(o) && !hosts.some((d) => patternCovers(d, o)));
  if (added.length === 0) return choices;
  return {
    enabledSites: [...choices.enabledSites, ...added.filter((o) => !choices.enabledSites.includes(o))],
    disabledSites: choices.disabledSites.filter((p) => !added.includes(p)),
  };
}

/**
 * Host permissions the agent took back (`permissions.onRemoved`, e.g. chrome://extensions site
 * access): the agent's sites they covered go. A revoked wildcard (`https://*\/*`) takes every site it covers.
 */
export function withRevokedOrigins(choices: SiteChoices, origins: readonly string[]): SiteChoices {
  const revoked = origins.filter(isValidMatchPattern);
  const enabledSites = choices.enabledSites.filter((p) => !revoked.some((r) => patternCovers(r, p)));
  return enabledSites.length === choices.enabledSites.length ? choices : { ...choices, enabledSites };
}

/**
 * Whether every URL `inner` matches is also matched by `outer` (both valid match patterns). Hosts
 * and schemes are compared exactly as match patterns define them; paths by glob, `inner`'s taken literally.
 */
export function patternCovers(outer: string, inner: string): boolean {
  if (outer === inner) return true;
  if (!isValidMatchPattern(outer) || !isValidMatchPattern(inner) || inner === '<all_urls>') return false;
  const parts = (p: string) => /^([^:/]+):\/\/([^/]*)(\/.*)$/.exec(p);
  const i = parts(inner);
  if (!i) return false;
  const [, iScheme = '', iHost = '', iPath = ''] = i;
  if (outer === '<all_urls>') return true;
  const o = parts(outer);
  if (!o) return false;
  const [, oScheme = '', oHost = '', oPath = ''] = o;
  const schemeOk = oScheme === iScheme || (oScheme === '*' && (iScheme === 'http' || iScheme === 'https'));
  if (!schemeOk) return false;
  const host = iHost.toLowerCase();
  const want = oHost.toLowerCase();
  let hostOk: boolean;
  if (want === '*') hostOk = true;
  else if (host === '*') hostOk = false;
  else if (want.startsWith('*.')) {
    const base = want.slice(2);
    const bare = host.startsWith('*.') ? host.slice(2) : host;
    hostOk = bare === base || bare.endsWith(`.${base}`);
  } else hostOk = host === want;
  if (!hostOk) return false;
  return matchesPattern(`https://x.invalid${iPath}`, `https://x.invalid${oPath}`) || oPath === '/*';
}

/**
 * Whether a tab that starts loading `url` may keep the numbers stored for it (issue #18 item 9).
 * The background reads a tab's address only where it has host access (no `tabs` permission), so an
 * unknown address is a site where the content script cannot run: the previous page's numbers go.
 * Where it runs, the new page's first scan starts the tab afresh anyway, and an SPA's own
 * navigations keep them.
 */
export function keepsTabNumbers(url: string | undefined, choices: SiteChoices): boolean {
  return url !== undefined && siteStatus(url, choices).runs;
}
