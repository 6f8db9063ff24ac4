import { LIBRARY_PROBLEM_CODES, RecordDraft, type LibraryDescription, type LibraryProblemCode } from '@disan/schemas';
import { ApiRefusal } from '../api/errors.ts';
import { Value } from 'typebox/value';
import { describe, expect, it } from 'vitest';
import type { FormErrors } from '../forms/form.ts';
import { conflictRows, mergeDrafts, valueLines } from './conflict.ts';
import { fillFromCatalog, judge, picksOf, saveRefusal, slugOf } from './editor-page.ts';
import { problemId } from './library-errors.ts';
import { applyIntent, blankForm, draftFromForm, fieldKey, formFromItem, LIBRARY_ROW_GROUPS, parseIntent, readEditorForm, type EditorForm, type FormFields, type LibraryRowGroup } from './record-form.ts';
import { problemField, problemMessage, validateCandidate } from './validate.ts';
import { useTranslations } from '../i18n/translate.ts';

/** A posted form from name/value pairs, as readForm gives it. */
function posted(entries: [string, string][]): FormFields {
  const all = (name: string) => entries.filter(([n]) => n === name).map(([, v]) => v);
  const raw = (name: string) => all(name)[0] ?? '';
  return { raw, text: (name) => raw(name).trim(), all, has: (name) => all(name).length > 0 };
}

const base: [string, string][] = [
  ['id', 'ok-om-bok'],
  ['kind', 'festival'],
  ['ethnicGroups', 'khmer'],
  ['title[0][lang]', 'vi'],
  ['title[0][value]', 'Lễ hội Ok Om Bok'],
  ['title[1][lang]', 'km'],
  ['title[1][value]', 'ពិធីអកអំបុក'],
  ['access[level]', 'public'],
];

const errorsOf = (entries: [string, string][]): FormErrors => validateCandidate(draftFromForm(readEditorForm(posted(entries))));

describe('the record form read from a post', () => {
  it('builds a draft the schema accepts, with Vietnamese and Khmer titles', () => {
    const { draft } = draftFromForm(readEditorForm(posted(base)));
    expect(Value.Check(RecordDraft, draft)).toBe(true);
    expect(draft.title).toEqual([
      { lang: 'vi', value: 'Lễ hội Ok Om Bok' },
      { lang: 'km', value: 'ពិធីអកអំបុក' },
    ]);
  });

  it('reads every kind of field: agents, places with a point, a Khmer recurring date, rights, access, provenance', () => {
    const form = readEditorForm(
      posted([
        ...base,
        ['agents[0][name]', 'Thạch Sok'],
        ['agents[0][role]', 'informant'],
        ['agents[0][agentId]', ''],
        ['places[0][name]', 'Chùa Dơi'],
        ['places[0][province]', 'Sóc Trăng'],
        ['places[0][lat]', '9,6025'],
        ['places[0][lon]', '105.9739'],
        ['places[0][placeId]', ''],
        ['recurrence[0][calendar]', 'khmer-lunisolar'],
        ['recurrence[0][month]', '12'],
        ['recurrence[0][day]', '15'],
        ['recurrence[0][phase]', 'waxing'],
        ['recurrence[0][durationDays]', '3'],
        ['recurrence[0][leapMonth]', 'on'],
        ['date', '1930~'],
        ['languages', 'km, vi'],
        ['rights', 'https://creativecommons.org/licenses/by-sa/4.0/'],
        ['access[level]', 'embargo'],
        ['access[embargoUntil]', '2030-01-01'],
        ['access[communities]', 'khmer-soc-trang; cham'],
        ['provenance[method]', 'fieldwork'],
        ['collections', 'le-hoi'],
      ]),
    );
    const { draft } = draftFromForm(form);
    expect(Value.Errors(RecordDraft, draft)).toEqual([]);
    expect(draft).toMatchObject({
      agents: [{ name: 'Thạch Sok', role: 'informant' }],
      places: [{ name: 'Chùa Dơi', province: 'Sóc Trăng', geo: { lat: 9.6025, lon: 105.9739 } }],
      recurrence: [{ calendar: 'khmer-lunisolar', month: 12, day: 15, phase: 'waxing', leapMonth: true, durationDays: 3 }],
      languages: ['km', 'vi'],
      access: { level: 'public', communities: ['khmer-soc-trang', 'cham'], embargoUntil: '2030-01-01' },
      provenance: { method: 'fieldwork' },
      collections: ['le-hoi'],
    });
  });

  it('leaves blank rows out and keeps which form row each entry came from', () => {
    const candidate = draftFromForm(readEditorForm(posted([...base.slice(0, 3), ['title[0][lang]', ''], ['title[0][value]', ''], ['title[1][lang]', 'k m'], ['title[1][value]', 'x'], ['access[level]', 'public']])));
    expect(candidate.draft.title).toEqual([{ lang: 'k m', value: 'x' }]);
    expect(candidate.rows.title).toEqual([1]);
    expect(validateCandidate(candidate)).toEqual({ 'title-1-lang': { id: 'editor.error.lang' } });
  });

  it('keeps the typed value exactly, Khmer and Chinese included, and the form round-trips a record', () => {
    const form = readEditorForm(posted([...base, ['subjects[0][lang]', 'zh-Hans'], ['subjects[0][value]', '  龙舟比赛  ']]));
    expect(form.subjects[0]?.value).toBe('龙舟比赛');
    const { draft } = draftFromForm(form);
    expect(Value.Check(RecordDraft, draft)).toBe(true);
    expect(draftFromForm(formFromItem(draft as RecordDraft)).draft).toEqual(draft);
  });
});

describe('errors beside their fields, in the editor\'s words', () => {
  it.each([
    ['a title is required', [['id', 'x'], ['kind', 'festival'], ['access[level]', 'public']], { 'title-0-value': { id: 'editor.error.titleRequired' } }],
    ['an id of the wrong form', [...base.filter(([n]) => n !== 'id'), ['id', 'Ok Om Bok']], { id: { id: 'editor.error.id' } }],
    ['a missing id', base.filter(([n]) => n !== 'id'), { id: { id: 'editor.error.id' } }],
    ['a date that is not EDTF', [...base, ['date', '13/04/1930']], { date: { id: 'editor.error.edtf' } }],
    ['a title row with a language but no text', [...base, ['title[2][lang]', 'zh'], ['title[2][value]', '']], { 'title-2-value': { id: 'editor.error.required' } }],
    ['a month out of range', [...base, ['recurrence[0][calendar]', 'vietnamese-lunisolar'], ['recurrence[0][month]', '14'], ['recurrence[0][day]', 'x']], {
      'recurrence-0-month': { id: 'editor.error.range', values: { min: 1, max: 13 } },
      'recurrence-0-day': { id: 'editor.error.number' },
    }],
    ['a place with a latitude but no longitude', [...base, ['places[0][name]', 'Chùa Dơi'], ['places[0][lat]', '95']], {
      'places-0-lat': { id: 'editor.error.range', values: { min: -90, max: 90 } },
      'places-0-lon': { id: 'editor.error.required' },
    }],
    ['an agent without a name', [...base, ['agents[0][name]', ''], ['agents[0][role]', 'creator']], { 'agents-0-name': { id: 'editor.error.required' } }],
    ['an embargo date that is not a date', [...base.filter(([n]) => n !== 'access[level]'), ['access[level]', 'embargo'], ['access[embargoUntil]', '1/1/2030']], { 'access-embargoUntil': { id: 'editor.error.isoDate' } }],
    ['a content language that is not a tag', [...base, ['languages', 'vi, tiếng Khmer']], { languages: { id: 'editor.error.lang' } }],
    ['an unknown ethnic group', [...base, ['ethnicGroups', 'martian']], { ethnicGroups: { id: 'editor.error.choice' } }],
    ['a source too long', [...base, ['source', 'x'.repeat(1001)]], { source: { id: 'editor.error.tooLong', values: { max: 1000 } } }],
    ['a licence not from the lists', [...base, ['rights', 'https://example.org/licence']], { rights: { id: 'editor.error.rights' } }],
  ] as [string, [string, string][], FormErrors][])('%s', (_name, entries, expected) => {
    expect(errorsOf(entries)).toEqual(expected);
  });

  it('maps TypeBox paths to the inputs\' ids', () => {
    expect(problemField({ keyword: 'pattern', instancePath: '/alternativeNames/0/lang', params: {} }, { alternativeNames: [3] })).toBe('alternativeNames-3-lang');
    expect(problemField({ keyword: 'required', instancePath: '', params: { requiredProperties: ['id'] } }, {})).toBe('id');
    expect(problemField({ keyword: 'enum', instancePath: '/provenance/method', params: {} }, {})).toBe('provenance-method');
    expect(problemMessage({ keyword: 'maxItems', instancePath: '/places', params: { limit: 50 } })).toEqual({ id: 'editor.error.tooMany', values: { max: 50 } });
    expect(fieldKey('access[embargoUntil]')).toBe('access-embargoUntil');
  });

  it('judges with the record id of the page, whatever was posted', () => {
    const judged = judge(readEditorForm(posted([...base.filter(([n]) => n !== 'id'), ['id', 'tampered']])), 'ok-om-bok');
    expect('draft' in judged && judged.draft.id).toBe('ok-om-bok');
  });
});

/** The name/value pairs a browser posts for a form as the editor shows it. */
function postedOf(form: EditorForm): [string, string][] {
  const entries: [string, string][] = [['id', form.id], ['kind', form.kind], ['access[level]', form.access.level], ...form.ethnicGroups.map((g): [string, string] => ['ethnicGroups', g])];
  for (const [name, value] of Object.entries(form.library)) {
    if (typeof value === 'string') entries.push([`library[${name}]`, value]);
    else for (const [inner, v] of Object.entries(value as Record<string, string>)) entries.push([`library[${name}][${inner}]`, v]);
  }
  for (const group of Object.keys(LIBRARY_ROW_GROUPS) as LibraryRowGroup[]) {
    (form[group] as readonly object[]).forEach((row, i) => {
      for (const [field, value] of Object.entries(row)) entries.push([`${group}[${i}][${field}]`, String(value)]);
    });
  }
  form.title.forEach((row, i) => entries.push([`title[${i}][lang]`, row.lang], [`title[${i}][value]`, row.value]));
  return entries;
}

describe('the library description in the form', () => {
  const library: LibraryDescription = {
    subtitle: [{ lang: 'km', value: 'បុណ្យអកអំបុក' }, { lang: 'vi', value: 'Lễ cúng trăng' }],
    publisher: 'Nxb. Văn hóa dân tộc',
    publicationPlace: 'Hà Nội',
    edition: 'Tái bản lần 2',
    series: { title: 'Văn hóa Khmer Nam Bộ', number: '3' },
    extent: '215 tr. ; 24 cm',
    identifiers: [{ scheme: 'isbn', value: '978-604-0-12345-9' }, { scheme: 'call-number', value: '398.09597 T103' }],
    subjectHeadings: [{ label: 'Khmer (Southeast Asian people)', lang: 'en', source: 'lcsh', uri: 'https://id.loc.gov/authorities/subjects/sh85072095' }, { label: '高棉族' }],
    tableOfContents: [{ title: 'Lời nói đầu', page: 5 }, { title: 'Chương 1', page: 9, level: 1 }],
    notes: [{ lang: 'zh-Hans', value: '附录含高棉文' }],
    holdings: [{ location: 'Thư viện tỉnh Sóc Trăng', callNumber: 'VV 1259', copies: 0, note: 'kho đóng' }, { location: 'Kho B' }],
    legal: {
      documentNumber: '45/2024/QĐ-UBND',
      documentType: 'quyet-dinh',
      issuingBody: 'Ủy ban nhân dân tỉnh Sóc Trăng',
      signer: 'Lâm Văn Mẫn',
      dateIssued: '2024-09-20',
      dateInForce: '2024-10-01',
      legalStatus: 'in-force',
      relations: [{ type: 'implements', itemId: 'qd-12' }, { type: 'replaces', documentNumber: '1/2020/QĐ-UBND', title: 'Quyết định cũ' }],
    },
    issue: { periodicalId: 'tap-chi-van-hoa', periodicalTitle: 'Tạp chí Văn hóa', volume: '12', number: '3' },
    thesis: { degree: 'Thạc sĩ', institution: 'Trường Đại học Cần Thơ' },
    origin: { protocol: 'oai-pmh', source: 'https://thuvien.example.vn/oai', identifier: 'oai:thuvien:1259', datestamp: '2024-05-01T00:00:00Z', metadataPrefix: 'marc21' },
  };
  const item = { ...(draftFromForm(readEditorForm(posted(base))).draft as RecordDraft), kind: 'legal-document' as const, library };

  it('goes item → form → draft without losing anything, Khmer, Vietnamese and Chinese intact', () => {
    const form = formFromItem(item);
    expect(draftFromForm(form).draft).toEqual(item);
    const { draft } = draftFromForm(readEditorForm(posted(postedOf(form))));
    expect(draft).toEqual(item);
    expect(Value.Check(RecordDraft, draft)).toBe(true);
  });

  it('leaves the description out when nothing of it is typed, and blank rows with it', () => {
    const form = readEditorForm(posted([...base, ['identifiers[0][scheme]', 'isbn'], ['identifiers[0][value]', ''], ['relations[0][type]', 'implements'], ['library[legalStatus]', '']]));
    expect(draftFromForm(form).draft).not.toHaveProperty('library');
  });

  it('keeps the harvester\'s origin exactly as posted, spaces included', () => {
    const form = readEditorForm(posted([...base, ['library[origin][protocol]', 'marc'], ['library[origin][source]', ' sach.mrc '], ['library[origin][identifier]', '1259']]));
    expect(draftFromForm(form).draft.library).toEqual({ origin: { protocol: 'marc', source: ' sach.mrc ', identifier: '1259' } });
  });

  it('adds and removes library rows with the submit buttons', () => {
    const added = applyIntent(blankForm('vi'), parseIntent('add:relations'));
    expect(added.relations).toEqual([{ type: 'implements', itemId: '', documentNumber: '', title: '' }]);
    expect(applyIntent(added, parseIntent('remove:relations:0')).relations).toEqual([]);
  });

  it('comes back exactly as typed when it has mistakes, each error beside its field', () => {
    const entries: [string, string][] = [
      ...base.filter(([n]) => n !== 'kind'),
      ['kind', 'legal-document'],
      ['library[documentNumber]', ' 45/2024/QĐ-UBND '],
      ['library[documentType]', ''],
      ['library[dateIssued]', '20/09/2024'],
      ['toc[0][title]', 'Chương 1'],
      ['toc[0][page]', '5'],
      ['toc[1][title]', ''],
      ['toc[1][page]', ''],
      ['toc[1][level]', ''],
      ['toc[2][title]', 'Chương 2'],
      ['toc[2][page]', '0'],
      ['subjectHeadings[0][label]', 'Khmer'],
      ['subjectHeadings[0][source]', 'LCSH'],
      ['subjectHeadings[0][uri]', 'not a uri'],
      ['relations[0][type]', 'amends'],
      ['relations[0][itemId]', 'Quyết Định 12'],
    ];
    const form = readEditorForm(posted(entries));
    expect(form.library.documentNumber).toBe('45/2024/QĐ-UBND');
    expect(form.library.dateIssued).toBe('20/09/2024');
    expect(form.toc[1]).toEqual({ title: '', page: '', level: '' });
    expect(readEditorForm(posted(postedOf(form)))).toEqual(form);
    expect(errorsOf(entries)).toEqual({
      'library-issuingBody': { id: 'editor.error.required' },
      'library-documentType': { id: 'editor.error.choice' },
      'library-dateIssued': { id: 'editor.error.isoDate' },
      'toc-2-page': { id: 'libraryEditor.error.page' },
      'subjectHeadings-0-source': { id: 'libraryEditor.error.vocabulary' },
      'subjectHeadings-0-uri': { id: 'libraryEditor.error.uri' },
      'relations-0-itemId': { id: 'editor.error.id' },
    });
  });
});

describe('the engine\'s problems beside their fields', () => {
  const refusal = (fields: unknown[]) => ApiRefusal.from(400, JSON.stringify({ error: { status: 400, code: 'invalid', message: 'Invalid record', requestId: 'r', fields } }), null, 'refused');

  it.each([
    ['/library/identifiers/1/value', 'identifier-checksum', { identifiers: [0, 3] }, 'identifiers-3-value'],
    ['/library', 'legal-missing', {}, 'library-documentNumber'],
    ['/library/legal', 'legal-missing', {}, 'library-documentNumber'],
    ['/library/legal/dateInForce', 'in-force-before-issued', {}, 'library-dateInForce'],
    ['/library/legal/relations/0', 'relation-target-missing', { relations: [2] }, 'relations-2-itemId'],
    ['/library/legal/relations/1/itemId', 'record-not-found', { relations: [0, 1] }, 'relations-1-itemId'],
    ['/library/issue/periodicalId', 'issue-self', {}, 'library-periodicalId'],
  ] as [string, LibraryProblemCode, Record<string, number[]>, string][])('%s (%s) is shown at %s', (path, code, rows, key) => {
    expect(saveRefusal(refusal([{ path, code, message: 'in English' }]), rows)).toEqual({ [key]: { id: `libraryEditor.problem.${code}` } });
  });

  it('falls back to the API\'s English message for a code it does not know, and ignores malformed entries', () => {
    const errors = saveRefusal(refusal([{ path: '/library/series/title', code: 'maxLength', message: 'must be shorter' }, { path: 3 }]));
    expect(errors).toEqual({ 'library-seriesTitle': { id: 'editor.error.api', values: { message: 'must be shorter' } } });
  });

  it('has every problem code said in every language', () => {
    for (const lang of ['vi', 'en', 'km', 'zh'] as const) {
      const t = useTranslations(lang);
      for (const code of LIBRARY_PROBLEM_CODES) expect(t(problemId(code))).not.toBe(problemId(code));
    }
  });
});

describe('rows added and removed by submit buttons', () => {
  it.each([
    ['add:title', { kind: 'add', group: 'title' }],
    ['remove:places:2', { kind: 'remove', group: 'places', index: 2 }],
    ['remove:nothing:2', { kind: 'save' }],
    ['save', { kind: 'save' }],
  ] as const)('%s', (value, intent) => {
    expect(parseIntent(value)).toEqual(intent);
  });

  it('adds an empty language row and removes the one asked', () => {
    const form = blankForm('km');
    const added = applyIntent(form, { kind: 'add', group: 'title' });
    expect(added.title).toEqual([{ lang: 'km', value: '' }, { lang: '', value: '' }]);
    expect(applyIntent(added, { kind: 'remove', group: 'title', index: 0 }).title).toEqual([{ lang: '', value: '' }]);
  });
});

describe('a place chosen from the catalog', () => {
  it('takes the province\'s centre when no point is typed', () => {
    const form = { ...blankForm('vi'), places: [{ name: '', placeId: '', province: 'Sóc Trăng', lat: '', lon: '', save: false }] };
    const filled = fillFromCatalog(form, [{ province: 'Sóc Trăng', count: 3, geo: { lat: 9.6, lon: 105.97 } }]);
    expect(filled.places[0]).toMatchObject({ name: 'Sóc Trăng', lat: '9.6', lon: '105.97' });
  });
  it.each([
    ['Chùa Dơi, Sóc Trăng', 'chua-doi-soc-trang'],
    ['Đình Bình Thủy', 'dinh-binh-thuy'],
  ])('slugOf(%s) is %s', (text, slug) => {
    expect(slugOf(text)).toBe(slug);
  });
});

describe('the conflict, field by field', () => {
  const mine = draftFromForm(readEditorForm(posted([...base, ['date', '1930']]))).draft as RecordDraft;
  const theirs: RecordDraft = { ...mine, title: [{ lang: 'vi', value: 'Lễ Cúng Trăng' }], source: 'Sở Văn hóa' };

  it('lists the fields that differ', () => {
    const differing = conflictRows(mine, theirs).filter((r) => r.differs).map((r) => r.field);
    expect(differing).toEqual(['title', 'source']);
  });

  it('merges by the choices, mine where none was made', () => {
    const merged = mergeDrafts(mine, theirs, { title: 'theirs' });
    expect(merged.title).toEqual(theirs.title);
    expect(merged.source).toBeUndefined();
    expect(merged.date).toBe('1930');
    expect(mergeDrafts(mine, theirs, { source: 'theirs', date: 'theirs' })).toMatchObject({ source: 'Sở Văn hóa', date: '1930', title: mine.title });
  });

  it('takes all of one side', () => {
    const all = picksOf(posted([['pick[title]', 'mine']]), 'take-theirs');
    expect(mergeDrafts(mine, theirs, all)).toEqual(theirs);
  });

  it('shows values as lines a person reads', () => {
    const t = useTranslations('en');
    expect(valueLines('title', [{ lang: 'km', value: 'អុំទូក' }], t, 'en')).toEqual(['Khmer: អុំទូក']);
    expect(valueLines('recurrence', [{ calendar: 'khmer-lunisolar', month: 12, day: 15, phase: 'waxing' }], t, 'en')[0]).toContain('15');
    expect(valueLines('source', undefined, t, 'en')).toEqual([]);
  });

  it('names codes in the reader’s words, not the codes', () => {
    const vi = useTranslations('vi');
    expect(valueLines('kind', 'festival', vi, 'vi')).toEqual([vi('kind.festival')]);
    expect(valueLines('ethnicGroups', ['khmer', 'tay'], vi, 'vi')).toEqual(['Khmer', 'Tày']);
    expect(valueLines('languages', ['km'], vi, 'vi')).toEqual(['tiếng Khmer']);
    expect(valueLines('agents', [{ name: 'Lâm Sa Rết', role: 'informant' }], vi, 'vi')).toEqual([`Lâm Sa Rết (${vi('role.informant')})`]);
    expect(valueLines('rights', 'https://creativecommons.org/licenses/by-sa/4.0/', vi, 'vi')[0]).toContain('BY-SA');
    expect(valueLines('access', { level: 'community', communities: ['khmer-soc-trang'] }, vi, 'vi')).toEqual([vi('editor.access.community'), `${vi('editor.communities')}: khmer-soc-trang`]);
    expect(valueLines('provenance', { method: 'fieldwork', contributor: 'Sở VHTT' }, vi, 'vi')).toEqual([`${vi('editor.contributor')}: Sở VHTT`, `${vi('editor.method')}: ${vi('editor.method.fieldwork')}`]);
  });
});
