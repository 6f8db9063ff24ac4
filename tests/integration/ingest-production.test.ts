import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openArchive, type Archive } from '../../ingest/src/archive.ts';
import { loadConfig } from '../../ingest/src/config.ts';
import { PUBLIC, searchScopeFor } from '../../ingest/src/access/index.ts';
import { ingest } from '../../ingest/src/pipeline/run-ingest.ts';
import { startPostgres, type TestPostgres } from '../support/postgres.ts';
import { startS3Server, type TestS3Server } from '../support/s3-server.ts';
import { SAMPLE_FILES, SAMPLES } from '../support/samples.ts';


/**
 * The production shape, configured only through environment variables: the
 * catalog on a real PostgreSQL server and the media over the S3 protocol (s3rver
 * on loopback stands in for MinIO). Meilisearch cannot run here, so search is the
 * embedded engine; its contract suite covers Meilisearch when MEILI_URL is set.
 */
describe('ingest on PostgreSQL and S3', () => {
  let postgres: TestPostgres;
  let s3: TestS3Server;
  let dataDir: string;
  let archive: Archive;

  beforeAll(async () => {
    [postgres, s3] = await Promise.all([startPostgres(), startS3Server('disan-production-test')]);
    dataDir = await mkdtemp(join(tmpdir(), 'disan-prod-'));
    archive = await openArchive(
      loadConfig({
        DISAN_DATA_DIR: dataDir,
        DATABASE_URL: postgres.url,
        DISAN_STORAGE: 's3',
        S3_ENDPOINT: s3.endpoint,
        S3_BUCKET: s3.bucket,
        S3_ACCESS_KEY_ID: s3.accessKeyId,
        S3_SECRET_ACCESS_KEY: s3.secretAccessKey,
      }),
    );
  }, 120_000);

  afterAll(async () => {
    await archive.close();
    await Promise.all([postgres.close(), s3.close()]);
    await rm(dataDir, { recursive: true, force: true });
  });

  it('ingests the samples with originals and renditions in the bucket and records in PostgreSQL', async () => {
    expect(archive.db.driver).toBe('postgres');
    expect(archive.storage.kind).toBe('s3');
    const report = await ingest(archive, { inputs: [SAMPLES] });
    expect(report.failures).toEqual([]);
    expect(report.outcomes.ingested).toBe(SAMPLE_FILES.length);

    const keys: string[] = [];
    for await (const object of archive.storage.list('')) keys.push(object.key);
    expect(keys.filter((k) => k.startsWith('originals/'))).toHaveLength(SAMPLE_FILES.length);
    const ready = await archive.catalog.media.listByStatus('ready');
    expect(ready).toHaveLength(SAMPLE_FILES.length);
    const derivativeKeys = ready.flatMap((m) => m.derivatives.map((d) => d.key));
    expect(keys.filter((k) => k.startsWith('derivatives/')).sort()).toEqual([...new Set(derivativeKeys)].sort());
    const result = await archive.search.search({ q: 'le hoi dua ghe ngo' }, searchScopeFor(PUBLIC));
    // The festival's own record first; sample reports that mention the race follow it.
    expect(result.hits[0]?.id).toBe('dua-ghe-ngo-soc-trang');
  });

  it('skips everything when run again', async () => {
    const again = await ingest(archive, { inputs: [SAMPLES] });
    expect(again.outcomes).toMatchObject({ ingested: 0, skipped: SAMPLE_FILES.length, failed: 0 });
  });
});
