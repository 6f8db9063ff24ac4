import { ETHNIC_GROUPS, type Item } from '@disan/schemas';
import { ISSUING_BODY, marcLanguage, nonLatinScript, RELATORS, SIGNER } from './codes.ts';
import { ethnicGroupUri, fixedFieldFor, KIND_GENRE, leaderFor, primaryTitle } from './leader.ts';
import type { MarcDataField, MarcField, MarcRecord, MarcSubfield } from './record.ts';

export interface MarcContext {
  /** The record's page on the public site (856 $u). */
  recordUrl?: string;
}

/** Agent roles whose first holder is the main entry (100); every other agent is an added entry (700). */
const MAIN_ENTRY_ROLES = new Set(['author', 'creator', 'compiler']);

/**
 * An item as a MARC 21 bibliographic record, UTF-8 (leader/09 `a`), fields in ascending
 * tag order. The field-by-field mapping is the table "Dublin Core and MARC mappings" in
 * api/README.md; `fromMarc` reads the same fields back.
 * @example toMarcRecord(item).fields.find((f) => f.tag === '001') // { tag: '001', value: item.id }
 */
export function toMarcRecord(item: Item, context: MarcContext = {}): MarcRecord {
  const fields: MarcField[] = [
    { tag: '001', value: item.id },
    { tag: '005', value: transactionTime(item.updatedAt) },
    { tag: '008', value: fixedFieldFor(item) },
    ...dataFieldsFor(item, context),
  ];
  // A stable sort keeps the order fields were added in within one tag.
  fields.sort((a, b) => a.tag.localeCompare(b.tag));
  return { leader: leaderFor(item), fields };
}

/** 005: yyyymmddhhmmss.f of the last change. */
function transactionTime(iso: string): string {
  const digits = iso.replace(/[^0-9]/g, '');
  return `${digits.slice(0, 14).padEnd(14, '0')}.0`;
}

function field(tag: string, ind1: string, ind2: string, ...pairs: [string, string | undefined][]): MarcDataField[] {
  const subfields: MarcSubfield[] = [];
  for (const [code, value] of pairs) {
    const trimmed = value?.trim();
    if (trimmed) subfields.push({ code, value: trimmed });
  }
  return subfields.length > 0 ? [{ tag, ind1, ind2, subfields }] : [];
}

function dataFieldsFor(item: Item, context: MarcContext): MarcDataField[] {
  const library = item.library;
  const out: MarcDataField[] = [];
  const ids = library?.identifiers ?? [];
  for (const id of ids) {
    switch (id.scheme) {
      case 'isbn':
        out.push(...field('020', ' ', ' ', ['a', id.value]));
        break;
      case 'issn':
        out.push(...field('022', ' ', ' ', ['a', id.value]));
        break;
      case 'doi':
        out.push(...field('024', '7', ' ', ['a', id.value.replace(/^(https?:\/\/(dx\.)?doi\.org\/|doi:)/i, '')], ['2', 'doi']));
        break;
      case 'handle':
        out.push(...field('024', '7', ' ', ['a', id.value.replace(/^(https?:\/\/hdl\.handle\.net\/|hdl:)/i, '')], ['2', 'hdl']));
        break;
      case 'uri':
        out.push(...field('024', '7', ' ', ['a', id.value], ['2', 'uri']));
        break;
      case 'lccn':
        out.push(...field('010', ' ', ' ', ['a', id.value]));
        break;
      case 'oclc':
        out.push(...field('035', ' ', ' ', ['a', `(OCoLC)${id.value.replace(/^\(OCoLC\)/, '')}`]));
        break;
      case 'other':
        out.push(...field('024', '8', ' ', ['a', id.value]));
        break;
      case 'call-number':
        out.push(...field('099', ' ', ' ', ['a', id.value]));
        break;
    }
  }
  const origin = library?.origin;
  if (origin) out.push(...field('035', ' ', ' ', ['a', `(${origin.source})${origin.identifier}`]));
  const legal = library?.legal;
  if (legal) {
    out.push(...field('046', ' ', ' ', ['k', legal.dateIssued], ['m', legal.dateInForce], ['2', legal.dateIssued || legal.dateInForce ? 'edtf' : undefined]));
    // The số hiệu is the issuing body's own number for the document: 088 (report number)
    // is MARC's field for such numbers; 024 would need a $2 source code, and no code
    // list names Vietnamese legal document numbers.
    out.push(...field('088', ' ', ' ', ['a', legal.documentNumber]));
  }
  out.push(...languageFields(item));
  out.push(...agentAndTitleFields(item));
  out.push(...field('250', ' ', ' ', ['a', library?.edition]));
  const publisher = library?.publisher ?? item.agents?.find((agent) => agent.role === 'publisher')?.name ?? legal?.issuingBody;
  const year = legal?.dateIssued ?? item.date;
  out.push(...field('264', ' ', '1', ['a', library?.publicationPlace], ['b', publisher], ['c', year]));
  out.push(...field('300', ' ', ' ', ['a', library?.extent]));
  if (library?.issue) out.push(...field('363', ' ', ' ', ['a', library.issue.volume], ['b', library.issue.number]));
  if (library?.series) out.push(...field('490', '0', ' ', ['a', library.series.title], ['v', library.series.number]));
  for (const note of library?.notes ?? []) out.push(...field('500', ' ', ' ', ['a', note.value]));
  if (legal?.legalStatus) out.push(...field('500', ' ', ' ', ['a', `${LEGAL_STATUS_NOTE}${legal.legalStatus}`]));
  if (library?.thesis) out.push(...field('502', ' ', ' ', ['b', library.thesis.degree], ['c', library.thesis.institution], ['d', item.date?.slice(0, 4)]));
  out.push(...tableOfContents(item));
  for (const description of item.description ?? []) out.push(...field('520', ' ', ' ', ['a', description.value]));
  out.push(...field('540', ' ', ' ', ['u', item.rights]));
  out.push(...subjectFields(item));
  if (legal) out.push(...field('655', ' ', '7', ['a', legal.documentType], ['2', 'local']));
  const genre = KIND_GENRE[item.kind];
  if (genre) out.push(...field('655', ' ', '7', ['a', genre], ['2', 'lcgft']));
  if (legal) {
    out.push(...field('700', '1', ' ', ['a', legal.signer], ['e', SIGNER.term], ['4', SIGNER.code]));
    out.push(...field('710', '2', ' ', ['a', legal.issuingBody], ['e', ISSUING_BODY.term], ['4', ISSUING_BODY.code]));
  }
  const issue = library?.issue;
  if (issue) {
    const enumeration = [issue.volume && `vol. ${issue.volume}`, issue.number && `no. ${issue.number}`].filter(Boolean).join(', ');
    out.push(...field('773', '0', ' ', ['t', issue.periodicalTitle], ['g', enumeration], ['w', issue.periodicalId]));
  }
  for (const relation of legal?.relations ?? []) out.push(...field('787', '0', '8', ['i', relation.type], ['t', relation.title], ['o', relation.documentNumber], ['w', relation.itemId]));
  for (const holding of library?.holdings ?? []) out.push(...field('852', ' ', ' ', ['a', holding.location], ['h', holding.callNumber], ['t', holding.copies?.toString()], ['z', holding.note]));
  out.push(...field('856', '4', '0', ['u', context.recordUrl]));
  out.push(...alternateScriptTitles(item));
  return out;
}

/** The prefix of the 500 note that carries a legal document's status, read back by fromMarc. */
export const LEGAL_STATUS_NOTE = 'Legal status: ';

function languageFields(item: Item): MarcDataField[] {
  const codes = [...new Set((item.languages ?? []).map(marcLanguage).filter((code): code is string => code !== undefined))];
  return field('041', '0', ' ', ...codes.map((code): [string, string] => ['a', code]));
}

function subtitleIn(item: Item, lang: string): string | undefined {
  return item.library?.subtitle?.find((subtitle) => subtitle.lang === lang)?.value;
}

function agentAndTitleFields(item: Item): MarcDataField[] {
  const out: MarcDataField[] = [];
  const agents = (item.agents ?? []).filter((agent) => agent.role !== 'publisher');
  const main = agents.find((agent) => MAIN_ENTRY_ROLES.has(agent.role));
  for (const agent of agents) {
    const relator = RELATORS[agent.role];
    // Surname-first names ("Nguyễn, Văn A") are ind1 1; direct order is 0.
    const ind1 = agent.name.includes(',') ? '1' : '0';
    out.push(...field(agent === main ? '100' : '700', ind1, ' ', ['a', agent.name], ['e', relator.term], ['4', relator.code]));
  }
  const primary = primaryTitle(item);
  // 245 ind1: 1 when there is a main entry (the title is an added entry), else 0.
  out.push(...field('245', main ? '1' : '0', '0', ['a', primary.value], ['b', subtitleIn(item, primary.lang)]));
  for (const title of item.title) {
    if (title === primary || nonLatinScript(title.value)) continue;
    // Titles in other languages written in Latin script: 242 keeps their language ($y).
    out.push(...field('242', '1', '0', ['a', title.value], ['b', subtitleIn(item, title.lang)], ['y', marcLanguage(title.lang)]));
  }
  return out;
}

/** Titles in other scripts: unlinked 880s (occurrence 00) standing for parallel titles (246). */
function alternateScriptTitles(item: Item): MarcDataField[] {
  const primary = primaryTitle(item);
  const out: MarcDataField[] = [];
  for (const title of item.title) {
    const script = nonLatinScript(title.value);
    if (title === primary || !script) continue;
    const linkage = `246-00${script.marc ? `/${script.marc}` : ''}`;
    out.push(...field('880', '3', '1', ['6', linkage], ['a', title.value], ['b', subtitleIn(item, title.lang)]));
  }
  return out;
}

function tableOfContents(item: Item): MarcDataField[] {
  const entries = item.library?.tableOfContents ?? [];
  if (entries.length === 0) return [];
  const pairs: [string, string | undefined][] = [];
  for (const entry of entries) {
    pairs.push(['t', entry.title]);
    if (entry.page !== undefined) pairs.push(['g', `p. ${entry.page}`]);
  }
  // 505 0 0: complete contents, enhanced (titles in $t, pages in $g).
  return field('505', '0', '0', ...pairs);
}

/** Subject heading sources that have their own 650 second indicator. */
const THESAURUS_INDICATOR: Record<string, string> = { lcsh: '0', lcshac: '1', mesh: '2', nal: '3', cash: '5', rvm: '6' };

function subjectFields(item: Item): MarcDataField[] {
  const out: MarcDataField[] = [];
  for (const heading of item.library?.subjectHeadings ?? []) {
    const ind2 = heading.source ? (THESAURUS_INDICATOR[heading.source] ?? '7') : '4';
    out.push(...field('650', ' ', ind2, ['a', heading.label], ['0', heading.uri], ['2', ind2 === '7' ? heading.source : undefined]));
  }
  for (const group of item.ethnicGroups) out.push(...field('650', ' ', '7', ['a', ETHNIC_GROUPS[group].vi], ['0', ethnicGroupUri(group)], ['2', 'local']));
  for (const place of item.places ?? []) out.push(...field('651', ' ', '4', ['a', place.name], ['z', place.province !== place.name ? place.province : undefined]));
  for (const subject of item.subjects ?? []) out.push(...field('653', ' ', ' ', ['a', subject.value]));
  return out;
}
