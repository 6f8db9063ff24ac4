import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RECORD_FORMATS, type CitationList } from '@disan/schemas';
import { PUBLIC, SYSTEM } from '@disan/ingest/access';
import { parseCitations } from '@disan/ingest/library';
import { apiFixture, HIDDEN, OPERATOR, VISIBLE, type ApiFixture } from '../../../../tests/support/api-fixture.ts';
import { multilingualItem } from '../../../../tests/support/library-items.ts';
import { schemaErrors } from '../../../../tests/support/xml-schemas.ts';
import { searchExport } from '../../services/citations.ts';

const KHMER = 'សេចក្តីសម្រេចស្តីពីការអភិរក្សពិធីបុណ្យអកអំបុក';
const CHINESE = '潮州會館保護決定';
/** How the zh-CN locale's term names a law in Chicago's Bluebook form. */
const ZH_EDITED_BY = '编辑 Lâm Sóc Kha';
/** Exports allowed per client and minute with DISAN_RATE_LIMIT=400: a twentieth. */
const EXPORT_LIMIT = 20;

const FILES: Record<(typeof RECORD_FORMATS)[number], [type: string, file: string]> = {
  bibtex: ['application/x-bibtex; charset=utf-8', 'qd-45-2024.bib'],
  ris: ['application/x-research-info-systems; charset=utf-8', 'qd-45-2024.ris'],
  'csl-json': ['application/vnd.citationstyles.csl+json; charset=utf-8', 'qd-45-2024.json'],
  'dc-xml': ['application/xml; charset=utf-8', 'qd-45-2024.xml'],
  marcxml: ['application/marcxml+xml; charset=utf-8', 'qd-45-2024.marcxml.xml'],
  marc: ['application/marc', 'qd-45-2024.mrc'],
};

let f: ApiFixture;
const folder = mkdtempSync(join(tmpdir(), 'disan-cite-api-'));
const get = (url: string, headers: Record<string, string> = {}) => f.app.inject({ url, headers });

beforeAll(async () => {
  f = await apiFixture({ DISAN_RATE_LIMIT: '400', DISAN_PUBLIC_URL: 'https://heritage.example' });
  // A published legal document titled in Vietnamese, Khmer and Chinese, in the public collection.
  // Its sample ISBN is made up (a wrong check digit the catalog refuses): the DOI stays.
  const sample = multilingualItem();
  const library = { ...sample.library, identifiers: [{ scheme: 'doi' as const, value: '10.1234/disan.45' }] };
  const { id: _id, createdAt: _c, updatedAt: _u, version: _v, ...input } = multilingualItem({ collections: ['khmer-festivals'], library });
  await f.archive.catalog.items.upsert({ id: 'qd-45-2024', ...input }, { author: 'test' });
  await f.archive.indexer.indexItems(['qd-45-2024']);
}, 300_000);
afterAll(async () => {
  await f.close();
  rmSync(folder, { recursive: true, force: true });
});

describe('GET /api/items/:id/cite', () => {
  it.each(RECORD_FORMATS)('downloads the record as %s with its media type and file name, Khmer intact', async (format) => {
    const response = await get(`/api/items/qd-45-2024/cite?format=${format}`);
    expect(response.statusCode, response.body).toBe(200);
    const [type, file] = FILES[format];
    expect(response.headers['content-type']).toBe(type);
    expect(response.headers['content-disposition']).toBe(`attachment; filename="${file}"`);
    // ISO 2709 counts bytes: read as UTF-8 it still holds the Khmer title.
    expect(response.rawPayload.toString('utf8')).toContain(format === 'csl-json' || format === 'bibtex' || format === 'ris' ? 'Quyết định về bảo tồn lễ hội' : KHMER);
  });

  it('gives BibTeX and RIS that citation-js reads back into the record, its page as URL', async () => {
    for (const format of ['bibtex', 'ris']) {
      const [entry] = parseCitations((await get(`/api/items/qd-45-2024/cite?format=${format}`)).body);
      expect(entry, format).toMatchObject({ title: 'Quyết định về bảo tồn lễ hội Ok Om Bok của đồng bào Khmer', publisher: 'Nhà xuất bản Văn hoá Dân tộc', URL: 'https://heritage.example/item/qd-45-2024' });
    }
  });

  it('gives Dublin Core XML valid against oai_dc.xsd, naming the files only when the viewer may fetch them', async () => {
    const open = (await get('/api/items/ok-om-bok/cite?format=dc-xml')).body;
    expect(await schemaErrors(open, 'oai_dc.xsd')).toBe('');
    expect(open).toContain('<dc:format>image/jpeg</dc:format>');
    // Metadata-only: citable, but its files are not the public's.
    const metadataOnly = await get('/api/items/chi-mo-ta/cite?format=dc-xml');
    expect(metadataOnly.statusCode).toBe(200);
    expect(await schemaErrors(metadataOnly.body, 'oai_dc.xsd')).toBe('');
    expect(metadataOnly.body).toContain('Nghề làm lồng đèn');
    expect(metadataOnly.body).not.toContain('<dc:format>');
  });

  it('answers a record the viewer cannot read with the item route’s own 404, and staff with the record', async () => {
    for (const id of HIDDEN) {
      const item = await get(`/api/items/${id}`);
      const cite = await get(`/api/items/${id}/cite?format=ris`);
      const citations = await get(`/api/items/${id}/citations`);
      expect([cite.statusCode, citations.statusCode], id).toEqual([404, 404]);
      for (const answer of [cite, citations]) expect(answer.json<{ error: { code: string; message: string } }>().error).toMatchObject({ code: 'not_found', message: item.json<{ error: { message: string } }>().error.message });
      expect((await get(`/api/items/${id}/cite?format=ris`, OPERATOR)).statusCode, id).toBe(200);
    }
  });

  it('refuses a format it does not know with a clear 400', async () => {
    const response = await get('/api/items/ok-om-bok/cite?format=endnote');
    expect(response.statusCode).toBe(400);
    expect(response.body).toMatch(/format/);
  });
});

describe('GET /api/items/:id/citations', () => {
  it('gives APA, Chicago, Vancouver and Harvard references with their labels, text and HTML', { timeout: 120_000 }, async () => {
    const response = await get('/api/items/qd-45-2024/citations?lang=en');
    expect(response.statusCode, response.body).toBe(200);
    const { styles } = response.json<CitationList>();
    expect(styles.map((s) => [s.style, s.label])).toEqual([['apa', 'APA 7'], ['chicago', 'Chicago (author-date)'], ['vancouver', 'Vancouver'], ['harvard1', 'Harvard']]);
    for (const style of styles) {
      expect(style.text, style.style).toContain('Quyết định về bảo tồn lễ hội Ok Om Bok');
      // A legal document is known by its number (số hiệu): every style names it.
      expect(style.text, style.style).toContain('45/2024/QĐ-UBND');
      expect(style.html, style.style).toMatch(/^<div class="csl-bib-body">/);
    }
  });

  it("uses the reader's language for the references' terms", { timeout: 120_000 }, async () => {
    const chicago = async (lang: string) => (await get(`/api/items/qd-45-2024/citations?lang=${lang}`)).json<CitationList>().styles[1]!.text;
    expect(await chicago('vi')).toContain('Biên tập bởi Lâm Sóc Kha');
    expect(await chicago('zh')).toContain(ZH_EDITED_BY);
    expect(await chicago('en')).toContain('Edited by Lâm Sóc Kha');
    expect((await get('/api/items/qd-45-2024/citations?lang=fr')).statusCode).toBe(400);
  });
});

describe('GET /api/search/export', () => {
  it('exports only the hits the viewer may read; staff get what their search shows', async () => {
    const ids = async (headers: Record<string, string> = {}) => parseCitations((await get('/api/search/export?format=csl-json&q=', headers)).body).map((entry) => entry.id).sort();
    expect(await ids()).toEqual([...VISIBLE, 'qd-45-2024'].sort());
    const staff = await ids(OPERATOR);
    for (const id of HIDDEN) expect(staff).toContain(id);
  });

  it('takes the search’s filters, and says in its headers how many records it holds of how many hits', async () => {
    const response = await get('/api/search/export?format=ris&kind=craft&page=3&pageSize=1');
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-disposition']).toMatch(/^attachment; filename="disan-search-\d{4}-\d{2}-\d{2}\.ris"$/);
    expect(parseCitations(response.body).map((entry) => entry.id)).toEqual(['chi-mo-ta']);
    expect([response.headers['x-export-count'], response.headers['x-export-total'], response.headers['x-export-limit']]).toEqual(['1', '1', '1000']);
  });

  it('gives MARCXML valid against MARC21slim.xsd and ISO 2709 that yaz-marcdump reads with no complaint', async () => {
    const xml = (await get('/api/search/export?format=marcxml')).body;
    expect(await schemaErrors(xml, 'MARC21slim.xsd')).toBe('');
    expect(xml).toContain(CHINESE);
    const path = join(folder, 'search.mrc');
    writeFileSync(path, (await get('/api/search/export?format=marc')).rawPayload);
    const dump = spawnSync('yaz-marcdump', ['-i', 'marc', '-o', 'line', path], { encoding: 'utf8' });
    expect(dump.stderr).toBe('');
    expect(dump.status).toBe(0);
    expect(dump.stdout.match(/^001 /gm)).toHaveLength(VISIBLE.length + 1);
    expect(dump.stdout).toContain(KHMER);
    for (const id of HIDDEN) expect(dump.stdout).not.toContain(id);
  });

  it('stops at its cap, reading the search page by page, and reports the hits found', async () => {
    const capped = await searchExport(f.archive, PUBLIC, { q: '', filters: {} }, { cap: 3, batch: 2 });
    expect(capped.items).toHaveLength(3);
    expect(capped.total).toBe(VISIBLE.length + 1);
    const all = await searchExport(f.archive, SYSTEM, { q: '', filters: {} }, { cap: 100, batch: 2 });
    expect(all.items.map((item) => item.id).sort()).toEqual([...VISIBLE, ...HIDDEN, 'qd-45-2024'].sort());
  });

  it('refuses Dublin Core XML (one record per document) and a missing format', async () => {
    expect((await get('/api/search/export?format=dc-xml')).statusCode).toBe(400);
    expect((await get('/api/search/export?q=lễ')).statusCode).toBe(400);
  });
});

describe('GET /api/collections/:id/export', () => {
  it("exports the collection's records the viewer may read, named after it", async () => {
    const response = await get('/api/collections/khmer-festivals/export?format=bibtex');
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-disposition']).toBe('attachment; filename="khmer-festivals.bib"');
    expect(parseCitations(response.body).map((entry) => entry['citation-key']).sort()).toEqual(['chol_chnam_thmay', 'ok_om_bok', 'qd_45_2024']);
    const staff = parseCitations((await get('/api/collections/khmer-festivals/export?format=csl-json', OPERATOR)).body).map((entry) => entry.id);
    expect(staff).toEqual(expect.arrayContaining(['ban-nhap', 'dang-duyet', 'cong-dong']));
  });

  it('answers a collection the viewer cannot see with 404, as GET /collections/:id', async () => {
    for (const id of ['secret-drafts', 'nghi-le-rieng', 'no-such-collection']) {
      expect((await get(`/api/collections/${id}/export?format=ris`)).statusCode, id).toBe(404);
    }
    expect((await get('/api/collections/secret-drafts/export?format=ris', OPERATOR)).statusCode).toBe(200);
  });
});

describe('rate limits', () => {
  it('limits exports tighter than other routes: a twentieth of DISAN_RATE_LIMIT per client and minute, both export doors together', async () => {
    expect((await get('/api/items/ok-om-bok')).headers['x-ratelimit-limit']).toBe('400');
    const statuses: number[] = [];
    for (let i = 0; i <= EXPORT_LIMIT; i++) statuses.push((await get('/api/collections/khmer-festivals/export?format=ris')).statusCode);
    expect(statuses.at(-1)).toBe(429);
    // One counter for both export doors: the search export is refused too, with the API's error body.
    const refused = await get('/api/search/export?format=ris');
    expect(refused.statusCode).toBe(429);
    expect(refused.json<{ error: { code: string; message: string } }>().error).toMatchObject({ code: 'rate_limited', message: expect.stringMatching(/^Too many exports: at most 20 per minute/) as unknown });
    expect(statuses.filter((status) => status === 200).length).toBeLessThanOrEqual(EXPORT_LIMIT);
    // The other routes still answer.
    expect((await get('/api/items/ok-om-bok/cite?format=ris')).statusCode).toBe(200);
  });
});
