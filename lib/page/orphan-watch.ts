/**
 * An update, reload or disable of the extension leaves its content scripts orphaned, and nothing
 * tells them: `isAlive` (the extension runtime is still there) is checked every `everyMs`, and
 * `onOrphaned` runs once when it is gone. This is the only way our content script stops: never on
 * a page event (WXT's ContentScriptContext also stops on a "content script started" DOM event,
 * which a page that learns the extension's id can forge).
 */
export function watchOrphaned(isAlive: () => boolean, onOrphaned: () => void, everyMs = 2000): () => void {
  const timer = setInterval(() => {
    let alive: boolean;
    try {
      alive = isAlive();
    } catch {
      // A runtime that throws when asked is gone too.
      alive = false;
    }
    if (alive) return;
    clearInterval(timer);
    onOrphaned();
  }, everyMs);
  return () => clearInterval(timer);
}
