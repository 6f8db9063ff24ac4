/**
 * The workspace's dictionary import and export page (/workspace/dictionary-exchange) as the
 * built site serves it, posted without JavaScript through the shared file-import form, in
 * front of a loopback API: the chosen file's bytes go to the API as they are, its name,
 * the status and the preview choice as the query; the report lists every entry's outcome
 * and reasons; a missing file is said beside the field; the export links are the API's.
 */
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSite, type RunningSite } from '../support/site.ts';
import { htmlErrors, type SavedPage } from '../e2e/vnu.ts';

const PUBLIC_URL = 'http://127.0.0.1:1';
const LIFT = '<?xml version="1.0" encoding="UTF-8"?><lift version="0.15"/>';
const account = { id: 'u-1', email: 'a@example.org', name: 'Thạch Sô Phal', language: 'vi', status: 'active', roles: ['archivist'], memberships: [], secondFactor: false, createdAt: '2026-01-01T00:00:00.000Z', lastLoginAt: null };
const report = {
  format: 'lift', dryRun: true, entries: 2, invalid: 1, written: 0,
  rows: [
    { line: 1, entryId: 'ghe-ngo', headword: 'ទូកង', outcome: 'new', errors: [], warnings: ['field "literal-meaning": not a part of Disan\'s entries, not imported'], audio: [] },
    { line: 2, outcome: 'invalid', errors: ['sense: the entry has no sense (a gloss or a definition)'], warnings: [], audio: [] },
  ],
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
      if (req.url?.startsWith('/api/workspace/dictionary/import?') && req.method === 'POST') {
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

describe('the dictionary exchange page', () => {
  it('offers the form and the three export links', async () => {
    const response = await fetch(`${site.url}/zh/workspace/dictionary-exchange`, { headers: { cookie: 'disan_session=archivist' } });
    const html = await response.text();
    expect(response.status).toBe(200);
    expect(html).toContain('词典导入与导出');
    for (const format of ['lift', 'csv', 'xlsx']) expect(html).toContain(`href="/api/workspace/dictionary/export?format=${format}"`);
    saved.push({ name: 'zh-form.html', html });
  });

  it('sends the chosen file as it is for a preview, and shows every entry with its reasons', async () => {
    const form = new FormData();
    form.append('csrf', 't');
    form.append('file', new File([LIFT], 'fieldworks.lift', { type: 'application/octet-stream' }));
    form.append('mode', 'preview');
    form.append('status', 'in-review');
    const response = await post('/en/workspace/dictionary-exchange', form);
    const html = await response.text();
    expect(response.status, html.slice(0, 300)).toBe(200);
    expect(sent.at(-1)?.url).toBe('/api/workspace/dictionary/import?name=fieldworks.lift&status=in-review&dryRun=true');
    expect(sent.at(-1)?.headers).toMatchObject({ 'content-type': 'application/xml', 'x-csrf-token': 't' });
    expect(sent.at(-1)?.body).toBe(LIFT);
    expect(html).toContain('Preview: nothing has been written');
    expect(html).toContain('2 entries: 1 new, 0 changed, 0 unchanged, 1 refused, 0 skipped.');
    expect(html).toContain('sense: the entry has no sense (a gloss or a definition)');
    saved.push({ name: 'en-preview.html', html });
  });

  it('says a missing file beside the field, and asks nothing of the API', async () => {
    const before = sent.length;
    const form = new FormData();
    form.append('csrf', 't');
    form.append('file', new File([], ''));
    const response = await post('/km/workspace/dictionary-exchange', form);
    const html = await response.text();
    expect(response.status).toBe(422);
    expect(sent.length).toBe(before);
    expect(html).toMatch(/<p class="field-error" id="f-file-error">សូមជ្រើសរើសឯកសារវចនានុក្រមមួយ។<\/p>/);
    saved.push({ name: 'km-missing.html', html });
    expect(await htmlErrors(saved)).toEqual([]);
  }, 120_000);
});
