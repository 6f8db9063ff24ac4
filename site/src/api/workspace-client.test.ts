import type { WorkspaceRecord } from '@disan/schemas';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiRefusal } from './errors.ts';
import { createTransport } from './transport.ts';
import { editorClient, etag } from './workspace-client.ts';

const record = (version: number, source: string): WorkspaceRecord => ({
  item: { id: 'ok-om-bok', kind: 'festival', ethnicGroups: ['khmer'], title: [{ lang: 'km', value: 'អកអំបុក' }], source, status: 'draft', access: { level: 'public' } },
  version,
  faceStatus: 'draft',
  publishedVersion: null,
  inRevision: false,
  comments: [],
  media: [],
  createdAt: '2026-12-01T03:00:00.000Z',
  updatedAt: '2026-12-02T03:41:00.000Z',
  updatedBy: { actor: 'user:u-2', name: 'Lâm Thị Huệ' },
  permissions: { edit: true, upload: true, submit: true, publish: false, sendBack: false, withdraw: false },
});

// A loopback server standing in for the workspace routes: version 3 is the head; it records what reached it.
describe('the editor\'s client of the workspace routes', () => {
  let server: Server;
  let baseUrl = '';
  const seen: { method: string; url: string; headers: IncomingHttpHeaders; body: string }[] = [];
  beforeAll(async () => {
    server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString() });
        const json = (status: number, body: unknown) => { res.writeHead(status, { 'content-type': 'application/json', etag: '"v3"' }).end(JSON.stringify(body)); };
        if (req.method === 'PUT' && req.url === '/api/workspace/records/ok-om-bok') {
          if (req.headers['if-match'] === '"v3"') { json(200, record(4, 'mine')); return; }
          if (req.headers['if-match'] === '"v9"') { json(412, { error: { status: 412, code: 'not-the-shape' } }); return; }
          json(412, { error: { status: 412, code: 'version_conflict', message: 'stale', requestId: 'r' }, current: record(3, 'theirs') });
          return;
        }
        if (req.method === 'POST' && req.url === '/api/workspace/records') { json(422, { error: { status: 422, code: 'invalid', message: 'title: at least one', requestId: 'r' } }); return; }
        res.writeHead(404, { 'content-type': 'application/json' }).end('{"error":{}}');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  const client = () => editorClient(createTransport({ baseUrl, timeoutMs: 2000, visitor: { cookie: 'disan_session=s', csrfToken: 'tok', origin: 'http://site.example', secFetchSite: 'same-origin' } }));
  const body = { item: { id: 'ok-om-bok', kind: 'festival' as const, ethnicGroups: [], title: [{ lang: 'vi', value: 'Ok Om Bok' }], access: { level: 'public' as const } } };

  it('saves with If-Match of the version the person started from, as the visitor with the form\'s CSRF token', async () => {
    const outcome = await client().saveRecord('ok-om-bok', 3, body);
    expect('saved' in outcome && outcome.saved.version).toBe(4);
    expect(seen.at(-1)?.headers).toMatchObject({ 'if-match': '"v3"', cookie: 'disan_session=s', 'x-csrf-token': 'tok', 'content-type': 'application/json' });
    expect(JSON.parse(seen.at(-1)?.body ?? '')).toEqual(body);
  });

  it('answers a stale version with the newer head the 412 carries', async () => {
    const outcome = await client().saveRecord('ok-om-bok', 2, body);
    expect('conflict' in outcome && outcome.conflict.item.source).toBe('theirs');
  });

  it('treats a 412 of another shape as a refusal, and keeps the API\'s words of a 422', async () => {
    await expect(client().saveRecord('ok-om-bok', 9, body)).rejects.toBeInstanceOf(ApiRefusal);
    await expect(client().createRecord(body)).rejects.toMatchObject({ status: 422, code: 'invalid' });
  });

  it('writes ETags as the API does', () => {
    expect(etag(12)).toBe('"v12"');
  });
});
