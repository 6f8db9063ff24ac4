import { ETHNIC_GROUP_CODES, ETHNIC_GROUPS, ITEM_KINDS, type AgentRef, type ItemInput, type ItemKind, type LibraryIdentifier, type LocalizedText } from '@disan/schemas';
import { asArray, attribute, textOf, type XmlNode } from './oai-xml.ts';

/**
 * oai_dc to a library record: the inverse of `toDublinCore` where Disan wrote the record
 * (the kind and the ethnic groups come back), and a sensible reading of anyone else's
 * Dublin Core. Text without xml:lang takes the record's first dc:language, else `und`.
 * Only the bibliographic fields are filled; id, status, access and origin are the
 * harvester's (see records.ts).
 */
export type HarvestedFields = Omit<ItemInput, 'id' | 'status' | 'access'>;

const RECORD_KINDS: ReadonlySet<string> = new Set(ITEM_KINDS);

/** dc:type words to kinds, first match wins; `Text` and anything unknown is a book. */
const TYPE_WORDS: readonly [RegExp, ItemKind][] = [
  [/thes[ie]s|dissertation|doctoral|master/i, 'thesis'],
  [/periodical issue|journal issue|\bissue\b/i, 'periodical-issue'],
  [/periodical|journal|serial|magazine|newspaper/i, 'periodical'],
  [/legislation|\blaw\b|decree|regulation|legal/i, 'legal-document'],
  // A journal article, a preprint or a working paper stands alone like a report; no article kind exists.
  [/report|working ?paper|article|preprint|conference|paper/i, 'report'],
  [/^sound$|audio/i, 'recording'],
  [/^physical ?object$/i, 'artefact'],
];

/** ISO 639-2 codes and English names DC records use, to the BCP 47 tags the archive keeps. */
const LANGUAGE_NAMES: Record<string, string> = {
  eng: 'en', english: 'en', vie: 'vi', vietnamese: 'vi', khm: 'km', khmer: 'km', chi: 'zh', zho: 'zh', chinese: 'zh',
  fre: 'fr', fra: 'fr', french: 'fr', ger: 'de', deu: 'de', german: 'de', dut: 'nl', nld: 'nl', dutch: 'nl',
  spa: 'es', spanish: 'es', ita: 'it', italian: 'it', por: 'pt', portuguese: 'pt', rus: 'ru', russian: 'ru',
  jpn: 'ja', japanese: 'ja', kor: 'ko', korean: 'ko', tha: 'th', thai: 'th', lao: 'lo', ell: 'el', gre: 'el', greek: 'el',
};

/** A language value as a BCP 47 tag (`en_US` → `en-US`, `eng` → `en`), or undefined when it is no language ("other"). */
export function languageTag(value: string): string | undefined {
  const trimmed = value.trim().replace(/_/g, '-');
  const named = LANGUAGE_NAMES[trimmed.toLowerCase()];
  if (named) return named;
  const match = /^([a-zA-Z]{2,3})(?:-([a-zA-Z]{2}|[0-9]{3}))?$/.exec(trimmed);
  if (!match || trimmed.toLowerCase() === 'other') return undefined;
  const primary = match[1]!.toLowerCase();
  return match[2] ? `${LANGUAGE_NAMES[primary] ?? primary}-${match[2].toUpperCase()}` : (LANGUAGE_NAMES[primary] ?? primary);
}

/**
 * A DC date as EDTF: ISO dates and date-times keep their day, `c1995`/`[1995?]` become
 * approximate/uncertain years, `1990-1995` an interval; undefined when no year is found.
 * @example toEdtf('2003-04-15T10:18:51Z') // '2003-04-15'
 */
export function toEdtf(value: string): string | undefined {
  const text = value.trim();
  const iso = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(text);
  if (iso) return [iso[1], iso[2], iso[3]].filter(Boolean).join('-');
  const range = /^(\d{4})\s*[-–/]\s*(\d{4})$/.exec(text);
  if (range) return `${range[1]}/${range[2]}`;
  const uncertain = /^\[?(\d{4})\?\]?$/.exec(text);
  if (uncertain) return `${uncertain[1]}?`;
  const circa = /^(?:c\.?|ca\.?|circa)\s*(\d{4})$/i.exec(text);
  if (circa) return `${circa[1]}~`;
  const year = /\b(1\d{3}|20\d{2})\b/.exec(text);
  return year ? year[1] : undefined;
}

/** An identifier in a scheme the library knows: ISBN, ISSN, DOI, Handle, a URL, else `other`. */
export function classifyIdentifier(value: string): LibraryIdentifier {
  const text = value.trim();
  const isbn = /^(?:ISBN:?\s*)?((?:97[89][- ]?)?\d{1,5}[- ]?\d{1,7}[- ]?\d{1,7}[- ]?[\dX])$/i.exec(text);
  if (isbn && [10, 13].includes(isbn[1]!.replace(/[- ]/g, '').length)) return { scheme: 'isbn', value: isbn[1]! };
  const issn = /^(?:ISSN:?\s*)?(\d{4}-\d{3}[\dX])$/i.exec(text);
  if (issn) return { scheme: 'issn', value: issn[1]! };
  const doi = /^(?:doi:\s*|https?:\/\/(?:dx\.)?doi\.org\/)(10\.\d{4,9}\/\S+)$/i.exec(text) ?? /^(10\.\d{4,9}\/\S+)$/.exec(text);
  if (doi) return { scheme: 'doi', value: doi[1]! };
  const handle = /^(?:hdl:|https?:\/\/hdl\.handle\.net\/)(\d[\w.]*\/\S+)$/i.exec(text);
  if (handle) return { scheme: 'handle', value: handle[1]! };
  if (/^https?:\/\/\S+$/i.test(text)) return { scheme: 'uri', value: text };
  return { scheme: 'other', value: text };
}

export function fromOaiDc(dc: XmlNode): HarvestedFields {
  const values = (element: string) => asArray(dc[element]).map((node) => ({ value: textOf(node).replace(/\s+/g, ' ').trim(), lang: attribute(node, 'lang') })).filter((v) => v.value !== '');
  const languages = [...new Set(values('language').map((v) => languageTag(v.value)).filter((tag): tag is string => tag !== undefined))];
  const fallbackLang = languages[0] ?? 'und';
  const localized = (element: string, max: number): LocalizedText[] =>
    values(element).slice(0, 64).map((v) => ({ lang: (v.lang && languageTag(v.lang)) || fallbackLang, value: v.value.slice(0, max) }));

  const types = values('type').map((v) => v.value);
  const subjects = values('subject');
  const ethnicGroups = ETHNIC_GROUP_CODES.filter((code) => subjects.some((s) => s.value === ETHNIC_GROUPS[code].vi));
  const agents: AgentRef[] = [
    ...values('creator').map((v) => ({ name: v.value.slice(0, 300), role: 'author' as const })),
    ...values('contributor').map((v) => ({ name: v.value.slice(0, 300), role: 'contributor' as const })),
  ].slice(0, 100);
  const identifiers = dedupe(values('identifier').map((v) => classifyIdentifier(v.value.slice(0, 300)))).slice(0, 50);
  const date = values('date').map((v) => toEdtf(v.value)).find((edtf) => edtf !== undefined);
  const rights = values('rights').map((v) => v.value);
  const rightsUri = rights.find((r) => /^https?:\/\/(rightsstatements\.org\/vocab\/[A-Za-z-]+\/1\.0\/|creativecommons\.org\/(licenses|publicdomain)\/)/.test(r));
  const notes = [
    ...rights.filter((r) => r !== rightsUri).map((r) => `Rights: ${r}`),
    ...values('relation').map((v) => `Relation: ${v.value}`),
    ...values('coverage').map((v) => `Coverage: ${v.value}`),
  ].map((value) => ({ lang: fallbackLang, value: value.slice(0, 20000) }));
  const publisher = values('publisher')[0]?.value;
  const extent = values('format').find((v) => !/^[a-z]+\/[\w.+-]+$/i.test(v.value))?.value;
  const titles = localized('title', 20000);

  return {
    kind: kindOf(types),
    ethnicGroups,
    title: titles.length > 0 ? titles : [{ lang: fallbackLang, value: '[untitled]' }],
    ...nonEmpty('description', localized('description', 20000)),
    ...nonEmpty('subjects', subjects.filter((s) => !ethnicGroups.some((code) => ETHNIC_GROUPS[code].vi === s.value)).slice(0, 64).map((s) => ({ lang: (s.lang && languageTag(s.lang)) || fallbackLang, value: s.value.slice(0, 20000) }))),
    ...nonEmpty('agents', agents),
    ...(date ? { date } : {}),
    ...nonEmpty('languages', languages.slice(0, 20)),
    ...(rightsUri ? { rights: rightsUri } : {}),
    ...(values('source')[0] ? { source: values('source')[0]!.value.slice(0, 1000) } : {}),
    library: {
      ...(publisher ? { publisher: publisher.slice(0, 300) } : {}),
      ...(extent ? { extent: extent.slice(0, 300) } : {}),
      ...nonEmpty('identifiers', identifiers),
      ...nonEmpty('notes', notes.slice(0, 64)),
    },
  };
}

function kindOf(types: readonly string[]): ItemKind {
  // A Disan provider writes the kind itself beside the DCMI type: it comes back as it was.
  const own = types.find((type) => RECORD_KINDS.has(type));
  if (own) return own as ItemKind;
  for (const [pattern, kind] of TYPE_WORDS) if (types.some((type) => pattern.test(type))) return kind;
  return 'book';
}

function dedupe(identifiers: LibraryIdentifier[]): LibraryIdentifier[] {
  const seen = new Set<string>();
  return identifiers.filter((id) => {
    const key = `${id.scheme}:${id.value}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

const nonEmpty = <K extends string, V>(key: K, list: V[]): Partial<Record<K, V[]>> => (list.length > 0 ? ({ [key]: list } as Record<K, V[]>) : {});
