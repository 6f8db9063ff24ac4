import { DictionaryImportReport, type DictionaryImportQuery } from '@disan/schemas';
import { RawBody, type Transport } from './transport.ts';

/** The dictionary's exchange routes in the workspace (issue 14), called as the visitor. */
export interface DictionaryExchangeClient {
  /** Sends a dictionary file as it was chosen; answers each entry's outcome (a preview when dryRun). */
  importDictionary(bytes: Uint8Array<ArrayBuffer>, query: DictionaryImportQuery): Promise<DictionaryImportReport>;
}

/** The body's type by the file's name: the API reads the name for the format, this only passes the proxy's checks. */
export function dictionaryContentType(name: string): string {
  const extension = /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase();
  return { lift: 'application/xml', zip: 'application/zip', csv: 'text/csv', xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }[extension ?? ''] ?? 'application/octet-stream';
}

export function dictionaryExchangeClient({ send }: Transport): DictionaryExchangeClient {
  return {
    importDictionary: (bytes, query) => {
      const search = new URLSearchParams({ name: query.name, ...(query.status ? { status: query.status } : {}), ...(query.dryRun ? { dryRun: 'true' } : {}) });
      return send('POST', `/api/workspace/dictionary/import?${search.toString()}`, new RawBody(bytes, dictionaryContentType(query.name)), DictionaryImportReport);
    },
  };
}
