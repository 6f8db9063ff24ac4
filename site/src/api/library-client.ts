import { MarcImportReport, type MarcImportQuery } from '@disan/schemas';
import { RawBody, type Transport } from './transport.ts';

/** The e-library's workspace routes (issue 13), called as the visitor. */
export interface LibraryClient {
  /** Imports a MARC file (ISO 2709 or MARCXML) as it was chosen; answers each record's outcome. */
  importMarc(bytes: Uint8Array<ArrayBuffer>, query: MarcImportQuery): Promise<MarcImportReport>;
}

/** MARCXML starts with `<` (after a byte-order mark or blanks); anything else is sent as ISO 2709. */
export function marcContentType(bytes: Uint8Array): string {
  const start = bytes.findIndex((byte) => ![0xef, 0xbb, 0xbf, 0x20, 0x09, 0x0a, 0x0d].includes(byte));
  return bytes[start] === 0x3c ? 'application/marcxml+xml' : 'application/marc';
}

export function libraryClient({ send }: Transport): LibraryClient {
  return {
    importMarc: (bytes, query) => {
      const search = new URLSearchParams(Object.entries(query).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
      return send('POST', `/api/workspace/library/marc?${search.toString()}`, new RawBody(bytes, marcContentType(bytes)), MarcImportReport);
    },
  };
}
