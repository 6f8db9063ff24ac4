import type { ExportFormat, RecordFormat } from '@disan/schemas';
import { queryString, type ListParams } from '../api/transport.ts';

/**
 * Download links of the API's citation doors, through the site's /api proxy: the browser
 * fetches them with the visitor's own cookie, so the API decides what they may read.
 */

/** The forms offered for one record: reference managers' first, then libraries'. */
export const MANAGER_FORMATS = ['ris', 'bibtex', 'csl-json'] as const satisfies readonly RecordFormat[];
export const LIBRARY_FORMATS = ['marcxml', 'marc', 'dc-xml'] as const satisfies readonly RecordFormat[];

/** What each form is called: names of formats, the same in every language. */
export const FORMAT_NAMES: Record<RecordFormat, string> = {
  ris: 'RIS',
  bibtex: 'BibTeX',
  'csl-json': 'CSL-JSON',
  marcxml: 'MARCXML',
  marc: 'MARC 21 (ISO 2709)',
  'dc-xml': 'Dublin Core XML',
};

/** @example recordDownloadHref('bao-cao', 'ris') // '/api/items/bao-cao/cite?format=ris' */
export function recordDownloadHref(id: string, format: RecordFormat): string {
  return `/api/items/${encodeURIComponent(id)}/cite?format=${format}`;
}

/** @example collectionExportHref('hoa', 'bibtex') // '/api/collections/hoa/export?format=bibtex' */
export function collectionExportHref(id: string, format: ExportFormat): string {
  return `/api/collections/${encodeURIComponent(id)}/export?format=${format}`;
}

/**
 * A search page's hits as a download: its words, filters and language, never its page (the
 * export starts at the first hit).
 * @example searchExportHref({ q: 'chùa', kind: ['report'] }, 'ris') // '/api/search/export?q=ch%C3%B9a&kind=report&format=ris'
 */
export function searchExportHref(search: ListParams, format: ExportFormat): string {
  const { page: _page, pageSize: _pageSize, facets: _facets, ...kept } = search;
  return `/api/search/export?${queryString({ ...kept, format })}`;
}
