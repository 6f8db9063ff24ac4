/**
 * Uploads as production runs them: two API instances, each with its own archive (catalog
 * pool, tus server, upload locker and tus's metadata cache), on one real PostgreSQL and one
 * S3 bucket (s3rver over the S3 protocol on loopback, with ListParts and
 * AbortMultipartUpload added: see tests/support/s3-server.ts). A link that drops every few
 * megabytes sits in front of both and comes back after each cut to the other instance, so
 * the upload resumes on whichever one it reaches, as it does behind a load balancer. The
 * instances run in one test process: what they share goes only through PostgreSQL and S3.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { UploadOutcome } from '@disan/schemas';
import { type Archive, type BackgroundWorker, openArchive, startBackgroundWorker } from '@disan/ingest';
import { loadConfig } from '@disan/ingest/config';
import { buildApp } from '../../api/src/app.ts';
import { addAccount, signIn, type SignedIn } from '../support/accounts.ts';
import { startCuttingProxy } from '../support/cutting-proxy.ts';
import { startPostgres, type TestPostgres } from '../support/postgres.ts';
import { startS3Server, type TestS3Server } from '../support/s3-server.ts';
import { tusUpload, waitFor } from '../support/tus-client.ts';

const MiB = 1024 * 1024;

interface Instance {
  archive: Archive;
  app: FastifyInstance;
  port: number;
  /** PATCH requests this instance answered. */
  patches: number;
}

let postgres: TestPostgres;
let s3: TestS3Server;
let dir: string;
const instances: Instance[] = [];
let worker: BackgroundWorker;
let archivist: SignedIn;

async function startInstance(name: string): Promise<Instance> {
  const archive = await openArchive(
    loadConfig({
      DISAN_DATA_DIR: join(dir, name),
      DATABASE_URL: postgres.url,
      DISAN_STORAGE: 's3',
      S3_ENDPOINT: s3.endpoint,
      S3_BUCKET: s3.bucket,
      S3_ACCESS_KEY_ID: s3.accessKeyId,
      S3_SECRET_ACCESS_KEY: s3.secretAccessKey,
      LOG_LEVEL: 'silent',
    }),
  );
  const app = await buildApp({ archive, config: archive.config, logger: false });
  const instance: Instance = { archive, app, port: 0, patches: 0 };
  app.addHook('onRequest', (request, _reply, done) => {
    if (request.method === 'PATCH' && request.url.startsWith('/api/uploads/')) instance.patches++;
    done();
  });

  const address = await app.listen({ host: '127.0.0.1', port: 0 });
  instance.port = Number(new URL(address).port);
  return instance;
}

beforeAll(async () => {
  [postgres, s3] = await Promise.all([startPostgres(), startS3Server('disan-uploads-test')]);
  dir = await mkdtemp(join(tmpdir(), 'disan-uploads-processes-'));
  instances.push(await startInstance('a'));
  instances.push(await startInstance('b'));
  const [first] = instances;
  if (first === undefined) throw new Error('no instance started');
  await addAccount(first.archive, { email: 'archivist@example.org', roles: ['archivist'] });
  await first.archive.catalog.items.upsert({ id: 'hai-may', kind: 'festival', ethnicGroups: ['khmer'], title: [{ lang: 'vi', value: 'Lễ hội hai máy' }], status: 'draft', access: { level: 'public' } }, { author: 'import' });
  // Signed in on one instance; the session lives in PostgreSQL, so the other knows it too.
  archivist = await signIn(first.app, 'archivist@example.org');
  // One worker registers what either instance received: the job queue is PostgreSQL's.
  worker = await startBackgroundWorker(first.archive, { pollMs: 100 });
}, 180_000);

afterAll(async () => {
  await worker.stop();
  for (const { app, archive } of instances) {
    await app.close();
    await archive.close();
  }
  await Promise.all([postgres.close(), s3.close()]);
  await rm(dir, { recursive: true, force: true });
});

describe('an upload that moves between two API instances on PostgreSQL and S3', () => {
  it('resumes on the other instance after each cut, and the archive holds the file once with the source’s SHA-256', async () => {
    // A photo of noise: about 10 MB that JPEG cannot shrink, so it spans two S3 parts (8 MiB each).
    const path = join(dir, 'hai-may.jpg');
    await sharp(randomBytes(3200 * 3200 * 3), { raw: { width: 3200, height: 3200, channels: 3 } }).jpeg({ quality: 95 }).toFile(path);
    const bytes = await readFile(path);
    expect(bytes.length).toBeGreaterThan(8 * MiB);
    const proxy = await startCuttingProxy(instances.map(({ port }) => ({ host: '127.0.0.1', port })), { cutEveryBytes: 3_000_000 });
    let result;
    try {
      result = await tusUpload(path, { endpoint: `${proxy.url}/api/uploads`, headers: archivist.writes, metadata: { record: 'hai-may' }, chunkSize: MiB });
    } finally {
      await proxy.close();
    }
    expect(proxy.cuts()).toBeGreaterThanOrEqual(3);
    for (const instance of instances) expect(instance.patches, 'each instance took part of the upload').toBeGreaterThan(0);
    expect(result.worstResend, 'a cut costs at most one chunk').toBeLessThanOrEqual(MiB);

    const [first] = instances;
    if (first === undefined) throw new Error('no instance');
    const outcome = await waitFor(
      () => first.app.inject({ method: 'GET', url: `/api/uploads/${result.id}/outcome`, headers: archivist.reads }).then((r) => r.json<UploadOutcome>()),
      (o) => o.state === 'done' || o.state === 'failed',
      120_000,
    );
    expect(outcome).toMatchObject({ state: 'done', duplicate: false });
    const media = await first.archive.catalog.media.listForItem('hai-may', 'all');
    expect(media.map((m) => m.sha256)).toEqual([createHash('sha256').update(bytes).digest('hex')]);

    // tus's S3 store found its offset with ListParts, and nothing of the upload is left under uploads/.
    expect(s3.requests().some((r) => /^GET \/disan-uploads-test\/uploads\/[0-9a-f]{32}\?uploadId=/.test(r))).toBe(true);
    const left: string[] = [];
    for await (const object of first.archive.storage.list('uploads/')) left.push(object.key);
    expect(left).toEqual([]);
  });
});
