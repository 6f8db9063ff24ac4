/**
 * Runs tasks for the same key one after another (tasks for other keys run freely).
 * The filesystem adapter writes data and its sidecar in two renames; serialising
 * writers of one key keeps the last data file and the last sidecar from the same writer.
 */
export class KeyedLock {
  readonly #tails = new Map<string, Promise<unknown>>();

  async run<T>(key: string, task: () => Promise<T>): Promise<T> {
    const previous = this.#tails.get(key) ?? Promise.resolve();
    const current = previous.catch(() => undefined).then(task);
    this.#tails.set(key, current);
    try {
      return await current;
    } finally {
      // Only the last task in the chain may forget the key, or a later waiter would be skipped.
      if (this.#tails.get(key) === current) this.#tails.delete(key);
    }
  }
}
