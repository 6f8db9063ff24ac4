import type { Item, SearchDocument } from '@disan/schemas';
import { identifierKeysOf } from '../analyzer/index.ts';

type LibraryFields = Pick<SearchDocument, 'library' | 'identifierKeys' | 'documentType' | 'issuer' | 'legalStatus' | 'publisher' | 'subjectHeadings'>;

/**
 * What a library record adds to its search document: the catalogued text, searched like
 * a description; identifier keys, so a document number or ISBN is found however it is
 * typed; and the values of the library facets. Records without a `library` block add
 * nothing, so their documents stay as they were.
 */
export function libraryFields(item: Item): LibraryFields {
  const library = item.library;
  if (!library) return {};
  const legal = library.legal;
  const identifiers = (library.identifiers ?? []).map((identifier) => identifier.value);
  const numbers = legal ? [legal.documentNumber, ...identifiers] : identifiers;
  const text = [
    ...(library.subtitle ?? []).map((subtitle) => subtitle.value),
    library.publisher,
    library.publicationPlace,
    library.edition,
    library.series?.title,
    library.extent,
    ...(library.subjectHeadings ?? []).map((heading) => heading.label),
    ...(library.tableOfContents ?? []).map((entry) => entry.title),
    ...(library.notes ?? []).map((note) => note.value),
    legal?.issuingBody,
    legal?.signer,
    ...(legal?.relations ?? []).flatMap((relation) => [relation.documentNumber, relation.title]),
    library.issue?.periodicalTitle,
    library.thesis?.institution,
    library.thesis?.degree,
    ...numbers,
  ];
  return {
    library: text.filter((value): value is string => typeof value === 'string' && value.trim() !== ''),
    identifierKeys: identifierKeysOf(numbers),
    documentType: legal ? [legal.documentType] : [],
    issuer: legal ? [legal.issuingBody] : [],
    legalStatus: legal?.legalStatus ? [legal.legalStatus] : [],
    publisher: library.publisher ? [library.publisher] : [],
    subjectHeadings: [...new Set((library.subjectHeadings ?? []).map((heading) => heading.label))],
  };
}
