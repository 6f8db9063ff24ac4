import { copyFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Archive, importRecords, type ImportReport } from '@disan/ingest';
import { temporaryArchive } from '../support/archive.ts';

const SAMPLES = join(import.meta.dirname, '..', '..', 'media-samples');

const line = (id: string, extra: Record<string, unknown> = {}) =>
  JSON.stringify({ id, kind: 'festival', ethnicGroups: ['hoa'], title: [{ lang: 'vi', value: `Bản ghi ${id}` }], status: 'published', access: { level: 'public' }, ...extra });

/** Records from another system, some naming their files, through `disan import`. */
describe('disan import with media', () => {
  let archive: Archive;
  let dispose: () => Promise<void>;
  let folder: string;
  let report: ImportReport;

  beforeAll(async () => {
    ({ archive, dispose } = await temporaryArchive());
    folder = await mkdtemp(join(tmpdir(), 'disan-import-'));
    await mkdir(join(folder, 'photos'));
    await copyFile(join(SAMPLES, 'hoa', 'thien-hau.jpg'), join(folder, 'photos', 'thien-hau.jpg'));
    await copyFile(join(SAMPLES, 'hoa', 'ong-bon.jpg'), join(folder, 'photos', 'ong-bon.jpg'));
    await writeFile(
      join(folder, 'records.jsonl'),
      [
        line('with-two-files', { media: [{ file: 'photos/thien-hau.jpg', caption: 'Rước kiệu' }, { file: 'photos/ong-bon.jpg' }] }),
        line('escaping-file', { media: [{ file: '../../etc/passwd' }] }),
        line('missing-file', { media: [{ file: 'photos/nope.jpg' }] }),
        line('bad-media-shape', { media: 'photos/thien-hau.jpg' }),
        line('no-files'),
        line('recording-without-speaker', { media: [{ file: 'photos/thien-hau.jpg', recording: { consent: { given: true } } }] }),
      ].join('\n'),
    );
    report = await importRecords(archive, join(folder, 'records.jsonl'));
  });

  afterAll(async () => {
    await dispose();
    await rm(folder, { recursive: true, force: true });
  });

  it('imports the good records and refuses the lines whose files are unsafe, missing or malformed', () => {
    expect(report.created).toBe(2);
    expect(report.failures).toEqual([
      { line: 2, reason: expect.stringMatching(/outside the folder/) as unknown },
      { line: 3, reason: expect.stringMatching(/does not exist/) as unknown },
      { line: 4, reason: expect.stringMatching(/media must be a list/) as unknown },
      { line: 6, reason: expect.stringMatching(/media\[0\]\/recording.*speaker/) as unknown },
    ]);
  });

  it('runs the named files through the image pipeline, attached to their record in order', async () => {
    expect(report.media?.outcomes.ingested).toBe(2);
    const media = await archive.catalog.media.listForItem('with-two-files');
    expect(media.map((m) => [m.originalName, m.status, m.caption])).toEqual([
      ['photos/thien-hau.jpg', 'ready', 'Rước kiệu'],
      ['photos/ong-bon.jpg', 'ready', undefined],
    ]);
    const hit = (await archive.search.search({ q: 'ban ghi with two files' })).hits[0];
    expect(hit?.thumbnail).toBe(`${media[0]!.id}/thumb`);
  });

  it('creates no stray items for the files', async () => {
    expect(await archive.catalog.items.count()).toBe(2);
  });
});
