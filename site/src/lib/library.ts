import type { ItemView, LibraryIdentifier, MediaView } from '@disan/schemas';
import { focusHref } from './passages.ts';

/**
 * Where an identifier resolves, when it is one a browser can open: DOIs through doi.org,
 * Handles through hdl.handle.net, URIs as they are. ISBNs and call numbers stay text.
 * @example identifierHref({ scheme: 'doi', value: '10.1000/xyz' }) // 'https://doi.org/10.1000/xyz'
 */
export function identifierHref(identifier: LibraryIdentifier): string | null {
  const value = identifier.value.trim();
  switch (identifier.scheme) {
    case 'doi':
      return `https://doi.org/${value.split('/').map(encodeURIComponent).join('/')}`;
    case 'handle':
      return `https://hdl.handle.net/${value.split('/').map(encodeURIComponent).join('/')}`;
    case 'uri':
      return /^https?:\/\//u.test(value) ? value : null;
    case 'isbn':
    case 'issn':
    case 'call-number':
    case 'oclc':
    case 'lccn':
    case 'other':
      return null;
  }
}

/**
 * The document a table of contents points into: the record's first document the viewer
 * may open, or null (a metadata-only record shows its contents without links).
 */
export function tocDocument(item: Pick<ItemView, 'media'>): MediaView | null {
  return item.media.find((medium) => medium.kind === 'document' && medium.original !== null) ?? null;
}

/**
 * A table of contents entry's link: the item page opened on the document at that page,
 * the same link a search passage on that page makes.
 * @example tocHref('/item/r', 'm1', 7) // '/item/r?media=m1&page=7#media-m1'
 */
export function tocHref(itemHref: string, mediaId: string, page: number): string {
  return focusHref(itemHref, mediaId, { page });
}

/** A search for one facet value: subject headings link to every record under them. */
export function facetSearchHref(searchPath: string, facet: string, value: string): string {
  return `${searchPath}?${new URLSearchParams({ [facet]: value }).toString()}`;
}
