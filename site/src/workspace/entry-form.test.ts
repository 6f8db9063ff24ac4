import { RecordDraft, type DictionaryEntry } from '@disan/schemas';
import { Value } from 'typebox/value';
import { describe, expect, it } from 'vitest';
import { judge } from './editor-page.ts';
import { ENTRY_ROW_GROUPS, entryName, MULTI_VALUE_FIELDS, type EntryRowGroup } from './entry-form.ts';
import { blankForm, draftFromForm, formFromItem, readEditorForm, rowName, type EditorForm, type FormFields } from './record-form.ts';

/** A posted form from name/value pairs, as readForm gives it. */
function posted(entries: [string, string][]): FormFields {
  const all = (name: string) => entries.filter(([n]) => n === name).map(([, v]) => v);
  const raw = (name: string) => all(name)[0] ?? '';
  return { raw, text: (name) => raw(name).trim(), all, has: (name) => all(name).length > 0 };
}

/** What the browser posts for a form as the editor shows it: the identity, access, and the entry section. */
function post(form: EditorForm): [string, string][] {
  const pairs: [string, string][] = [
    ['id', form.id],
    ['kind', form.kind],
    ...form.ethnicGroups.map((g): [string, string] => ['ethnicGroups', g]),
    ...form.title.flatMap((t, i): [string, string][] => [
      [`title[${i}][lang]`, t.lang],
      [`title[${i}][value]`, t.value],
    ]),
    ['access[level]', form.access.level],
  ];
  for (const [field, value] of Object.entries(form.entry) as [keyof EditorForm['entry'], string][]) pairs.push([entryName(field), value]);
  for (const group of Object.keys(ENTRY_ROW_GROUPS) as EntryRowGroup[]) {
    form[group].forEach((row, i) => {
      for (const [field, value] of Object.entries(row) as [string, string][]) {
        if (MULTI_VALUE_FIELDS.has(field)) for (const v of value.split(' ').filter((x) => x !== '')) pairs.push([rowName(group, i, field), v]);
        else pairs.push([rowName(group, i, field), value]);
      }
    });
  }
  return pairs;
}

const tukNgo: DictionaryEntry = {
  language: 'km',
  dialect: 'Sóc Trăng',
  headwords: [
    { value: 'ទូកង', script: 'Khmr' },
    { value: 'tuk ngo', script: 'Latn' },
  ],
  romanisations: [
    { value: 'tuk ngâ', system: 'ungegn' },
    { value: 'tūk ṅa', system: 'ala-lc' },
  ],
  ipa: ['tuːk ŋɔː'],
  partOfSpeech: 'noun',
  senses: [
    {
      glosses: [
        { lang: 'vi', value: 'ghe ngo' },
        { lang: 'vi', value: 'thuyền đua' },
        { lang: 'en', value: 'racing boat' },
      ],
      definition: [
        { lang: 'vi', value: 'Ghe dài độc mộc của người Khmer, đua trong lễ Ok Om Bok.' },
        { lang: 'en', value: 'A long dugout boat of the Khmer, raced at Ok Om Bok.' },
      ],
      examples: [
        { text: 'ទូកងចុះទឹក', romanisation: 'tuk ngâ choh tik', translations: [{ lang: 'vi', value: 'Ghe ngo xuống nước.' }, { lang: 'en', value: 'The ngo boat goes into the water.' }], source: 'fieldwork, Sóc Trăng 2025' },
      ],
      domains: ['festival', 'boat'],
    },
    {
      glosses: [{ lang: 'en', value: 'boat-race team' }],
      examples: [{ text: 'ទូកងវត្តខ្លែង' }, { text: 'ទូកងភូមិ', translations: [{ lang: 'vi', value: 'ghe ngo của phum' }] }],
    },
  ],
  relations: [
    { type: 'see-also', entryId: 'ok-om-bok-word' },
    { type: 'compound-of', headword: 'ទូក' },
  ],
  etymology: [{ lang: 'en', value: 'ទូក (boat) + ង (naga).' }],
  usageNotes: [{ lang: 'vi', value: 'Dùng trong dịp lễ.' }],
  sources: ['Chuon Nath, Khmer Dictionary (1967)', 'Thạch Sok, Sóc Trăng, 2025'],
  records: ['ghe-ngo-race-2023', 'ok-om-bok'],
};

const draft: RecordDraft = {
  id: 'tuk-ngo',
  kind: 'word',
  ethnicGroups: ['khmer'],
  title: [
    { lang: 'km', value: 'ទូកង' },
    { lang: 'vi', value: 'Ghe ngo' },
  ],
  access: { level: 'public' },
  entry: tukNgo,
};

describe('the dictionary entry section of the record form', () => {
  it('round-trips a full entry: draft, form, post, draft', () => {
    expect(Value.Check(RecordDraft, draft)).toBe(true);
    const back = draftFromForm(readEditorForm(posted(post(formFromItem(draft))))).draft;
    expect(back).toEqual(draft);
  });

  it('shows an entry whose language is not a built-in one as "other" with its tag, and keeps it', () => {
    const western: RecordDraft = { ...draft, title: [{ lang: 'cja', value: 'aia' }], entry: { ...tukNgo, language: 'cja', headwords: [{ value: 'aia', script: 'Latn' }] } };
    const form = formFromItem(western);
    expect(form.entry).toMatchObject({ language: 'other', languageOther: 'cja' });
    expect(draftFromForm(readEditorForm(posted(post(form)))).draft).toEqual(western);
  });

  it('names the record after the main headword, keeping titles in other languages', () => {
    const form: EditorForm = { ...formFromItem(draft), title: [{ lang: 'vi', value: 'Ghe ngo' }, { lang: 'km', value: 'old' }], headwords: [{ value: 'ទូកងថ្មី', script: 'Khmr' }] };
    expect(draftFromForm(form).draft.title).toEqual([
      { lang: 'km', value: 'ទូកងថ្មី' },
      { lang: 'vi', value: 'Ghe ngo' },
    ]);
  });

  it('saves a new word typed into the blank form, its empty title row giving way to the headword', () => {
    const form: EditorForm = {
      ...blankForm('vi'),
      id: 'tuk-ngo',
      kind: 'word',
      ethnicGroups: ['khmer'],
      entry: { ...blankForm('vi').entry, language: 'km' },
      headwords: [{ value: 'ទូកង', script: 'Khmr' }],
      romanisations: [{ value: 'tuk ngo', system: 'ungegn' }],
      senses: [{ glossVi: 'ghe ngo', glossEn: 'ngo racing boat', definitionVi: '', definitionEn: '', domains: 'boat' }],
    };
    const judged = judge(form);
    expect('draft' in judged && judged.draft.title).toEqual([{ lang: 'km', value: 'ទូកង' }]);
  });

  it('leaves a record of another kind without an entry when nothing of it is typed', () => {
    const form: EditorForm = { ...blankForm('vi'), id: 'x', title: [{ lang: 'vi', value: 'X' }] };
    expect(draftFromForm(form).draft).not.toHaveProperty('entry');
  });

  it('says what is missing beside its input: the headword, a gloss, the language', () => {
    const form: EditorForm = { ...blankForm('vi'), id: 'new-word', kind: 'word', title: [] };
    const judged = judge(form);
    expect('errors' in judged && Object.keys(judged.errors)).toEqual(expect.arrayContaining(['entry-language', 'headwords-0-value', 'senses-0-glossVi']));
  });

  it('points at an example that names a sense not typed, and at a wrong example beside its own row', () => {
    const form: EditorForm = { ...formFromItem(draft), examples: [{ sense: '3', text: 'x', romanisation: '', translationVi: '', translationEn: '', source: '' }, { sense: '2', text: 'y'.repeat(2001), romanisation: '', translationVi: '', translationEn: '', source: '' }] };
    const judged = judge(form);
    expect('errors' in judged && judged.errors).toMatchObject({ 'examples-0-sense': { id: 'entryEditor.error.sense', values: { max: 2 } }, 'examples-1-text': { id: 'editor.error.tooLong' } });
  });

  it('posts a sense\'s domains as one checkbox each and reads them back', () => {
    const form = readEditorForm(posted([['kind', 'word'], [rowName('senses', 0, 'glossVi'), 'ghe'], [rowName('senses', 0, 'domains'), 'boat'], [rowName('senses', 0, 'domains'), 'festival']]));
    expect(form.senses[0]?.domains).toBe('boat festival');
  });
});
