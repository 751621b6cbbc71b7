/**
 * Runs async tasks one after another, in the order they were handed in: each starts once the one before it has
 * settled (a failed task does not hold up the next). For updates whose last writer must be the last event — the
 * context menu's selection item is written by every selection hint and every `menus.onShown`, each after awaits of
 * its own, and a slow earlier one finishing last would leave the item stale.
 */
export function oneAtATime(): <T>(task: () => Promise<T>) => Promise<T> {
  let last: Promise<unknown> = Promise.resolve();
  return <T>(task: () => Promise<T>): Promise<T> => {
    const run = last.then(task);
    last = run.catch(() => undefined);
    return run;
  };
}
