import { readFileSync } from 'node:fs';
import { Cite, plugins } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-csl';
import '@citation-js/plugin-ris';
import { CITATION_STYLES, type AgentRole, type CitationStyle, type Item, type ItemKind } from '@disan/schemas';

/**
 * Citations (issue 13) through citation-js 0.8 (core with the BibTeX, CSL and RIS
 * plugins): an item as CSL-JSON, the one shape every other form is made from, then
 * BibTeX, RIS and formatted references. This is the only file that imports citation-js.
 */

// BibTeX output is ASCII-only by default, which silently drops Khmer and Chinese titles.
plugins.config.get('@bibtex').format.asciiOnly = false;

// The styles offered (CITATION_STYLES, in @disan/schemas): three citation-js ships with its CSL plugin, and Chicago from Debian's CSL styles package (CSL_DATA_DIR).

/** Each style's display name, as reference managers and style guides call it (a proper name: not translated). */
export const CITATION_STYLE_LABELS: Record<CitationStyle, string> = {
  apa: 'APA 7',
  chicago: 'Chicago (author-date)',
  vancouver: 'Vancouver',
  harvard1: 'Harvard',
};

const csl = plugins.config.get('@csl');

/**
 * Where Debian's `citation-style-language-styles` and `-locales` packages put the CSL
 * project's official files (CC BY-SA 3.0; `.ci/provision` and the API image install them).
 * citation-js's plugin bundles only apa, vancouver and harvard1 and the en, fr, de, es, nl locales.
 */
export const CSL_DATA_DIR = '/usr/share/citation-style-language';
const CSL_FILES = [
  { kind: 'style', name: 'chicago-author-date', path: 'styles/chicago-author-date.csl' },
  ...['vi-VN', 'km-KH', 'zh-CN'].map((name) => ({ kind: 'locale', name, path: `locales/locales-${name}.xml` })),
] as const;
let cslFilesRegistered = false;

/** Registers Chicago and the vi, km, zh locales on first use; a machine without the Debian packages is told what to install. */
function registerCslFiles(): void {
  if (cslFilesRegistered) return;
  for (const file of CSL_FILES) {
    const path = `${CSL_DATA_DIR}/${file.path}`;
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch (error) {
      const problem = error instanceof Error ? error.message : String(error);
      throw new Error(`Formatted references need the CSL file ${path} (${problem}): install Debian's citation-style-language-styles and citation-style-language-locales (npm run setup does)`);
    }
    if (file.kind === 'style') csl.styles.add(file.name, text);
    else csl.locales.add(file.name, text);
  }
  cslFilesRegistered = true;
}

/** The CSL template of each style, as registered with the plugin. */
const TEMPLATES: Record<CitationStyle, string> = { apa: 'apa', chicago: 'chicago-author-date', vancouver: 'vancouver', harvard1: 'harvard1' };

/** The CSL locale for a reader's language; a language without one gets en-US (the terms "and", "edited by"… in English). */
const CSL_LOCALES: Record<string, string> = { en: 'en-US', vi: 'vi-VN', km: 'km-KH', zh: 'zh-CN', fr: 'fr-FR', de: 'de-DE', es: 'es-ES', nl: 'nl-NL' };

/** @example cslLocale('zh-Hans') // 'zh-CN'; cslLocale('ja') // 'en-US' */
export function cslLocale(lang = 'en'): string {
  return CSL_LOCALES[lang.split('-')[0]!.toLowerCase()] ?? 'en-US';
}

export interface CslName {
  family?: string;
  given?: string;
  literal?: string;
}

/** CSL-JSON's item, as much of it as Disan fills. */
export interface CslItem {
  id: string;
  /** The BibTeX key: the record's id with `_` for `-`, which citation-js would drop from a key (ids are unique, so keys are). */
  'citation-key'?: string;
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
  const csl: CslItem = { id: item.id, 'citation-key': item.id.replaceAll('-', '_'), type: CSL_TYPE[item.kind] ?? 'document', title: item.title[0]!.value };
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
  // Without it citeproc takes the record for English and Title-Cases a Vietnamese title in Chicago and APA's English forms.
  const language = item.languages?.[0] ?? item.title[0]!.lang;
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

/** One formatted reference: what GET /items/:id/citations lists. */
export interface FormattedReference {
  style: CitationStyle;
  label: string;
  text: string;
  html: string;
}

/**
 * A Vietnamese legal document is known by its number (số hiệu), but the CSL styles' legislation
 * branch prints none (Chicago 17 treats it as a book; APA wants a code and section): formatted
 * as a numbered document instead, its number and issuing body are always in the reference.
 * The exports (BibTeX, RIS, CSL-JSON) keep the type `legislation`.
 */
function numbered(item: CslItem): CslItem {
  return item.type === 'legislation' ? { ...item, type: 'report' } : item;
}

/**
 * A formatted reference in a CSL style, in the reader's locale (cslLocale: en-US when
 * there is none). `html` is citeproc's markup of a bibliography entry, escaped by it.
 */
export function formattedReference(item: CslItem, options: { style: CitationStyle; lang?: string; format?: 'text' | 'html' }): string {
  registerCslFiles();
  return new Cite([numbered(item)]).format('bibliography', { format: options.format ?? 'text', template: TEMPLATES[options.style], lang: cslLocale(options.lang) }).trim();
}

/** A record's references in every style offered, as text and as HTML, with each style's label: what GET /items/:id/citations answers. */
export function formattedReferences(item: CslItem, lang?: string): FormattedReference[] {
  registerCslFiles();
  const cite = new Cite([numbered(item)]);
  return CITATION_STYLES.map((style) => {
    const options = { template: TEMPLATES[style], lang: cslLocale(lang) };
    return { style, label: CITATION_STYLE_LABELS[style], text: cite.format('bibliography', { ...options, format: 'text' }).trim(), html: cite.format('bibliography', { ...options, format: 'html' }).trim() };
  });
}

/** What citation-js reads from BibTeX or RIS text, as CSL-JSON: for checking a round trip. */
export function parseCitations(text: string): Record<string, unknown>[] {
  return new Cite(text).data;
}
