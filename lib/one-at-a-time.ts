/**
 * A queue of async tasks run one after another: each starts when the previous one has settled, and
 * a failed task does not stop the next. For writes that read what they change (settings, per-tab
 * numbers, script registrations), where two at once would overwrite each other.
 */
export function oneAtATime(): <T>(task: () => Promise<T>) => Promise<T> {
  let tail: Promise<unknown> = Promise.resolve();
  return (task) => {
    const next = tail.then(task, task);
    tail = next.catch(() => undefined);
    return next;
  };
}
