/**
 * What to look up for a piece of selected text (the context menu and its keyboard shortcut, issue #15
 * item 4): the first phone number the scanner finds in it, or else the text itself, cut to what a
 * lookup takes, so the side panel can say that it holds no number. Null for a blank selection.
 */
import { scanText } from './scan-text';

/** The most of a selection that is read (a selection may be a whole page). */
const MAX_READ = 2000;
/** What a lookup's number may hold (lib/protocol/messages.ts NumberText). */
export const MAX_QUERY = 64;

export function selectionQuery(text: string): string | null {
  const clean = text.slice(0, MAX_READ).replace(/\s+/g, ' ').trim();
  if (clean === '') return null;
  const found = scanText(clean)[0];
  return found ? found.e164 : clean.slice(0, MAX_QUERY);
}
