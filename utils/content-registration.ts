/** Keeps the content script registered for the sites in force. Registrations persist across restarts. */
import { browser } from 'wxt/browser';
import { registrationFor, type SiteChoices } from '@/lib/sites/site-access';

export const SCRIPT_IDS = ['consent-guard', 'consent-guard-paths'] as const;
/** The page-world hook that reports shadow roots attached after load (entrypoints/shadow-watch.content.ts). */
const SHADOW_WATCH_ID = 'consent-guard-shadow-watch';

type Script = Parameters<typeof browser.scripting.registerContentScripts>[0][number];

/** Patterns whose path is the whole site ("/*") may also run in their about:blank and srcdoc frames. */
const wholeSite = (pattern: string) =>
  pattern.endsWith('/*') && pattern.indexOf('/', pattern.indexOf('://') + 3) === pattern.length - 2;

/** Registers, updates or (with no matches) unregisters one script. */
async function upsert(script: Script, existing: Set<string>): Promise<void> {
  if (script.matches?.length === 0) {
    if (existing.has(script.id)) await browser.scripting.unregisterContentScripts({ ids: [script.id] });
  } else if (existing.has(script.id)) await browser.scripting.updateContentScripts([script]);
  else await browser.scripting.registerContentScripts([script]);
}

export async function syncContentScript(choices: SiteChoices): Promise<void> {
  const { matches, excludeMatches } = registrationFor(choices);
  const existing = new Set((await browser.scripting.getRegisteredContentScripts()).map((s) => s.id));
  // excludeMatches is always given, empty too: an update that leaves it out keeps the previous exclusions.
  const common = { excludeMatches, allFrames: true, persistAcrossSessions: true };
  // Chromium refuses match_origin_as_fallback unless every path is "*", so the few path-limited
  // patterns (dialpad.com/app*, *.zendesk.com/agent/*) get a registration of their own.
  const [whole, paths] = SCRIPT_IDS;
  const content = { ...common, js: ['content-scripts/content.js'], runAt: 'document_idle' as const };
  await Promise.all([
    upsert({ ...content, id: whole, matches: matches.filter(wholeSite), matchOriginAsFallback: true }, existing),
    upsert(
      { ...content, id: paths, matches: matches.filter((m) => !wholeSite(m)), matchOriginAsFallback: false },
      existing,
    ),
    upsert(
      {
        ...common,
        id: SHADOW_WATCH_ID,
        js: ['content-scripts/shadow-watch.js'],
        matches,
        runAt: 'document_start',
        world: 'MAIN',
      },
      existing,
    ),
  ]);
}
