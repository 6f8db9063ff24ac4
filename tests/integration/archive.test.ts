import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importRecords, openArchive } from '@disan/ingest';
import { loadConfig } from '@disan/ingest/config';

const SAMPLES = join(import.meta.dirname, '..', '..', 'media-samples');
const RECORDS = join(SAMPLES, 'records.jsonl');
// The sample records name the inventory elements they document: those come first.
const ELEMENTS = join(SAMPLES, 'inventory', 'elements.jsonl');

/** The search index is derived data: lose it, and opening the archive rebuilds it from the catalog. */
describe('opening an archive whose search index is gone', () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'disan-archive-'));
  });
  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it('rebuilds the index from the catalog, once', async () => {
    const config = loadConfig({ DISAN_DATA_DIR: dataDir });
    const first = await openArchive(config);
    expect(first.reindexedAtOpen).toBe(0);
    const elements = (await importRecords(first, ELEMENTS)).created;
    expect(elements).toBeGreaterThan(0);
    expect((await importRecords(first, RECORDS)).created).toBe(5);
    await first.close();

    await rm(config.search.driver === 'embedded' ? config.search.file : '', { force: true });
    const second = await openArchive(config);
    expect(second.reindexedAtOpen).toBe(elements + 5);
    expect((await second.search.search({ q: 'kate' })).hits.map((h) => h.id)).toEqual(['kate-cham']);
    await second.close();

    const third = await openArchive(config);
    expect(third.reindexedAtOpen).toBe(0);
    await third.close();
  });
});
