import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { searchArchive, type Archive } from '@disan/ingest';
import { PUBLIC, type Viewer } from '@disan/ingest/access';
import { atGranularity, createHarvestStore, harvestedItemId, runHarvest, scheduleSlot } from '@disan/ingest/library';
import { createJobHandlers, type Job, type JobPayloads } from '@disan/ingest/jobs';
import { temporaryArchive } from '../support/archive.ts';

const FIXTURES = '/work/shared/fixtures/oai';
const IDENTIFY = readFileSync(`${FIXTURES}/dspace-erasmus_Identify.xml`, 'utf8');
const LIST = readFileSync(`${FIXTURES}/dspace-erasmus_ListRecords-oai_dc.xml`, 'utf8');
const NO_RECORDS = readFileSync(`${FIXTURES}/pod-stanford_error-noRecordsMatch.xml`, 'utf8');

/** DSpace's recorded list, with the first record deleted (status="deleted", no metadata) and its datestamp moved on. */
const LIST_WITH_DELETION = LIST.replace(
  /<record><header><identifier>hdl:1765\/308<\/identifier><datestamp>[^<]+<\/datestamp>([\s\S]*?)<\/header><metadata>[\s\S]*?<\/metadata><\/record>/,
  '<record><header status="deleted"><identifier>hdl:1765/308</identifier><datestamp>2003-05-01T00:00:00Z</datestamp>$1</header></record>',
);
/** One record's title changed and its datestamp moved: an edit at the source. */
const LIST_WITH_EDIT = LIST.replace(
  /(<identifier>hdl:1765\/315<\/identifier><datestamp>)[^<]+(<\/datestamp>[\s\S]*?<dc:title>)[^<]+/,
  '$12003-05-02T00:00:00Z$2Harvested twice: the edited title',
);

const archivist: Viewer = { kind: 'user', id: 'arch-h', roles: ['archivist'], communities: [] };

describe('harvesting an OAI-PMH repository into library records', () => {
  let archive: Archive;
  let dispose: () => Promise<void>;
  let server: Server;
  let baseUrl: string;
  let answer = LIST;
  const requests: URLSearchParams[] = [];
  let sourceId: string;

  beforeAll(async () => {
    ({ archive, dispose } = await temporaryArchive());
    server = createServer((request, response) => {
      const params = new URL(request.url ?? '/', 'http://localhost').searchParams;
      requests.push(params);
      response.writeHead(200, { 'content-type': 'text/xml' });
      response.end(params.get('verb') === 'Identify' ? IDENTIFY : answer);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/oai`;
    sourceId = (await createHarvestStore(archive.db).findOrCreate({ baseUrl, metadataPrefix: 'oai_dc' }, 'system')).id;
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => { resolve(); }));
    await dispose();
  });

  const harvest = () => runHarvest(archive, sourceId, { trigger: 'command', client: { delayMs: 0 } });
  const idOf = (identifier: string) => harvestedItemId(baseUrl, identifier);

  it('creates every record, published and public, with its provenance, and finds it in search', async () => {
    const summary = await harvest();
    expect(summary.error).toBeUndefined();
    expect(summary.counts).toEqual({ pages: 1, created: 16, updated: 0, unchanged: 0, deleted: 0, refused: 0 });
    expect(requests.map((params) => params.get('verb'))).toEqual(['ListRecords']);
    const record = await archive.workspace.get(archivist, idOf('hdl:1765/315'));
    expect(record?.faceStatus).toBe('published');
    expect(record?.item.access).toEqual({ level: 'public' });
    expect(record?.item.library?.origin).toEqual({ protocol: 'oai-pmh', source: baseUrl, identifier: 'hdl:1765/315', datestamp: '2003-04-22T13:13:44Z', metadataPrefix: 'oai_dc' });
    const hits = await searchArchive(archive, { q: 'women\'s movement online' }, PUBLIC);
    expect(hits.hits.map((hit) => hit.id)).toContain(idOf('hdl:1765/315'));
    const versions = await archive.workspace.versions(archivist, idOf('hdl:1765/315'));
    expect(versions?.versions.map((version) => version.action)).toEqual(['publish', 'create']);
  });

  it('runs again from the highest datestamp, at the server\'s granularity, and writes nothing unchanged', async () => {
    requests.length = 0;
    const summary = await harvest();
    expect(summary.from).toBe('2003-04-29T15:57:01Z');
    expect(requests.map((params) => params.get('verb'))).toEqual(['Identify', 'ListRecords']);
    expect(requests[1]?.get('from')).toBe('2003-04-29T15:57:01Z');
    expect(summary.counts).toMatchObject({ created: 0, updated: 0, unchanged: 16, refused: 0 });
    // A day-granular repository refuses a time in `from`.
    expect(atGranularity('2003-04-29T15:57:01Z', 'YYYY-MM-DD')).toBe('2003-04-29');
  });

  it('updates a record edited at the source as a new published version', async () => {
    answer = LIST_WITH_EDIT;
    const summary = await harvest();
    expect(summary.counts).toMatchObject({ created: 0, updated: 1, unchanged: 15 });
    const record = await archive.workspace.get(archivist, idOf('hdl:1765/315'));
    expect(record?.item.title[0]?.value).toBe('Harvested twice: the edited title');
    expect(record?.faceStatus).toBe('published');
    expect(record?.inRevision).toBe(false);
  });

  it('withdraws a record deleted at the source, with a tombstone naming the source', async () => {
    answer = LIST_WITH_DELETION;
    const summary = await harvest();
    expect(summary.counts).toMatchObject({ deleted: 1 });
    const record = await archive.workspace.get(archivist, idOf('hdl:1765/308'));
    expect(record?.faceStatus).toBe('withdrawn');
    expect(record?.withdrawal?.reason).toContain(baseUrl);
    expect((await searchArchive(archive, { q: 'neuro imaging marketing' }, PUBLIC)).hits.map((hit) => hit.id)).not.toContain(idOf('hdl:1765/308'));
  });

  it('does not overwrite a record someone edited in the workspace, and says so', async () => {
    const id = idOf('hdl:1765/315');
    const current = (await archive.workspace.get(archivist, id))!;
    const { status: _status, ...draft } = current.item;
    await archive.workspace.save(archivist, id, { ...draft, description: [{ lang: 'en', value: 'A local note' }] }, { ifMatch: current.version });
    answer = LIST_WITH_EDIT.replace('2003-05-02T00:00:00Z', '2003-06-01T00:00:00Z');
    const summary = await harvest();
    expect(summary.counts.refused).toBe(1);
    expect(summary.refusals[0]).toEqual({ identifier: 'hdl:1765/315', reason: expect.stringMatching(/edited in the workspace/) as unknown });
  });

  it('treats noRecordsMatch as an empty run that keeps the datestamp', async () => {
    answer = NO_RECORDS;
    const before = await createHarvestStore(archive.db).get(sourceId);
    const summary = await harvest();
    expect(summary.error).toBeUndefined();
    expect(summary.counts).toMatchObject({ pages: 0, created: 0 });
    expect((await createHarvestStore(archive.db).get(sourceId))?.lastDatestamp).toBe(before?.lastDatestamp);
  });

  it('records every run with its counts and refusals', async () => {
    const runs = await createHarvestStore(archive.db).runs(sourceId);
    expect(runs).toHaveLength(6);
    expect(runs.every((run) => run.status === 'done' && run.trigger === 'command')).toBe(true);
    expect(runs.at(-1)?.counts.created).toBe(16);
    expect(runs[1]?.refusals).toHaveLength(1);
  });

  it('reports a repository that fails on the run and on the source', async () => {
    answer = '<html>down for maintenance</html>';
    const summary = await harvest();
    expect(summary.error).toMatch(/did not answer OAI-PMH/);
    const [source] = await createHarvestStore(archive.db).list();
    expect(source?.lastError).toMatch(/did not answer OAI-PMH/);
    expect(source?.lastRun?.status).toBe('failed');
  });

  it('queues due sources once however often the schedule runs, and a queued run harvests the source', async () => {
    answer = LIST;
    const store = createHarvestStore(archive.db);
    const scheduled = await store.create({ baseUrl: `${baseUrl}/scheduled`, metadataPrefix: 'oai_dc', intervalHours: 24, enabled: true, recordStatus: 'draft' }, 'user:admin-1');
    const handlers = createJobHandlers(archive);
    /** A handler called as the worker calls it, with the job it belongs to. */
    const runJob = <T extends 'harvest.schedule' | 'harvest.run'>(type: T, payload: JobPayloads[T]) => {
      const now = new Date().toISOString();
      const job: Job<T> = { id: type, type, payload, status: 'running', priority: 0, attempts: 1, maxAttempts: 1, runAfter: now, lockedBy: null, lockedUntil: null, lastError: null, createdAt: now, updatedAt: now, finishedAt: null };
      return handlers[type](payload, job);
    };
    const slot = scheduleSlot(new Date('2026-12-02T18:14:59Z'));
    expect(slot).toBe('2026-12-02T18:00');
    expect(await runJob('harvest.schedule', { slot })).toEqual({ status: 'done' });
    expect(await runJob('harvest.schedule', { slot })).toEqual({ status: 'done' });
    const queued = (await archive.db.query<{ id: string }>(`SELECT id FROM jobs WHERE type = 'harvest.run' AND status = 'queued'`)).map((row) => row.id);
    expect(queued).toEqual([`harvest.run:${scheduled}:first`]);
    expect(await runJob('harvest.run', { sourceId: scheduled, trigger: 'schedule' })).toEqual({ status: 'done' });
    const [run] = await store.runs(scheduled);
    expect(run).toMatchObject({ trigger: 'schedule', status: 'done', counts: { created: 16 } });
    // The source asks for drafts: a reviewer publishes them.
    expect((await archive.workspace.get(archivist, harvestedItemId(`${baseUrl}/scheduled`, 'hdl:1765/315')))?.faceStatus).toBe('draft');
    // Just run: not due again until its interval has passed.
    expect((await store.due()).map((source) => source.id)).not.toContain(scheduled);
  });
});
