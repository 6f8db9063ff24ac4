import { describe, expect, it } from 'vitest';
import writeXlsxFile from 'write-excel-file/node';
import type { ItemInput } from '@disan/schemas';
import type { Viewer } from '../access/index.ts';
import type { SheetHead } from '../workspace/sheets/heads.ts';
import { readSheetTable } from '../workspace/sheets/table.ts';
import { isElementSheet, planElementSheet } from './sheet.ts';

const archivist: Viewer = { kind: 'user', id: 'a1', roles: ['archivist'], communities: [] };
const HEADER = 'identifier,name_vi,name_km,name_zh-Hant,category,ethnic_groups,provinces,localities,season,recognition_list,recognition_decision,recognition_date,viability,communities,sources,inventory_number';
// A province's list with good and broken rows (rows 2 to 7 as a spreadsheet numbers them).
const SHEET = [
  HEADER,
  'ok-om-bok,Lễ hội Oóc Om Bóc,បុណ្យអកអំបុក,,Lễ hội truyền thống,khmer,Sóc Trăng,Sông Maspero,Khmer 15 Kadeuk,national-intangible,,,thriving,Người Khmer ở Sóc Trăng,Cổng thông tin điện tử tỉnh Sóc Trăng | Sở VHTTDL Sóc Trăng,ST-01',
  ',Tết Nguyên Tiêu,,元宵節,festival,hoa,Sóc Trăng; Hồ Chí Minh,,15/1 âm lịch,,,,ổn định,,Cổng thông tin điện tử tỉnh Sóc Trăng,ST-02',
  'bad-season,Lễ cúng Neak Ta,,,belief,khmer,Sóc Trăng,,đầu mùa mưa,,,,,,,ST-03',
  'bad-category,Bánh pía,,,bánh,hoa,Sóc Trăng,,,,,,,,,ST-04',
  'bad-recognition,Rô băm,,,performing-art,khmer,Sóc Trăng,,,national-list,,2014-13-01,sắp mất,,,ST-05',
  'ok-om-bok,Lễ hội Oóc Om Bóc (lần nữa),,,festival,khmer,Sóc Trăng,,,,,,,,,ST-06',
].join('\n');

const table = () => readSheetTable(new TextEncoder().encode(SHEET), 'csv');

describe('a province’s list of elements as a sheet', () => {
  it('is told from the metadata sheet by its columns', async () => {
    expect(isElementSheet((await table()).columns)).toBe(true);
    expect(isElementSheet(['file', 'identifier', 'kind', 'title_vi'])).toBe(false);
  });

  it('previews each row: good rows as new drafts, broken rows with the column and the reason', async () => {
    const { preview, records } = planElementSheet(await table(), new Map(), archivist);
    expect(preview.rows.map((row) => [row.line, row.itemId, row.outcome])).toEqual([
      [2, 'ok-om-bok', 'new'],
      [3, 'tet-nguyen-tieu', 'new'],
      [4, 'bad-season', 'invalid'],
      [5, 'bad-category', 'invalid'],
      [6, 'bad-recognition', 'invalid'],
      [7, 'ok-om-bok', 'invalid'],
    ]);
    const errors = (line: number) => preview.rows.find((row) => row.line === line)!.errors.join(' / ');
    expect(errors(4)).toMatch(/^season: "đầu mùa mưa" is not a season this import understands/);
    expect(errors(5)).toMatch(/^category: "bánh" is not a category/);
    expect(errors(6)).toMatch(/recognition_list: "national-list" must be one of/);
    expect(errors(6)).toMatch(/viability: "sắp mất" must be one of/);
    expect(errors(7)).toBe('identifier: the element ok-om-bok is already on row 2');
    expect(records.map((r) => r.id)).toEqual(['ok-om-bok', 'tet-nguyen-tieu']);
    const okOmBok = records[0]!.item!;
    expect(okOmBok).toMatchObject({
      kind: 'element',
      status: 'draft',
      title: [{ lang: 'vi', value: 'Lễ hội Oóc Om Bóc' }],
      alternativeNames: [{ lang: 'km', value: 'បុណ្យអកអំបុក', type: 'native' }],
      places: [{ name: 'Sông Maspero', province: 'Sóc Trăng' }],
      recurrence: [{ calendar: 'khmer-lunisolar', month: 12, day: 15 }],
      element: { category: 'festival', viability: 'thriving', recognition: [{ list: 'national-intangible' }], sources: ['Cổng thông tin điện tử tỉnh Sóc Trăng', 'Sở VHTTDL Sóc Trăng'], inventoryNumber: 'ST-01' },
    });
    expect(records[1]!.item).toMatchObject({ places: [{ name: 'Sóc Trăng' }, { name: 'Hồ Chí Minh' }], element: { viability: 'stable' }, recurrence: [{ calendar: 'vietnamese-lunisolar', month: 1, day: 15 }] });
  });

  it('reads an XLSX list the same as its CSV', async () => {
    const rows = SHEET.split('\n').map((line) => line.split(','));
    const bytes = await writeXlsxFile(rows.map((row) => row.map((value) => ({ value, type: String })))).toBuffer();
    const fromXlsx = planElementSheet(await readSheetTable(bytes, 'xlsx'), new Map(), archivist);
    expect(fromXlsx.preview.rows.map((row) => row.outcome)).toEqual(['new', 'new', 'invalid', 'invalid', 'invalid', 'invalid']);
  });

  it('changes an element already in the archive, keeping its state and what the sheet does not say', async () => {
    const head: ItemInput = { id: 'ok-om-bok', kind: 'element', ethnicGroups: ['khmer'], title: [{ lang: 'vi', value: 'Oóc Om Bóc' }], description: [{ lang: 'vi', value: 'Mô tả giữ nguyên' }], element: { category: 'festival' }, status: 'published', access: { level: 'public' } };
    const heads = new Map<string, SheetHead>([['ok-om-bok', { item: head, state: 'published', version: 3, files: [] }]]);
    const plan = planElementSheet(await table(), heads, archivist).records.find((r) => r.id === 'ok-om-bok')!;
    expect(plan.outcome).toBe('changed');
    expect(plan.headVersion).toBe(3);
    expect(plan.item).toMatchObject({ status: 'published', description: head.description, title: [{ lang: 'vi', value: 'Lễ hội Oóc Om Bóc' }] });
  });
});
