/**
 * The workspace's review pages (my work, review, history, compare, the tombstone) as the
 * built site serves them, in front of a loopback API answering the contract's shapes
 * (schemas/src/workspace.ts): every page in the four languages, Nu-valid and axe-clean on a
 * phone and a desktop, the forms' refusals (a required comment, a version conflict), who
 * may see the pages, and the 410 tombstone. The real API's journey is
 * tests/e2e/workspace-review.test.ts; this one needs no engine, so the pages are checked
 * whatever state the records engine is in.
 */
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessibilityProblems, launchBrowser, VIEWPORTS } from '../support/browser.ts';
import { startSite, type RunningSite } from '../support/site.ts';
import { sidewaysOverflow } from '../e2e/steps.ts';
import { htmlErrors, type SavedPage } from '../e2e/vnu.ts';

const PUBLIC_URL = 'http://127.0.0.1:1';
const actor = { actor: 'user:u-2', name: 'Thạch Sa Rươne' };
const staff = (roles: string[]) => ({ id: 'u-1', email: 'r@example.org', name: 'Lâm Văn Duyệt', language: 'vi', status: 'active', roles, memberships: [], secondFactor: false, createdAt: '2026-01-01T00:00:00.000Z', lastLoginAt: null });
const title = [{ lang: 'vi', value: 'Lễ cúng trăng' }, { lang: 'km', value: 'ពិធីបុណ្យសំពះព្រះខែ' }];
const comment = { id: 'c1', kind: 'send-back', body: 'Tên tiếng Khmer cần sửa.\nXin gửi lại.', version: 5, author: actor, createdAt: '2026-12-01T10:00:00.000Z' };
const record = {
  item: { id: 'le-cung-trang', kind: 'festival', ethnicGroups: ['khmer'], title, status: 'in-review', access: { level: 'public' } },
  version: 7, faceStatus: 'published', publishedVersion: 4, inRevision: true, comments: [comment], media: [],
  createdAt: '2026-12-01T08:00:00.000Z', updatedAt: '2026-12-02T08:00:00.000Z', updatedBy: actor,
  permissions: { edit: true, upload: true, submit: true, publish: true, sendBack: true, withdraw: true },
};
const summary = (version: number, action: string, published = false) => ({ version, action, status: 'draft', author: actor, createdAt: '2026-12-01T08:00:00.000Z', published, ...(version === 2 ? { note: 'Sửa tên tiếng Khmer' } : {}) });
const work = { id: 'le-cung-trang', kind: 'festival', title, status: 'draft', inRevision: false, version: 3, updatedAt: '2026-12-01T08:00:00.000Z', updatedBy: actor };
const myWork = {
  drafts: [work], sentBack: [{ ...work, comment }], toReview: [{ ...work, status: 'in-review' }], recentByOthers: [{ ...work, inRevision: true }],
  failedMedia: [{ mediaId: 'm-1', itemId: 'le-cung-trang', itemTitle: title, originalName: 'den-nuoc-tren-song-maspero-soc-trang-2026-anh-goc.jpg', kind: 'image', status: 'failed', error: 'The file ends before its image data.', failedAt: '2026-12-01T08:00:00.000Z' }],
};
const comparison = {
  from: summary(1, 'create'), to: summary(2, 'edit'), delta: {},
  changes: [
    { field: 'title', lang: 'km', change: 'changed', before: { lang: 'km', value: 'ពិធីបុណ្យអកអំបុក' }, after: { lang: 'km', value: 'ពិធីបុណ្យសំពះព្រះខែ' } },
    { field: 'description', lang: 'vi', change: 'changed', before: { lang: 'vi', value: 'Người Khmer ở Sóc Trăng cúng trăng vào rằm tháng mười âm lịch.' }, after: { lang: 'vi', value: 'Người Khmer ở Trà Vinh và Sóc Trăng cúng trăng vào rằm tháng mười.' } },
    { field: 'title', lang: 'zh', change: 'added', after: { lang: 'zh', value: '拜月节' } },
    { field: 'places', label: 'Sóc Trăng', change: 'removed', before: { name: 'Sóc Trăng', province: 'soc-trang' } },
    { field: 'media', label: 'a.jpg', change: 'moved', before: 0, after: 2 },
  ],
};
const tombstone = { error: { status: 410, code: 'withdrawn', message: 'withdrawn', requestId: 'r' }, tombstone: { id: 'rut-roi', title, withdrawnAt: '2026-12-02T09:00:00.000Z', reason: 'Gia đình nghệ nhân xin rút ảnh khỏi kho.' } };
const refusal = (status: number, code: string) => ({ error: { status, code, message: code, requestId: 'r' } });

const LANGS = ['', '/en', '/km', '/zh'];
const PAGES: readonly (readonly [string, string, number])[] = [
  ['my-work', '/workspace', 200],
  ['review', '/workspace/records/le-cung-trang/review', 200],
  ['history', '/workspace/records/le-cung-trang/history', 200],
  ['compare', '/workspace/records/le-cung-trang/compare?from=2&to=1', 200],
  ['compare-one', '/workspace/records/le-cung-trang/compare?from=2', 400],
  ['tombstone', '/item/rut-roi', 410],
];

let api: Server;
let site: RunningSite;
const posted: { url: string; headers: IncomingHttpHeaders; body: string }[] = [];
const saved: SavedPage[] = [];

beforeAll(async () => {
  api = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const json = (status: number, body: unknown) => res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
      const url = req.url ?? '';
      const cookie = req.headers.cookie ?? '';
      if (url === '/api/auth/session') return json(200, cookie.includes('staff') ? { account: staff(['reviewer']), csrfToken: 't' } : cookie.includes('researcher') ? { account: staff(['researcher']), csrfToken: 't' } : { account: null, csrfToken: null });
      if (req.method === 'POST') {
        posted.push({ url, headers: req.headers, body: Buffer.concat(chunks).toString() });
        if (url.endsWith('/publish')) return json(412, { ...refusal(412, 'version_conflict'), current: { ...record, version: 8 } });
        if (url.endsWith('/withdraw')) return json(403, refusal(403, 'forbidden'));
        return json(200, record);
      }
      if (!cookie.includes('staff') && url.startsWith('/api/workspace')) return json(403, refusal(403, 'forbidden'));
      if (url === '/api/workspace/my-work') return json(200, myWork);
      if (url === '/api/workspace/records/le-cung-trang') return json(200, record);
      if (url === '/api/workspace/records/le-cung-trang/versions') return json(200, { id: 'le-cung-trang', head: 7, publishedVersion: 4, versions: [7, 6, 5, 4, 3, 2, 1].map((v) => summary(v, ['create', 'edit', 'submit', 'publish', 'edit', 'send-back', 'submit'][v - 1] ?? 'edit', v === 4)) });
      if (url === '/api/workspace/records/le-cung-trang/compare?from=1&to=2') return json(200, comparison);
      if (url === '/api/items/rut-roi') return json(410, tombstone);
      json(404, refusal(404, 'not_found'));
    });
  });
  await new Promise<void>((resolve) => api.listen(0, '127.0.0.1', resolve));
  site = await startSite(`http://127.0.0.1:${(api.address() as AddressInfo).port}`, { DISAN_PUBLIC_URL: PUBLIC_URL });
}, 300_000);

afterAll(async () => {
  await site.stop();
  api.closeAllConnections();
  await new Promise((resolve) => api.close(resolve));
});

const get = (path: string, cookie = 'disan_session=staff') => fetch(`${site.url}${path}`, { headers: { cookie }, redirect: 'manual' });
const post = (path: string, body: string) =>
  fetch(`${site.url}${path}`, { method: 'POST', redirect: 'manual', headers: { cookie: 'disan_session=staff', 'content-type': 'application/x-www-form-urlencoded', origin: PUBLIC_URL, 'sec-fetch-site': 'same-origin' }, body });

describe('the review pages', () => {
  it.each(LANGS.flatMap((lang) => PAGES.map(([name, path, status]) => [`${lang || '/vi'} ${name}`, `${lang}${path}`, status] as const)))('%s answers its status', async (name, path, status) => {
    const response = await get(path);
    const html = await response.text();
    expect(response.status, html.slice(0, 500)).toBe(status);
    saved.push({ name: `${name.replace(/\W+/g, '-')}.html`, html });
  });

  it('marks the changed Khmer words alone, and the Vietnamese description word by word', async () => {
    const html = await (await get('/km/workspace/records/le-cung-trang/compare?from=1&to=2')).text();
    expect(html).toMatch(/<del[^>]*>.*អកអំបុក<\/del>/);
    expect(html).toMatch(/<ins[^>]*>.*សំពះព្រះខែ<\/ins>/);
    expect(html).not.toMatch(/<del[^>]*>[^<]*(<span[^>]*>[^<]*<\/span>)?ពិធីបុណ្យ/);
    expect(html).toMatch(/<ins[^>]*>.*Trà Vinh và <\/ins>/);
  });

  it('sends a review step with the version shown as If-Match, and goes back with 303', async () => {
    const response = await post('/en/workspace/records/le-cung-trang/review', 'csrf=t&step=send-back&version=7&comment=Fix+the+Khmer+title');
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/en/workspace/records/le-cung-trang/review?done=sentBack');
    expect(posted.at(-1)).toMatchObject({ url: '/api/workspace/records/le-cung-trang/send-back', body: '{"comment":"Fix the Khmer title"}' });
    expect(posted.at(-1)?.headers).toMatchObject({ 'if-match': '"v7"', 'x-csrf-token': 't' });
  });

  it('refuses a send-back without a comment before asking the API, beside the field', async () => {
    const before = posted.length;
    const response = await post('/workspace/records/le-cung-trang/review', 'csrf=t&step=send-back&version=7&comment=+');
    const html = await response.text();
    expect(response.status).toBe(422);
    expect(posted.length).toBe(before);
    expect(html).toContain('data-testid="error-summary"');
    expect(html).toMatch(/<textarea[^>]*id="f-comment"[^>]*aria-invalid="true"/);
    saved.push({ name: 'send-back-refused.html', html });
  });

  it('says who saved first on a 412, with a link to reload', async () => {
    const response = await post('/workspace/records/le-cung-trang/review', 'csrf=t&step=publish&version=6');
    const html = await response.text();
    expect(response.status).toBe(412);
    expect(html).toContain('data-testid="version-conflict"');
    expect(html).toContain('phiên bản 8');
    expect(html).toContain('href="/workspace/records/le-cung-trang/review" data-testid="reload-record"');
    saved.push({ name: 'conflict.html', html });
  });

  it('says a step the rules no longer allow in words, not as an expired form', async () => {
    const html = await (await post('/en/workspace/records/le-cung-trang/review', 'csrf=t&step=withdraw&version=7&reason=Asked+by+the+family')).text();
    expect(html).toContain('You may not take this step on the record in its present state.');
  });

  it('asks for the confirmation before restoring, and restores with the newest version as If-Match', async () => {
    const unconfirmed = await post('/workspace/records/le-cung-trang/history', 'csrf=t&restore=2&head=7');
    expect(unconfirmed.status).toBe(422);
    const html = await unconfirmed.text();
    expect(html).toMatch(/<details[^>]*open[^>]*data-testid="restore-2"|<details[^>]*data-testid="restore-2"[^>]*open/);
    saved.push({ name: 'restore-unconfirmed.html', html });
    const confirmed = await post('/workspace/records/le-cung-trang/history', 'csrf=t&restore=2&head=7&confirm=yes');
    expect(confirmed.headers.get('location')).toBe('/workspace/records/le-cung-trang/history?done=restored');
    expect(posted.at(-1)).toMatchObject({ url: '/api/workspace/records/le-cung-trang/versions/2/restore' });
    expect(posted.at(-1)?.headers['if-match']).toBe('"v7"');
  });

  it('retries a failed file from "my work"', async () => {
    const response = await post('/workspace', 'csrf=t&retry=m-1');
    expect(response.headers.get('location')).toBe('/workspace?done=retried');
    expect(posted.at(-1)?.url).toBe('/api/workspace/media/m-1/retry');
  });

  it('sends the anonymous to sign in, and answers 404 to people outside the staff', async () => {
    const anonymous = await get('/workspace', '');
    expect(anonymous.status).toBe(303);
    expect(anonymous.headers.get('location')).toBe('/sign-in?next=%2Fworkspace');
    expect((await get('/workspace/records/le-cung-trang/history', 'disan_session=researcher')).status).toBe(404);
    expect(await (await get('/', 'disan_session=researcher')).text()).not.toContain('workspace-link');
    expect(await (await get('/', 'disan_session=staff')).text()).toContain('data-testid="workspace-link"');
  });

  it('passes the Nu checker, every page and state', async () => {
    expect(saved.length).toBeGreaterThan(LANGS.length * PAGES.length);
    expect(await htmlErrors(saved)).toEqual([]);
  }, 120_000);
});

describe('the review pages in Chromium', () => {
  let browser: Browser;
  beforeAll(async () => { browser = await launchBrowser(); });
  afterAll(async () => { await browser.close(); });

  it.each(VIEWPORTS.map((v) => [v.name, v] as const))('are axe-clean and never wider than a %s', async (_name, viewport) => {
    const context = await viewport.open(browser);
    await context.addCookies([{ name: 'disan_session', value: 'staff', url: site.url }]);
    const page = await context.newPage();
    for (const [lang, path] of [['/km', '/workspace'], ['', '/workspace/records/le-cung-trang/review'], ['/zh', '/workspace/records/le-cung-trang/history'], ['/km', '/workspace/records/le-cung-trang/compare?from=1&to=2'], ['/en', '/item/rut-roi']] as const) {
      await page.goto(`${site.url}${lang}${path}`);
      expect(await sidewaysOverflow(page), `${lang}${path}`).toBeNull();
      expect(await accessibilityProblems(page), `${lang}${path}`).toEqual([]);
    }
    await context.close();
  }, 120_000);
});
