import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { citationClient, referencesFor, type CitationClient } from './citation-client.ts';
import { createTransport } from './transport.ts';

const apa = { style: 'apa', label: 'APA 7', text: 'Lâm, S. (2024). Báo cáo.', html: '<div class="csl-entry">Lâm, S. (2024). <i>Báo cáo</i>.</div>' };

// A loopback server standing in for GET /api/items/:id/citations: it records what reached it.
describe('the citation client', () => {
  let server: Server;
  let baseUrl = '';
  const seen: { url: string; cookie: string | undefined }[] = [];
  beforeAll(async () => {
    server = createServer((req, res) => {
      seen.push({ url: req.url ?? '', cookie: req.headers.cookie });
      const body = req.url?.startsWith('/api/items/odd/') ? { styles: [{ style: 'mla' }] } : { styles: [apa] };
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  const client = () => citationClient(createTransport({ baseUrl, timeoutMs: 2000, visitor: { cookie: 'disan_session=s' } }));

  it("asks for a record's references in the page's language, as the visitor", async () => {
    await expect(client().citations('bao-cao', 'km')).resolves.toEqual({ styles: [apa] });
    expect(seen.at(-1)).toEqual({ url: '/api/items/bao-cao/citations?lang=km', cookie: 'disan_session=s' });
  });

  it('refuses an answer that is not a citation list, so the page leaves the references out', async () => {
    await expect(client().citations('odd', 'en')).rejects.toThrow();
  });

  it('gives the page its references, or null when they fail or come too late', async () => {
    await expect(referencesFor(client(), 'bao-cao', 'vi')).resolves.toEqual({ styles: [apa] });
    await expect(referencesFor(client(), 'odd', 'vi')).resolves.toBeNull();
    const slow: CitationClient = { citations: () => new Promise((resolve) => setTimeout(() => { resolve({ styles: [] }); }, 1000)) };
    const started = Date.now();
    await expect(referencesFor(slow, 'bao-cao', 'vi', 50)).resolves.toBeNull();
    expect(Date.now() - started).toBeLessThan(900);
  });
});
