import { ApiError, ApiNotFoundError } from '../api/errors.ts';

export type Loaded<T> = { ok: true; data: T } | { ok: false; status: 404 | 503 };

/**
 * Runs the API calls of a page: a 404 from the API becomes the 404 page, and so does a
 * 400 (the address asked for something that cannot exist, such as `/collection/%00`:
 * trying again would not help). Any other failure is the friendly "try again" page
 * (logged here with its cause, never shown).
 */
export async function load<T>(work: () => Promise<T>): Promise<Loaded<T>> {
  try {
    return { ok: true, data: await work() };
  } catch (error) {
    if (error instanceof ApiNotFoundError) return { ok: false, status: 404 };
    if (error instanceof ApiError && error.status === 400) return { ok: false, status: 404 };
    console.error('site: the API call of a page failed', error);
    return { ok: false, status: 503 };
  }
}

/**
 * Search snippets from the engine are HTML-escaped text with <mark> around matches.
 * Anything else that looks like a tag is escaped again, so a snippet can only ever
 * add <mark> elements.
 * @example safeSnippet('a <mark>b</mark> <img src=x>') // 'a <mark>b</mark> &lt;img src=x>'
 */
export function safeSnippet(html: string): string {
  return html.replace(/<(?!\/?mark>)/g, '&lt;');
}
