import { createHash } from 'node:crypto';
import {
  ETHNIC_GROUPS,
  LEGAL_DOCUMENT_TYPES,
  LEGAL_RELATIONS,
  LEGAL_STATUSES,
  type AgentRef,
  type EthnicGroupCode,
  type ItemInput,
  type ItemKind,
  type LegalDocument,
  type LibraryDescription,
  type LibraryIdentifier,
  type LocalizedText,
  type SubjectHeading,
} from '@disan/schemas';
import { bcp47Language, ISSUING_BODY, nonLatinScript, roleForRelator, SIGNER } from './codes.ts';
import { ethnicGroupFromUri } from './leader.ts';
import { controlField, dataFields, firstSubfield, subfieldValues, type MarcDataField, type MarcRecord } from './record.ts';
import { LEGAL_STATUS_NOTE } from './to-marc.ts';

export interface FromMarcOptions {
  /** The file's name (or the library's address) the record came from: origin.source. */
  source: string;
  status?: ItemInput['status'];
  access?: ItemInput['access'];
  collections?: string[];
}

export class MarcRecordError extends Error {
  override name = 'MarcRecordError';
}

/**
 * A MARC 21 bibliographic record as an item to import. The id is derived from the
 * origin (source and the record's 001, else its first 035), so importing the same file
 * again finds the same item. Fields the crosswalk does not know are left out.
 */
export function fromMarc(record: MarcRecord, options: FromMarcOptions): ItemInput {
  const identifier = controlField(record, '001')?.trim() || dataFields(record, '035').map((field) => firstSubfield(field, 'a')?.trim()).find(Boolean);
  if (!identifier) throw new MarcRecordError('the record has neither a control number (001) nor a system control number (035 $a) to know it again by');
  const fixed = controlField(record, '008') ?? '';
  const languages = languagesOf(record, fixed);
  const mainLang = languages[0] ?? 'und';
  const titles = titlesOf(record, mainLang);
  if (titles.titles.length === 0) throw new MarcRecordError('the record has no title (245 $a)');
  const kind = kindOf(record, fixed);
  const library = libraryOf(record, kind, mainLang, options.source, identifier, titles.subtitles);
  const heritage = subjectsOf(record, mainLang);
  const item: ItemInput = {
    id: `marc-${createHash('sha256').update(`${options.source}\n${identifier}`).digest('hex').slice(0, 24)}`,
    kind,
    ethnicGroups: heritage.ethnicGroups,
    title: titles.titles,
    status: options.status ?? 'draft',
    access: options.access ?? { level: 'public' },
    library,
  };
  const description = dataFields(record, '520').flatMap((field) => text(subfieldValues(field, 'a', 'b').join(' '), mainLang));
  if (description.length > 0) item.description = description;
  if (heritage.subjects.length > 0) item.subjects = heritage.subjects;
  if (titles.variants.length > 0) item.alternativeNames = titles.variants;
  const agents = agentsOf(record);
  if (agents.length > 0) item.agents = agents;
  const date = dateOf(record, fixed);
  if (date) item.date = date;
  if (heritage.places.length > 0) item.places = heritage.places;
  if (languages.length > 0) item.languages = languages;
  if (options.collections && options.collections.length > 0) item.collections = options.collections;
  const rights = dataFields(record, '540').map((field) => firstSubfield(field, 'u')).find((uri) => uri && RIGHTS_URI.test(uri));
  if (rights) item.rights = rights;
  return item;
}

const RIGHTS_URI = /^https?:\/\/(rightsstatements\.org\/vocab\/[A-Za-z-]+\/1\.0\/|creativecommons\.org\/(licenses|publicdomain)\/[a-z0-9.-]+(\/[0-9.]+)?(\/[a-z]{2})?\/)$/;

/** ISBD punctuation cataloguers end subfields with (" /", " :", " ;", " =", ","), and a final period. */
export function clean(value: string | undefined): string {
  if (!value) return '';
  return value
    .normalize('NFC')
    .replace(/[\s/:;=,]+$/u, '')
    .replace(/(?<![\s.][A-Z\p{Lu}]|\.\.)\.$/u, '')
    .trim();
}

function text(value: string | undefined, lang: string): LocalizedText[] {
  const cleaned = clean(value);
  return cleaned ? [{ lang: langFor(cleaned, lang), value: cleaned.slice(0, 20000) }] : [];
}

/** A value's language: the record's, unless the value is written in a script that language is not. */
function langFor(value: string, recordLang: string): string {
  const script = nonLatinScript(value);
  // A Latin-script value in a record whose language is written otherwise is a romanisation: ja-Latn.
  if (!script) return recordLang === 'und' || nonLatinScript(sampleFor(recordLang)) === undefined ? recordLang : `${recordLang.split('-')[0]!}-Latn`;
  return nonLatinScript(sampleFor(recordLang))?.name === script.name ? recordLang : script.lang;
}

/** A character in the script a language is usually written in, to compare scripts by. */
function sampleFor(lang: string): string {
  const samples: Record<string, string> = { km: 'ក', zh: '中', ja: 'の', ko: '한', ar: 'ع', he: 'א', yi: 'א', ru: 'я', uk: 'я', el: 'α', th: 'ก', lo: 'ກ' };
  return samples[lang.split('-')[0]!] ?? 'a';
}

function languagesOf(record: MarcRecord, fixed: string): string[] {
  const codes: string[] = [];
  const main = fixed.length >= 38 ? bcp47Language(fixed.slice(35, 38)) : undefined;
  if (main) codes.push(main);
  for (const field of dataFields(record, '041')) {
    if (field.ind2 === '7' && !/^iso639-[23]/.test(firstSubfield(field, '2') ?? '')) continue;
    for (const value of subfieldValues(field, 'a', 'd')) {
      // Older records run codes together: "engfre".
      for (const code of value.match(/[a-z]{3}/gi) ?? []) {
        const tag = bcp47Language(code);
        if (tag) codes.push(tag);
      }
    }
  }
  return [...new Set(codes)].slice(0, 20);
}

interface Titles {
  titles: LocalizedText[];
  subtitles: LocalizedText[];
  variants: NonNullable<ItemInput['alternativeNames']>;
}

function titleText(field: MarcDataField): string {
  return clean(subfieldValues(field, 'a', 'n', 'p').map(clean).join('. '));
}

function titlesOf(record: MarcRecord, mainLang: string): Titles {
  const out: Titles = { titles: [], subtitles: [], variants: [] };
  const add = (field: MarcDataField, lang: string) => {
    const title = titleText(field);
    if (!title) return;
    const titleLang = langFor(title, lang);
    out.titles.push({ lang: titleLang, value: title.slice(0, 20000) });
    const subtitle = clean(firstSubfield(field, 'b'));
    if (subtitle) out.subtitles.push({ lang: titleLang, value: subtitle.slice(0, 20000) });
  };
  for (const field of dataFields(record, '245')) add(field, mainLang);
  for (const field of dataFields(record, '242')) add(field, bcp47Language(firstSubfield(field, 'y') ?? '') ?? 'und');
  for (const field of dataFields(record, '880')) {
    const linked = firstSubfield(field, '6')?.slice(0, 3);
    if (linked === '245' || (linked === '246' && field.ind2 === '1')) add(field, mainLang);
  }
  for (const field of dataFields(record, '246')) {
    const value = titleText(field);
    if (value) out.variants.push({ value: value.slice(0, 500), lang: langFor(value, mainLang), type: 'variant' });
  }
  return { titles: out.titles.slice(0, 64), subtitles: out.subtitles.slice(0, 64), variants: out.variants.slice(0, 100) };
}

/** Leader/06 (type of record) to kind, for what is not a text; texts are told apart further below. */
const KIND_FOR_TYPE: Record<string, ItemKind> = { c: 'music', d: 'music', j: 'music', i: 'recording', g: 'recording', e: 'document', f: 'document', m: 'document', t: 'document', k: 'other', o: 'other', p: 'other', r: 'artefact' };

function kindOf(record: MarcRecord, fixed: string): ItemKind {
  const type = record.leader[6] ?? 'a';
  const level = record.leader[7] ?? 'm';
  if (type !== 'a') return KIND_FOR_TYPE[type] ?? 'other';
  if (level === 's' || level === 'i') return 'periodical';
  if (level === 'b') return 'periodical-issue';
  const nature = fixed.slice(24, 28);
  const genres = dataFields(record, '655').map((field) => (firstSubfield(field, 'a') ?? '').toLowerCase());
  const medium = dataFields(record, '245').map((field) => (firstSubfield(field, 'h') ?? '').toLowerCase()).join(' ');
  if (nature.includes('m') || dataFields(record, '502').length > 0 || genres.some((genre) => genre.startsWith('academic theses') || genre.startsWith('dissertations'))) return 'thesis';
  if (nature.includes('l') || genres.some((genre) => genre.startsWith('legislative materials') || genre.startsWith('law'))) return 'legal-document';
  if (nature.includes('t') || genres.some((genre) => genre.includes('reports'))) return 'report';
  if (medium.includes('manuscript')) return 'document';
  return 'book';
}

function agentsOf(record: MarcRecord): AgentRef[] {
  const agents: AgentRef[] = [];
  for (const field of dataFields(record, '100', '110', '111', '700', '710', '711')) {
    const role = roleForRelator(firstSubfield(field, '4'), firstSubfield(field, 'e') ?? firstSubfield(field, 'j'));
    const relator = firstSubfield(field, '4');
    if (relator === ISSUING_BODY.code || relator === SIGNER.code) continue;
    const name = clean(subfieldValues(field, 'a', 'b').map(clean).join('. '));
    if (!name) continue;
    agents.push({ name: name.slice(0, 300), role: role ?? (field.tag.startsWith('1') ? 'author' : 'contributor') });
  }
  return agents.slice(0, 100);
}

function dateOf(record: MarcRecord, fixed: string): string | undefined {
  const date1 = fixed.slice(7, 11);
  if (/^[0-9]{2}[0-9u]{2}$/.test(date1) && !['b', 'n', '|'].includes(fixed[6] ?? '')) return date1.replace(/u/g, 'X');
  for (const field of dataFields(record, '264', '260')) {
    const year = (firstSubfield(field, 'c') ?? '').match(/[0-9]{4}/)?.[0];
    if (year) return year;
  }
  return undefined;
}

function publication(record: MarcRecord): { place?: string; publisher?: string } {
  const field = dataFields(record, '264').find((candidate) => candidate.ind2 === '1') ?? dataFields(record, '260')[0];
  if (!field) return {};
  const place = clean(firstSubfield(field, 'a')?.replace(/[[\]]/g, ''));
  const publisher = clean(firstSubfield(field, 'b'));
  return { ...(place ? { place } : {}), ...(publisher ? { publisher } : {}) };
}

function identifiersOf(record: MarcRecord): LibraryIdentifier[] {
  const out: LibraryIdentifier[] = [];
  const add = (scheme: LibraryIdentifier['scheme'], value: string | undefined) => {
    const trimmed = value?.trim().split(/\s+/)[0]?.replace(/[.;:,]$/, '');
    if (trimmed && !out.some((id) => id.scheme === scheme && id.value === trimmed)) out.push({ scheme, value: trimmed.slice(0, 300) });
  };
  for (const field of dataFields(record, '020')) add('isbn', firstSubfield(field, 'a'));
  for (const field of dataFields(record, '022')) add('issn', firstSubfield(field, 'a'));
  for (const field of dataFields(record, '010')) add('lccn', firstSubfield(field, 'a'));
  for (const field of dataFields(record, '024')) {
    const source = firstSubfield(field, '2')?.toLowerCase();
    const scheme = source === 'doi' ? 'doi' : source === 'hdl' ? 'handle' : source === 'uri' ? 'uri' : 'other';
    add(scheme, firstSubfield(field, 'a'));
  }
  for (const field of dataFields(record, '035')) {
    const value = firstSubfield(field, 'a') ?? '';
    if (value.startsWith('(OCoLC)')) add('oclc', value.slice('(OCoLC)'.length).replace(/^[a-z]+/, ''));
  }
  for (const field of dataFields(record, '099', '090', '050')) {
    const callNumber = subfieldValues(field, 'a', 'b').join(' ').trim();
    if (callNumber) {
      add('call-number', callNumber.replace(/\s+/g, '\u00a0'));
      out[out.length - 1]!.value = callNumber.slice(0, 300);
      break;
    }
  }
  return out.slice(0, 50);
}

function libraryOf(record: MarcRecord, kind: ItemKind, lang: string, source: string, identifier: string, subtitles: LocalizedText[]): LibraryDescription {
  const library: LibraryDescription = { origin: { protocol: 'marc', source: source.slice(0, 1000), identifier: identifier.slice(0, 1000) } };
  if (subtitles.length > 0) library.subtitle = subtitles;
  const { place, publisher } = publication(record);
  if (publisher) library.publisher = publisher.slice(0, 300);
  if (place) library.publicationPlace = place.slice(0, 300);
  const edition = dataFields(record, '250').map((field) => clean(firstSubfield(field, 'a'))).find(Boolean);
  if (edition) library.edition = edition.slice(0, 200);
  const series = dataFields(record, '490', '830')[0];
  const seriesTitle = series && clean(firstSubfield(series, 'a'));
  if (series && seriesTitle) library.series = { title: seriesTitle.slice(0, 500), ...(firstSubfield(series, 'v') ? { number: clean(firstSubfield(series, 'v')).slice(0, 50) } : {}) };
  const extent = dataFields(record, '300').map((field) => clean(subfieldValues(field, 'a', 'b', 'c').map(clean).join(' ; '))).find(Boolean);
  if (extent) library.extent = extent.slice(0, 300);
  const identifiers = identifiersOf(record);
  if (identifiers.length > 0) library.identifiers = identifiers;
  const headings = headingsOf(record, lang);
  if (headings.length > 0) library.subjectHeadings = headings;
  const toc = dataFields(record, '505').flatMap(tocEntries);
  if (toc.length > 0) library.tableOfContents = toc.slice(0, 1000);
  const notes = dataFields(record, '500')
    .map((field) => firstSubfield(field, 'a') ?? '')
    .filter((note) => !note.startsWith(LEGAL_STATUS_NOTE))
    .flatMap((note) => text(note, lang));
  if (notes.length > 0) library.notes = notes.slice(0, 64);
  const holdings = dataFields(record, '852').flatMap((field) => {
    const location = clean(subfieldValues(field, 'a', 'b').join(' '));
    if (!location) return [];
    const copies = Number.parseInt(firstSubfield(field, 't') ?? '', 10);
    const callNumber = subfieldValues(field, 'h', 'i').join(' ').trim();
    const note = firstSubfield(field, 'z');
    return [{ location: location.slice(0, 300), ...(callNumber ? { callNumber: callNumber.slice(0, 100) } : {}), ...(Number.isInteger(copies) && copies >= 0 ? { copies } : {}), ...(note ? { note: note.slice(0, 1000) } : {}) }];
  });
  if (holdings.length > 0) library.holdings = holdings.slice(0, 100);
  const thesis = dataFields(record, '502')[0];
  if (thesis) {
    const degree = clean(firstSubfield(thesis, 'b'));
    const institution = clean(firstSubfield(thesis, 'c'));
    library.thesis = { ...(degree ? { degree: degree.slice(0, 200) } : {}), ...(institution ? { institution: institution.slice(0, 300) } : {}) };
  }
  const host = dataFields(record, '773')[0];
  if (host) library.issue = issueOf(record, host);
  const legal = legalOf(record, kind, publisher);
  if (legal) library.legal = legal;
  return library;
}

function headingsOf(record: MarcRecord, lang: string): SubjectHeading[] {
  const sources: Record<string, string> = { '0': 'lcsh', '1': 'lcshac', '2': 'mesh', '3': 'nal', '5': 'cash', '6': 'rvm' };
  const out: SubjectHeading[] = [];
  for (const field of dataFields(record, '600', '610', '611', '630', '650')) {
    const uri = firstSubfield(field, '0');
    if (uri && ethnicGroupFromUri(uri)) continue;
    const label = clean(subfieldValues(field, 'a', 'b', 'c', 'd', 't', 'x', 'y', 'z', 'v').map(clean).join(' -- '));
    if (!label) continue;
    const source = field.ind2 === '7' ? firstSubfield(field, '2')?.toLowerCase().replace(/[^a-z0-9.-]/g, '') : sources[field.ind2];
    out.push({
      label: label.slice(0, 500),
      lang: langFor(label, lang),
      ...(source ? { source: source.slice(0, 50) } : {}),
      ...(uri && /^https?:\/\//.test(uri) ? { uri: uri.slice(0, 1000) } : {}),
    });
  }
  return out.slice(0, 100);
}

function subjectsOf(record: MarcRecord, lang: string): { ethnicGroups: EthnicGroupCode[]; subjects: LocalizedText[]; places: { name: string; province?: string }[] } {
  const ethnicGroups = new Set<EthnicGroupCode>();
  for (const field of dataFields(record, '650')) {
    const code = ethnicGroupFromUri(firstSubfield(field, '0') ?? '');
    if (code && code in ETHNIC_GROUPS) ethnicGroups.add(code as EthnicGroupCode);
  }
  const subjects = dataFields(record, '653').flatMap((field) => subfieldValues(field, 'a').flatMap((value) => text(value, lang)));
  const places = dataFields(record, '651').flatMap((field) => {
    const name = clean(firstSubfield(field, 'a'));
    const province = clean(firstSubfield(field, 'z'));
    return name ? [{ name: name.slice(0, 300), ...(province ? { province: province.slice(0, 200) } : {}) }] : [];
  });
  return { ethnicGroups: [...ethnicGroups].slice(0, 20), subjects: subjects.slice(0, 64), places: places.slice(0, 50) };
}

function tocEntries(field: MarcDataField): NonNullable<LibraryDescription['tableOfContents']> {
  const entries: NonNullable<LibraryDescription['tableOfContents']> = [];
  if (field.subfields.some((subfield) => subfield.code === 't')) {
    for (const subfield of field.subfields) {
      const last = entries[entries.length - 1];
      if (subfield.code === 't' && clean(subfield.value)) entries.push({ title: clean(subfield.value).slice(0, 1000) });
      const page = subfield.value.match(/^p\.\s*([0-9]+)/)?.[1];
      if (subfield.code === 'g' && last && page) last.page = Number(page);
    }
    return entries;
  }
  return subfieldValues(field, 'a')
    .flatMap((value) => value.split(/\s--\s?/))
    .map((title) => clean(title))
    .filter(Boolean)
    .map((title) => ({ title: title.slice(0, 1000) }));
}

function issueOf(record: MarcRecord, host: MarcDataField): NonNullable<LibraryDescription['issue']> {
  const enumeration = dataFields(record, '363')[0];
  const g = firstSubfield(host, 'g') ?? '';
  const volume = (enumeration && firstSubfield(enumeration, 'a')) ?? g.match(/vol\.\s*([^,]+)/i)?.[1];
  const number = (enumeration && firstSubfield(enumeration, 'b')) ?? g.match(/no\.\s*([^,]+)/i)?.[1];
  const title = clean(firstSubfield(host, 't') ?? firstSubfield(host, 'a'));
  const periodicalId = firstSubfield(host, 'w');
  return {
    ...(title ? { periodicalTitle: title.slice(0, 500) } : {}),
    ...(volume ? { volume: volume.trim().slice(0, 50) } : {}),
    ...(number ? { number: number.trim().slice(0, 50) } : {}),
    ...(periodicalId && /^[a-z0-9][a-z0-9-]{0,127}$/.test(periodicalId) ? { periodicalId } : {}),
  };
}

function legalOf(record: MarcRecord, kind: ItemKind, publisher: string | undefined): LegalDocument | undefined {
  const documentNumber = dataFields(record, '088').map((field) => firstSubfield(field, 'a')?.trim()).find(Boolean);
  if (kind !== 'legal-document' || !documentNumber) return undefined;
  const party = (code: string) => dataFields(record, '700', '710', '110').find((field) => firstSubfield(field, '4') === code);
  const issuingField = party(ISSUING_BODY.code) ?? dataFields(record, '110')[0];
  const issuingBody = (issuingField && clean(firstSubfield(issuingField, 'a'))) || publisher;
  if (!issuingBody) return undefined;
  const localType = dataFields(record, '655')
    .filter((field) => firstSubfield(field, '2') === 'local')
    .map((field) => firstSubfield(field, 'a'))
    .find((value): value is LegalDocument['documentType'] => (LEGAL_DOCUMENT_TYPES as readonly string[]).includes(value ?? ''));
  const dates = dataFields(record, '046')[0];
  const day = (value: string | undefined) => (value && /^[0-9]{4}-[0-9]{2}-[0-9]{2}$/.test(value) ? value : undefined);
  const dateIssued = day(dates && firstSubfield(dates, 'k'));
  const dateInForce = day(dates && firstSubfield(dates, 'm'));
  const signerField = party(SIGNER.code);
  const signer = signerField && clean(firstSubfield(signerField, 'a'));
  const status = dataFields(record, '500')
    .map((field) => firstSubfield(field, 'a') ?? '')
    .find((note) => note.startsWith(LEGAL_STATUS_NOTE))
    ?.slice(LEGAL_STATUS_NOTE.length);
  const relations = dataFields(record, '787').flatMap((field) => {
    const type = firstSubfield(field, 'i');
    if (!type || !(LEGAL_RELATIONS as readonly string[]).includes(type)) return [];
    const itemId = firstSubfield(field, 'w');
    const number = firstSubfield(field, 'o');
    const title = firstSubfield(field, 't');
    return [{ type: type as (typeof LEGAL_RELATIONS)[number], ...(itemId ? { itemId } : {}), ...(number ? { documentNumber: number } : {}), ...(title ? { title } : {}) }];
  });
  return {
    documentNumber: documentNumber.slice(0, 100),
    documentType: localType ?? 'other',
    issuingBody: issuingBody.slice(0, 300),
    ...(signer ? { signer: signer.slice(0, 300) } : {}),
    ...(dateIssued ? { dateIssued } : {}),
    ...(dateInForce ? { dateInForce } : {}),
    ...(status && (LEGAL_STATUSES as readonly string[]).includes(status) ? { legalStatus: status as LegalDocument['legalStatus'] } : {}),
    ...(relations.length > 0 ? { relations: relations.slice(0, 100) } : {}),
  };
}
