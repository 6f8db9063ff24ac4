import { CitationList } from '@disan/schemas';
import type { Lang } from '../i18n/langs.ts';
import type { Transport } from './transport.ts';

/**
 * How long an item page waits for its formatted references. They are an extra: the API's
 * first formatting after it starts loads citeproc's styles and locales (seconds on a busy
 * machine, 20 ms each after), and a page is not held for that; the call still completes.
 */
export const REFERENCES_WAIT_MS = 2500;

/** A record's formatted references (issue 13), as the visitor may read the record. */
export interface CitationClient {
  /** APA, Chicago, Vancouver and Harvard, with the terms of the reader's language. */
  citations(id: string, lang: Lang): Promise<CitationList>;
}

export function citationClient({ get }: Transport): CitationClient {
  return {
    citations: (id, lang) => get(CitationList, `/api/items/${encodeURIComponent(id)}/citations`, { lang }),
  };
}

/**
 * The references if they come within `waitMs`, else null; a failed call is null too, so
 * the page renders without them.
 */
export async function referencesFor(client: CitationClient, id: string, lang: Lang, waitMs = REFERENCES_WAIT_MS): Promise<CitationList | null> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<null>((resolve) => { timer = setTimeout(() => { resolve(null); }, waitMs); });
  try {
    return await Promise.race([client.citations(id, lang).catch(() => null), late]);
  } finally {
    clearTimeout(timer);
  }
}
