import { execFile } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Archive, searchArchive } from '@disan/ingest';
import { SYSTEM, type Viewer } from '@disan/ingest/access';
import { importMarcFile, iso2709, toMarcRecord } from '@disan/ingest/library';
import { temporaryArchive } from '../support/archive.ts';
import { buildApp } from '../../api/src/app.ts';
import type { MarcImportReport } from '@disan/schemas';

const ROOT = join(import.meta.dirname, '..', '..');
const FIXTURES = join(ROOT, '..', 'shared', 'fixtures', 'marc');
const researcher: Viewer = { kind: 'user', id: 'r1', roles: ['researcher'], communities: [] };
const archivist: Viewer = { kind: 'user', id: 'a1', roles: ['archivist'], communities: [] };
const reviewer: Viewer = { kind: 'user', id: 'v1', roles: ['reviewer'], communities: [] };

/** The MARC import through the workspace engine, with the real records of other libraries. */
describe('importing MARC files', () => {
  let archive: Archive;
  let dispose: () => Promise<void>;
  beforeAll(async () => {
    ({ archive, dispose } = await temporaryArchive());
  });
  afterAll(async () => dispose());

  it('imports every record of the shared fixtures or refuses it with a reason, and a second import changes nothing', async () => {
    const names = readdirSync(FIXTURES).filter((name) => /\.(mrc|xml)$/.test(name));
    let created = 0;
    const refusals: string[] = [];
    for (const name of names) {
      const report = await importMarcFile(archive, archivist, readFileSync(join(FIXTURES, name)), name, { collection: 'marc-fixtures' });
      created += report.created;
      for (const record of report.records.filter((entry) => entry.outcome === 'refused')) refusals.push(`${name}#${record.position} ${record.controlNumber ?? ''}: ${record.reason ?? ''}`);
    }
    expect(created).toBe(14);
    expect(refusals).toHaveLength(2);
    for (const refusal of refusals) expect(refusal).toMatch(/MARC-8 \(leader\/09 blank\) with characters beyond ASCII/);
    const again = await importMarcFile(archive, archivist, readFileSync(join(FIXTURES, 'pymarc_batch.xml')), 'pymarc_batch.xml');
    expect([again.created, again.updated, again.unchanged]).toEqual([0, 0, 2]);
  });

  it('makes imported records searchable by staff, with a version and the origin kept', async () => {
    const found = await searchArchive(archive, { q: '茶書' }, SYSTEM);
    expect(found.hits.map((hit) => hit.id)).toHaveLength(1);
    const head = await archive.workspace.get(SYSTEM, found.hits[0]!.id);
    expect(head?.version).toBe(1);
    expect(head?.item.status).toBe('draft');
    expect(head?.item.library?.origin).toMatchObject({ protocol: 'marc', source: 'openlibrary_880_Nihon_no_chasho.mrc' });
    expect(head?.item.collections).toEqual(['marc-fixtures']);
    expect((await searchArchive(archive, { q: '茶書' }, researcher)).hits).toHaveLength(0);
  });

  it('writes a new version of the same record when a corrected file comes again, and submits for review when asked', async () => {
    const now = '2026-01-01T00:00:00.000Z';
    const item = { id: 'ok-om-bok-report', kind: 'report' as const, ethnicGroups: ['khmer' as const], title: [{ lang: 'vi', value: 'Báo cáo lễ hội Ok Om Bok' }, { lang: 'km', value: 'របាយការណ៍ពិធីបុណ្យអកអំបុក' }], languages: ['vi'], status: 'published' as const, access: { level: 'public' as const }, version: 1, createdAt: now, updatedAt: now };
    const first = await importMarcFile(archive, archivist, iso2709([toMarcRecord(item)]), 'bao-cao.mrc', { status: 'in-review' });
    expect(first.created).toBe(1);
    const corrected = { ...item, title: [{ lang: 'vi', value: 'Báo cáo lễ hội Ok Om Bok năm 2025' }, ...item.title.slice(1)] };
    // A record in review is the reviewers' to change: the archivist's re-import is refused, with the reason.
    const refused = await importMarcFile(archive, archivist, iso2709([toMarcRecord(corrected)]), 'bao-cao.mrc', { status: 'in-review' });
    expect(refused.records.map((record) => record.outcome)).toEqual(['refused']);
    expect(refused.records[0]?.reason).toMatch(/while it is in-review/);
    const second = await importMarcFile(archive, reviewer, iso2709([toMarcRecord(corrected)]), 'bao-cao.mrc', { status: 'in-review' });
    expect(second.records).toEqual([expect.objectContaining({ outcome: 'updated' })]);
    const id = second.records[0]!.itemId!;
    const head = await archive.workspace.get(SYSTEM, id);
    expect(head?.item.title[0]?.value).toBe('Báo cáo lễ hội Ok Om Bok năm 2025');
    expect(head?.item.title[1]?.value).toBe('របាយការណ៍ពិធីបុណ្យអកអំបុក');
    expect(head?.item.status).toBe('in-review');
    expect((await archive.workspace.versions(SYSTEM, id))?.versions.length).toBeGreaterThanOrEqual(3);
  });

  it('refuses a viewer without the right to create records', async () => {
    await expect(importMarcFile(archive, researcher, readFileSync(join(FIXTURES, 'pymarc_batch.xml')), 'pymarc_batch.xml')).rejects.toThrow(/right to create records/);
  });
});

describe('POST /api/workspace/library/marc', () => {
  const OPERATOR = 'marc-operator-token-0123456789abcdef';
  it('imports the file sent as the body for staff, and is a missing route for the public', async () => {
    const { archive, dispose } = await temporaryArchive({ LOG_LEVEL: 'silent', DISAN_OPERATOR_TOKEN: OPERATOR });
    const app = await buildApp({ archive, config: archive.config, logger: false });
    try {
      const payload = readFileSync(join(FIXTURES, 'mod-reservoir_marc3.mrc'));
      const url = '/api/workspace/library/marc?name=marc3.mrc&status=draft';
      const refused = await app.inject({ method: 'POST', url, payload, headers: { 'content-type': 'application/marc' } });
      expect(refused.statusCode).toBe(404);
      const answer = await app.inject({ method: 'POST', url, payload, headers: { 'content-type': 'application/marc', authorization: `Bearer ${OPERATOR}` } });
      expect(answer.statusCode).toBe(200);
      const report = answer.json<MarcImportReport>();
      expect([report.format, report.created, report.refused]).toEqual(['iso2709', 2, 1]);
      expect(report.records[2]).toMatchObject({ position: 3, controlNumber: '77123332', outcome: 'refused' });
      const notMarc = await app.inject({ method: 'POST', url, payload: 'title,author\n', headers: { 'content-type': 'application/octet-stream', authorization: `Bearer ${OPERATOR}` } });
      expect(notMarc.statusCode).toBe(400);
      expect(notMarc.json<{ error: { message: string } }>().error.message).toMatch(/neither MARCXML/);
    } finally {
      await app.close();
      await dispose();
    }
  });
});

describe('disan import-marc', () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'disan-marc-cli-'));
  });
  afterAll(async () => rm(dataDir, { recursive: true, force: true }));
  const disan = async (...args: string[]) => {
    try {
      const { stdout } = await promisify(execFile)(process.execPath, ['--no-warnings', join(ROOT, 'ingest', 'bin', 'disan.js'), ...args], { cwd: ROOT, env: { ...process.env, DISAN_DATA_DIR: dataDir } });
      return { code: 0, stdout };
    } catch (error) {
      const failed = error as { code: number; stdout: string; stderr: string };
      return { code: failed.code, stdout: `${failed.stdout}${failed.stderr}` };
    }
  };

  // One run: opening a fresh archive in a new process is the slow part on a busy machine.
  it('reports the counts and names each refused record, with exit code 1 when some were refused', { timeout: 240_000 }, async () => {
    const mixed = await disan('import-marc', join(FIXTURES, 'mod-reservoir_marc3.mrc'), '--status', 'in-review');
    expect(mixed.code).toBe(1);
    expect(mixed.stdout).toContain('read 3 ISO 2709 records: 2 new, 0 updated, 0 unchanged, 1 refused');
    expect(mixed.stdout).toContain('record 3 (001 77123332): it is encoded in MARC-8');
  });
});
