import { CalendarAnswer, type CalendarQuery, CollectionList, CollectionView, DocumentedBy, EthnicGroupList, ItemPage, ItemView, MediaText, PlaceList, SearchResult, Waveform } from '@disan/schemas';
import { ApiError } from './errors.ts';
import { createTransport, type ListParams, type Transport, type TransportOptions } from './transport.ts';

export { queryString, type ListParams, type Visitor } from './transport.ts';

export interface ApiClient {
  search(params: ListParams): Promise<SearchResult>;
  items(params: ListParams): Promise<ItemPage>;
  item(id: string): Promise<ItemView>;
  /** The records documenting an inventory element, those the visitor may read. */
  documentedBy(id: string): Promise<DocumentedBy>;
  collections(): Promise<CollectionList>;
  collection(id: string, params: ListParams): Promise<CollectionView>;
  ethnicGroups(): Promise<EthnicGroupList>;
  places(): Promise<PlaceList>;
  /** The public's festivals of a year or a month (with `month`, its days in three calendars). */
  calendar(params: CalendarQuery): Promise<CalendarAnswer>;
  /** The text inside a medium: one page's (`page`) or a window of its passages. */
  mediaText(mediaId: string, params: { page?: number; offset?: number; limit?: number }): Promise<MediaText>;
  /** A recording's waveform peaks, by the rendition URL an item's media gives (`/api/media/…`). */
  waveform(renditionUrl: string): Promise<Waveform>;
}

/**
 * The site's client of the archive's records, over HTTP, each call bounded by
 * `timeoutMs`, as the visitor: their address (X-Forwarded-For, so the API's rate limit
 * counts each visitor, not the site as one client) and their session cookie, so a
 * signed-in archivist sees what they may and the public what it may.
 */
export function createApiClient(options: TransportOptions & { forwardedFor?: string | undefined }): ApiClient {
  const visitor = { ...options.visitor, forwardedFor: options.visitor?.forwardedFor ?? options.forwardedFor };
  return recordsClient(createTransport({ ...options, visitor }));
}

export function recordsClient(transport: Transport): ApiClient {
  const { get } = transport;
  const segment = (id: string): string => encodeURIComponent(id);
  return {
    search: (params) => get(SearchResult, '/api/search', params),
    items: (params) => get(ItemPage, '/api/items', params),
    item: (id) => get(ItemView, `/api/items/${segment(id)}`),
    documentedBy: (id) => get(DocumentedBy, `/api/items/${segment(id)}/documented-by`),
    collections: () => get(CollectionList, '/api/collections'),
    collection: (id, params) => get(CollectionView, `/api/collections/${segment(id)}`, params),
    ethnicGroups: () => get(EthnicGroupList, '/api/ethnic-groups'),
    places: () => get(PlaceList, '/api/places'),
    calendar: (params) => get(CalendarAnswer, '/api/calendar', { ...params }),
    mediaText: (mediaId, params) => get(MediaText, `/api/media/${segment(mediaId)}/text`, params),
    waveform: (renditionUrl) => {
      // Only ever a media path on this API: the URL comes from an answer, but the site never follows it elsewhere.
      if (!/^\/api\/media\/[a-z0-9-]+\/[a-z0-9-]+$/.test(renditionUrl)) return Promise.reject(new ApiError(`Not a media rendition path: ${renditionUrl}`, 400));
      return get(Waveform, renditionUrl);
    },
  };
}
