import { describe, expect, it } from 'vitest';
import writeXlsxFile from 'write-excel-file/node';
import type { ItemInput } from '@disan/schemas';
import type { Viewer } from '../../access/index.ts';
import { itemCells, mergeRow, sheetColumns } from './cells.ts';
import type { SheetHead } from './heads.ts';
import { planSheet } from './plan.ts';
import { neutralizeCell, readSheetTable, restoreCell } from './table.ts';

const archivist: Viewer = { kind: 'user', id: 'a1', roles: ['archivist'], communities: [] };
const reviewer: Viewer = { kind: 'user', id: 'r1', roles: ['reviewer'], communities: [] };
const csv = (text: string) => new TextEncoder().encode(text);
const xlsx = (rows: (string | null)[][]) => writeXlsxFile(rows.map((row) => row.map((value) => (value === null ? null : { value, type: String })))).toBuffer();

const OK_OM_BOK: ItemInput = {
  id: 'ok-om-bok',
  kind: 'festival',
  ethnicGroups: ['khmer'],
  title: [
    { lang: 'vi', value: 'Lễ hội Ok Om Bok' },
    { lang: 'km', value: 'បុណ្យអកអំបុក' },
  ],
  subjects: [
    { lang: 'vi', value: 'đua ghe ngo' },
    { lang: 'vi', value: 'cúng trăng' },
  ],
  alternativeNames: [{ lang: 'km-Latn', value: 'Bon Ak Ambok', type: 'romanisation' }],
  // A second place and a photographer: more than a sheet can say, kept as they are.
  places: [
    { name: 'Sông Maspero', province: 'Sóc Trăng', geo: { lat: 9.6037, lon: 105.98 } },
    { name: 'Chùa Chén Kiểu', placeId: 'chua-chen-kieu' },
  ],
  agents: [
    { name: 'Nguyễn Văn A', role: 'creator' },
    { name: 'Lâm Thị B', role: 'photographer' },
  ],
  recurrence: [{ calendar: 'khmer-lunisolar', month: 12, day: 15, phase: 'waxing', durationDays: 3 }],
  date: '2023-11-27',
  collections: ['khmer-festivals'],
  status: 'published',
  access: { level: 'public' },
  provenance: { contributor: 'Ban Dân tộc', method: 'donation' },
};

const headOf = (item: ItemInput, state = item.status): SheetHead => ({ item, state, version: 3, files: [{ name: 'ok-om-bok/01.jpg', caption: 'Ghe ngo' }] });

describe('reading a sheet', () => {
  it('reads CSV and XLSX of the same sheet into the same rows, numbered as the spreadsheet shows them', async () => {
    const header = ['file', 'identifier', 'kind', 'ethnic_groups', 'title_vi', 'title_zh-Hant', 'description_vi'];
    const rows = [
      ['a.jpg', 'a', 'festival', 'khmer', 'Lễ hội', '節慶', 'Hai dòng\nmô tả'],
      [null, null, null, null, null, null, null],
      ['b.jpg', 'b', 'craft', 'hoa', '=1+1', '燈籠', null],
    ];
    const text = [header, ...rows].map((row) => row.map((cell) => `"${cell ?? ''}"`).join(',')).join('\r\n');
    const fromCsv = await readSheetTable(csv(text), 'csv');
    const fromXlsx = await readSheetTable(await xlsx([header, ...rows]), 'xlsx');
    expect(fromCsv.columns).toEqual(header);
    expect(fromCsv.rows.map((row) => row.line)).toEqual([2, 4]);
    expect(fromXlsx.rows).toEqual(fromCsv.rows);
    expect(fromXlsx.rows[1]!.cells['title_zh-Hant']).toBe('燈籠');
  });

  it('refuses a CSV that is not UTF-8 and a file that is not a workbook, saying what to do', async () => {
    await expect(readSheetTable(new Uint8Array([0x74, 0x69, 0xea, 0x6e, 0x67]), 'csv')).rejects.toThrow(/CSV UTF-8/);
    await expect(readSheetTable(csv('file,kind\n'), 'xlsx')).rejects.toThrow(/\.xlsx/);
  });

  it.each([
    ['=HYPERLINK("http://evil")', `'=HYPERLINK("http://evil")`],
    ['+1', `'+1`],
    ['-cmd', `'-cmd`],
    ['@SUM(A1)', `'@SUM(A1)`],
    ['\tx', `'\tx`],
    ['\rx', `'\rx`],
    ['-72.5', '-72.5'],
    ['Lễ hội', 'Lễ hội'],
  ])('neutralises %j as %j, and reading takes the apostrophe back', (cell, neutral) => {
    expect(neutralizeCell(cell)).toBe(neutral);
    expect(restoreCell(neutralizeCell(cell))).toBe(cell);
  });
});

describe('a row against a record', () => {
  const columns = sheetColumns(['vi', 'km']);

  it('finds nothing changed when the row is the record as exported, though the sheet cannot say all of it', () => {
    const merged = mergeRow(OK_OM_BOK, itemCells(OK_OM_BOK), columns);
    expect(merged.changed).toEqual([]);
    expect(merged.item).toEqual(OK_OM_BOK);
  });

  it('replaces only the parts whose columns changed, keeping what the sheet cannot say', () => {
    const row = { ...itemCells(OK_OM_BOK), title_km: 'អកអំបុក', creator: 'Trần C', latitude: '9.7' };
    const merged = mergeRow(OK_OM_BOK, row, columns);
    expect(merged.changed.sort()).toEqual(['creators', 'place', 'title']);
    expect(merged.item.title).toEqual([
      { lang: 'vi', value: 'Lễ hội Ok Om Bok' },
      { lang: 'km', value: 'អកអំបុក' },
    ]);
    expect(merged.item.agents).toEqual([
      { name: 'Trần C', role: 'creator' },
      { name: 'Lâm Thị B', role: 'photographer' },
    ]);
    expect(merged.item.places).toEqual([{ name: 'Sông Maspero', province: 'Sóc Trăng', geo: { lat: 9.7, lon: 105.98 } }, OK_OM_BOK.places![1]]);
    expect(merged.item.provenance).toEqual(OK_OM_BOK.provenance);
  });

  it('keeps the state and the access level when their cells are empty: a restricted record never turns public by a blank', () => {
    const restricted = { ...OK_OM_BOK, access: { level: 'community' as const, communities: ['khmer-soc-trang'] } };
    const merged = mergeRow(restricted, { ...itemCells(restricted), status: '', access: '' }, columns);
    expect(merged.changed).toEqual([]);
    expect(merged.item.access).toEqual(restricted.access);
  });

  it('leaves a part alone when the sheet has no column for it', () => {
    const { title_km: _km, ...row } = itemCells(OK_OM_BOK);
    const merged = mergeRow(OK_OM_BOK, row, columns.filter((column) => column !== 'title_km'));
    expect(merged.changed).toEqual([]);
  });
});

describe('the plan of a sheet', () => {
  const table = (rows: Record<string, string>[], columns = Object.keys(rows[0]!)) => ({ columns, rows: rows.map((cells, i) => ({ line: i + 2, cells })), unreadable: [] });
  const base = { kind: 'festival', ethnic_groups: 'khmer', title_vi: 'Lễ hội' };

  it('lists every row with every error, and the files of valid records only', () => {
    const plan = planSheet(
      table([
        { ...base, file: 'a.jpg', identifier: 'a' },
        { ...base, file: 'a-2.jpg', identifier: 'a' },
        { ...base, file: '', identifier: 'b', kind: 'dance', latitude: '91', longitude: '10' },
        { ...base, file: 'c.jpg', identifier: 'b' },
        { ...base, file: '', identifier: '' },
        { ...base, file: '', identifier: 'd', title_vi: '' },
      ]),
      new Map(),
      archivist,
    );
    expect(plan.preview.rows.map((row) => [row.line, row.outcome])).toEqual([
      [2, 'new'],
      [3, 'new'],
      [4, 'invalid'],
      [5, 'invalid'],
      [6, 'invalid'],
      [7, 'invalid'],
    ]);
    expect(plan.preview.rows[2]!.errors.join(' ')).toMatch(/latitude.*kind|kind.*latitude/s);
    expect(plan.preview.rows[3]!.errors).toEqual(['the record b cannot be imported: see row 4']);
    expect(plan.preview.rows[5]!.errors.join(' ')).toMatch(/no title/);
    expect(plan.preview.files).toEqual([
      { file: 'a.jpg', record: 'a', line: 2 },
      { file: 'a-2.jpg', record: 'a', line: 3 },
    ]);
    expect(plan.preview).toMatchObject({ records: 3, invalid: 4 });
  });

  it("keeps a status change within the viewer's rights: an archivist cannot publish by sheet, a reviewer can", () => {
    const rows = [{ ...base, identifier: 'a', status: 'published' }];
    expect(planSheet(table(rows), new Map(), archivist).preview.rows[0]).toMatchObject({ outcome: 'invalid', errors: [expect.stringMatching(/may not publish/)] });
    expect(planSheet(table(rows), new Map(), reviewer).records[0]).toMatchObject({ outcome: 'new', steps: ['submit', 'publish'] });
  });

  it('finds an exported row unchanged, with no file to upload again, whoever imports it', () => {
    const heads = new Map([[OK_OM_BOK.id, headOf(OK_OM_BOK)]]);
    const row = { ...itemCells(OK_OM_BOK), file: 'ok-om-bok/01.jpg', caption: 'Ghe ngo' };
    const plan = planSheet(table([row], sheetColumns(['vi', 'km'])), heads, archivist);
    expect(plan.preview.rows).toEqual([{ line: 2, file: 'ok-om-bok/01.jpg', itemId: 'ok-om-bok', outcome: 'unchanged', errors: [] }]);
    expect(plan.preview.files).toEqual([]);
  });

  it('refuses a change to a record in review from an archivist, and takes it from a reviewer', () => {
    const inReview = { ...OK_OM_BOK, status: 'in-review' as const };
    const heads = new Map([[OK_OM_BOK.id, headOf(inReview)]]);
    const row = { ...itemCells(inReview), title_vi: 'Lễ hội Ok Om Bok (Sóc Trăng)' };
    expect(planSheet(table([row]), heads, archivist).preview.rows[0]).toMatchObject({ outcome: 'invalid', errors: ['the record is in-review: you may not change it now'] });
    expect(planSheet(table([row]), heads, reviewer).records[0]).toMatchObject({ outcome: 'changed', steps: [], headVersion: 3 });
  });
});
