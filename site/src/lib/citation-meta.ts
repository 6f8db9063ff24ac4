import type { AgentRole, ItemView, MediaView } from '@disan/schemas';
import { LIBRARY_KINDS } from '@disan/schemas';
import { isoDate } from './format.ts';
import { reportNumber } from './jsonld-library.ts';
import { absoluteUrl } from './seo.ts';

/** One `<meta name content>` of the head. */
export interface MetaTag {
  name: string;
  content: string;
}

/**
 * Kinds whose pages carry Highwire Press `citation_*` tags: the library's records and the
 * archive's documents. Google Scholar indexes a page by these tags alone, so festivals and
 * crafts do not carry them (their JSON-LD describes them); every record can still be cited
 * from its Cite section.
 */
const CITABLE_KINDS: ReadonlySet<string> = new Set([...LIBRARY_KINDS, 'document']);

/** Roles cited as authors, the same the engine's CSL puts in `author` (ingest/src/library/citations.ts). */
const AUTHOR_ROLES: ReadonlySet<AgentRole> = new Set(['author', 'creator', 'compiler']);

/**
 * A date as Google Scholar reads it: "2024/05/12", "2024/05" or "2024". Uncertain or
 * unspecified EDTF dates give nothing.
 * @example scholarDate('2024-05-12') // '2024/05/12'
 * @example scholarDate('19XX') // null
 */
export function scholarDate(edtf: string | null | undefined): string | null {
  return isoDate(edtf ?? null)?.replaceAll('-', '/') ?? null;
}

/**
 * The record's own PDF, when the public may read it: a published public record whose
 * document the viewer sees. Never for a metadata-only, restricted or draft record, even when
 * a signed-in archivist, who may read the file, is the one viewing the page.
 */
export function publicPdf(item: Pick<ItemView, 'status' | 'access' | 'media'>): string | null {
  if (item.status !== 'published' || item.access.level !== 'public') return null;
  for (const medium of item.media) {
    if (medium.kind !== 'document') continue;
    const url = pdfOf(medium);
    if (url) return url;
  }
  return null;
}

function pdfOf(medium: MediaView): string | null {
  const rendition = medium.renditions.find((r) => r.mimeType === 'application/pdf');
  if (rendition) return rendition.url;
  return medium.mimeType === 'application/pdf' ? medium.original : null;
}

/**
 * The Highwire Press `citation_*` meta tags of a record's page, the ones Google Scholar's
 * inclusion guidelines name and Zotero's "Embedded Metadata" translator reads, so a
 * reference manager saves the record in one click. Empty for kinds that are not citable works.
 * @example citationMeta(book, { base, pageUrl })[0] // { name: 'citation_title', content: 'Văn hoá Khmer Nam Bộ' }
 */
export function citationMeta(item: ItemView, options: { base: string; pageUrl: string }): MetaTag[] {
  if (!CITABLE_KINDS.has(item.kind)) return [];
  const tags: MetaTag[] = [];
  const add = (name: string, content: string | null | undefined) => {
    const text = content?.trim();
    if (text) tags.push({ name, content: text });
  };
  const library = item.library;
  // The title as catalogued (the first), the one the engine's references use.
  add('citation_title', item.title[0]?.value);
  for (const agent of item.agents) if (AUTHOR_ROLES.has(agent.role)) add('citation_author', agent.name);
  add('citation_publication_date', scholarDate(library?.legal?.dateIssued ?? item.date));
  add('citation_publisher', library?.publisher ?? item.agents.find((a) => a.role === 'publisher')?.name ?? library?.legal?.issuingBody);
  for (const identifier of library?.identifiers ?? []) {
    if (identifier.scheme === 'isbn') add('citation_isbn', identifier.value);
    if (identifier.scheme === 'issn') add('citation_issn', identifier.value);
    if (identifier.scheme === 'doi') add('citation_doi', identifier.value.replace(/^(https?:\/\/(dx\.)?doi\.org\/|doi:)/iu, ''));
  }
  add('citation_language', item.languages[0]);
  if (item.kind === 'report') {
    add('citation_technical_report_number', reportNumber(library));
    add('citation_technical_report_institution', library?.publisher ?? item.agents.find((a) => a.role === 'publisher')?.name);
  }
  if (item.kind === 'legal-document') add('citation_technical_report_number', library?.legal?.documentNumber);
  if (item.kind === 'thesis') add('citation_dissertation_institution', library?.thesis?.institution);
  if (item.kind === 'periodical-issue' && library?.issue) {
    add('citation_journal_title', library.issue.periodicalTitle);
    add('citation_volume', library.issue.volume);
    add('citation_issue', library.issue.number);
  }
  const keywords = [...item.subjects.map((s) => s.value), ...(library?.subjectHeadings ?? []).map((h) => h.label)];
  for (const keyword of new Set(keywords)) add('citation_keywords', keyword);
  add('citation_abstract_html_url', options.pageUrl);
  const pdf = publicPdf(item);
  if (pdf) add('citation_pdf_url', absoluteUrl(options.base, pdf));
  return tags;
}
