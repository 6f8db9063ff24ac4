/**
 * The harvest admin pages as the built site serves them, in front of a loopback API
 * answering the contract's shapes (schemas/src/harvest.ts): who may see them, what each
 * form sends the API (only what changed), the API's refusals beside the field they name,
 * and the pages in four languages through the Nu checker. The real API's journey is
 * tests/e2e/harvest-admin.test.ts.
 */
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSite, type RunningSite } from '../support/site.ts';
import { htmlErrors, type SavedPage } from '../e2e/vnu.ts';

const PUBLIC_URL = 'http://127.0.0.1:1';
const SOURCE_ID = '0b7e7c5e-3f7a-4a51-9a1e-2f0a4f3c9d11';
const account = (roles: string[]) => ({ id: 'u-1', email: 'a@example.org', name: 'Kim Sa Rươne', language: 'vi', status: 'active', roles, memberships: [], secondFactor: false, createdAt: '2026-01-01T00:00:00.000Z', lastLoginAt: null });
const run = {
  id: 'r-1', sourceId: SOURCE_ID, trigger: 'manual', status: 'failed', startedAt: '2026-12-02T08:00:00.000Z', finishedAt: '2026-12-02T08:01:00.000Z',
  counts: { pages: 2, created: 7, updated: 3, unchanged: 1, deleted: 2, refused: 1 },
  refusals: [{ identifier: 'oai:thuvien.example.vn:45', reason: 'Không có nhan đề' }], error: 'The repository answered 503 five times',
};
const source = {
  id: SOURCE_ID, baseUrl: 'https://thuvien.example.vn/oai', metadataPrefix: 'marc21', set: 'kind:book', intervalHours: 24, enabled: true, recordStatus: 'draft',
  createdBy: 'user:u-1', createdAt: '2026-12-01T08:00:00.000Z', lastRunAt: run.startedAt, lastError: run.error, records: 12, running: false, lastRun: run,
};
const refusal = (status: number, code: string, message = code) => ({ error: { status, code, message, requestId: 'r' } });

let api: Server;
let site: RunningSite;
const sent: { method: string; url: string; headers: IncomingHttpHeaders; body: string }[] = [];
const saved: SavedPage[] = [];

beforeAll(async () => {
  api = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const json = (status: number, body: unknown) => res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
      const url = req.url ?? '';
      const cookie = req.headers.cookie ?? '';
      if (url === '/api/auth/session') return json(200, cookie.includes('admin') ? { account: account(['admin']), csrfToken: 't' } : cookie.includes('archivist') ? { account: account(['archivist']), csrfToken: 't' } : { account: null, csrfToken: null });
      // The API's rule (canManageHarvestSources): admins only; anyone else is told nothing is there.
      if (url.startsWith('/api/harvest-sources') && !cookie.includes('admin')) return json(404, refusal(404, 'not_found'));
      const body = Buffer.concat(chunks).toString();
      if (req.method !== 'GET') sent.push({ method: req.method ?? '', url, headers: req.headers, body });
      if (url === '/api/harvest-sources' && req.method === 'GET') return json(200, { sources: [source] });
      if (url === '/api/harvest-sources' && req.method === 'POST') {
        const input = JSON.parse(body) as { baseUrl: string; set?: string };
        if (input.baseUrl === source.baseUrl) return json(409, refusal(409, 'conflict', `A source already harvests ${source.baseUrl}`));
        if (input.set === 'refused-by-api') return json(400, refusal(400, 'invalid', 'body field "set" must match pattern'));
        return json(201, { ...source, ...input, id: '1c6f1d2e-0000-4000-8000-000000000001', records: 0, lastRun: undefined });
      }
      if (url === `/api/harvest-sources/${SOURCE_ID}/runs`) return json(200, { runs: [run, { ...run, id: 'r-0', status: 'done', error: undefined, refusals: [], trigger: 'schedule' }] });
      if (url === `/api/harvest-sources/${SOURCE_ID}/run`) return json(202, { jobId: 'j-1', created: !cookie.includes('queued') });
      if (url === `/api/harvest-sources/${SOURCE_ID}` && req.method === 'PATCH') return json(200, { ...source, ...(JSON.parse(body) as object) });
      if (url === `/api/harvest-sources/${SOURCE_ID}` && req.method === 'DELETE') return res.writeHead(204).end();
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

const get = (path: string, cookie = 'disan_session=admin') => fetch(`${site.url}${path}`, { headers: { cookie }, redirect: 'manual' });
const post = (path: string, form: Record<string, string>, cookie = 'disan_session=admin') =>
  fetch(`${site.url}${path}`, {
    method: 'POST',
    redirect: 'manual',
    headers: { cookie, 'content-type': 'application/x-www-form-urlencoded', origin: PUBLIC_URL, 'sec-fetch-site': 'same-origin' },
    body: new URLSearchParams({ csrf: 't', ...form }).toString(),
  });
const NEW = { action: 'create', baseUrl: 'https://khac.example.vn/oai', metadataPrefix: 'oai_dc', set: '', intervalHours: '6', enabled: 'on', recordStatus: 'published' };
const SOURCE_PAGE = `/admin/harvest/${SOURCE_ID}`;

describe('the harvest admin pages', () => {
  it.each(['', '/en', '/km', '/zh'].flatMap((lang) => [`${lang}/admin/harvest`, `${lang}${SOURCE_PAGE}`, `${lang}${SOURCE_PAGE}?delete`]))('%s shows the source to an admin', async (path) => {
    const response = await get(path);
    const html = await response.text();
    expect(response.status, html.slice(0, 300)).toBe(200);
    expect(response.headers.get('cache-control')).toBe('private, no-store');
    expect(html).toContain('thuvien.example.vn');
    expect(html).toContain('The repository answered 503 five times');
    saved.push({ name: `${path.replace(/\W+/g, '-')}.html`, html });
  });

  it('lists a source with its schedule, last run and counts, in the reader\'s language', async () => {
    const html = await (await get('/en/admin/harvest')).text();
    expect(html).toContain('Every 24 h');
    expect(html).toContain('7 added, 3 updated, 2 deleted, 1 refused');
    expect(html).toMatch(/<a href="\/en\/admin\/harvest"[^>]*aria-current="page"/);
    const runs = await (await get(`/zh${SOURCE_PAGE}`)).text();
    expect(runs).toContain('失败');
    expect(runs).toContain('Không có nhan đề');
    expect(runs.match(/data-testid="harvest-run"/g)).toHaveLength(2);
  });

  it('sends the anonymous to sign in, and answers 404 to anyone the API does not answer', async () => {
    const anonymous = await get('/admin/harvest', '');
    expect(anonymous.status).toBe(303);
    expect(anonymous.headers.get('location')).toBe('/sign-in?next=%2Fadmin%2Fharvest');
    expect((await get('/admin/harvest', 'disan_session=archivist')).status).toBe(404);
    expect((await get(SOURCE_PAGE, 'disan_session=archivist')).status).toBe(404);
    expect((await post('/admin/harvest', NEW, 'disan_session=archivist')).status).toBe(404);
    expect((await get('/admin/harvest/not-a-source')).status).toBe(404);
  });

  it('adds a source with the fields typed as the schema types them, and goes to its page', async () => {
    const response = await post('/en/admin/harvest', NEW);
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/en/admin/harvest/1c6f1d2e-0000-4000-8000-000000000001?done=harvestCreated');
    expect(sent.at(-1)).toMatchObject({ method: 'POST', url: '/api/harvest-sources' });
    expect(JSON.parse(sent.at(-1)?.body ?? '')).toEqual({ baseUrl: 'https://khac.example.vn/oai', metadataPrefix: 'oai_dc', intervalHours: 6, enabled: true, recordStatus: 'published' });
    expect(sent.at(-1)?.headers['x-csrf-token']).toBe('t');
  });

  it('names every bad field at once before asking the API, beside each field', async () => {
    const before = sent.length;
    const response = await post('/km/admin/harvest', { ...NEW, baseUrl: '', set: 'kind book', intervalHours: '0', enabled: '' });
    const html = await response.text();
    expect(response.status).toBe(422);
    expect(sent.length).toBe(before);
    for (const field of ['baseUrl', 'set', 'intervalHours']) expect(html).toMatch(new RegExp(`id="f-${field}"[^>]*aria-invalid="true"|aria-invalid="true"[^>]*id="f-${field}"|<input[^>]*id="f-${field}"[^>]*aria-describedby="[^"]*f-${field}-error`));
    expect(html).toContain('សូមបំពេញប្រអប់នេះ។');
    expect(html).toContain('value="kind book"');
    saved.push({ name: 'km-errors.html', html });
  });

  it('shows the API\'s refusals beside the field they concern: a taken address, a field it names', async () => {
    const taken = await (await post('/en/admin/harvest', { ...NEW, baseUrl: source.baseUrl })).text();
    expect(taken).toMatch(/<p class="field-error" id="f-baseUrl-error">This archive already harvests that address/);
    const named = await (await post('/admin/harvest', { ...NEW, set: 'refused-by-api' })).text();
    expect(named).toMatch(/<p class="field-error" id="f-set-error">Tên tập gồm/);
    saved.push({ name: 'en-taken.html', html: taken });
  });

  it('changes only what was changed, so an unchanged address does not start the source again', async () => {
    const response = await post(SOURCE_PAGE, { action: 'update', baseUrl: source.baseUrl, metadataPrefix: 'marc21', set: 'kind:book', intervalHours: '6', enabled: 'on', recordStatus: 'draft' });
    expect(response.headers.get('location')).toBe(`${SOURCE_PAGE}?done=saved`);
    expect(sent.at(-1)).toMatchObject({ method: 'PATCH', url: `/api/harvest-sources/${SOURCE_ID}`, body: '{"intervalHours":6}' });
    await post(SOURCE_PAGE, { action: 'disable' });
    expect(sent.at(-1)).toMatchObject({ method: 'PATCH', body: '{"enabled":false}' });
  });

  it('harvests now, saying when a run was already waiting, and deletes after the confirmation', async () => {
    expect((await post('/en/admin/harvest', { action: 'run', id: SOURCE_ID })).headers.get('location')).toBe('/en/admin/harvest?done=harvestQueued');
    expect(sent.at(-1)).toMatchObject({ method: 'POST', url: `/api/harvest-sources/${SOURCE_ID}/run` });
    expect((await post(SOURCE_PAGE, { action: 'run' }, 'disan_session=admin-queued')).headers.get('location')).toBe(`${SOURCE_PAGE}?done=harvestAlreadyQueued`);
    expect(await (await get(`${SOURCE_PAGE}?delete`)).text()).toContain('data-testid="harvest-delete-confirm"');
    expect((await post(SOURCE_PAGE, { action: 'delete' })).headers.get('location')).toBe('/admin/harvest?done=harvestDeleted');
    expect(sent.at(-1)).toMatchObject({ method: 'DELETE', url: `/api/harvest-sources/${SOURCE_ID}` });
  });

  it('passes the Nu checker, every page and state', async () => {
    expect(saved.length).toBeGreaterThan(12);
    expect(await htmlErrors(saved)).toEqual([]);
  }, 120_000);
});
