import { Piscina } from 'piscina';
import type { CslItem, FormattedReference } from './citations.ts';

/** Formats references off the caller's event loop; one per API process, closed with it. */
export interface ReferenceFormatter {
  /** A record's references in every style offered, in the reader's language (see formattedReferences). */
  references(item: CslItem, lang: string): Promise<FormattedReference[]>;
  /** Lets the references asked for finish, then stops the thread. */
  close(): Promise<void>;
}

/**
 * citeproc builds a style's engine for each style and language on first use: seconds of
 * synchronous work (about 2 s per language for the four styles on a busy 2-core machine),
 * which would stall every other request of an API process. A worker thread (piscina) does
 * it instead, started on the first request; later references take milliseconds. One
 * thread, kept while the process lives: citeproc's engines are cached per thread.
 */
export function createReferenceFormatter(): ReferenceFormatter {
  let pool: Piscina | undefined;
  return {
    references: (item, lang) => {
      pool ??= new Piscina({ filename: new URL('./references-worker.ts', import.meta.url).href, minThreads: 1, maxThreads: 1, idleTimeout: Number.POSITIVE_INFINITY });
      return pool.run({ item, lang }) as Promise<FormattedReference[]>;
    },
    close: async () => {
      await pool?.close();
      pool = undefined;
    },
  };
}
