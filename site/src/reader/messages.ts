import type { MessageId } from '../i18n/vi.ts';

/** The dictionary ids the reader shows, by the short name reader.ts uses. */
export const READER_MESSAGE_IDS = {
  open: 'reader.open',
  close: 'reader.close',
  region: 'reader.region',
  previous: 'reader.previous',
  next: 'reader.next',
  pageInput: 'reader.pageInput',
  go: 'reader.go',
  status: 'reader.status',
  zoomIn: 'reader.zoomIn',
  zoomOut: 'reader.zoomOut',
  fitWidth: 'reader.fitWidth',
  thumbnails: 'reader.thumbnails',
  thumbnail: 'reader.thumbnail',
  page: 'reader.page',
  search: 'reader.search',
  searchButton: 'reader.searchButton',
  previousHit: 'reader.previousHit',
  nextHit: 'reader.nextHit',
  hits: 'reader.hits',
  hitsOnPage: 'reader.hitsOnPage',
  hitOf: 'reader.hitOf',
  noHits: 'reader.noHits',
  loading: 'reader.loading',
  error: 'reader.error',
  searchError: 'reader.searchError',
} as const satisfies Record<string, MessageId>;

export type ReaderMessages = Record<keyof typeof READER_MESSAGE_IDS, string>;
