import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Archive } from '@disan/ingest';
import type { ItemInput } from '@disan/schemas';
import { buildApp } from '../../api/src/app.ts';
import { temporaryArchive } from '../support/archive.ts';
import { multilingualItem } from '../support/library-items.ts';
import { schemaErrors } from '../support/xml-schemas.ts';

const run = promisify(execFile);
const PUBLIC_URL = 'http://heritage.test';

const book = (n: number, overrides: Partial<ItemInput> = {}): ItemInput => ({
  id: `sach-${n}`,
  kind: 'book',
  ethnicGroups: ['khmer'],
  title: [{ lang: 'vi', value: `Sách về lễ hội của người Khmer, tập ${n}` }],
  agents: [{ name: n % 2 ? 'Trần Văn Bình' : 'Lâm Sóc Kha', role: 'author' }],
  date: String(1995 + n),
  status: 'published',
  access: { level: 'public' },
  ...overrides,
});
const { version: _v, createdAt: _c, updatedAt: _u, ...fixture } = multilingualItem();
/** The fixture's ISBN with its right check digit: the catalog refuses a wrong one. */
const decision: ItemInput = { ...fixture, library: { ...fixture.library, identifiers: [{ scheme: 'isbn', value: '978-604-7012-34-3' }, ...(fixture.library?.identifiers ?? []).slice(1)] } };
/** Never named by SRU: every one has "lễ hội" in its title. */
const HIDDEN: ItemInput[] = [
  book(90, { id: 'ban-nhap', status: 'draft' }),
  book(91, { id: 'dang-duyet', status: 'in-review' }),
  book(92, { id: 'nha-nghien-cuu', access: { level: 'researchers' } }),
  book(93, { id: 'cam-den-2999', access: { level: 'embargo', embargoUntil: '2999-01-01' } }),
];
const BOOKS = Array.from({ length: 12 }, (_, n) => book(n + 1));

let archive: Archive;
let app: FastifyInstance;
let base: string;
let dispose: () => Promise<void>;

const sru = async (query: string, headers: Record<string, string> = {}) => {
  const response = await app.inject({ url: `/api/sru${query ? `?${query}` : ''}`, headers });
  expect(response.statusCode).toBe(200);
  expect(response.headers['content-type']).toMatch(/^text\/xml/);
  return response.body;
};
const search = (cql: string, extra = '') => sru(`version=1.2&operation=searchRetrieve&query=${encodeURIComponent(cql)}${extra}`);
const count = (xml: string) => Number(/<srw:numberOfRecords>(\d+)</.exec(xml)?.[1]);
/** The record ids of an answer in order, from each Dublin Core record's page address. */
const ids = (xml: string) => [...xml.matchAll(/<dc:identifier>http:\/\/heritage\.test\/item\/([^<]+)<\/dc:identifier>/g)].map((m) => m[1]!);
const diagnostic = (xml: string) => /<diag:uri>info:srw\/diagnostic\/1\/(\d+)<\/diag:uri>/.exec(xml)?.[1];

async function wellFormed(xml: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'disan-sru-'));
  try {
    await writeFile(join(dir, 'a.xml'), xml);
    await run('xmllint', ['--noout', '--nonet', join(dir, 'a.xml')]);
    return '';
  } catch (error) {
    return String((error as { stderr?: string }).stderr ?? error);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

beforeAll(async () => {
  const temp = await temporaryArchive({ LOG_LEVEL: 'silent', DISAN_PUBLIC_URL: PUBLIC_URL, DISAN_RATE_LIMIT: '100000', DISAN_ADMIN_EMAIL: 'library@heritage.test' });
  ({ archive, dispose } = temp);
  const all = [decision, ...BOOKS, ...HIDDEN];
  for (const record of all) await archive.catalog.items.upsert(record, { author: 'test' });
  await archive.indexer.indexItems(all.map((record) => record.id));
  app = await buildApp({ archive, config: archive.config, logger: false });
  base = `${await app.listen({ host: '127.0.0.1', port: 0 })}/api/sru`;
}, 120_000);
afterAll(async () => {
  await app.close();
  await dispose();
});

describe('SRU searchRetrieve', () => {
  it('finds a Vietnamese title with and without its diacritics, and never a draft, a restricted or an embargoed record', async () => {
    for (const cql of ['dc.title all "lễ hội"', 'dc.title all "le hoi"', 'title = "LE HOI"', '"lễ hội"']) {
      const xml = await search(cql, '&maximumRecords=100');
      expect(count(xml), cql).toBe(13);
      expect(ids(xml).toSorted()).toEqual(['qd-45-2024', ...BOOKS.map((b) => b.id)].toSorted());
      for (const hidden of HIDDEN) expect(xml).not.toContain(hidden.id);
    }
  });

  it('pages with startRecord and maximumRecords, naming the next position', async () => {
    const all = ids(await search('dc.title all "lễ hội"', '&maximumRecords=13'));
    const page = await search('dc.title all "lễ hội"', '&startRecord=6&maximumRecords=5');
    expect(count(page)).toBe(13);
    expect(ids(page)).toEqual(all.slice(5, 10));
    expect(page).toContain('<srw:recordPosition>6</srw:recordPosition>');
    expect(page).toContain('<srw:nextRecordPosition>11</srw:nextRecordPosition>');
    // An unaligned window reads the engine's pages of 100.
    expect(ids(await search('dc.title all "lễ hội"', '&startRecord=4&maximumRecords=7'))).toEqual(all.slice(3, 10));
    const last = await search('dc.title all "lễ hội"', '&startRecord=11&maximumRecords=5');
    expect(ids(last)).toEqual(all.slice(10));
    expect(last).not.toContain('nextRecordPosition');
    expect(ids(await search('dc.title all "lễ hội"'))).toHaveLength(10);
    const onlyCount = await search('dc.title all "lễ hội"', '&maximumRecords=0');
    expect([count(onlyCount), ids(onlyCount)]).toEqual([13, []]);
    expect(diagnostic(await search('dc.title all "lễ hội"', '&startRecord=14'))).toBe('61');
  });

  it('finds a decision by its document number however it is typed, and a book by its ISBN', async () => {
    for (const cql of ['dc.identifier = "45/2024/QĐ-UBND"', 'dc.identifier = "45/2024/qd-ubnd"', 'dc.identifier == "45 2024 QD UBND"', 'dc.identifier = 9786047012343']) {
      const xml = await search(cql);
      expect([cql, count(xml), ids(xml)]).toEqual([cql, 1, ['qd-45-2024']]);
    }
    expect(ids(await search('"45/2024/QĐ-UBND"'))[0]).toBe('qd-45-2024');
    expect(count(await search('dc.identifier = "46/2024/QĐ-UBND"'))).toBe(0);
  });

  it.each([
    ['dc.creator = "Trần Văn Bình"', BOOKS.filter((_, n) => n % 2 === 0).map((b) => b.id).concat('qd-45-2024')],
    ['dc.creator = "tran van binh" and dc.date >= 2005', ['sach-11', 'qd-45-2024']],
    ['dc.date < 1999', ['sach-1', 'sach-2', 'sach-3']],
    ['dc.date = 1998 or dc.date = 2001', ['sach-3', 'sach-6']],
    ['dc.title adj "tập 12"', ['sach-12']],
    ['dc.title adj "12 tập"', []],
    ['dc.title any "ok bok" ', ['qd-45-2024']],
    ['disan.kind = book not dc.date > 1997', ['sach-1', 'sach-2']],
    ['dc.type = legal-document', ['qd-45-2024']],
    ['dc.type = Text and dc.date = 2024', ['qd-45-2024']],
    ['dc.publisher = "Văn hoá Dân tộc"', ['qd-45-2024']],
    ['dc.subject == "Festivals -- Vietnam"', ['qd-45-2024']],
    ['disan.documentType = quyet-dinh', ['qd-45-2024']],
    ['rec.identifier = sach-4', ['sach-4']],
    ['rec.identifier = ban-nhap', []],
    ['rec.identifier = ban-nhap or rec.identifier = nha-nghien-cuu', []],
    ['dc.title = "lễ hội" and rec.identifier = cam-den-2999', []],
    ['cql.allRecords = 1 not disan.kind = book', ['qd-45-2024']],
    ['(dc.creator = "Lâm Sóc Kha" or dc.creator = "Trần Văn Bình") and dc.date <= 1997', ['sach-1', 'sach-2']],
  ])('answers %s exactly', async (cql, expected) => {
    const xml = await search(cql, '&maximumRecords=100');
    expect(ids(xml).toSorted()).toEqual(expected.toSorted());
    expect(count(xml)).toBe(expected.length);
  });

  it('sorts with sortBy', async () => {
    const xml = await search('disan.kind = book sortBy dc.date/sort.descending', '&maximumRecords=3');
    expect(ids(xml)).toEqual(['sach-12', 'sach-11', 'sach-10']);
    const combined = await search('dc.date = 1996 or dc.date = 2000 or dc.date = 1998 sortBy dc.date', '&maximumRecords=3');
    expect(ids(combined)).toEqual(['sach-1', 'sach-3', 'sach-5']);
  });

  it.each([
    ['dc.title = ', '10'],
    ['(dc.title = a', '13'],
    ['"lễ hội', '14'],
    ['dc.nothing = a', '16'],
    ['foo.title = a', '15'],
    ['dc.date within "1990 2000"', '19'],
    ['dc.title =/stem hội', '20'],
    ['dc.date = nineteen', '36'],
    ['hội*', '28'],
    ['lễ prox hội', '39'],
    ['cql.serverChoice adj "lễ hội"', '22'],
    ['"dc.title" = a', '10'],
    ['lễ sortBy dc.creator', '88'],
  ])('refuses %s with diagnostic %s', async (cql, code) => {
    const xml = await search(cql);
    expect(diagnostic(xml)).toBe(code);
    expect(count(xml)).toBe(0);
  });

  it.each([
    ['operation=searchRetrieve&version=1.2', '7'],
    ['operation=scan&version=1.2&scanClause=dc.title', '4'],
    ['operation=searchRetrieve&version=3.0&query=a', '5'],
    ['operation=searchRetrieve&query=a&recordSchema=mods', '66'],
    ['operation=searchRetrieve&query=a&recordPacking=json', '71'],
    ['operation=searchRetrieve&query=a&maximumRecords=-1', '6'],
    ['operation=searchRetrieve&query=a&colour=red', '8'],
    ['operation=delete', '4'],
  ])('answers %s with diagnostic %s', async (query, code) => {
    const xml = await sru(query);
    expect(diagnostic(xml)).toBe(code);
    expect(await wellFormed(xml)).toBe('');
  });

  it('embeds Dublin Core records that validate against the DC schema', async () => {
    const xml = await search('dc.title all "lễ hội"', '&maximumRecords=100&recordSchema=info:srw/schema/1/dc-v1.1');
    expect(await wellFormed(xml)).toBe('');
    expect(xml).toContain('<srw:recordSchema>info:srw/schema/1/dc-v1.1</srw:recordSchema>');
    const records = [...xml.matchAll(/<srw_dc:dc [^>]*>(.*?)<\/srw_dc:dc>/g)].map((m) => m[1]!);
    expect(records).toHaveLength(13);
    // srw_dc's container holds the same fifteen elements as oai_dc's: validated there, offline.
    const asOaiDc = `<oai_dc:dc xmlns:oai_dc="http://www.openarchives.org/OAI/2.0/oai_dc/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://www.openarchives.org/OAI/2.0/oai_dc/ http://www.openarchives.org/OAI/2.0/oai_dc.xsd">${records.join('')}</oai_dc:dc>`;
    expect(await schemaErrors(asOaiDc, 'oai_dc.xsd')).toBe('');
    expect(xml).toContain('<dc:title xml:lang="km">សេចក្តីសម្រេចស្តីពីការអភិរក្សពិធីបុណ្យអកអំបុក</dc:title>');
  });

  it('embeds MARCXML records that validate against MARC21slim', async () => {
    const xml = await search('dc.identifier = "45/2024/QĐ-UBND"', '&recordSchema=marcxml');
    expect(xml).toContain('<srw:recordSchema>info:srw/schema/1/marcxml-v1.1</srw:recordSchema>');
    const record = /<record xmlns="http:\/\/www\.loc\.gov\/MARC21\/slim".*?<\/record>/s.exec(xml)?.[0];
    expect(record).toContain('45/2024/QĐ-UBND');
    const collection = `<collection xmlns="http://www.loc.gov/MARC21/slim">${record!.replace(' xmlns="http://www.loc.gov/MARC21/slim"', '')}</collection>`;
    expect(await schemaErrors(collection, 'MARC21slim.xsd')).toBe('');
  });

  it('packs records as strings on request, and answers SRU 2.0 in its namespaces', async () => {
    const packed = await search('rec.identifier = sach-1', '&recordPacking=string');
    expect(await wellFormed(packed)).toBe('');
    const data = /<srw:recordData>(.*?)<\/srw:recordData>/s.exec(packed)?.[1] ?? '';
    expect(data).toMatch(/^&lt;srw_dc:dc .*Sách về lễ hội của người Khmer, tập 1&lt;\/dc:title&gt;/);
    expect(await wellFormed(data.replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&quot;', '"').replaceAll('&amp;', '&'))).toBe('');
    const v2 = await sru(`version=2.0&operation=searchRetrieve&query=${encodeURIComponent('rec.identifier = sach-1')}&recordXMLEscaping=xml`);
    expect(v2).toContain('xmlns:sru="http://docs.oasis-open.org/ns/search-ws/sruResponse"');
    expect(v2).toContain('<sru:recordXMLEscaping>xml</sru:recordXMLEscaping>');
    expect(v2).toContain('<sru:numberOfRecords>1</sru:numberOfRecords>');
  });

  it('answers a POST form as a GET', async () => {
    const response = await app.inject({ method: 'POST', url: '/api/sru', headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: `operation=searchRetrieve&version=1.2&query=${encodeURIComponent('dc.title all "le hoi"')}` });
    expect(count(response.body)).toBe(13);
  });

  it('answers SRW, the SOAP binding, in a SOAP envelope', async () => {
    const envelope = (request: string) => `<?xml version="1.0"?><SOAP-ENV:Envelope xmlns:SOAP-ENV="http://schemas.xmlsoap.org/soap/envelope/" xmlns:srw="http://www.loc.gov/zing/srw/"><SOAP-ENV:Body>${request}</SOAP-ENV:Body></SOAP-ENV:Envelope>`;
    const post = (payload: string) => app.inject({ method: 'POST', url: '/api/sru', headers: { 'content-type': 'text/xml; charset=utf-8' }, payload });
    const found = await post(envelope('<srw:searchRetrieveRequest><srw:version>1.2</srw:version><srw:query>dc.title all "le hoi" and dc.date &lt; 1999</srw:query><srw:maximumRecords>10</srw:maximumRecords><srw:recordSchema></srw:recordSchema></srw:searchRetrieveRequest>'));
    expect(found.statusCode).toBe(200);
    expect(found.body).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?><SOAP-ENV:Envelope [^>]*><SOAP-ENV:Body><srw:searchRetrieveResponse /);
    expect([count(found.body), ids(found.body)]).toEqual([3, ['sach-1', 'sach-2', 'sach-3']]);
    expect(await wellFormed(found.body)).toBe('');
    expect((await post(envelope('<srw:explainRequest><srw:version>1.2</srw:version></srw:explainRequest>'))).body).toContain('<zr:explain');
    expect((await post(envelope('<srw:deleteRequest/>'))).statusCode).toBe(400);
    expect((await post('not xml at all <')).statusCode).toBe(400);
  });
});

describe('SRU explain', () => {
  it('answers explain with no parameters, naming the site\'s /sru, the indexes and the schemas', async () => {
    const xml = await sru('');
    expect(await wellFormed(xml)).toBe('');
    expect(xml).toContain('<srw:version>1.2</srw:version>');
    expect(xml).toContain('<zr:serverInfo protocol="SRU" version="1.2" transport="http"><zr:host>heritage.test</zr:host><zr:port>80</zr:port><zr:database>sru</zr:database></zr:serverInfo>');
    const indexes = [...xml.matchAll(/<zr:name set="(\w+)">(\w+)<\/zr:name>/g)].map((m) => `${m[1]}.${m[2]}`);
    expect(indexes).toEqual(expect.arrayContaining(['cql.serverChoice', 'dc.title', 'dc.creator', 'dc.identifier', 'rec.identifier', 'disan.kind']));
    expect([...xml.matchAll(/<zr:schema identifier="([^"]+)"/g)].map((m) => m[1])).toEqual(['info:srw/schema/1/dc-v1.1', 'info:srw/schema/1/marcxml-v1.1']);
    expect(await sru('operation=explain&version=1.1')).toContain('<srw:explainResponse');
  });
});

describe('yaz-client, Debian\'s Z39.50/SRU client', () => {
  it.each(['get', 'post', 'soap'])('opens the endpoint over SRU %s, finds with CQL and shows the records', async (method) => {
    const dir = await mkdtemp(join(tmpdir(), 'disan-yaz-'));
    try {
      const commands = join(dir, 'commands');
      await writeFile(commands, [`sru ${method} 1.2`, `open ${base}`, 'querytype cql', 'schema info:srw/schema/1/dc-v1.1', 'find dc.title all "le hoi" and dc.creator = "Lâm Sóc Kha"', 'show 1+6', 'find dc.nothing = x', 'quit', ''].join('\n'));
      const { stdout } = await run('yaz-client', ['-f', commands], { cwd: dir, timeout: 30_000 });
      expect(stdout).toMatch(/Number of hits: 6\b/);
      for (const n of [2, 4, 6, 8, 10, 12]) expect(stdout).toContain(`Sách về lễ hội của người Khmer, tập ${n}<`);
      expect(stdout).not.toContain('tập 1<');
      expect(stdout).toMatch(/info:srw\/diagnostic\/1\/16/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
