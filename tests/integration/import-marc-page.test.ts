/**
 * The workspace's MARC import page (/workspace/import-marc) as the built site serves it,
 * posted without JavaScript through the shared file-import form, in front of a loopback
 * API: the chosen file's bytes go to the API as they are, with the options as its query;
 * the report shows the counts and each refusal; a missing file is said beside the field.
 */
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSite, type RunningSite } from '../support/site.ts';
import { htmlErrors, type SavedPage } from '../e2e/vnu.ts';

const PUBLIC_URL = 'http://127.0.0.1:1';
const MARCXML = '<?xml version="1.0" encoding="UTF-8"?><collection xmlns="http://www.loc.gov/MARC21/slim"><record><leader>00000nam a2200000 a 4500</leader></record></collection>';
const account = { id: 'u-1', email: 'a@example.org', name: 'Thạch Sô Phal', language: 'vi', status: 'active', roles: ['archivist'], memberships: [], secondFactor: false, createdAt: '2026-01-01T00:00:00.000Z', lastLoginAt: null };
const report = {
  name: 'koha.xml', format: 'marcxml', created: 1, updated: 0, unchanged: 0, refused: 1,
  records: [{ position: 1, controlNumber: 'KH-1', itemId: 'sach-koha', title: 'Sách Koha', outcome: 'created' }, { position: 2, controlNumber: 'KH-2', outcome: 'refused', reason: 'MARC-8 record; convert it with yaz-marcdump' }],
};

let api: Server;
let site: RunningSite;
const sent: { url: string; headers: IncomingHttpHeaders; body: string }[] = [];
const saved: SavedPage[] = [];

beforeAll(async () => {
  api = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const json = (status: number, body: unknown) => res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
      if (req.url === '/api/auth/session') return json(200, { account, csrfToken: 't' });
      if (req.url?.startsWith('/api/workspace/library/marc?') && req.method === 'POST') {
        sent.push({ url: req.url, headers: req.headers, body: Buffer.concat(chunks).toString() });
        return json(200, report);
      }
      json(404, { error: { status: 404, code: 'not_found', message: 'not found', requestId: 'r' } });
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

const post = (path: string, body: FormData) =>
  fetch(`${site.url}${path}`, { method: 'POST', redirect: 'manual', headers: { cookie: 'disan_session=archivist', origin: PUBLIC_URL, 'sec-fetch-site': 'same-origin' }, body });

describe('the MARC import page', () => {
  it('sends the chosen file as it is, with its options, and shows the counts and each refusal', async () => {
    const form = new FormData();
    form.append('csrf', 't');
    form.append('file', new File([MARCXML], 'koha.xml', { type: 'text/xml' }));
    form.append('status', 'in-review');
    form.append('collection', ' sach-thu-vien ');
    const response = await post('/en/workspace/import-marc', form);
    const html = await response.text();
    expect(response.status, html.slice(0, 300)).toBe(200);
    expect(sent.at(-1)?.url).toBe('/api/workspace/library/marc?status=in-review&name=koha.xml&collection=sach-thu-vien');
    expect(sent.at(-1)?.headers).toMatchObject({ 'content-type': 'application/marcxml+xml', 'x-csrf-token': 't' });
    expect(sent.at(-1)?.body).toBe(MARCXML);
    expect(html).toContain('1 new, 0 updated, 0 unchanged, 1 refused.');
    expect(html).toContain('MARC-8 record; convert it with yaz-marcdump');
    saved.push({ name: 'en-report.html', html });
  });

  it('says a missing file beside the field and in the summary, and asks nothing of the API', async () => {
    const before = sent.length;
    const form = new FormData();
    form.append('csrf', 't');
    form.append('file', new File([], ''));
    const response = await post('/km/workspace/import-marc', form);
    const html = await response.text();
    expect(response.status).toBe(422);
    expect(sent.length).toBe(before);
    expect(html).toContain('data-testid="error-summary"');
    expect(html).toMatch(/<p class="field-error" id="f-file-error">សូមជ្រើសឯកសារ MARC។<\/p>/);
    expect(html).toMatch(/<input id="f-file"[^>]*aria-invalid="true"[^>]*aria-describedby="f-file-error"/);
    saved.push({ name: 'km-missing.html', html });
    expect(await htmlErrors(saved)).toEqual([]);
  }, 120_000);
});
