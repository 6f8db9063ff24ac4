import { RecordDraft, type InventoryElement } from '@disan/schemas';
import { Value } from 'typebox/value';
import { describe, expect, it } from 'vitest';
import { elementName, withBlankRow, type ElementFields } from './element-form.ts';
import { draftFromForm, formFromItem, readEditorForm, type FormFields } from './record-form.ts';
import { problemField, validateCandidate } from './validate.ts';

/** A posted form from name/value pairs, as readForm gives it. */
function posted(entries: [string, string][]): FormFields {
  const all = (name: string) => entries.filter(([n]) => n === name).map(([, v]) => v);
  const raw = (name: string) => all(name)[0] ?? '';
  return { raw, text: (name) => raw(name).trim(), all, has: (name) => all(name).length > 0 };
}

/** What the browser posts for the element section as the page shows it (with its blank rows). */
function postedElement(fields: ElementFields): [string, string][] {
  const entries: [string, string][] = [
    [elementName('category'), fields.category],
    [elementName('communities'), fields.communities],
    [elementName('viability'), fields.viability],
    [elementName('sources'), fields.sources],
    [elementName('inventoryNumber'), fields.inventoryNumber],
  ];
  withBlankRow(fields, 'bearers').forEach((row, i) => {
    for (const key of ['name', 'role', 'locality', 'consentDate', 'consentMethod'] as const) entries.push([elementName('bearers', i, key), row[key]]);
    if (row.consentGiven) entries.push([elementName('bearers', i, 'consentGiven'), 'on']);
  });
  withBlankRow(fields, 'recognition').forEach((row, i) => {
    for (const key of ['list', 'decision', 'date', 'note'] as const) entries.push([elementName('recognition', i, key), row[key]]);
  });
  withBlankRow(fields, 'viabilityNotes').forEach((row, i) => {
    entries.push([elementName('viabilityNotes', i, 'lang'), row.lang], [elementName('viabilityNotes', i, 'value'), row.value]);
  });
  return entries;
}

const element: InventoryElement = {
  category: 'festival',
  communities: ['Người Khmer ở Sóc Trăng', 'Người Khmer ở Trà Vinh'],
  bearers: [
    { name: 'Lâm Sóc', role: 'Achar', locality: 'Vĩnh Châu', consent: { given: true, date: '2024-05-01', method: 'written' } },
    { name: 'Thạch Sa', consent: { given: false } },
  ],
  recognition: [{ list: 'national-intangible', decision: '1234/QĐ-BVHTTDL', date: '2014-04-14' }],
  viability: 'stable',
  viabilityNote: [{ lang: 'vi', value: 'Được tổ chức hằng năm ở cấp tỉnh.' }],
  sources: ['Cổng thông tin điện tử tỉnh Sóc Trăng'],
  inventoryNumber: 'ST-LH-01',
};
const record: RecordDraft = {
  id: 'ok-om-bok',
  kind: 'element',
  ethnicGroups: ['khmer'],
  title: [{ lang: 'vi', value: 'Lễ hội Oóc Om Bóc' }],
  alternativeNames: [{ lang: 'km', value: 'បុណ្យអកអំបុក', type: 'native' }],
  recurrence: [{ calendar: 'khmer-lunisolar', month: 12, day: 15 }],
  access: { level: 'public' },
  element,
};

const base: [string, string][] = [
  ['id', 'ok-om-bok'],
  ['kind', 'element'],
  ['ethnicGroups', 'khmer'],
  ['title[0][lang]', 'vi'],
  ['title[0][value]', 'Lễ hội Oóc Om Bóc'],
  ['access[level]', 'public'],
];

describe('the element section of the record form', () => {
  it('goes from a draft to the form and back unchanged, the blank rows left out', () => {
    const form = formFromItem(record);
    const { draft } = draftFromForm(readEditorForm(posted([...base, ...postedElement(form.element)])));
    expect(draft.element).toEqual(element);
    expect(Value.Check(RecordDraft, { ...draft, alternativeNames: record.alternativeNames, recurrence: record.recurrence })).toBe(true);
  });

  it('keeps a bearer who has not consented, unticked, so the public page can leave them out', () => {
    const { draft } = draftFromForm(readEditorForm(posted([...base, ...postedElement(formFromItem(record).element)])));
    expect((draft.element as InventoryElement).bearers?.map((b) => b.consent.given)).toEqual([true, false]);
  });

  it('says the category is missing beside its select', () => {
    const errors = validateCandidate(draftFromForm(readEditorForm(posted(base))));
    expect(Object.keys(errors)).toContain('element-category');
  });

  it('puts a wrong consent date beside its input', () => {
    const fields = { ...formFromItem(record).element };
    fields.bearers = [{ ...fields.bearers[0]!, consentDate: '1/5/2024' }];
    const errors = validateCandidate(draftFromForm(readEditorForm(posted([...base, ...postedElement(fields)]))));
    expect(Object.keys(errors)).toEqual(['element-bearers-0-consentDate']);
  });

  it('leaves the block out of a record of another kind when nothing of it was typed', () => {
    const { draft } = draftFromForm(readEditorForm(posted([...base.map(([k, v]): [string, string] => (k === 'kind' ? [k, 'recording'] : [k, v])), ...postedElement(formFromItem({ ...record, kind: 'recording', element: undefined }).element)])));
    expect(draft.element).toBeUndefined();
  });

  it('reads the element links typed and ticked under one name', () => {
    const entries: [string, string][] = [...base.map(([k, v]): [string, string] => (k === 'kind' ? [k, 'recording'] : [k, v])), ['element-ids', 'ok-om-bok, sene-dolta'], ['element-ids', 'chol-chnam-thmay']];
    const { draft } = draftFromForm(readEditorForm(posted(entries)));
    expect(draft.elements).toEqual(['ok-om-bok', 'sene-dolta', 'chol-chnam-thmay']);
    expect(problemField({ keyword: 'element-not-found', instancePath: '/elements/1', params: {} }, {})).toBe('element-ids');
  });
});
