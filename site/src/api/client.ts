import { CollectionList, CollectionView, EthnicGroupList, ItemPage, ItemView, MediaText, PlaceList, SearchResult, Waveform } from '@disan/schemas';
import type { Static, TSchema } from 'typebox';
import { Value } from 'typebox/value';
import { ApiError, ApiNotFoundError, ApiUnavailableError } from './errors.ts';

/** Filters and paging the site passes to list and search routes; arrays become repeated parameters. */
export type ListParams = Record<string, string | number | readonly string[] | undefined>;

export interface ApiClient {
  search(params: ListParams): Promise<SearchResult>;
  items(params: ListParams): Promise<ItemPage>;
  item(id: string): Promise<ItemView>;
  collections(): Promise<CollectionList>;
  collection(id: string, params: ListParams): Promise<CollectionView>;
  ethnicGroups(): Promise<EthnicGroupList>;
  places(): Promise<PlaceList>;
  /** The text inside a medium: one page's (`page`) or a window of its passages. */
  mediaText(mediaId: string, params: { page?: number; offset?: number; limit?: number }): Promise<MediaText>;
  /** A recording's waveform peaks, by the rendition URL an item's media gives (`/api/media/…`). */
  waveform(renditionUrl: string): Promise<Waveform>;
}

/**
 * @example queryString({ q: 'le hoi', kind: ['festival', 'ritual'], page: 2 }) // 'q=le+hoi&kind=festival&kind=ritual&page=2'
 */
export function queryString(params: ListParams): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    if (value === undefined || value === '') continue;
    if (typeof value === 'object') for (const v of value) search.append(name, v);
    else search.append(name, String(value));
  }
  return search.toString();
}

/**
 * The site's one client of the API: anonymous (the public's view), over HTTP, each
 * call bounded by `timeoutMs`. `forwardedFor` is the visitor's X-Forwarded-For chain,
 * so the API's rate limit counts each visitor, not the site as one client.
 */
export function createApiClient(options: { baseUrl: string; timeoutMs: number; fetch?: typeof fetch; forwardedFor?: string }): ApiClient {
  const doFetch = options.fetch ?? fetch;
  const base = options.baseUrl.replace(/\/+$/, '');
  const headers: Record<string, string> = { accept: 'application/json' };
  if (options.forwardedFor) headers['x-forwarded-for'] = options.forwardedFor;

  /** An answer is used only once it matches its shape in @disan/schemas; this module runs on the server only, so TypeBox never reaches a browser. */
  async function get<S extends TSchema>(shape: S, path: string, params: ListParams = {}): Promise<Static<S>> {
    const qs = queryString(params);
    const url = `${base}${path}${qs ? `?${qs}` : ''}`;
    let response: Response;
    try {
      response = await doFetch(url, { headers, signal: AbortSignal.timeout(options.timeoutMs) });
    } catch (error) {
      throw new ApiUnavailableError(`The API at ${base} did not answer ${path} within ${options.timeoutMs} ms`, { cause: error });
    }
    if (response.status === 404) {
      await response.body?.cancel();
      throw new ApiNotFoundError(path);
    }
    if (!response.ok) {
      const body = await response.text().catch(() => '');
      if (response.status >= 500) throw new ApiUnavailableError(`The API answered ${response.status} to ${path}`, { cause: body });
      throw new ApiError(`The API refused ${path} with ${response.status}`, response.status, { cause: body });
    }
    let body: unknown;
    try {
      body = await response.json();
    } catch (error) {
      throw new ApiUnavailableError(`The API's answer to ${path} is not JSON`, { cause: error });
    }
    if (!Value.Check(shape, body)) {
      const problems = Value.Errors(shape, body).slice(0, 5).map((e) => `${e.instancePath || '/'} ${e.message}`);
      // An API of another version, or a bug: the page says "try again" and the log says why.
      console.error(`site: the API's answer to ${path} does not match its shape: ${problems.join('; ')}`);
      throw new ApiUnavailableError(`The API's answer to ${path} does not match its shape`, { cause: problems });
    }
    return body;
  }

  const segment = (id: string): string => encodeURIComponent(id);
  return {
    search: (params) => get(SearchResult, '/api/search', params),
    items: (params) => get(ItemPage, '/api/items', params),
    item: (id) => get(ItemView, `/api/items/${segment(id)}`),
    collections: () => get(CollectionList, '/api/collections'),
    collection: (id, params) => get(CollectionView, `/api/collections/${segment(id)}`, params),
    ethnicGroups: () => get(EthnicGroupList, '/api/ethnic-groups'),
    places: () => get(PlaceList, '/api/places'),
    mediaText: (mediaId, params) => get(MediaText, `/api/media/${segment(mediaId)}/text`, params),
    waveform: (renditionUrl) => {
      // Only ever a media path on this API: the URL comes from an answer, but the site never follows it elsewhere.
      if (!/^\/api\/media\/[a-z0-9-]+\/[a-z0-9-]+$/.test(renditionUrl)) return Promise.reject(new ApiError(`Not a media rendition path: ${renditionUrl}`, 400));
      return get(Waveform, renditionUrl);
    },
  };
}
