import { Cite, plugins } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-csl';
import '@citation-js/plugin-ris';
import type { AgentRole, Item, ItemKind } from '@disan/schemas';

/**
 * Citations (issue 13) through citation-js 0.8 (core with the BibTeX, CSL and RIS
 * plugins): an item as CSL-JSON, the one shape every other form is made from, then
 * BibTeX, RIS and formatted references. This is the only file that imports citation-js.
 */

// BibTeX output is ASCII-only by default, which silently drops Khmer and Chinese titles.
plugins.config.get('@bibtex').format.asciiOnly = false;

/** The reference styles citation-js ships with its CSL plugin (Chicago needs its style registered: not yet done). */
export const CITATION_STYLES = ['apa', 'vancouver', 'harvard1'] as const;
export type CitationStyle = (typeof CITATION_STYLES)[number];

/** CSL locales the plugin ships; vi-VN, km-KH and zh-CN are not among them, so those readers get en-US. */
const CSL_LOCALES: Record<string, string> = { en: 'en-US', fr: 'fr-FR', de: 'de-DE', es: 'es-ES', nl: 'nl-NL' };

export interface CslName {
  family?: string;
  given?: string;
  literal?: string;
}

/** CSL-JSON's item, as much of it as Disan fills. */
export interface CslItem {
  id: string;
  type: string;
  title: string;
  author?: CslName[];
  editor?: CslName[];
  translator?: CslName[];
  issued?: { 'date-parts': number[][] };
  publisher?: string;
  'publisher-place'?: string;
  'container-title'?: string;
  'collection-title'?: string;
  'collection-number'?: string;
  volume?: string;
  issue?: string;
  edition?: string;
  number?: string;
  genre?: string;
  abstract?: string;
  language?: string;
  ISBN?: string;
  ISSN?: string;
  DOI?: string;
  URL?: string;
}

/** CSL types for each kind: what reference managers file the record as. */
const CSL_TYPE: Partial<Record<ItemKind, string>> = {
  book: 'book',
  report: 'report',
  thesis: 'thesis',
  'legal-document': 'legislation',
  periodical: 'periodical',
  'periodical-issue': 'periodical',
  recording: 'song',
  music: 'song',
  performance: 'performance',
};

const NAME_ROLES: Partial<Record<AgentRole, 'author' | 'editor' | 'translator'>> = { author: 'author', creator: 'author', compiler: 'author', editor: 'editor', translator: 'translator' };

/** "Nguyễn, Văn A" is family and given; a name without a comma is kept whole (Vietnamese and Khmer order differs from Western). */
function cslName(name: string): CslName {
  const [family, given] = name.split(/,\s*/, 2);
  return given && family ? { family, given } : { literal: name };
}

export interface CitationContext {
  /** The record's page on the public site. */
  recordUrl?: string;
}

/** @example toCsl(item).type // 'report' */
export function toCsl(item: Item, context: CitationContext = {}): CslItem {
  const library = item.library;
  const csl: CslItem = { id: item.id, type: CSL_TYPE[item.kind] ?? 'document', title: item.title[0]!.value };
  for (const agent of item.agents ?? []) {
    const role = NAME_ROLES[agent.role];
    if (role) (csl[role] ??= []).push(cslName(agent.name));
  }
  const year = Number.parseInt((library?.legal?.dateIssued ?? item.date ?? '').slice(0, 4), 10);
  if (Number.isInteger(year)) csl.issued = { 'date-parts': [[year]] };
  const publisher = library?.publisher ?? item.agents?.find((agent) => agent.role === 'publisher')?.name ?? library?.legal?.issuingBody ?? library?.thesis?.institution;
  if (publisher) csl.publisher = publisher;
  if (library?.publicationPlace) csl['publisher-place'] = library.publicationPlace;
  if (library?.issue?.periodicalTitle) csl['container-title'] = library.issue.periodicalTitle;
  if (library?.issue?.volume) csl.volume = library.issue.volume;
  if (library?.issue?.number) csl.issue = library.issue.number;
  if (library?.series) {
    csl['collection-title'] = library.series.title;
    if (library.series.number) csl['collection-number'] = library.series.number;
  }
  if (library?.edition) csl.edition = library.edition;
  if (library?.legal) csl.number = library.legal.documentNumber;
  if (library?.thesis?.degree) csl.genre = library.thesis.degree;
  const description = item.description?.[0]?.value;
  if (description) csl.abstract = description;
  const language = item.languages?.[0];
  if (language) csl.language = language;
  const identifier = (scheme: string) => library?.identifiers?.find((id) => id.scheme === scheme)?.value;
  const isbn = identifier('isbn');
  const issn = identifier('issn');
  const doi = identifier('doi');
  if (isbn) csl.ISBN = isbn;
  if (issn) csl.ISSN = issn;
  if (doi) csl.DOI = doi.replace(/^(https?:\/\/(dx\.)?doi\.org\/|doi:)/i, '');
  if (context.recordUrl) csl.URL = context.recordUrl;
  return csl;
}

/** Items as a CSL-JSON array, the format Zotero and citeproc read. */
export function cslJson(items: readonly CslItem[]): string {
  return `${JSON.stringify(items, null, 2)}\n`;
}

export function bibtex(items: readonly CslItem[]): string {
  return new Cite(items).format('bibtex', { format: 'text' });
}

export function ris(items: readonly CslItem[]): string {
  return new Cite(items).format('ris', { format: 'text' });
}

/**
 * A formatted reference in a CSL style, in the reader's locale when the plugin has it
 * (else en-US). `html` is citeproc's markup of a bibliography entry, escaped by it.
 */
export function formattedReference(item: CslItem, options: { style: CitationStyle; lang?: string; format?: 'text' | 'html' }): string {
  const locale = CSL_LOCALES[(options.lang ?? 'en').split('-')[0]!] ?? 'en-US';
  return new Cite([item]).format('bibliography', { format: options.format ?? 'text', template: options.style, lang: locale }).trim();
}

/** What citation-js reads from BibTeX or RIS text, as CSL-JSON: for checking a round trip. */
export function parseCitations(text: string): Record<string, unknown>[] {
  return new Cite(text).data;
}
