import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { WorkspaceRecord } from '@disan/schemas';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiRefusal } from './errors.ts';
import { recordsClient } from './client.ts';
import { conflictOf, itemOrTombstone, reviewClient, tombstoneOf } from './review-client.ts';
import { createTransport } from './transport.ts';

const actor = { actor: 'user:u-2', name: 'Thạch Sa Rươne' };
const head: WorkspaceRecord = {
  item: { id: 'ok-om-bok', kind: 'festival', ethnicGroups: ['khmer'], title: [{ lang: 'vi', value: 'Lễ Ok Om Bok' }, { lang: 'km', value: 'ពិធីបុណ្យអកអំបុក' }], status: 'in-review', access: { level: 'public' } },
  version: 7, faceStatus: 'draft', publishedVersion: null, inRevision: false, comments: [], media: [],
  createdAt: '2026-12-01T08:00:00.000Z', updatedAt: '2026-12-02T08:00:00.000Z', updatedBy: actor,
  permissions: { edit: true, upload: true, submit: false, publish: true, sendBack: true, withdraw: false },
};
const tombstone = { id: 'ok-om-bok', title: [{ lang: 'vi', value: 'Lễ Ok Om Bok' }], withdrawnAt: '2026-12-02T09:00:00.000Z', reason: 'Gia đình nghệ nhân yêu cầu rút ảnh.' };
const error = (status: number, code: string) => ({ status, code, message: code, requestId: 'r-1' });

// A loopback server standing in for the API's workspace routes: it records what reached it.
describe('the review client', () => {
  let server: Server;
  let baseUrl = '';
  const seen: { method: string; url: string; headers: IncomingHttpHeaders; body: string }[] = [];
  beforeAll(async () => {
    server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString() });
        const json = (status: number, body: unknown) => { res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body)); };
        if (req.url === '/api/workspace/records/ok-om-bok/publish') {
          if (req.headers['if-match'] === '"v7"') json(200, head);
          else json(412, { error: error(412, 'version_conflict'), current: head });
          return;
        }
        if (req.url === '/api/workspace/records/ok-om-bok/send-back') { json(428, { error: error(428, 'precondition_required') }); return; }
        if (req.url === '/api/workspace/records/ok-om-bok/versions/3/restore') { json(200, head); return; }
        if (req.url === '/api/workspace/records/ok-om-bok/compare?from=3&to=7') { json(200, { from: { version: 3, action: 'edit', status: 'draft', author: actor, createdAt: head.createdAt, published: false }, to: { version: 7, action: 'submit', status: 'in-review', author: actor, createdAt: head.updatedAt, published: false }, changes: [{ field: 'title', lang: 'km', change: 'changed', before: 'ក', after: 'ខ' }], delta: {} }); return; }
        if (req.url === '/api/items/ok-om-bok') { json(410, { error: error(410, 'withdrawn'), tombstone }); return; }
        if (req.url === '/api/items/broken-tombstone') { json(410, { error: error(410, 'withdrawn') }); return; }
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
  const transport = () => createTransport({ baseUrl, timeoutMs: 2000, visitor: { cookie: 'disan_session=s', csrfToken: 'tok', origin: 'http://site.example' } });

  it('takes a review step with the version shown as If-Match, and the form\'s CSRF token', async () => {
    await reviewClient(transport()).review('ok-om-bok', 7, { step: 'publish', note: 'đã kiểm tra' });
    const request = seen.at(-1);
    expect(request).toMatchObject({ method: 'POST', url: '/api/workspace/records/ok-om-bok/publish', body: '{"note":"đã kiểm tra"}' });
    expect(request?.headers).toMatchObject({ 'if-match': '"v7"', 'x-csrf-token': 'tok', cookie: 'disan_session=s', 'content-type': 'application/json' });
  });

  it('reads who saved first from a 412, and nothing from other refusals', async () => {
    const stale = await reviewClient(transport()).review('ok-om-bok', 6, { step: 'publish' }).catch((e: unknown) => e);
    expect(stale).toBeInstanceOf(ApiRefusal);
    expect(conflictOf(stale)).toEqual(head);
    const missing = await reviewClient(transport()).review('ok-om-bok', 6, { step: 'send-back', comment: 'Sửa tên' }).catch((e: unknown) => e);
    expect(missing).toMatchObject({ status: 428, code: 'precondition_required' });
    expect(conflictOf(missing)).toBeNull();
    expect(seen.at(-1)?.body).toBe('{"comment":"Sửa tên"}');
  });

  it('restores a version with the head shown as If-Match', async () => {
    await reviewClient(transport()).restore('ok-om-bok', 3, 7);
    expect(seen.at(-1)).toMatchObject({ method: 'POST', url: '/api/workspace/records/ok-om-bok/versions/3/restore', body: '{}' });
    expect(seen.at(-1)?.headers['if-match']).toBe('"v7"');
  });

  it('asks for a comparison by version numbers and checks its shape', async () => {
    const comparison = await reviewClient(transport()).compare('ok-om-bok', 3, 7);
    expect(comparison.changes).toEqual([{ field: 'title', lang: 'km', change: 'changed', before: 'ក', after: 'ខ' }]);
  });

  it('turns a 410 into the tombstone of an item page, and a 410 without one into an error', async () => {
    const api = recordsClient(transport());
    expect(await itemOrTombstone(api, 'ok-om-bok')).toEqual({ item: null, tombstone });
    const broken = await itemOrTombstone(api, 'broken-tombstone').catch((e: unknown) => e);
    expect(broken).toMatchObject({ status: 410 });
    expect(tombstoneOf(broken)).toBeNull();
    expect(tombstoneOf(new Error('x'))).toBeNull();
  });
});
