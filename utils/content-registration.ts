/** Keeps the content script registered for the sites in force. Registrations persist across restarts. */
import { browser } from 'wxt/browser';
import { registrationFor, type SiteChoices } from '@/lib/site-access';

export const SCRIPT_IDS = ['consent-guard', 'consent-guard-paths'] as const;
/** The page-world hook that reports shadow roots attached after load (entrypoints/shadow-watch.content.ts). */
export const SHADOW_WATCH_ID = 'consent-guard-shadow-watch';

/** Patterns whose path is the whole site ("/*") may also run in their about:blank and srcdoc frames. */
const wholeSite = (pattern: string) =>
  pattern.endsWith('/*') && pattern.indexOf('/', pattern.indexOf('://') + 3) === pattern.length - 2;

export async function syncContentScript(choices: SiteChoices): Promise<void> {
  const { matches, excludeMatches } = registrationFor(choices);
  // Chromium refuses match_origin_as_fallback unless every path is "*", so the few path-limited
  // patterns (dialpad.com/app*, *.zendesk.com/agent/*) get a registration of their own.
  const groups = [matches.filter(wholeSite), matches.filter((m) => !wholeSite(m))];
  const existing = new Set((await browser.scripting.getRegisteredContentScripts()).map((s) => s.id));
  await Promise.all(
    SCRIPT_IDS.map(async (id, i) => {
      const group = groups[i] ?? [];
      const script = {
        id,
        js: ['content-scripts/content.js'],
        matches: group,
        ...(excludeMatches.length > 0 ? { excludeMatches } : {}),
        allFrames: true,
        matchOriginAsFallback: i === 0,
        runAt: 'document_idle' as const,
        persistAcrossSessions: true,
      };
      if (group.length === 0) {
        if (existing.has(id)) await browser.scripting.unregisterContentScripts({ ids: [id] });
      } else if (existing.has(id)) await browser.scripting.updateContentScripts([script]);
      else await browser.scripting.registerContentScripts([script]);
    }),
  );
  const watch = {
    id: SHADOW_WATCH_ID,
    js: ['content-scripts/shadow-watch.js'],
    matches,
    ...(excludeMatches.length > 0 ? { excludeMatches } : {}),
    allFrames: true,
    runAt: 'document_start' as const,
    world: 'MAIN' as const,
    persistAcrossSessions: true,
  };
  if (matches.length === 0) {
    if (existing.has(SHADOW_WATCH_ID)) await browser.scripting.unregisterContentScripts({ ids: [SHADOW_WATCH_ID] });
  } else if (existing.has(SHADOW_WATCH_ID)) await browser.scripting.updateContentScripts([watch]);
  else await browser.scripting.registerContentScripts([watch]);
}
