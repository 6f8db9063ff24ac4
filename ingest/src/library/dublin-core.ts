import { ETHNIC_GROUPS, type AgentRole, type Item } from '@disan/schemas';

/**
 * The Dublin Core crosswalk (the 15 elements of DCMES 1.1, as oai_dc carries them): one
 * function every door that speaks Dublin Core uses (OAI-PMH's oai_dc, SRU's dc records,
 * the per-record DC XML export), so they never disagree. The mapping table is in
 * api/README.md ("Dublin Core and MARC mappings").
 */

export const DC_ELEMENTS = [
  'title',
  'creator',
  'subject',
  'description',
  'publisher',
  'contributor',
  'date',
  'type',
  'format',
  'identifier',
  'source',
  'language',
  'relation',
  'coverage',
  'rights',
] as const;
export type DcElement = (typeof DC_ELEMENTS)[number];

export interface DcValue {
  element: DcElement;
  value: string;
  /** BCP 47 language of the value (xml:lang), when it has one. */
  lang?: string;
}

export interface DublinCoreContext {
  /** The record's page on the public site, when the site's address is known. */
  recordUrl?: string;
  /** Media types of the files the caller may read (dc:format). */
  formats?: readonly string[];
}

/** Agent roles that make a dc:creator; every other role but publisher is a dc:contributor. */
const CREATOR_ROLES: ReadonlySet<AgentRole> = new Set(['creator', 'author', 'compiler', 'photographer', 'recordist']);

/** DCMI Type Vocabulary for each kind: what a generic harvester can sort records by. */
const DCMI_TYPE: Partial<Record<Item['kind'], string>> = {
  book: 'Text',
  report: 'Text',
  thesis: 'Text',
  periodical: 'Text',
  'periodical-issue': 'Text',
  'legal-document': 'Text',
  document: 'Text',
  recording: 'Sound',
  music: 'Sound',
  performance: 'Event',
  festival: 'Event',
  ritual: 'Event',
  artefact: 'PhysicalObject',
  'traditional-product': 'PhysicalObject',
  craft: 'PhysicalObject',
  place: 'PhysicalObject',
  architecture: 'PhysicalObject',
};

/**
 * An item's Dublin Core description, in element order.
 * @example toDublinCore(item).filter((v) => v.element === 'title') // [{ element: 'title', value: 'Ok Om Bok', lang: 'vi' }, …]
 */
export function toDublinCore(item: Item, context: DublinCoreContext = {}): DcValue[] {
  const out: DcValue[] = [];
  const add = (element: DcElement, value: string | undefined, lang?: string) => {
    const trimmed = value?.trim();
    if (trimmed) out.push(lang ? { element, value: trimmed, lang } : { element, value: trimmed });
  };
  const library = item.library;
  for (const title of item.title) add('title', title.value, title.lang);
  for (const agent of item.agents ?? []) {
    if (agent.role === 'publisher') continue;
    add(CREATOR_ROLES.has(agent.role) ? 'creator' : 'contributor', agent.name);
  }
  for (const subject of item.subjects ?? []) add('subject', subject.value, subject.lang);
  for (const heading of library?.subjectHeadings ?? []) add('subject', heading.label, heading.lang);
  for (const group of item.ethnicGroups) add('subject', ETHNIC_GROUPS[group].vi, 'vi');
  for (const description of item.description ?? []) add('description', description.value, description.lang);
  for (const note of library?.notes ?? []) add('description', note.value, note.lang);
  for (const entry of library?.tableOfContents ?? []) add('description', entry.title);
  for (const agent of item.agents ?? []) if (agent.role === 'publisher') add('publisher', agent.name);
  add('publisher', library?.publisher);
  add('publisher', library?.legal?.issuingBody);
  if (library?.legal?.signer) add('contributor', library.legal.signer);
  add('date', library?.legal?.dateIssued ?? item.date);
  add('type', DCMI_TYPE[item.kind]);
  add('type', item.kind);
  if (library?.legal) add('type', library.legal.documentType);
  for (const format of new Set(context.formats ?? [])) add('format', format);
  add('format', library?.extent);
  add('identifier', context.recordUrl);
  add('identifier', library?.legal?.documentNumber);
  for (const identifier of library?.identifiers ?? []) add('identifier', identifierValue(identifier.scheme, identifier.value));
  add('source', item.source);
  add('source', library?.origin?.source);
  for (const language of item.languages ?? []) add('language', language);
  if (library?.series) add('relation', [library.series.title, library.series.number].filter(Boolean).join(' ; '));
  if (library?.issue?.periodicalTitle) add('relation', [library.issue.periodicalTitle, library.issue.volume, library.issue.number].filter(Boolean).join(', '));
  for (const relation of library?.legal?.relations ?? []) add('relation', `${relation.type}: ${relation.documentNumber ?? relation.title ?? relation.itemId ?? ''}`);
  for (const place of item.places ?? []) add('coverage', [place.name, place.province].filter(Boolean).join(', '));
  add('rights', item.rights);
  return out;
}

/** Identifiers as a harvester resolves them: DOI and Handle as URLs, ISBN/ISSN prefixed. */
function identifierValue(scheme: string, value: string): string {
  switch (scheme) {
    case 'doi':
      return /^https?:/.test(value) ? value : `https://doi.org/${value.replace(/^doi:/i, '')}`;
    case 'handle':
      return /^https?:/.test(value) ? value : `https://hdl.handle.net/${value.replace(/^hdl:/i, '')}`;
    case 'isbn':
      return `ISBN ${value}`;
    case 'issn':
      return `ISSN ${value}`;
    default:
      return value;
  }
}
