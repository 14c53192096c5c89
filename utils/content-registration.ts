/** Keeps the content script registered for the sites in force. Registrations persist across restarts. */
import { browser } from 'wxt/browser';
import { registrationFor, type SiteChoices } from '@/lib/site-access';

export const SCRIPT_ID = 'consent-guard';

export async function syncContentScript(choices: SiteChoices): Promise<void> {
  const { matches, excludeMatches } = registrationFor(choices);
  const script = {
    id: SCRIPT_ID,
    js: ['content-scripts/content.js'],
    matches,
    excludeMatches,
    allFrames: true,
    matchOriginAsFallback: true,
    runAt: 'document_idle' as const,
    persistAcrossSessions: true,
  };
  const existing = await browser.scripting.getRegisteredContentScripts({ ids: [SCRIPT_ID] });
  if (matches.length === 0) {
    if (existing.length > 0) await browser.scripting.unregisterContentScripts({ ids: [SCRIPT_ID] });
  } else if (existing.length > 0) await browser.scripting.updateContentScripts([script]);
  else await browser.scripting.registerContentScripts([script]);
}
