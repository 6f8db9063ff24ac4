import { DICTIONARY_LANGUAGES, type DictionaryEntry, type LocalizedText } from '@disan/schemas';
import type { FormFields, TextRow } from './record-form.ts';

/**
 * The dictionary entry section of the record editor (issue 14): an entry's single fields
 * as posted (`entry[language]`, `entry[dialect]`...), each as typed, and its repeatable
 * parts as row groups of the form like the library's (see ENTRY_ROW_GROUPS). A sense's
 * examples are rows of their own that name the sense they illustrate (`examples[3][sense]`
 * = 2), so that the form stays flat and works without JavaScript.
 *
 * Glosses are typed per language, several in one box separated by semicolons
 * ("thuyền; ghe"); definitions and translations in Vietnamese and English, as the issue asks.
 */
export interface EntryFields {
  /** A code of DICTIONARY_LANGUAGES, `other` (then `languageOther` holds the tag), or nothing yet. */
  language: string;
  languageOther: string;
  dialect: string;
  partOfSpeech: string;
  /** The ids of the records that show the word, separated by commas or spaces. */
  records: string;
}

export interface ValueRow {
  value: string;
}
export interface HeadwordRow {
  value: string;
  script: string;
}
export interface RomanisationRow {
  value: string;
  system: string;
}
export interface SenseRow {
  glossVi: string;
  glossEn: string;
  definitionVi: string;
  definitionEn: string;
  /** Domain codes separated by spaces (posted as one checkbox each). */
  domains: string;
}
export interface ExampleRow {
  /** The sense it illustrates, counted from 1 among the senses typed. */
  sense: string;
  text: string;
  romanisation: string;
  translationVi: string;
  translationEn: string;
  source: string;
}
export interface EntryRelationRow {
  type: string;
  entryId: string;
  headword: string;
}

/** The entry's rows, as the form holds them. */
export interface EntryRows {
  headwords: HeadwordRow[];
  romanisations: RomanisationRow[];
  ipa: ValueRow[];
  senses: SenseRow[];
  examples: ExampleRow[];
  entryRelations: EntryRelationRow[];
  etymology: TextRow[];
  usageNotes: TextRow[];
  entrySources: ValueRow[];
}

/** The entry's repeatable groups, with the schema's limits (examples: up to 50 for each of 50 senses). */
export const ENTRY_ROW_GROUPS = {
  headwords: { fields: ['value', 'script'], max: 10 },
  romanisations: { fields: ['value', 'system'], max: 20 },
  ipa: { fields: ['value'], max: 10 },
  senses: { fields: ['glossVi', 'glossEn', 'definitionVi', 'definitionEn', 'domains'], max: 50 },
  examples: { fields: ['sense', 'text', 'romanisation', 'translationVi', 'translationEn', 'source'], max: 2500 },
  entryRelations: { fields: ['type', 'entryId', 'headword'], max: 50 },
  etymology: { fields: ['lang', 'value'], max: 64 },
  usageNotes: { fields: ['lang', 'value'], max: 64 },
  entrySources: { fields: ['value'], max: 30 },
} as const satisfies Record<keyof EntryRows, { fields: readonly string[]; max: number }>;
export type EntryRowGroup = keyof typeof ENTRY_ROW_GROUPS;

export const isEntryRowGroup = (value: string): value is EntryRowGroup => Object.hasOwn(ENTRY_ROW_GROUPS, value);

/** Blank rows of each group: the script and system a Khmer word most often has, an example of the first sense. */
export const EMPTY_ENTRY_ROWS: { [G in EntryRowGroup]: () => EntryRows[G][number] } = {
  headwords: () => ({ value: '', script: 'Khmr' }),
  romanisations: () => ({ value: '', system: 'ungegn' }),
  ipa: () => ({ value: '' }),
  senses: () => ({ glossVi: '', glossEn: '', definitionVi: '', definitionEn: '', domains: '' }),
  examples: () => ({ sense: '1', text: '', romanisation: '', translationVi: '', translationEn: '', source: '' }),
  entryRelations: () => ({ type: 'see-also', entryId: '', headword: '' }),
  etymology: () => ({ lang: '', value: '' }),
  usageNotes: () => ({ lang: '', value: '' }),
  entrySources: () => ({ value: '' }),
};

/** Row fields posted once per ticked checkbox (a sense's domains). */
export const MULTI_VALUE_FIELDS = new Set<string>(['domains']);

/**
 * The posted name of a single entry field.
 * @example entryName('dialect') // 'entry[dialect]'
 */
export const entryName = (field: keyof EntryFields): string => `entry[${field}]`;

export const blankEntry = (): EntryFields => ({ language: '', languageOther: '', dialect: '', partOfSpeech: '', records: '' });

/** A new record's entry rows: one headword, romanisation and sense to type in (blank rows are never sent). */
export const blankEntryRows = (): EntryRows => ({
  headwords: [EMPTY_ENTRY_ROWS.headwords()],
  romanisations: [EMPTY_ENTRY_ROWS.romanisations()],
  ipa: [],
  senses: [EMPTY_ENTRY_ROWS.senses()],
  examples: [],
  entryRelations: [],
  etymology: [],
  usageNotes: [],
  entrySources: [],
});

const noEntryRows = (): EntryRows => ({ headwords: [], romanisations: [], ipa: [], senses: [], examples: [], entryRelations: [], etymology: [], usageNotes: [], entrySources: [] });

const GLOSS_SEPARATOR = '; ';
const glossesIn = (glosses: readonly LocalizedText[], lang: string): string =>
  glosses
    .filter((g) => g.lang === lang)
    .map((g) => g.value)
    .join(GLOSS_SEPARATOR);
const textIn = (texts: readonly LocalizedText[] | undefined, lang: string): string => texts?.find((x) => x.lang === lang)?.value ?? '';
const isKnownLanguage = (tag: string): boolean => (DICTIONARY_LANGUAGES as readonly string[]).includes(tag);

/** The single fields of an entry as the form shows them. */
export function entryFieldsOf(entry: DictionaryEntry | undefined): EntryFields {
  if (!entry) return blankEntry();
  const known = isKnownLanguage(entry.language);
  return {
    language: known ? entry.language : 'other',
    languageOther: known ? '' : entry.language,
    dialect: entry.dialect ?? '',
    partOfSpeech: entry.partOfSpeech ?? '',
    records: (entry.records ?? []).join(', '),
  };
}

/** The rows of an entry as the form shows them; examples after one another, each naming its sense. */
export function entryRowsOf(entry: DictionaryEntry | undefined): EntryRows {
  if (!entry) return noEntryRows();
  return {
    headwords: entry.headwords.map((h) => ({ value: h.value, script: h.script })),
    romanisations: (entry.romanisations ?? []).map((r) => ({ value: r.value, system: r.system })),
    ipa: (entry.ipa ?? []).map((value) => ({ value })),
    senses: entry.senses.map((s) => ({
      glossVi: glossesIn(s.glosses, 'vi'),
      glossEn: glossesIn(s.glosses, 'en'),
      definitionVi: textIn(s.definition, 'vi'),
      definitionEn: textIn(s.definition, 'en'),
      domains: (s.domains ?? []).join(' '),
    })),
    examples: entry.senses.flatMap((s, i) =>
      (s.examples ?? []).map((e) => ({
        sense: String(i + 1),
        text: e.text,
        romanisation: e.romanisation ?? '',
        translationVi: textIn(e.translations, 'vi'),
        translationEn: textIn(e.translations, 'en'),
        source: e.source ?? '',
      })),
    ),
    entryRelations: (entry.relations ?? []).map((r) => ({ type: r.type, entryId: r.entryId ?? '', headword: r.headword ?? '' })),
    etymology: (entry.etymology ?? []).map((t) => ({ lang: t.lang, value: t.value })),
    usageNotes: (entry.usageNotes ?? []).map((t) => ({ lang: t.lang, value: t.value })),
    entrySources: (entry.sources ?? []).map((value) => ({ value })),
  };
}

/** The name of the link suggestions' checkboxes on a word's editor (a record's id each). */
export const LINK_RECORDS = 'linkRecords';

/** The single fields as posted. */
export function readEntryFields(form: FormFields): EntryFields {
  return {
    language: form.text(entryName('language')),
    languageOther: form.text(entryName('languageOther')),
    dialect: form.text(entryName('dialect')),
    partOfSpeech: form.text(entryName('partOfSpeech')),
    // Records ticked among the link suggestions join those typed.
    records: [...new Set([...list(form.text(entryName('records'))), ...form.all(LINK_RECORDS)])].join(', '),
  };
}

/** The rows of a group that are not blank, each with the index of its form row. */
export type KeptEntryRows = <G extends EntryRowGroup>(group: G) => { row: EntryRows[G][number]; index: number }[];

const list = (text: string): string[] =>
  text
    .split(/[\s,;]+/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
const glossList = (text: string, lang: string): LocalizedText[] =>
  text
    .split(';')
    .map((s) => s.trim())
    .filter((s) => s !== '')
    .map((value) => ({ lang, value }));
const texts = (pairs: readonly (readonly [string, string])[]): LocalizedText[] => pairs.filter(([, value]) => value !== '').map(([lang, value]) => ({ lang, value }));

/** The entry's language tag as typed: a known code, or the tag typed beside "other". */
export const entryLanguage = (fields: EntryFields): string => (fields.language === 'other' ? fields.languageOther : fields.language);

/** The number of the sense an example row names, or null when it names none that was typed. */
export function senseOf(row: ExampleRow, senses: number): number | null {
  if (!/^\d+$/.test(row.sense)) return null;
  const n = Number(row.sense);
  return n >= 1 && n <= senses ? n - 1 : null;
}

/** An entry section nobody touched: no single field and no row typed. */
export const entryUntouched = (fields: EntryFields, kept: KeptEntryRows): boolean =>
  Object.values(fields).every((v) => v === '') && (Object.keys(ENTRY_ROW_GROUPS) as EntryRowGroup[]).every((g) => kept(g).length === 0);

/**
 * The candidate entry block. Examples go to the sense they name (an example naming no
 * typed sense is left for entryFormErrors to point at), in the order typed; `exampleRows`
 * lists their form rows in the draft's order, sense after sense, for errors.
 */
export function entryDraft(fields: EntryFields, kept: KeptEntryRows): { entry: Record<string, unknown>; exampleRows: number[] } {
  const entry: Record<string, unknown> = { language: entryLanguage(fields) };
  if (fields.dialect !== '') entry.dialect = fields.dialect;
  entry.headwords = kept('headwords').map(({ row }) => ({ value: row.value, script: row.script }));
  const romanisations = kept('romanisations').map(({ row }) => ({ value: row.value, system: row.system }));
  if (romanisations.length > 0) entry.romanisations = romanisations;
  const ipa = kept('ipa').map(({ row }) => row.value);
  if (ipa.length > 0) entry.ipa = ipa;
  if (fields.partOfSpeech !== '') entry.partOfSpeech = fields.partOfSpeech;
  const senses = kept('senses');
  const examples = kept('examples');
  const exampleRows: number[] = [];
  entry.senses = senses.map(({ row }, s) => {
    const sense: Record<string, unknown> = { glosses: [...glossList(row.glossVi, 'vi'), ...glossList(row.glossEn, 'en')] };
    const definition = texts([
      ['vi', row.definitionVi],
      ['en', row.definitionEn],
    ]);
    if (definition.length > 0) sense.definition = definition;
    const own = examples.filter(({ row: e }) => senseOf(e, senses.length) === s);
    if (own.length > 0) {
      exampleRows.push(...own.map((e) => e.index));
      sense.examples = own.map(({ row: e }) => {
        const translations = texts([
          ['vi', e.translationVi],
          ['en', e.translationEn],
        ]);
        return { text: e.text, ...(e.romanisation === '' ? {} : { romanisation: e.romanisation }), ...(translations.length > 0 ? { translations } : {}), ...(e.source === '' ? {} : { source: e.source }) };
      });
    }
    const domains = list(row.domains);
    if (domains.length > 0) sense.domains = domains;
    return sense;
  });
  const relations = kept('entryRelations').map(({ row }) => ({ type: row.type, ...(row.entryId === '' ? {} : { entryId: row.entryId }), ...(row.headword === '' ? {} : { headword: row.headword }) }));
  if (relations.length > 0) entry.relations = relations;
  const etymology = kept('etymology').map(({ row }) => ({ lang: row.lang, value: row.value }));
  if (etymology.length > 0) entry.etymology = etymology;
  const usageNotes = kept('usageNotes').map(({ row }) => ({ lang: row.lang, value: row.value }));
  if (usageNotes.length > 0) entry.usageNotes = usageNotes;
  const sources = kept('entrySources').map(({ row }) => row.value);
  if (sources.length > 0) entry.sources = sources;
  const records = [...new Set(list(fields.records))];
  if (records.length > 0) entry.records = records;
  return { entry, exampleRows };
}

/**
 * The item's title follows the main headword, in the entry's language, so every list of
 * records names the word; titles in other languages (a Vietnamese name of the thing) stay.
 * @example titleWithHeadword([{ lang: 'vi', value: 'Ghe ngo' }], 'ទូកង', 'km') // [{ lang: 'km', value: 'ទូកង' }, { lang: 'vi', value: 'Ghe ngo' }]
 */
export function titleWithHeadword(title: readonly LocalizedText[], headword: string, language: string): LocalizedText[] {
  const lang = language === '' ? 'und' : language;
  // The new record's empty title row (in the editor's language) is not a title.
  return [{ lang, value: headword }, ...title.filter((t) => t.lang !== lang && t.value !== '')];
}
