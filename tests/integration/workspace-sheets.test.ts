/**
 * Sheets, exports and collections in the workspace, through the API on a real archive
 * (PGlite, files, the pipeline on real photos): a sheet's preview shows every error and
 * writes nothing; an export comes back in unchanged (CSV and XLSX, Khmer and Chinese
 * included); formula cells are neutralised; collections are made, described, ordered and
 * given a cover, and the public pages follow the order; only staff may do any of it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSheet } from 'read-excel-file/node';
import writeXlsxFile from 'write-excel-file/node';
import type { Collection, CollectionView, Place, SheetPreview, StaffCollectionList } from '@disan/schemas';
import { apiFixture, type ApiFixture } from '../support/api-fixture.ts';
import { addAccount, signIn, type SignedIn } from '../support/accounts.ts';

const CSV = 'text/csv';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

let fixture: ApiFixture;
let archivist: SignedIn;
let researcher: SignedIn;

/** Every version of every record and every collection: what a preview must leave as it found it. */
async function catalogState() {
  const [versions] = await fixture.archive.db.query<{ n: number }>('SELECT count(*)::int AS n FROM item_versions');
  const [items] = await fixture.archive.db.query<{ n: number }>('SELECT count(*)::int AS n FROM items');
  const collections = await fixture.archive.catalog.collections.list();
  return { versions: versions!.n, items: items!.n, collections: collections.map((c) => c.id) };
}

const xlsxOf = (rows: (string | null)[][]) => writeXlsxFile(rows.map((row) => row.map((value) => (value === null ? null : { value, type: String })))).toBuffer();

beforeAll(async () => {
  fixture = await apiFixture();
  await addAccount(fixture.archive, { email: 'luu@example.org', roles: ['archivist'] });
  await addAccount(fixture.archive, { email: 'son@example.org', roles: ['researcher'] });
  archivist = await signIn(fixture.app, 'luu@example.org');
  researcher = await signIn(fixture.app, 'son@example.org');
  // Text a spreadsheet would run, and Khmer and Chinese titles, in the catalog as an import leaves them.
  await fixture.archive.catalog.items.upsert(
    {
      id: 'cong-thuc',
      kind: 'document',
      ethnicGroups: ['hoa'],
      title: [
        { lang: 'vi', value: '=HYPERLINK("http://evil.example","bấm")' },
        { lang: 'km', value: 'ល្ខោនបាសាក់' },
        { lang: 'zh-Hant', value: '潮州會館' },
      ],
      description: [{ lang: 'vi', value: '@SUM(1+1)' }],
      places: [{ name: 'Hội quán', province: 'Sóc Trăng', geo: { lat: 9.6, lon: -105.5 } }],
      collections: ['khmer-festivals'],
      status: 'draft',
      access: { level: 'public' },
    },
    { author: 'import' },
  );
}, 180_000);

afterAll(() => fixture.close());

const post = (who: SignedIn | undefined, url: string, payload: Buffer | string, type = CSV) =>
  fixture.app.inject({ method: 'POST', url, headers: { ...(who?.writes ?? {}), 'content-type': type }, payload });
const get = (who: SignedIn | undefined, url: string) => fixture.app.inject({ method: 'GET', url, headers: who?.reads ?? {} });

describe('a sheet with broken rows', () => {
  const header = ['file', 'identifier', 'kind', 'ethnic_groups', 'title_vi', 'title_km', 'latitude', 'longitude', 'status'];
  const rows = [
    ['moi/01.jpg', 'ban-moi', 'festival', 'khmer', 'Bản mới', 'ថ្មី', '9.6', '105.9', ''],
    ['moi/02.jpg', 'ban-moi', 'festival', 'khmer', 'Bản mới', 'ថ្មី', '9.6', '105.9', ''],
    ['', 'sai-loai', 'dance', 'khmer', 'Sai loại', '', '', '', ''],
    ['', 'nua-toa-do', 'festival', 'martian', 'Nửa tọa độ', '', '9.6', '', ''],
    ['', 'khong-ten', 'festival', 'khmer', '', '', '', '', ''],
    ['', 'xuat-ban', 'festival', 'khmer', 'Xuất bản ngay', '', '', '', 'published'],
    ['', '', 'festival', 'khmer', 'Không mã', '', '', '', ''],
  ];
  const csvText = [header, ...rows].map((row) => row.map((cell) => `"${cell}"`).join(',')).join('\n');

  it.each([
    ['CSV', () => Promise.resolve(Buffer.from(csvText)), CSV],
    ['XLSX', () => xlsxOf([header, ...rows]), XLSX],
  ])('%s: the preview lists every row with its errors and writes nothing', async (_name, body, type) => {
    const before = await catalogState();
    const response = await post(archivist, '/api/workspace/sheets/preview', await body(), type);
    expect(response.statusCode, response.body).toBe(200);
    const preview = response.json<SheetPreview>();
    expect(preview.rows.map((row) => [row.line, row.outcome])).toEqual([
      [2, 'new'],
      [3, 'new'],
      [4, 'invalid'],
      [5, 'invalid'],
      [6, 'invalid'],
      [7, 'invalid'],
      [8, 'invalid'],
    ]);
    const errors = Object.fromEntries(preview.rows.map((row) => [row.line, row.errors.join(' | ')]));
    expect(errors[4]).toMatch(/kind/);
    expect(errors[5]).toMatch(/latitude and longitude/);
    expect(errors[5]).toMatch(/ethnic_groups/);
    expect(errors[6]).toMatch(/no title/);
    expect(errors[7]).toMatch(/may not publish/);
    expect(errors[8]).toMatch(/identifier/);
    expect(preview).toMatchObject({ records: 5, invalid: 5 });
    expect(preview.files).toEqual([
      { file: 'moi/01.jpg', record: 'ban-moi', line: 2 },
      { file: 'moi/02.jpg', record: 'ban-moi', line: 3 },
    ]);
    expect(await catalogState()).toEqual(before);
  });

  it('refuses a body that is no sheet, saying what to send', async () => {
    const response = await post(archivist, '/api/workspace/sheets/preview', Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), XLSX);
    expect(response.statusCode).toBe(400);
    expect(response.json<{ error: { message: string } }>().error.message).toMatch(/xlsx/i);
  });

  it('refuses a sheet larger than 10 MiB before reading it', async () => {
    const response = await post(archivist, '/api/workspace/sheets/preview', Buffer.alloc(10 * 1024 * 1024 + 1, 0x61));
    expect(response.statusCode).toBe(413);
  });
});

describe('exports', () => {
  it('exports a collection as CSV, one row per file, with formula cells neutralised and a safe file name', async () => {
    const response = await get(archivist, '/api/workspace/export.csv?collection=khmer-festivals');
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/csv/);
    expect(response.headers['content-disposition']).toMatch(/^attachment; filename="disan-khmer-festivals-\d{4}-\d{2}-\d{2}\.csv"$/);
    const text = response.body;
    expect(text.startsWith('\uFEFFfile,identifier,kind,ethnic_groups,title_vi,title_km,title_zh-Hant')).toBe(true);
    expect(text).toContain(`"'=HYPERLINK(""http://evil.example"",""bấm"")"`);
    expect(text).toContain(`'@SUM(1+1)`);
    expect(text).toContain(',-105.5,');
    expect(text).not.toMatch(/(^|,)=HYPERLINK/m);
    for (const id of ['ok-om-bok', 'chol-chnam-thmay', 'ban-nhap', 'dang-duyet', 'cong-dong', 'cong-thuc']) expect(text).toContain(`,${id},`);
    expect(text).not.toContain(',chi-mo-ta,');
    expect(text).toContain('photos/photo-000.jpg');
  });

  it.each([
    ['CSV', '/api/workspace/export.csv?collection=khmer-festivals', CSV],
    ['XLSX', '/api/workspace/export.xlsx?collection=khmer-festivals', XLSX],
    ['CSV of a search', '/api/workspace/export.csv?q=hội&kind=festival', CSV],
  ])('%s comes back in unchanged: the preview says every row is unchanged and lists no file', async (_name, url, type) => {
    const exported = await get(archivist, url);
    expect(exported.statusCode).toBe(200);
    const before = await catalogState();
    const response = await post(archivist, '/api/workspace/sheets/preview', exported.rawPayload, type);
    expect(response.statusCode, response.body).toBe(200);
    const preview = response.json<SheetPreview>();
    expect(preview.rows.length).toBeGreaterThan(0);
    expect(preview.rows.filter((row) => row.outcome !== 'unchanged')).toEqual([]);
    expect(preview.files).toEqual([]);
    expect(await catalogState()).toEqual(before);
  });

  it('writes Khmer and Chinese into the XLSX as text that reads back the same', async () => {
    const response = await get(archivist, '/api/workspace/export.xlsx?collection=khmer-festivals');
    expect(response.headers['content-disposition']).toMatch(/filename="disan-khmer-festivals-[\d-]+\.xlsx"/);
    const rows = await readSheet(response.rawPayload);
    const header = rows[0] as string[];
    const row = rows.find((r) => r[header.indexOf('identifier')] === 'cong-thuc')!;
    expect(row[header.indexOf('title_km')]).toBe('ល្ខោនបាសាក់');
    expect(row[header.indexOf('title_zh-Hant')]).toBe('潮州會館');
    expect(row[header.indexOf('title_vi')]).toBe(`'=HYPERLINK("http://evil.example","bấm")`);
  });

  it('answers 404 for a collection that does not exist', async () => {
    expect((await get(archivist, '/api/workspace/export.csv?collection=khong-co')).statusCode).toBe(404);
  });
});

describe('collections and places', () => {
  const body: Collection = {
    id: 'nghe-thu-cong',
    title: [
      { lang: 'vi', value: 'Nghề thủ công' },
      { lang: 'km', value: 'សិប្បកម្ម' },
    ],
    status: 'draft',
    access: { level: 'public' },
  };

  it('creates, describes, orders and gives a cover to a collection; the public page follows the order', async () => {
    const created = await fixture.app.inject({ method: 'POST', url: '/api/workspace/collections', headers: archivist.writes, payload: body });
    expect(created.statusCode, created.body).toBe(201);
    expect((await fixture.app.inject({ method: 'POST', url: '/api/workspace/collections', headers: archivist.writes, payload: body })).statusCode).toBe(409);

    const order = ['ok-om-bok', 'cong-dong', 'chol-chnam-thmay'];
    const ordered = await fixture.app.inject({ method: 'PUT', url: '/api/workspace/collections/khmer-festivals/items', headers: archivist.writes, payload: { itemIds: order } });
    expect(ordered.statusCode, ordered.body).toBe(200);
    expect(ordered.json<Collection>().itemOrder).toEqual(order);
    const stranger = await fixture.app.inject({ method: 'PUT', url: '/api/workspace/collections/khmer-festivals/items', headers: archivist.writes, payload: { itemIds: ['chi-mo-ta'] } });
    expect(stranger.statusCode).toBe(400);

    const current = (await fixture.archive.catalog.collections.get('khmer-festivals'))!;
    const mediaId = await fixture.mediaOf('chol-chnam-thmay');
    const described = { ...current, description: [{ lang: 'vi', value: 'Lễ hội của người Khmer' }, { lang: 'zh-Hans', value: '高棉节日' }], cover: { itemId: 'chol-chnam-thmay', mediaId } };
    const updated = await fixture.app.inject({ method: 'PUT', url: '/api/workspace/collections/khmer-festivals', headers: archivist.writes, payload: described });
    expect(updated.statusCode, updated.body).toBe(200);
    expect(updated.json<Collection>()).toMatchObject({ cover: { itemId: 'chol-chnam-thmay', mediaId }, itemOrder: order });
    const badCover = await fixture.app.inject({ method: 'PUT', url: '/api/workspace/collections/khmer-festivals', headers: archivist.writes, payload: { ...described, cover: { itemId: 'chi-mo-ta' } } });
    expect(badCover.statusCode).toBe(400);

    // The public sees the published items in the chosen order (the community's record stays hidden), then the rest by title.
    const page = (await get(undefined, '/api/collections/khmer-festivals')).json<CollectionView>();
    expect(page.items.items.map((item) => item.id)).toEqual(['ok-om-bok', 'chol-chnam-thmay']);
    const staffPage = (await get(archivist, '/api/collections/khmer-festivals?pageSize=3')).json<CollectionView>();
    expect(staffPage.items.items.map((item) => item.id)).toEqual(order);
    const bySort = (await get(undefined, '/api/collections/khmer-festivals?sort=title')).json<CollectionView>();
    expect(bySort.items.items.map((item) => item.id)).toEqual(['ok-om-bok', 'chol-chnam-thmay']);

    const list = (await get(archivist, '/api/workspace/collections')).json<StaffCollectionList>();
    expect(list.collections.map((c) => c.id)).toEqual(expect.arrayContaining(['nghe-thu-cong', 'secret-drafts', 'nghi-le-rieng', 'khmer-festivals']));
    expect(list.collections.find((c) => c.id === 'khmer-festivals')).toMatchObject({ itemCount: 6 });
    const audit = await fixture.archive.catalog.audit.list({ action: 'collection.*' });
    expect(audit.entries.map((entry) => entry.action).sort()).toEqual(['collection.create', 'collection.order', 'collection.update']);
  });

  it('adds a place with coordinates, once', async () => {
    const place: Place = { id: 'chua-doi', names: [{ lang: 'vi', value: 'Chùa Dơi' }, { lang: 'km', value: 'វត្តមហាទុប' }], geo: { lat: 9.58, lon: 105.96 }, province: 'Sóc Trăng' };
    const created = await fixture.app.inject({ method: 'POST', url: '/api/workspace/places', headers: archivist.writes, payload: place });
    expect(created.statusCode, created.body).toBe(201);
    expect(await fixture.archive.catalog.places.get('chua-doi')).toEqual(place);
    expect((await fixture.app.inject({ method: 'POST', url: '/api/workspace/places', headers: archivist.writes, payload: place })).statusCode).toBe(409);
  });
});

describe('who may', () => {
  const doors: [string, string, (Buffer | object)?][] = [
    ['POST', '/api/workspace/sheets/preview', Buffer.from('file,kind\n')],
    ['GET', '/api/workspace/export.csv'],
    ['GET', '/api/workspace/export.xlsx'],
    ['GET', '/api/workspace/collections'],
    ['POST', '/api/workspace/collections', { id: 'x', title: [{ lang: 'vi', value: 'x' }], status: 'draft', access: { level: 'public' } }],
    ['PUT', '/api/workspace/collections/khmer-festivals/items', { itemIds: [] }],
    ['POST', '/api/workspace/places', { id: 'y', names: [] }],
  ];

  it.each(doors)('%s %s: a researcher and the public are refused as if there were no such route', async (method, url, payload) => {
    const before = await catalogState();
    for (const who of [researcher, undefined]) {
      const headers = { ...(who?.writes ?? {}), ...(Buffer.isBuffer(payload) ? { 'content-type': CSV } : {}) };
      const response = await fixture.app.inject({ method: method as 'GET', url, headers, ...(payload === undefined ? {} : { payload: payload as object }) });
      expect(response.statusCode, `${who ? 'researcher' : 'public'}: ${response.body}`).toBe(404);
    }
    expect(await catalogState()).toEqual(before);
  });

  it('a change without the CSRF token is refused', async () => {
    const response = await fixture.app.inject({ method: 'POST', url: '/api/workspace/sheets/preview', headers: { ...archivist.reads, 'content-type': CSV }, payload: 'file,kind\n' });
    expect(response.statusCode).toBe(403);
  });
});

describe('importing a sheet', () => {
  const versionsOf = async (id: string) => (await fixture.archive.db.query<{ n: number }>('SELECT count(*)::int AS n FROM item_versions WHERE item_id = $1', [id]))[0]!.n;
  const header = ['file', 'identifier', 'kind', 'ethnic_groups', 'title_vi', 'title_km', 'collection', 'status'];
  const sheet = (rows: string[][]) => Buffer.from([header, ...rows].map((row) => row.map((cell) => `"${cell}"`).join(',')).join('\n'));

  it('writes the valid records, new as drafts, and leaves the broken and the unchanged ones alone', async () => {
    const before = { okOmBok: await versionsOf('ok-om-bok'), banNhap: await versionsOf('ban-nhap') };
    const exported = (await get(archivist, '/api/workspace/export.csv?collection=khmer-festivals')).body.replace(/^\uFEFF/, '');
    const okOmBokRow = exported.split('\n').find((line) => line.includes(',ok-om-bok,'))!;
    const response = await post(
      archivist,
      '/api/workspace/sheets/import?note=nh%E1%BA%ADp%20t%E1%BB%AB%20b%E1%BA%A3ng',
      sheet([
        ['ghe-ngo/01.jpg', 'dua-ghe-ngo', 'festival', 'khmer', 'Đua ghe ngo', 'ប្រណាំងទូក', 'khmer-festivals', ''],
        ['ghe-ngo/02.jpg', 'dua-ghe-ngo', 'festival', 'khmer', 'Đua ghe ngo', 'ប្រណាំងទូក', 'khmer-festivals', ''],
        ['', 'chua-co-file', 'craft', 'khmer', 'Chưa có tệp', '', 'lang-nghe-moi', ''],
        ['', 'ban-nhap', 'festival', 'khmer; cham', 'Lễ hội bản nháp (sửa)', '', 'khmer-festivals; secret-drafts', 'draft'],
        ['', 'xuat-ban-ngay', 'festival', 'khmer', 'Xuất bản ngay', '', '', 'published'],
      ]),
    );
    expect(response.statusCode, response.body).toBe(200);
    const result = response.json<SheetPreview>();
    expect(result.rows.map((row) => [row.itemId, row.outcome])).toEqual([
      ['dua-ghe-ngo', 'new'],
      ['dua-ghe-ngo', 'new'],
      ['chua-co-file', 'new'],
      ['ban-nhap', 'changed'],
      ['xuat-ban-ngay', 'invalid'],
    ]);
    expect(result.written).toBe(3);
    expect(result.files).toEqual([
      { file: 'ghe-ngo/01.jpg', record: 'dua-ghe-ngo', line: 2 },
      { file: 'ghe-ngo/02.jpg', record: 'dua-ghe-ngo', line: 3 },
    ]);
    const created = await fixture.archive.workspace.get({ kind: 'system' }, 'dua-ghe-ngo');
    expect(created).toMatchObject({ version: 1, item: { status: 'draft', title: [{ lang: 'vi', value: 'Đua ghe ngo' }, { lang: 'km', value: 'ប្រណាំងទូក' }] } });
    expect(await fixture.archive.catalog.collections.get('lang-nghe-moi')).not.toBeNull();
    expect(await fixture.archive.catalog.items.get('xuat-ban-ngay')).toBeNull();
    expect(await versionsOf('ban-nhap')).toBe(before.banNhap + 1);
    const versions = await fixture.archive.workspace.versions({ kind: 'system' }, 'ban-nhap');
    expect(versions?.versions[0]).toMatchObject({ note: 'nhập từ bảng', author: { actor: `user:${archivist.account.id}` } });

    // The published record's exported row, imported again: nothing written.
    const again = await post(archivist, '/api/workspace/sheets/import', Buffer.from(`${exported.split('\n')[0]!}\n${okOmBokRow}`));
    expect(again.json<SheetPreview>()).toMatchObject({ written: 0, rows: [{ itemId: 'ok-om-bok', outcome: 'unchanged' }] });
    expect(await versionsOf('ok-om-bok')).toBe(before.okOmBok);
  });

  it.each([
    ['CSV', '/api/workspace/export.csv', CSV],
    ['XLSX', '/api/workspace/export.xlsx', XLSX],
  ])('%s: import, export, import again writes no version', async (_name, url, type) => {
    const exported = await get(archivist, `${url}?collection=khmer-festivals`);
    const before = await catalogState();
    const response = await post(archivist, '/api/workspace/sheets/import', exported.rawPayload, type);
    expect(response.statusCode, response.body).toBe(200);
    const result = response.json<SheetPreview>();
    expect(result.written).toBe(0);
    expect(result.rows.filter((row) => row.outcome !== 'unchanged')).toEqual([]);
    expect(await catalogState()).toEqual(before);
  });

  it('lets a reviewer publish by sheet: submitted, then published, each a version', async () => {
    const reviewerAccount = await addAccount(fixture.archive, { email: 'hanh@example.org', roles: ['reviewer'] });
    const reviewer = await signIn(fixture.app, reviewerAccount.email);
    const response = await post(reviewer, '/api/workspace/sheets/import', sheet([['', 'duoc-xuat-ban', 'festival', 'khmer', 'Được xuất bản', '', '', 'published']]));
    expect(response.json<SheetPreview>()).toMatchObject({ written: 1, invalid: 0 });
    expect(await fixture.archive.catalog.items.get('duoc-xuat-ban')).toMatchObject({ status: 'published' });
    const versions = await fixture.archive.workspace.versions({ kind: 'system' }, 'duoc-xuat-ban');
    expect(versions?.versions.map((v) => v.action)).toEqual(['publish', 'submit', 'create']);
  });
});
