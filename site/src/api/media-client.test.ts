import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiRefusal } from './errors.ts';
import { mediaClient, moveStep, sheetType } from './media-client.ts';
import { createTransport } from './transport.ts';

const preview = { rows: [{ line: 2, outcome: 'invalid', errors: ['kind: not a kind'] }], records: 1, invalid: 1, files: [] };

// A loopback server standing in for the workspace routes: it records what reached it.
describe('the media client', () => {
  let server: Server;
  let baseUrl = '';
  const seen: { method: string; url: string; headers: IncomingHttpHeaders; body: Buffer }[] = [];
  beforeAll(async () => {
    server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks) });
        const json = (status: number, body: unknown) => { res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body)); };
        if (req.url?.startsWith('/api/workspace/sheets/')) { json(200, preview); return; }
        if (req.headers['if-match'] === '"v3"') { json(412, { error: { status: 412, code: 'version_conflict', message: 'stale', requestId: 'r' } }); return; }
        json(200, {});
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  const client = () => mediaClient(createTransport({ baseUrl, timeoutMs: 2000, visitor: { cookie: 'disan_session=s', csrfToken: 'tok' } }));

  it.each([
    ['order', (c: ReturnType<typeof client>) => c.order('chua doi', 7, ['m2', 'm1']), 'PUT', '/api/workspace/records/chua%20doi/media/order', { mediaIds: ['m2', 'm1'] }],
    ['cover', (c: ReturnType<typeof client>) => c.cover('r1', 7, 'm2'), 'PUT', '/api/workspace/records/r1/cover', { mediaId: 'm2' }],
    ['details', (c: ReturnType<typeof client>) => c.details('r1', 7, 'm/1', { caption: null, captionLang: 'km' }), 'PATCH', '/api/workspace/records/r1/media/m%2F1', { caption: null, captionLang: 'km' }],
  ])('%s sends the version it was made on as If-Match, with the CSRF token', async (_name, call, method, path, body) => {
    await call(client());
    const request = seen.at(-1);
    expect(request).toMatchObject({ method, url: path });
    expect(request?.headers).toMatchObject({ 'if-match': '"v7"', 'x-csrf-token': 'tok', 'content-type': 'application/json' });
    expect(JSON.parse(request?.body.toString() ?? '')).toEqual(body);
  });

  it('removes with If-Match and no body', async () => {
    await client().remove('r1', 7, 'm1');
    expect(seen.at(-1)).toMatchObject({ method: 'DELETE', url: '/api/workspace/records/r1/media/m1', headers: { 'if-match': '"v7"' } });
    expect(seen.at(-1)?.body.length).toBe(0);
  });

  it('keeps a stale version\'s refusal as a 412 the page can explain', async () => {
    const refused = await client().cover('r1', 3, 'm1').catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(ApiRefusal);
    expect(refused).toMatchObject({ status: 412, code: 'version_conflict' });
  });

  it('sends a sheet as it is, typed by its bytes, and checks the answer\'s shape', async () => {
    const csv = new TextEncoder().encode('file,identifier\na.jpg,a\n');
    expect(await client().previewSheet({ bytes: csv, type: sheetType(csv) })).toEqual(preview);
    expect(seen.at(-1)?.headers['content-type']).toBe('text/csv');
    expect(seen.at(-1)?.body.equals(Buffer.from(csv))).toBe(true);
    const xlsx = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]);
    await client().importSheet({ bytes: xlsx, type: sheetType(xlsx) });
    expect(seen.at(-1)).toMatchObject({ url: '/api/workspace/sheets/import', headers: { 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' } });
  });
});

describe('moveStep', () => {
  it.each([
    [['a', 'b', 'c'], 'a', 1, ['b', 'a', 'c']],
    [['a', 'b', 'c'], 'c', -1, ['a', 'c', 'b']],
    [['a', 'b', 'c'], 'a', -1, ['a', 'b', 'c']],
    [['a', 'b', 'c'], 'c', 1, ['a', 'b', 'c']],
    [['a', 'b', 'c'], 'x', 1, ['a', 'b', 'c']],
  ] as const)('%j moving %s by %i: %j', (ids, id, step, expected) => {
    expect(moveStep(ids, id, step)).toEqual(expected);
  });
});
