import type { Account } from '@disan/schemas';

/** Who may export (the API's canExportRecords: staff); the API decides again. */
export const canExport = (account: Account | null): boolean => account?.roles.some((role) => role === 'admin' || role === 'archivist' || role === 'reviewer') ?? false;

/**
 * A search page's query as the export routes take it: the words and filters, without the
 * page, its size or empty values; null when there is nothing to select by (every record is
 * not "this search").
 * @example exportQuery(new URLSearchParams('q=chùa&kind=festival&page=3')) // 'q=ch%C3%B9a&kind=festival'
 * @example exportQuery(new URLSearchParams('page=2')) // null
 */
export function exportQuery(params: URLSearchParams): string | null {
  const kept = new URLSearchParams();
  for (const [name, value] of params) if (value !== '' && name !== 'page' && name !== 'pageSize' && name !== 'done') kept.append(name, value);
  const text = kept.toString();
  return text === '' ? null : text;
}
