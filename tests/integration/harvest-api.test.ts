import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HarvestRunQueued, HarvestSource } from '@disan/schemas';
import type { Archive } from '@disan/ingest';
import { buildApp } from '../../api/src/app.ts';
import { temporaryArchive } from '../support/archive.ts';

const OPERATOR_TOKEN = 'harvest-operator-token-0123456789abcdef';
const operator = { authorization: `Bearer ${OPERATOR_TOKEN}` };

/** /api/harvest-sources: an admin's schedule of OAI-PMH repositories (the access matrix checks who). */
describe('harvest sources over the API', () => {
  let archive: Archive;
  let dispose: () => Promise<void>;
  let app: FastifyInstance;
  let source: HarvestSource;

  beforeAll(async () => {
    ({ archive, dispose } = await temporaryArchive({ LOG_LEVEL: 'silent', DISAN_OPERATOR_TOKEN: OPERATOR_TOKEN }));
    app = await buildApp({ archive, config: archive.config, logger: false });
  });
  afterAll(async () => {
    await app.close();
    await dispose();
  });

  it('creates a source with the defaults an admin expects: daily, enabled, records published', async () => {
    const response = await app.inject({ method: 'POST', url: '/api/harvest-sources', headers: operator, payload: { baseUrl: 'https://library.example.org/oai', set: 'ethnic:khmer' } });
    expect(response.statusCode).toBe(201);
    source = response.json<HarvestSource>();
    expect(source).toMatchObject({ baseUrl: 'https://library.example.org/oai', metadataPrefix: 'oai_dc', set: 'ethnic:khmer', intervalHours: 24, enabled: true, recordStatus: 'published', records: 0, running: false });
    const again = await app.inject({ method: 'POST', url: '/api/harvest-sources', headers: operator, payload: { baseUrl: 'https://library.example.org/oai', set: 'ethnic:khmer' } });
    expect(again.statusCode).toBe(409);
  });

  it('refuses a base URL with a query string or another scheme', async () => {
    for (const baseUrl of ['https://x.example/oai?verb=Identify', 'ftp://x.example/oai']) {
      expect((await app.inject({ method: 'POST', url: '/api/harvest-sources', headers: operator, payload: { baseUrl } })).statusCode).toBe(400);
    }
  });

  it('changes a source, removes its set, and lists it', async () => {
    const response = await app.inject({ method: 'PATCH', url: `/api/harvest-sources/${source.id}`, headers: operator, payload: { set: null, intervalHours: 6, recordStatus: 'draft' } });
    expect(response.statusCode).toBe(200);
    expect(response.json<HarvestSource>()).toMatchObject({ intervalHours: 6, recordStatus: 'draft' });
    expect(response.json<HarvestSource>().set).toBeUndefined();
    const list = (await app.inject({ url: '/api/harvest-sources', headers: operator })).json<{ sources: HarvestSource[] }>();
    expect(list.sources.map((s) => s.id)).toEqual([source.id]);
  });

  it('queues a run now, once however often it is asked, and lists no run before it ran', async () => {
    const first = await app.inject({ method: 'POST', url: `/api/harvest-sources/${source.id}/run`, headers: operator });
    expect(first.statusCode).toBe(202);
    expect(first.json<HarvestRunQueued>()).toEqual({ jobId: `harvest.run:${source.id}:first`, created: true });
    const second = await app.inject({ method: 'POST', url: `/api/harvest-sources/${source.id}/run`, headers: operator });
    expect(second.json<HarvestRunQueued>().created).toBe(false);
    const runs = await app.inject({ url: `/api/harvest-sources/${source.id}/runs`, headers: operator });
    expect(runs.json()).toEqual({ runs: [] });
  });

  it('hides the runs from anyone who does not manage harvest sources, and audits the changes', async () => {
    expect((await app.inject({ url: `/api/harvest-sources/${source.id}/runs` })).statusCode).toBe(404);
    const actions = (await archive.db.query<{ action: string }>(`SELECT action FROM audit_log WHERE action LIKE 'harvest-source.%' ORDER BY id`)).map((row) => row.action);
    expect(actions).toEqual(['harvest-source.create', 'harvest-source.update']);
  });

  it('deletes a source', async () => {
    expect((await app.inject({ method: 'DELETE', url: `/api/harvest-sources/${source.id}`, headers: operator })).statusCode).toBe(204);
    expect((await app.inject({ method: 'DELETE', url: `/api/harvest-sources/${source.id}`, headers: operator })).statusCode).toBe(404);
  });
});
