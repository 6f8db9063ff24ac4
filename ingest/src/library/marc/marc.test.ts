import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Value } from 'typebox/value';
import { ItemInput } from '@disan/schemas';
import { multilingualItem } from '../../../../tests/support/library-items.ts';
import { fromMarc, iso2709, marcXmlCollection, marcXmlRecord, readMarcFile, toMarcRecord, type MarcDataField, type MarcRecord } from './index.ts';

const FIXTURES = join(import.meta.dirname, '../../../../../shared/fixtures/marc');
const MARC21_XSD = join(import.meta.dirname, '../../../../../shared/validators/xsd/MARC21slim.xsd');

/** yaz-marcdump's line dump; it fails the test on any complaint on stderr or a bad exit. */
function yazMarcdump(format: 'marc' | 'marcxml', path: string): string {
  const run = spawnSync('yaz-marcdump', ['-i', format, '-o', 'line', path], { encoding: 'utf8' });
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  return run.stdout;
}

const tags = (record: MarcRecord) => record.fields.map((field) => field.tag);
const dataField = (record: MarcRecord, tag: string) => record.fields.find((field): field is MarcDataField => field.tag === tag && 'subfields' in field);

describe('toMarcRecord', () => {
  const record = toMarcRecord(multilingualItem(), { recordUrl: 'https://disan.example/vi/item/qd-45-2024' });

  it('writes a UTF-8 leader for a monograph and keeps fields in ascending tag order', () => {
    expect(record.leader).toHaveLength(24);
    expect(record.leader[9]).toBe('a');
    expect(record.leader.slice(6, 8)).toBe('am');
    expect(tags(record)).toEqual([...tags(record)].sort());
  });

  it('carries the id, the transaction time and the fixed field with date, nature of contents and language', () => {
    expect(record.fields.find((field) => field.tag === '001')).toEqual({ tag: '001', value: 'qd-45-2024' });
    expect(record.fields.find((field) => field.tag === '005')).toEqual({ tag: '005', value: '20240602093015.0' });
    const fixed = record.fields.find((field) => field.tag === '008');
    expect(fixed && 'value' in fixed ? fixed.value : '').toMatch(/^240511s2024/);
    expect(fixed && 'value' in fixed ? fixed.value.slice(24, 25) + fixed.value.slice(35, 38) : '').toBe('lvie');
  });

  it('maps authors and contributors with relator terms and codes, and the legal parties', () => {
    expect(dataField(record, '100')?.subfields).toEqual([
      { code: 'a', value: 'Trần, Văn Bình' },
      { code: 'e', value: 'author' },
      { code: '4', value: 'aut' },
    ]);
    const added = record.fields.filter((field): field is MarcDataField => field.tag === '700' || field.tag === '710');
    expect(added.map((field) => field.subfields.find((subfield) => subfield.code === '4')?.value)).toEqual(['edt', 'sgn', 'isb']);
  });

  it('puts the title in 245, other Latin-script titles in 242 with their language, other scripts in 880', () => {
    expect(dataField(record, '245')?.subfields.map((subfield) => subfield.value)).toEqual(['Quyết định về bảo tồn lễ hội Ok Om Bok của đồng bào Khmer', 'giai đoạn 2024–2030']);
    expect(dataField(record, '242')?.subfields).toContainEqual({ code: 'y', value: 'eng' });
    const vernacular = record.fields.filter((field): field is MarcDataField => field.tag === '880');
    expect(vernacular.map((field) => field.subfields[0]?.value)).toEqual(['246-00', '246-00/$1']);
  });

  it('keeps the document number in 088 and identifiers in 020, 024 and 099', () => {
    expect(dataField(record, '088')?.subfields).toEqual([{ code: 'a', value: '45/2024/QĐ-UBND' }]);
    expect(dataField(record, '020')?.subfields[0]?.value).toBe('9786047012345');
    const standard = record.fields.filter((field): field is MarcDataField => field.tag === '024').map((field) => field.subfields.map((subfield) => subfield.value).join('|'));
    expect(standard).toEqual(['10.1234/disan.45|doi', '20.500.12345/678|hdl']);
    expect(dataField(record, '856')?.subfields).toEqual([{ code: 'u', value: 'https://disan.example/vi/item/qd-45-2024' }]);
  });

  it('describes a periodical issue as a serial component part linked to its periodical', () => {
    const issue = toMarcRecord(multilingualItem({ kind: 'periodical-issue', library: { issue: { periodicalTitle: 'Tạp chí Dân tộc học', volume: '5', number: '2' } } }));
    expect(issue.leader.slice(6, 8)).toBe('ab');
    expect(dataField(issue, '773')?.subfields).toEqual([
      { code: 't', value: 'Tạp chí Dân tộc học' },
      { code: 'g', value: 'vol. 5, no. 2' },
    ]);
  });
});

describe('fromMarc', () => {
  it('maps an exported record back to the same library fields', () => {
    const item = multilingualItem();
    const back = fromMarc(toMarcRecord(item), { source: 'export.mrc' });
    expect(Value.Check(ItemInput, back)).toBe(true);
    expect(back.kind).toBe('legal-document');
    expect(back.ethnicGroups).toEqual(['khmer', 'hoa']);
    expect(back.title).toEqual(expect.arrayContaining(item.title));
    expect(back.title).toHaveLength(item.title.length);
    expect(back.agents).toEqual([
      { name: 'Trần, Văn Bình', role: 'author' },
      { name: 'Lâm Sóc Kha', role: 'editor' },
    ]);
    expect(back.date).toBe('2024');
    expect(back.languages).toEqual(['vi', 'km', 'zh']);
    expect(back.library?.legal).toEqual(item.library?.legal);
    expect(back.library?.identifiers).toEqual(item.library?.identifiers);
    expect(back.library?.tableOfContents).toEqual([
      { title: 'Chương I. Quy định chung', page: 1 },
      { title: 'Chương II. ការអភិរក្ស', page: 7 },
    ]);
    expect(back.library?.subtitle).toEqual(item.library?.subtitle);
    expect(back.library?.series).toEqual(item.library?.series);
    expect(back.library?.holdings).toEqual(item.library?.holdings);
    expect(back.library?.origin).toEqual({ protocol: 'marc', source: 'export.mrc', identifier: 'qd-45-2024' });
    expect(back.rights).toBe(item.rights);
  });

  it('gives the same id for the same source and control number, and another for another source', () => {
    const record = toMarcRecord(multilingualItem());
    expect(fromMarc(record, { source: 'a.mrc' }).id).toBe(fromMarc(record, { source: 'a.mrc' }).id);
    expect(fromMarc(record, { source: 'a.mrc' }).id).not.toBe(fromMarc(record, { source: 'b.mrc' }).id);
  });

  it('refuses a record with no control number', () => {
    expect(() => fromMarc({ leader: '00000nam a2200000 a 4500', fields: [{ tag: '245', ind1: '0', ind2: '0', subfields: [{ code: 'a', value: 'T' }] }] }, { source: 'x' })).toThrow(/001/);
  });
});

describe('MARC files', () => {
  const items = [multilingualItem(), multilingualItem({ id: 'thesis-1', kind: 'thesis', library: { thesis: { degree: 'Tiến sĩ', institution: 'Đại học Cần Thơ' } } })];
  const records = items.map((item) => toMarcRecord(item));
  const folder = mkdtempSync(join(tmpdir(), 'disan-marc-'));

  it.each(['iso2709', 'marcxml'] as const)('Vietnamese, Khmer and Chinese text survive a round trip through %s', async (form) => {
    const bytes = form === 'iso2709' ? iso2709(records) : Buffer.from(marcXmlCollection(records));
    const file = await readMarcFile(bytes, `export.${form}`);
    expect(file.format).toBe(form);
    const back = file.entries.map((entry) => (entry.ok ? fromMarc(entry.record, { source: 'x' }) : undefined));
    expect(back[0]?.title.map((title) => title.value)).toEqual(expect.arrayContaining(['Quyết định về bảo tồn lễ hội Ok Om Bok của đồng bào Khmer', 'សេចក្តីសម្រេចស្តីពីការអភិរក្សពិធីបុណ្យអកអំបុក', '潮州會館保護決定']));
    expect(back[0]?.library?.legal?.issuingBody).toBe('Ủy ban nhân dân tỉnh Sóc Trăng');
    expect(back[1]?.kind).toBe('thesis');
    expect(back[1]?.library?.thesis).toEqual({ degree: 'Tiến sĩ', institution: 'Đại học Cần Thơ' });
  });

  it('writes ISO 2709 that yaz-marcdump reads without complaint', () => {
    const path = join(folder, 'export.mrc');
    writeFileSync(path, iso2709(records));
    const dump = yazMarcdump('marc', path);
    expect(dump).toContain('សេចក្តីសម្រេចស្តីពីការអភិរក្សពិធីបុណ្យអកអំបុក');
    expect(dump).toContain('潮州會館保護決定');
  });

  it('writes MARCXML that validates against the MARC21 slim schema and that yaz-marcdump reads', () => {
    const path = join(folder, 'export.xml');
    writeFileSync(path, marcXmlCollection(records));
    execFileSync('xmllint', ['--noout', '--nonet', '--schema', MARC21_XSD, path], { stdio: 'pipe' });
    const dump = yazMarcdump('marcxml', path);
    expect(dump).toContain('Quyết định về bảo tồn lễ hội');
  });

  it('writes a lone record element in the MARC21 slim namespace with no XML declaration', () => {
    const xml = marcXmlRecord(records[0]!);
    expect(xml.startsWith('<record xmlns="http://www.loc.gov/MARC21/slim">')).toBe(true);
  });

  it('writes MARCXML for a record with characters XML forbids, dropping them, that the schema accepts and reads back', async () => {
    const item = { ...multilingualItem(), title: [{ lang: 'vi', value: 'Quyết\u0001 định <về> bảo tồn & "lễ hội"\u0008\uFFFE' }] };
    const path = join(folder, 'control.xml');
    writeFileSync(path, marcXmlCollection([toMarcRecord(item)]));
    execFileSync('xmllint', ['--noout', '--nonet', '--schema', MARC21_XSD, path], { stdio: 'pipe' });
    const file = await readMarcFile(readFileSync(path), 'control.xml');
    const entry = file.entries[0]!;
    expect(entry.ok && fromMarc(entry.record, { source: 'control.xml' }).title[0]!.value).toBe('Quyết định <về> bảo tồn & "lễ hội"');
  });

  it('writes ISO 2709 for a record whose title holds the format\'s own separators, which yaz-marcdump reads as one whole record', async () => {
    const item = { ...multilingualItem(), title: [{ lang: 'vi', value: 'Quyết\u001D định\u001E bảo tồn\u001F lễ hội\u0001' }] };
    const path = join(folder, 'separators.mrc');
    const bytes = iso2709([toMarcRecord(item), records[1]!]);
    writeFileSync(path, bytes);
    expect(yazMarcdump('marc', path)).toContain('Quyết định bảo tồn lễ hội');
    const file = await readMarcFile(bytes, 'separators.mrc');
    expect(file.entries).toHaveLength(2);
    const first = file.entries[0]!;
    expect(first.ok && fromMarc(first.record, { source: 'separators.mrc' }).title[0]!.value).toBe('Quyết định bảo tồn lễ hội');
    expect(file.entries[1]!.ok).toBe(true);
  });

  it('reads every shared fixture: each record imports or is refused with a reason', async () => {
    const outcomes: string[] = [];
    for (const name of readdirSync(FIXTURES).filter((file) => /\.(mrc|xml)$/.test(file))) {
      const file = await readMarcFile(readFileSync(join(FIXTURES, name)), name);
      for (const entry of file.entries) {
        if (!entry.ok) {
          expect(entry.reason).toMatch(/MARC-8/);
          outcomes.push(`${name}#${entry.position} refused`);
          continue;
        }
        const item = fromMarc(entry.record, { source: name });
        expect(Value.Check(ItemInput, item), `${name} #${entry.position}`).toBe(true);
        outcomes.push(`${name}#${entry.position} ${item.kind}`);
      }
    }
    expect(outcomes).toContain('pymarc_marc8.mrc#1 refused');
    expect(outcomes).toContain('mod-reservoir_marc3.mrc#1 book');
    expect(outcomes).toContain('pymarc_batch.xml#1 music');
    expect(outcomes).toHaveLength(16);
  });

  it('refuses what is neither MARCXML nor ISO 2709', async () => {
    await expect(readMarcFile(Buffer.from('title,author\n'), 'sheet.csv')).rejects.toThrow(/neither MARCXML/);
  });
});
