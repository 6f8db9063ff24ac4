import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { multilingualItem } from '../../../tests/support/library-items.ts';
import { schemaErrors } from '../../../tests/support/xml-schemas.ts';
import { parseCitations, RECORD_FORMAT_FILES, writeRecords } from './index.ts';

const KHMER = 'សេចក្តីសម្រេចស្តីពីការអភិរក្សពិធីបុណ្យអកអំបុក';
const CHINESE = '潮州會館保護決定';
const recordUrl = 'https://disan.example/item/qd-45-2024';
const records = [
  { item: multilingualItem(), context: { recordUrl, formats: ['application/pdf'] } },
  { item: multilingualItem({ id: 'hoi-quan', kind: 'book', title: [{ lang: 'zh', value: CHINESE }] }), context: {} },
];
const folder = mkdtempSync(join(tmpdir(), 'disan-record-formats-'));
afterAll(() => {
  rmSync(folder, { recursive: true, force: true });
});

describe('writeRecords', () => {
  it('writes one record as an oai_dc:dc document valid against oai_dc.xsd, with its page and the files one may fetch', async () => {
    const xml = String(writeRecords('dc-xml', [records[0]!]));
    expect(await schemaErrors(xml, 'oai_dc.xsd')).toBe('');
    expect(xml).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\s*<oai_dc:dc /);
    expect(xml).toContain(`<dc:title xml:lang="km">${KHMER}</dc:title>`);
    expect(xml).toContain(`<dc:identifier>${recordUrl}</dc:identifier>`);
    expect(xml).toContain('<dc:format>application/pdf</dc:format>');
  });

  it('refuses Dublin Core XML for more than one record: it is a one-record document', () => {
    expect(() => writeRecords('dc-xml', records)).toThrow(/holds one record; 2 were given/);
  });

  it('writes a MARCXML collection valid against MARC21slim.xsd', async () => {
    const xml = String(writeRecords('marcxml', records));
    expect(await schemaErrors(xml, 'MARC21slim.xsd')).toBe('');
    expect(xml.match(/<record /g)).toHaveLength(2);
    expect(xml).toContain(CHINESE);
  });

  it('writes ISO 2709 that yaz-marcdump reads with no complaint, Khmer and Chinese intact', () => {
    const path = join(folder, 'export.mrc');
    const bytes = writeRecords('marc', records);
    expect(Buffer.isBuffer(bytes)).toBe(true);
    writeFileSync(path, bytes);
    const run = spawnSync('yaz-marcdump', ['-i', 'marc', '-o', 'line', path], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(KHMER);
    expect(run.stdout).toContain(CHINESE);
    expect(run.stdout.match(/^001 /gm)).toHaveLength(2);
  });

  it('writes BibTeX, RIS and CSL-JSON that citation-js reads back record for record', () => {
    for (const format of ['bibtex', 'ris', 'csl-json'] as const) {
      const back = parseCitations(String(writeRecords(format, records)));
      expect(back.map((entry) => entry.title), format).toEqual(['Quyết định về bảo tồn lễ hội Ok Om Bok của đồng bào Khmer', CHINESE]);
    }
  });

  it('names a media type and an extension for every form', () => {
    expect(Object.fromEntries(Object.entries(RECORD_FORMAT_FILES).map(([format, file]) => [format, `${file.type.split(';')[0]} .${file.extension}`]))).toEqual({
      bibtex: 'application/x-bibtex .bib',
      ris: 'application/x-research-info-systems .ris',
      'csl-json': 'application/vnd.citationstyles.csl+json .json',
      'dc-xml': 'application/xml .xml',
      marcxml: 'application/marcxml+xml .marcxml.xml',
      marc: 'application/marc .mrc',
    });
  });
});
