import type { FoundPage, MediaFind, MediaWords, PageWords } from '@disan/schemas';

/** The reader's questions to the archive, on this origin with the visitor's session (the API's access rules decide). */

export async function findInMedia(mediaId: string, q: string, signal?: AbortSignal): Promise<FoundPage[]> {
  const response = await fetch(`/api/media/${encodeURIComponent(mediaId)}/find?q=${encodeURIComponent(q)}`, { headers: { accept: 'application/json' }, ...(signal ? { signal } : {}) });
  if (!response.ok) throw new Error(`find answered ${response.status}`);
  return ((await response.json()) as MediaFind).pages;
}

/** The OCR words of every scanned page, by page: asked once, when the first page without a text layer is shown. */
export async function ocrWords(mediaId: string): Promise<Map<number, PageWords['lines']>> {
  const response = await fetch(`/api/media/${encodeURIComponent(mediaId)}/words`, { headers: { accept: 'application/json' } });
  if (!response.ok) throw new Error(`words answered ${response.status}`);
  return new Map(((await response.json()) as MediaWords).pages.map((page) => [page.page, page.lines]));
}
