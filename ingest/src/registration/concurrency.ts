/**
 * Runs `task` over `items` with at most `limit` running at once, in order of
 * start. Each task's failure is its own: the rest go on.
 */
export async function forEachLimited<T>(items: AsyncIterable<T> | Iterable<T>, limit: number, task: (item: T) => Promise<void>): Promise<void> {
  const running = new Set<Promise<void>>();
  for await (const item of items) {
    const promise: Promise<void> = task(item)
      .catch(() => undefined)
      .finally(() => running.delete(promise));
    running.add(promise);
    if (running.size >= limit) await Promise.race(running);
  }
  await Promise.all(running);
}
