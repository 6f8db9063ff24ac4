import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONFIG_VARIABLES } from '@disan/ingest/config';
import { SITE_CONFIG_VARIABLES } from '../../site/src/config.ts';

const ROOT = join(import.meta.dirname, '..', '..');

/**
 * The production shape in docker-compose.yml is checked by Compose itself (no
 * Docker engine runs here, but `docker-compose config` validates the file) and
 * against the one list of configuration variables the code reads.
 */
describe('docker-compose.yml', () => {
  it('is accepted by docker compose', () => {
    const resolved = execFileSync('docker-compose', ['config'], { cwd: ROOT, encoding: 'utf8' });
    for (const service of ['postgres', 'minio', 'minio-bucket', 'meilisearch', 'api', 'worker', 'site']) expect(resolved).toContain(`  ${service}:`);
  });

  it('sets only variables that Disan reads, and wires every adapter to its production engine', () => {
    const text = readFileSync(join(ROOT, 'docker-compose.yml'), 'utf8');
    const block = text.slice(text.indexOf('x-disan-env'), text.indexOf('services:'));
    const names = [...block.matchAll(/^ {2}([A-Z0-9_]+):/gm)].map((m) => m[1]!);
    expect(names.filter((name) => !(name in CONFIG_VARIABLES))).toEqual([]);
    expect(names).toEqual(expect.arrayContaining(['DATABASE_URL', 'DISAN_STORAGE', 'S3_BUCKET', 'MEILI_URL']));
  });

  it('gives the API and the site only variables they read, each service a health check', () => {
    const resolved = execFileSync('docker-compose', ['config'], { cwd: ROOT, encoding: 'utf8' });
    const serviceBlock = (name: string) => {
      const start = resolved.indexOf(`\n  ${name}:\n`);
      const next = resolved.slice(start + 1).search(/\n {2}[a-z-]+:\n/);
      return resolved.slice(start, next === -1 ? undefined : start + 1 + next);
    };
    const environment = (block: string) => {
      const env = block.slice(block.indexOf('    environment:'));
      return [...env.matchAll(/^ {6}([A-Z0-9_]+):/gm)].map((m) => m[1]!);
    };
    const api = serviceBlock('api');
    expect(environment(api).filter((name) => !(name in CONFIG_VARIABLES))).toEqual([]);
    expect(environment(api)).toEqual(expect.arrayContaining(['DATABASE_URL', 'DISAN_HOST', 'DISAN_API_PORT']));
    const site = serviceBlock('site');
    expect(environment(site).filter((name) => !(name in SITE_CONFIG_VARIABLES))).toEqual([]);
    expect(environment(site)).toEqual(expect.arrayContaining(['DISAN_API_URL']));
    for (const name of ['postgres', 'minio', 'meilisearch', 'api', 'site']) expect(serviceBlock(name)).toContain('healthcheck:');
  });
});
