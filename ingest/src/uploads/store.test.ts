import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { Upload } from '@tus/utils';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startS3Server, type TestS3Server } from '../../../tests/support/s3-server.ts';
import { loadConfig, type Config } from '../config.ts';
import { createStorage } from '../storage/create.ts';
import type { ObjectStorage } from '../storage/storage.ts';
import { readAll } from '../processing/read-all.ts';
import { createUploadStore, type UploadStore } from './store.ts';

const MiB = 1024 * 1024;

/**
 * The two upload stores behind one contract: tus's file store in a folder and its S3
 * store in the bucket under `uploads/` (s3rver on loopback). Bytes are written as tus
 * does, in two PATCHes, the first spanning an S3 part boundary.
 */
describe.each(['filesystem', 's3'] as const)('upload store (%s)', (kind) => {
  let dir: string;
  let server: TestS3Server | undefined;
  let storage: ObjectStorage;
  let store: UploadStore;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'disan-upload-store-'));
    server = kind === 's3' && process.env.S3_TEST_ENDPOINT === undefined ? await startS3Server() : undefined;
    const env: Record<string, string> = { DISAN_DATA_DIR: dir, DISAN_MAX_FILE_BYTES: String(1024 * MiB) };
    const s3 = {
      S3_ENDPOINT: process.env.S3_TEST_ENDPOINT ?? server?.endpoint ?? '',
      S3_BUCKET: process.env.S3_TEST_BUCKET ?? server?.bucket ?? '',
      S3_ACCESS_KEY_ID: process.env.S3_TEST_ACCESS_KEY_ID ?? server?.accessKeyId ?? '',
      S3_SECRET_ACCESS_KEY: process.env.S3_TEST_SECRET_ACCESS_KEY ?? server?.secretAccessKey ?? '',
    };
    const config: Config = kind === 'filesystem' ? loadConfig(env) : loadConfig({ ...env, DISAN_STORAGE: 's3', ...s3 });
    storage = await createStorage(config.storage);
    store = createUploadStore(config, storage);
  });
  afterAll(async () => {
    await storage.close();
    await server?.close();
    await rm(dir, { recursive: true, force: true });
  });

  // tus's S3 store lists a multipart upload's parts (ListParts) on every write: the test S3 server adds that call to s3rver.
  it('keeps what arrived, gives a finished upload back whole, and removes every trace of it', async () => {
    const id = store.newId();
    expect(store.idOf(store.tusIdOf(id))).toBe(id);
    expect(store.tusIdOf(id)).toBe(kind === 's3' ? `uploads/${id}` : id);
    const bytes = randomBytes(9 * MiB + 123);
    await store.datastore.create(new Upload({ id: store.tusIdOf(id), size: bytes.length, offset: 0, metadata: {} }));
    const first = 8 * MiB + 7;
    expect(await store.datastore.write(Readable.from([bytes.subarray(0, first)]), store.tusIdOf(id), 0)).toBe(first);
    expect((await store.progress(id))?.offset).toBe(first);
    await store.datastore.write(Readable.from([bytes.subarray(first)]), store.tusIdOf(id), first);
    expect(await store.progress(id)).toEqual({ offset: bytes.length, size: bytes.length });

    const source = await store.open(id);
    const back = 'path' in source ? await readFile(source.path) : await readAll(source.stream);
    expect(back.equals(bytes)).toBe(true);

    await store.remove(id);
    expect(await store.progress(id)).toBeUndefined();
    // Removing what is gone is harmless (a job run twice).
    await store.remove(id);
    if (kind === 's3') {
      for (const key of [`uploads/${id}`, `uploads/${id}.info`, `uploads/${id}.part`]) expect(await storage.head(key)).toBeNull();
    }
  });

  it('names no upload from a foreign id', () => {
    expect(store.idOf('../etc/passwd')).toBeUndefined();
    expect(store.idOf(kind === 's3' ? 'elsewhere/0123456789abcdef0123456789abcdef' : 'ZZ23456789abcdef0123456789abcdef')).toBeUndefined();
  });
});
