import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONFIG_VARIABLES } from '../../ingest/src/config.ts';

const ROOT = join(import.meta.dirname, '..', '..');

/**
 * The production shape in docker-compose.yml is checked by Compose itself (no
 * Docker engine runs here, but `docker-compose config` validates the file) and
 * against the one list of configuration variables the code reads.
 */
describe('docker-compose.yml', () => {
  it('is accepted by docker compose', () => {
    const resolved = execFileSync('docker-compose', ['config'], { cwd: ROOT, encoding: 'utf8' });
    for (const service of ['postgres', 'minio', 'minio-bucket', 'meilisearch', 'worker']) expect(resolved).toContain(`  ${service}:`);
  });

  it('sets only variables that Disan reads, and wires every adapter to its production engine', () => {
    const text = readFileSync(join(ROOT, 'docker-compose.yml'), 'utf8');
    const block = text.slice(text.indexOf('x-disan-env'), text.indexOf('services:'));
    const names = [...block.matchAll(/^ {2}([A-Z0-9_]+):/gm)].map((m) => m[1]!);
    expect(names.filter((name) => !(name in CONFIG_VARIABLES))).toEqual([]);
    expect(names).toEqual(expect.arrayContaining(['DATABASE_URL', 'DISAN_STORAGE', 'S3_BUCKET', 'MEILI_URL']));
  });
});
