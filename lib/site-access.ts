/** Which sites the content script runs on: the defaults, less what the agent disabled, plus what they enabled. */
import { DEFAULT_MATCHES, isValidMatchPattern } from './sites';

export interface SiteChoices {
  enabledSites: readonly string[];
  disabledSites: readonly string[];
}

export interface Registration {
  matches: string[];
  excludeMatches: string[];
}

export function registrationFor(choices: SiteChoices): Registration {
  const disabled = choices.disabledSites.filter(isValidMatchPattern);
  const matches = [...new Set([...DEFAULT_MATCHES, ...choices.enabledSites.filter(isValidMatchPattern)])].filter(
    (pattern) => !disabled.includes(pattern),
  );
  // A disabled origin inside a default wildcard (acme.zendesk.com under *.zendesk.com) is excluded.
  return { matches: matches.sort(), excludeMatches: [...new Set(disabled)].sort() };
}
