import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Archive } from '@disan/ingest';
import type { ItemInput } from '@disan/schemas';
import { SYSTEM } from '@disan/ingest/access';
import { buildApp } from '../../api/src/app.ts';
import { createEmbargoJobHandler, today } from '../../ingest/src/processing/embargo-job.ts';
import { temporaryArchive } from '../support/archive.ts';
import { schemaErrors } from '../support/xml-schemas.ts';

const run = promisify(execFile);
const REPO = 'heritage.test';
const PUBLIC_URL = 'http://heritage.test';

/** One record per state a harvester must tell apart; `shown`: disseminated, `deleted`: a deleted header, else never named. */
const RECORDS: { id: string; status: ItemInput['status']; access: ItemInput['access']; expect: 'shown' | 'deleted' | 'hidden' }[] = [
  { id: 'pub-a', status: 'published', access: { level: 'public' }, expect: 'shown' },
  { id: 'pub-meta', status: 'published', access: { level: 'metadata-only' }, expect: 'shown' },
  { id: 'pub-researchers', status: 'published', access: { level: 'researchers' }, expect: 'hidden' },
  { id: 'pub-community', status: 'published', access: { level: 'community', communities: ['khmer-soc-trang'] }, expect: 'hidden' },
  { id: 'pub-embargo', status: 'published', access: { level: 'embargo', embargoUntil: '2999-01-01' }, expect: 'hidden' },
  { id: 'pub-embargo-ended', status: 'published', access: { level: 'embargo', embargoUntil: '2020-01-01' }, expect: 'shown' },
  { id: 'draft-a', status: 'draft', access: { level: 'public' }, expect: 'hidden' },
  { id: 'review-a', status: 'in-review', access: { level: 'public' }, expect: 'hidden' },
  { id: 'withdrawn-never-public', status: 'withdrawn', access: { level: 'public' }, expect: 'hidden' },
];
const item = (id: string, status: ItemInput['status'], access: ItemInput['access'], n = 0): ItemInput => ({
  id, kind: n % 2 ? 'book' : 'report', ethnicGroups: ['khmer'], title: [{ lang: 'vi', value: `Báo cáo ${id} về đồng bào Khmer` }, { lang: 'km', value: 'របាយការណ៍' }],
  agents: [{ name: 'Nguyễn Văn A', role: 'author' }], date: '2024', collections: ['thu-vien'], status, access,
});

let archive: Archive;
let app: FastifyInstance;
let base: string;
let dispose: () => Promise<void>;

const oai = async (query: string) => {
  const response = await app.inject({ url: `/api/oai?${query}` });
  expect(response.statusCode).toBe(200);
  expect(response.headers['content-type']).toMatch(/^text\/xml/);
  return response.body;
};
const identifiers = (xml: string) => [...xml.matchAll(/<identifier>oai:heritage\.test:([^<]+)<\/identifier>/g)].map((m) => m[1]!);
const deletedIds = (xml: string) => [...xml.matchAll(/<header status="deleted"><identifier>oai:heritage\.test:([^<]+)</g)].map((m) => m[1]!);
/** Every page of a list, following its resumption tokens. */
const harvest = async (query: string): Promise<string[]> => {
  const pages = [await oai(query)];
  const verb = /verb=(\w+)/.exec(query)![1]!;
  for (;;) {
    const token = /<resumptionToken[^>]*>([^<]+)<\/resumptionToken>/.exec(pages.at(-1)!)?.[1];
    if (!token || pages.length > 20) return pages;
    pages.push(await oai(`verb=${verb}&resumptionToken=${encodeURIComponent(token)}`));
  }
};
const datestampOf = (xml: string, id: string) => new RegExp(`${id}</identifier><datestamp>([^<]+)<`).exec(xml)?.[1];

beforeAll(async () => {
  const temp = await temporaryArchive({ LOG_LEVEL: 'silent', DISAN_PUBLIC_URL: PUBLIC_URL, DISAN_OAI_PAGE_SIZE: '3', DISAN_RATE_LIMIT: '100000', DISAN_ADMIN_EMAIL: 'library@heritage.test' });
  ({ archive, dispose } = temp);
  await archive.catalog.collections.ensure('thu-vien', 'Thư viện dân tộc');
  await archive.catalog.collections.upsert({ id: 'kho-mat', title: [{ lang: 'vi', value: 'Kho mật' }], status: 'draft', access: { level: 'public' } });
  for (const [n, r] of RECORDS.entries()) await archive.catalog.items.upsert({ ...item(r.id, r.status, r.access, n), collections: ['thu-vien', 'kho-mat'] }, { author: 'test' });
  for (let n = 0; n < 7; n++) await archive.catalog.items.upsert(item(`bulk-${n}`, 'published', { level: 'public' }, n), { author: 'test' });
  // Public once, then withdrawn: a deleted header from then on.
  await archive.catalog.items.upsert(item('pub-then-withdrawn', 'published', { level: 'public' }), { author: 'test' });
  await archive.catalog.items.upsert(item('pub-then-withdrawn', 'withdrawn', { level: 'public' }), { author: 'test' });
  // A public dictionary word and inventory element: the archive's own, never harvested (issue 14).
  await archive.catalog.items.upsert({ ...item('word-tuk', 'published', { level: 'public' }), kind: 'word', entry: { language: 'km', headwords: [{ value: 'ទូក', script: 'Khmr' }], senses: [{ glosses: [{ lang: 'vi', value: 'ghe' }] }] } }, { author: 'test' });
  await archive.catalog.items.upsert({ ...item('element-ok-om-bok', 'published', { level: 'public' }), kind: 'element', element: { category: 'festival' } }, { author: 'test' });
  await archive.catalog.media.insert({ id: 'm-pub-a', itemId: 'pub-a', sha256: 'a'.repeat(64), mimeType: 'application/pdf', kind: 'document', size: 10, originalName: 'a.pdf', originalKey: 'k/a', position: 0, status: 'ready', derivatives: [] });
  await archive.catalog.media.insert({ id: 'm-pub-meta', itemId: 'pub-meta', sha256: 'b'.repeat(64), mimeType: 'application/pdf', kind: 'document', size: 10, originalName: 'b.pdf', originalKey: 'k/b', position: 0, status: 'ready', derivatives: [] });
  app = await buildApp({ archive, config: archive.config, logger: false });
  base = `${await app.listen({ host: '127.0.0.1', port: 0 })}/api/oai`;
}, 120_000);
afterAll(async () => {
  await app.close();
  await dispose();
});

describe('OAI-PMH 2.0 provider', () => {
  it('answers Identify as the schema wants, naming the site\'s /oai and the repository', async () => {
    const xml = await oai('verb=Identify');
    expect(await schemaErrors(xml)).toBe('');
    expect(xml).toContain('<baseURL>http://heritage.test/oai</baseURL>');
    expect(xml).toContain('<deletedRecord>persistent</deletedRecord>');
    expect(xml).toContain('<granularity>YYYY-MM-DDThh:mm:ssZ</granularity>');
    expect(xml).toContain('<adminEmail>library@heritage.test</adminEmail>');
    expect(xml).toContain('<repositoryIdentifier>heritage.test</repositoryIdentifier>');
  });

  it('lists its metadata formats, for the repository and for one record', async () => {
    const xml = await oai('verb=ListMetadataFormats');
    expect(await schemaErrors(xml)).toBe('');
    expect(xml).toContain('<metadataPrefix>oai_dc</metadataPrefix>');
    expect(xml).toContain('<metadataPrefix>marc21</metadataPrefix>');
    expect(await schemaErrors(await oai(`verb=ListMetadataFormats&identifier=oai:${REPO}:pub-a`))).toBe('');
    expect(await oai(`verb=ListMetadataFormats&identifier=oai:${REPO}:draft-a`)).toContain('code="idDoesNotExist"');
  });

  it('lists the sets that have public records, never a collection the public may not read', async () => {
    const xml = await oai('verb=ListSets');
    expect(await schemaErrors(xml)).toBe('');
    expect(xml).toContain('<setSpec>collection:thu-vien</setSpec>');
    expect(xml).toContain('<setSpec>ethnic:khmer</setSpec>');
    expect(xml).toContain('<setSpec>kind:report</setSpec>');
    expect(xml).not.toContain('kho-mat');
    expect(await oai('verb=ListRecords&metadataPrefix=oai_dc&set=collection:kho-mat')).toContain('code="noRecordsMatch"');
  });

  it('never names a dictionary word or an inventory element: not in lists, sets or GetRecord', async () => {
    expect(await oai('verb=ListSets')).not.toMatch(/kind:(word|element)/);
    for (const id of ['word-tuk', 'element-ok-om-bok']) {
      expect(await oai(`verb=GetRecord&metadataPrefix=oai_dc&identifier=oai:${REPO}:${id}`)).toContain('code="idDoesNotExist"');
    }
    expect(await oai('verb=ListRecords&metadataPrefix=oai_dc&set=kind:word')).toContain('code="noRecordsMatch"');
  });

  it('harvests every public record and the withdrawn one as deleted, page by page, and nothing restricted, draft or in review', async () => {
    const pages = await harvest('verb=ListIdentifiers&metadataPrefix=oai_dc');
    for (const xml of pages) expect(await schemaErrors(xml)).toBe('');
    expect(pages).toHaveLength(4);
    expect(pages[0]).toContain('completeListSize="11" cursor="0"');
    expect(pages[3]).toMatch(/<resumptionToken completeListSize="11" cursor="9"\/>/);
    const seen = pages.flatMap(identifiers);
    const deleted = pages.flatMap(deletedIds);
    const shown = RECORDS.filter((r) => r.expect === 'shown').map((r) => r.id);
    expect(seen.sort()).toEqual([...shown, ...Array.from({ length: 7 }, (_, n) => `bulk-${n}`), 'pub-then-withdrawn'].sort());
    expect(deleted).toEqual(['pub-then-withdrawn']);
  });

  it('gives oai_dc records with the files the public may fetch, and none for a metadata-only record', async () => {
    const xml = await oai(`verb=GetRecord&metadataPrefix=oai_dc&identifier=oai:${REPO}:pub-a`);
    expect(await schemaErrors(xml)).toBe('');
    expect(xml).toContain('<dc:format>application/pdf</dc:format>');
    expect(xml).toContain('<dc:identifier>http://heritage.test/item/pub-a</dc:identifier>');
    expect(xml).toContain('xml:lang="km"');
    const meta = await oai(`verb=GetRecord&metadataPrefix=oai_dc&identifier=oai:${REPO}:pub-meta`);
    expect(meta).toContain('<dc:title');
    expect(meta).not.toContain('application/pdf');
    const list = await oai('verb=ListRecords&metadataPrefix=oai_dc');
    expect(await schemaErrors(list)).toBe('');
    expect(list).toContain('<oai_dc:dc');
  });

  it('gives MARCXML records (marc21) that the MARC21slim schema accepts inside the envelope', async () => {
    const pages = await harvest('verb=ListRecords&metadataPrefix=marc21');
    for (const xml of pages) expect(await schemaErrors(xml)).toBe('');
    expect(pages.join('')).toContain('<record xmlns="http://www.loc.gov/MARC21/slim"');
    const one = await oai(`verb=GetRecord&metadataPrefix=marc21&identifier=oai:${REPO}:pub-a`);
    expect(await schemaErrors(one)).toBe('');
    expect(one).toContain('របាយការណ៍');
    expect(one).toContain('http://heritage.test/item/pub-a');
  });

  it('gives a withdrawn record as a deleted header, and refuses records never public as if they did not exist', async () => {
    const xml = await oai(`verb=GetRecord&metadataPrefix=oai_dc&identifier=oai:${REPO}:pub-then-withdrawn`);
    expect(await schemaErrors(xml)).toBe('');
    expect(xml).toContain('<header status="deleted">');
    expect(xml).not.toContain('<metadata>');
    for (const r of RECORDS.filter((x) => x.expect === 'hidden')) {
      expect(await oai(`verb=GetRecord&metadataPrefix=oai_dc&identifier=oai:${REPO}:${r.id}`), r.id).toContain('code="idDoesNotExist"');
    }
  });

  it.each([
    ['badVerb', 'verb=Harvest'],
    ['badVerb', ''],
    ['badArgument', 'verb=Identify&colour=red'],
    ['badArgument', 'verb=ListRecords'],
    ['badArgument', 'verb=ListRecords&metadataPrefix=oai_dc&metadataPrefix=oai_dc'],
    ['badArgument', 'verb=ListRecords&metadataPrefix=oai_dc&from=2020-01-01&until=2030-01-01T00:00:00Z'],
    ['badArgument', 'verb=ListRecords&metadataPrefix=oai_dc&from=2020-13-01'],
    ['badArgument', 'verb=ListRecords&metadataPrefix=oai_dc&resumptionToken=x'],
    ['badResumptionToken', 'verb=ListRecords&resumptionToken=not-a-token'],
    ['cannotDisseminateFormat', 'verb=ListRecords&metadataPrefix=mods'],
    ['cannotDisseminateFormat', `verb=GetRecord&metadataPrefix=mods&identifier=oai:${REPO}:pub-a`],
    ['idDoesNotExist', `verb=GetRecord&metadataPrefix=oai_dc&identifier=oai:${REPO}:no-such-record`],
    ['idDoesNotExist', 'verb=GetRecord&metadataPrefix=oai_dc&identifier=oai:elsewhere.org:pub-a'],
    ['noRecordsMatch', 'verb=ListRecords&metadataPrefix=oai_dc&from=2990-01-01'],
    ['noRecordsMatch', 'verb=ListIdentifiers&metadataPrefix=oai_dc&set=kind:music'],
  ])('answers %s to %s, valid by the schema', async (code, query) => {
    const xml = await oai(query);
    expect(xml).toContain(`code="${code}"`);
    expect(await schemaErrors(xml)).toBe('');
  });

  it('refuses a tampered resumption token', async () => {
    const xml = await oai('verb=ListRecords&metadataPrefix=oai_dc');
    const token = /<resumptionToken[^>]*>([^<]+)</.exec(xml)![1]!;
    const [body, mac] = token.split('.') as [string, string];
    const state = JSON.parse(Buffer.from(body, 'base64url').toString()) as { total: number };
    const forged = `${Buffer.from(JSON.stringify({ ...state, cursor: 0, after: { stamp: '1970-01-01T00:00:00Z', id: '' } })).toString('base64url')}.${mac}`;
    expect(await oai(`verb=ListRecords&resumptionToken=${encodeURIComponent(forged)}`)).toContain('code="badResumptionToken"');
    expect(await oai(`verb=ListIdentifiers&resumptionToken=${encodeURIComponent(token)}`)).toContain('code="badResumptionToken"');
    expect(await oai(`verb=ListRecords&resumptionToken=${encodeURIComponent(token)}`)).not.toContain('<error');
  });

  it('takes the arguments as a form body (POST)', async () => {
    const response = await app.inject({ method: 'POST', url: '/api/oai', headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: 'verb=GetRecord&metadataPrefix=oai_dc&identifier=oai%3Aheritage.test%3Apub-a' });
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('<GetRecord>');
  });

  it('selects by from and until at day and second granularity, until inclusive', async () => {
    const xml = await oai(`verb=GetRecord&metadataPrefix=oai_dc&identifier=oai:${REPO}:pub-a`);
    const stamp = datestampOf(xml, 'pub-a')!;
    const day = stamp.slice(0, 10);
    expect((await harvest(`verb=ListIdentifiers&metadataPrefix=oai_dc&from=${stamp}&until=${stamp}`)).flatMap(identifiers)).toContain('pub-a');
    expect((await harvest(`verb=ListIdentifiers&metadataPrefix=oai_dc&from=${day}&until=${day}`)).flatMap(identifiers)).toContain('pub-a');
    const later = new Date(Date.parse(stamp) + 1000).toISOString().replace(/\.\d+Z$/, 'Z');
    const earlier = new Date(Date.parse(stamp) - 1000).toISOString().replace(/\.\d+Z$/, 'Z');
    expect((await harvest(`verb=ListIdentifiers&metadataPrefix=oai_dc&from=${later}`)).flatMap(identifiers)).not.toContain('pub-a');
    expect((await harvest(`verb=ListIdentifiers&metadataPrefix=oai_dc&until=${earlier}`)).flatMap(identifiers)).not.toContain('pub-a');
    expect(await oai('verb=ListIdentifiers&metadataPrefix=oai_dc&until=2000-01-01')).toContain('code="noRecordsMatch"');
  });

  it('moves a record\'s datestamp when it is published, withdrawn, or its embargo ends, and not for a revision the public does not see', async () => {
    const stampOf = async (id: string) => (await archive.db.query<{ at: Date }>('SELECT oai_datestamp AS at FROM items WHERE id = $1', [id]))[0]!.at.getTime();
    const created = await archive.workspace.create(SYSTEM, { id: 'new-report', kind: 'report', ethnicGroups: ['cham'], title: [{ lang: 'vi', value: 'Báo cáo mới' }], access: { level: 'public' } });
    const id = created.item.id;
    expect(await oai(`verb=GetRecord&metadataPrefix=oai_dc&identifier=oai:${REPO}:${id}`)).toContain('idDoesNotExist');
    const draftStamp = await stampOf(id);
    const published = await archive.workspace.publish(SYSTEM, id, { ifMatch: created.version });
    const publishedStamp = await stampOf(id);
    expect(publishedStamp).toBeGreaterThan(draftStamp);
    expect(await oai(`verb=GetRecord&metadataPrefix=oai_dc&identifier=oai:${REPO}:${id}`)).toContain('<metadata>');
    const { status: _published, ...fields } = published.item;
    const revision = await archive.workspace.save(SYSTEM, id, { ...fields, title: [{ lang: 'vi', value: 'Báo cáo sửa' }] }, { ifMatch: published.version });
    expect(await stampOf(id)).toBe(publishedStamp);
    expect(await oai(`verb=GetRecord&metadataPrefix=oai_dc&identifier=oai:${REPO}:${id}`)).not.toContain('Báo cáo sửa');
    const current = (await archive.workspace.get(SYSTEM, id))!;
    await archive.workspace.withdraw(SYSTEM, id, { ifMatch: current.version, reason: 'trùng lặp' });
    expect(await stampOf(id)).toBeGreaterThan(publishedStamp);
    expect(revision.changed).toBe(true);
    expect(await oai(`verb=GetRecord&metadataPrefix=oai_dc&identifier=oai:${REPO}:${id}`)).toContain('status="deleted"');

    // An embargo that ended after the record was last written: the daily job moves its datestamp, once.
    await archive.db.query(`UPDATE items SET oai_datestamp = now() - interval '30 days', data = jsonb_set(data, '{access,embargoUntil}', to_jsonb(to_char(now() - interval '1 day', 'YYYY-MM-DD'))) WHERE id = 'pub-embargo'`);
    const before = await stampOf('pub-embargo');
    await createEmbargoJobHandler(archive)({ date: today() });
    const after = await stampOf('pub-embargo');
    expect(after).toBeGreaterThan(before);
    await createEmbargoJobHandler(archive)({ date: today() });
    expect(await stampOf('pub-embargo')).toBe(after);
    expect(await oai(`verb=GetRecord&metadataPrefix=oai_dc&identifier=oai:${REPO}:pub-embargo`)).toContain('<metadata>');
  });

  it('is harvested whole by Debian\'s OAI-PMH harvester (oai_pmh), following resumption tokens', async () => {
    const { stdout } = await run('oai_pmh', ['--metadataPrefix', 'oai_dc', base], { maxBuffer: 16 * 1024 * 1024 });
    // It prints each record's header as "name: value" lines, then its metadata, records apart by a form feed.
    const ids = [...stdout.matchAll(/(?:^|\f)identifier: oai:heritage\.test:(\S+)$/gm)].map((m) => m[1]!);
    const listed = (await harvest('verb=ListIdentifiers&metadataPrefix=oai_dc')).flatMap(identifiers);
    expect(listed.length).toBeGreaterThan(3);
    expect(ids.sort()).toEqual(listed.sort());
    expect(ids).not.toContain('draft-a');
    expect(stdout).toContain('status: deleted');
    expect((stdout.match(/<oai_dc:dc/g) ?? []).length).toBe(listed.length - (stdout.match(/^status: deleted$/gm) ?? []).length);
  }, 60_000);

  it('cleans characters XML forbids from a record, in marc21 as in oai_dc, and never fails the page it is on', async () => {
    const dirty = item('control-chars', 'published', { level: 'public' });
    await archive.catalog.items.upsert({ ...dirty, title: [{ lang: 'vi', value: 'Báo cáo\u0001 về đồng bào\u0008 Khmer\uFFFF' }], description: [{ lang: 'vi', value: 'Tóm tắt\u001F <a> & "b"' }] }, { author: 'test' });
    for (const prefix of ['marc21', 'oai_dc']) {
      const one = await oai(`verb=GetRecord&metadataPrefix=${prefix}&identifier=oai:${REPO}:control-chars`);
      expect(await schemaErrors(one), prefix).toBe('');
      expect(one).toContain('Báo cáo về đồng bào Khmer<');
      expect(one).toContain('Tóm tắt &lt;a&gt; &amp; ');
      const pages = await harvest(`verb=ListRecords&metadataPrefix=${prefix}`);
      for (const xml of pages) expect(await schemaErrors(xml), prefix).toBe('');
      expect(pages.flatMap(identifiers)).toContain('control-chars');
    }
  });
});
