import type { EthnicGroupCode, Item, ItemKind, LocalizedText } from '@disan/schemas';
import { marcLanguage } from './codes.ts';

/**
 * Leader/06 (type of record) and /07 (bibliographic level) for each kind. Heritage
 * kinds that are not text map to the nearest MARC type so OAI-PMH's marc21 can carry
 * every record; fromMarc reads these back (see KIND_FROM_LEADER in from-marc.ts).
 */
const TYPE_AND_LEVEL: Record<ItemKind, string> = {
  book: 'am',
  report: 'am',
  thesis: 'am',
  'legal-document': 'am',
  periodical: 'as',
  // b: serial component part, with 773 naming the periodical.
  'periodical-issue': 'ab',
  document: 'tm',
  recording: 'im',
  music: 'jm',
  performance: 'gm',
  festival: 'pm',
  custom: 'pm',
  ritual: 'pm',
  belief: 'pm',
  cuisine: 'pm',
  place: 'pm',
  person: 'pm',
  architecture: 'pm',
  other: 'pm',
  'traditional-product': 'rm',
  craft: 'rm',
  artefact: 'rm',
  // Neither leaves through OAI-PMH or SRU; a MARC export of one is mixed material.
  word: 'pm',
  element: 'pm',
};

/** LC Genre/Form Terms that name library kinds (655 _7 $2 lcgft). */
export const KIND_GENRE: Partial<Record<ItemKind, string>> = {
  report: 'Technical reports',
  thesis: 'Academic theses',
  'legal-document': 'Legislative materials',
  periodical: 'Periodicals',
};

/** 008/24-27 nature of contents (books): t technical report, m thesis, l legislation. */
const NATURE_OF_CONTENTS: Partial<Record<ItemKind, string>> = { report: 't', thesis: 'm', 'legal-document': 'l' };

/** Ethnic groups travel as 650 headings whose $0 names the code, so an import can map them back. */
const ETHNIC_GROUP_URI = 'urn:disan:ethnic-group:';
export function ethnicGroupUri(group: EthnicGroupCode): string {
  return `${ETHNIC_GROUP_URI}${group}`;
}
export function ethnicGroupFromUri(uri: string): string | undefined {
  return uri.startsWith(ETHNIC_GROUP_URI) ? uri.slice(ETHNIC_GROUP_URI.length) : undefined;
}

/**
 * 24 characters: length and base address are filled in by the ISO 2709 writer; 05 n (new),
 * 09 a (UTF-8), 17 blank (full level), 18 c (ISBD punctuation omitted), 20-23 4500.
 */
export function leaderFor(item: Item): string {
  return `00000n${TYPE_AND_LEVEL[item.kind]} a2200000 c 4500`;
}

/** 008: the 40 fixed-length positions, with the positions each material type defines left blank. */
export function fixedFieldFor(item: Item): string {
  const entered = item.createdAt.slice(2, 10).replace(/-/g, '');
  const year = (item.library?.legal?.dateIssued ?? item.date)?.replace(/^-/, '').slice(0, 4);
  const date1 = year && /^[0-9X]{4}$/.test(year) ? year.replace(/X/g, 'u') : '';
  const dateType = date1 === '' ? 'n' : date1.includes('u') ? 'q' : 's';
  const positions = Array.from({ length: 40 }, () => ' ');
  write(positions, 0, entered.padEnd(6, '0'));
  write(positions, 6, dateType);
  write(positions, 7, (date1 || 'uuuu').padEnd(4, 'u'));
  write(positions, 15, 'xx ');
  const nature = NATURE_OF_CONTENTS[item.kind];
  if (nature) write(positions, 24, nature);
  if (item.kind === 'periodical') write(positions, 21, 'p');
  const language = marcLanguage(item.languages?.[0] ?? primaryTitle(item).lang) ?? 'und';
  write(positions, 35, language.slice(0, 3).padEnd(3, ' '));
  write(positions, 39, 'd');
  return positions.join('');
}

function write(positions: string[], at: number, text: string): void {
  for (let index = 0; index < text.length; index++) positions[at + index] = text[index]!;
}

/** The title 245 carries: the one in the item's first language, else the first. */
export function primaryTitle(item: Item): LocalizedText {
  const first = item.languages?.[0];
  return item.title.find((title) => title.lang === first) ?? item.title[0]!;
}
