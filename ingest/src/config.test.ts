import { describe, expect, it } from 'vitest';
import { CONFIG_VARIABLES, loadConfig } from './config.ts';
import { ConfigError } from './errors.ts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

describe('loadConfig', () => {
  it('defaults to the embedded mode under ./data', () => {
    const config = loadConfig({}, '/srv/disan');
    expect(config.database).toEqual({ driver: 'pglite', dir: '/srv/disan/data/catalog' });
    expect(config.storage).toEqual({ driver: 'filesystem', root: '/srv/disan/data/objects' });
    expect(config.search).toEqual({ driver: 'embedded', file: '/srv/disan/data/search.sqlite' });
  });

  it('switches each adapter to its production engine', () => {
    const config = loadConfig({
      DATABASE_URL: 'postgres://disan:pw@db:5432/disan',
      DISAN_STORAGE: 's3',
      S3_BUCKET: 'archive',
      S3_ENDPOINT: 'http://minio:9000',
      MEILI_URL: 'http://meili:7700',
    });
    expect(config.database).toEqual({ driver: 'postgres', url: 'postgres://disan:pw@db:5432/disan' });
    expect(config.storage).toMatchObject({ driver: 's3', bucket: 'archive', endpoint: 'http://minio:9000', forcePathStyle: true, region: 'us-east-1' });
    expect(config.search).toMatchObject({ driver: 'meilisearch', url: 'http://meili:7700', index: 'disan-items' });
  });

  it('gives uploads a 20 GiB quota, a 24 h expiry and 1 MiB chunks by default; 0 means no quota', () => {
    expect(loadConfig({}, '/srv/disan').uploads).toEqual({
      quotaBytes: 20 * 1024 ** 3,
      expiryMs: 24 * 3_600_000,
      chunkBytes: 1024 * 1024,
      directory: '/srv/disan/data/uploads',
      s3Prefix: 'uploads/',
      s3PartBytes: 8 * 1024 * 1024,
    });
    expect(loadConfig({ DISAN_UPLOAD_QUOTA_BYTES: '0' }).uploads.quotaBytes).toBeNull();
    // Parts large enough for the largest file to fit in S3's 10 000 parts.
    expect(loadConfig({ DISAN_MAX_FILE_BYTES: String(200 * 1024 ** 3) }).uploads.s3PartBytes * 10_000).toBeGreaterThan(200 * 1024 ** 3);
    expect(() => loadConfig({ DISAN_UPLOAD_QUOTA_BYTES: '-1', DISAN_UPLOAD_EXPIRY_HOURS: 'soon', DISAN_UPLOAD_CHUNK_BYTES: '10' })).toThrow(
      /DISAN_UPLOAD_QUOTA_BYTES[\s\S]*DISAN_UPLOAD_EXPIRY_HOURS[\s\S]*DISAN_UPLOAD_CHUNK_BYTES/,
    );
  });

  it('loads the samples on a first start unless told not to', () => {
    expect(loadConfig({}).samplesOnFirstStart).toBe(true);
    expect(loadConfig({ DISAN_SAMPLES: 'off' }).samplesOnFirstStart).toBe(false);
    expect(() => loadConfig({ DISAN_SAMPLES: 'no' })).toThrow(/DISAN_SAMPLES="no" must be "on" or "off"/);
  });

  it('lists every bad variable in one error', () => {
    let caught: unknown;
    try {
      loadConfig({ DATABASE_URL: 'mysql://x', DISAN_STORAGE: 's3', DISAN_INGEST_CONCURRENCY: 'lots', LOG_LEVEL: 'loud', MEILI_URL: 'not a url' });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ConfigError);
    const problems = (caught as ConfigError).problems.join('\n');
    for (const name of ['DATABASE_URL', 'S3_BUCKET', 'DISAN_INGEST_CONCURRENCY', 'LOG_LEVEL', 'MEILI_URL']) expect(problems).toContain(name);
  });

  it('documents every variable in the README', () => {
    const readme = readFileSync(join(import.meta.dirname, '..', '..', 'README.md'), 'utf8');
    for (const name of Object.keys(CONFIG_VARIABLES)) expect(readme).toContain(`\`${name}\``);
  });
});
