import { readFile, writeFile, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InventoryElement, ItemInput } from '@disan/schemas';
import { Value } from 'typebox/value';
import { type Archive, importRecords } from '@disan/ingest';
import { createInventoryCatalog } from '@disan/ingest/inventory';
import { temporaryArchive } from '../support/archive.ts';

const SAMPLES = join(import.meta.dirname, '..', '..', 'media-samples');
const ELEMENTS = join(SAMPLES, 'inventory', 'elements.jsonl');
const RECORDS = join(SAMPLES, 'records.jsonl');
const lines = async (path: string): Promise<ItemInput[]> => (await readFile(path, 'utf8')).split('\n').filter((l) => l.trim() !== '').map((l) => JSON.parse(l) as ItemInput);

/** The sample inventory (issue 15) as `npm run samples` imports it: elements first, then the records that document them. */
describe('the sample inventory', () => {
  let archive: Archive;
  let dispose: () => Promise<void>;
  beforeAll(async () => {
    ({ archive, dispose } = await temporaryArchive());
  });
  afterAll(() => dispose());

  it('holds 20 to 30 elements of Khmer and Hoa heritage, each with a category and its sources', async () => {
    const elements = await lines(ELEMENTS);
    expect(elements.length).toBeGreaterThanOrEqual(20);
    expect(elements.length).toBeLessThanOrEqual(30);
    for (const element of elements) {
      expect(element.kind).toBe('element');
      expect(Value.Check(InventoryElement, element.element)).toBe(true);
      expect(element.element?.sources?.length ?? 0).toBeGreaterThanOrEqual(2);
    }
    const groups = new Set(elements.flatMap((e) => e.ethnicGroups));
    expect([...groups]).toEqual(expect.arrayContaining(['khmer', 'hoa']));
    expect(elements.filter((e) => e.places?.some((p) => p.province === 'Sóc Trăng')).length).toBeGreaterThanOrEqual(20);
  });

  it('imports, then the records, and every link resolves to an element; some elements stay undocumented (gaps)', async () => {
    const elements = await importRecords(archive, ELEMENTS);
    expect(elements.failures).toEqual([]);
    const records = await importRecords(archive, RECORDS);
    expect(records.failures).toEqual([]);
    const linked = (await lines(RECORDS)).flatMap((r) => (r.elements ?? []).map((element) => ({ record: r.id, element })));
    expect(linked.length).toBeGreaterThanOrEqual(4);
    for (const { record, element } of linked) {
      const found = await archive.catalog.items.get(element);
      expect(found?.kind, `${record} → ${element}`).toBe('element');
      const documenting = await createInventoryCatalog(archive.db).documenting(true, element);
      expect(documenting.map((r) => r.id)).toContain(record);
    }
    const documented = new Set(linked.map((l) => l.element));
    expect((await lines(ELEMENTS)).filter((e) => !documented.has(e.id)).length).toBeGreaterThan(10);
  });

  it('refuses a line linking a missing element or a record that is not an element', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'disan-inventory-'));
    const file = join(folder, 'bad.jsonl');
    const record = (id: string, elements: string[]) => JSON.stringify({ id, kind: 'recording', ethnicGroups: ['khmer'], title: [{ lang: 'vi', value: id }], elements, status: 'published', access: { level: 'public' } });
    await writeFile(file, [record('links-nothing', ['el-khong-co']), record('links-a-record', ['kathina-dang-y'])].join('\n'));
    const report = await importRecords(archive, file);
    expect(report.failures.map((f) => f.reason)).toEqual([expect.stringContaining('no inventory element has the id el-khong-co'), expect.stringContaining('not an inventory element')]);
    expect(await archive.catalog.items.get('links-nothing')).toBeNull();
  });
});
