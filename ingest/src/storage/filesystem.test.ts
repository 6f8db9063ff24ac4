import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { ConflictError, ObjectNotFoundError, UpstreamError } from '../errors.ts';
import { createStorage } from './create.ts';
import { describeStorageContract } from '../../../tests/contract/storage.contract.ts';
import type { ObjectStorage } from './storage.ts';
import { bytes, readAll } from '../../../tests/contract/test-streams.ts';

describeStorageContract('filesystem', async () => {
  const root = await mkdtemp(join(tmpdir(), 'disan-storage-'));
  return {
    storage: await createStorage({ driver: 'filesystem', root }),
    leftovers: () => readdir(join(root, '.tmp')),
    teardown: () => rm(root, { recursive: true, force: true }),
  };
});

describe('filesystem storage specifics', () => {
  let root: string;
  let storage: ObjectStorage;
  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'disan-storage-'));
    storage = await createStorage({ driver: 'filesystem', root });
  });
  afterEach(async () => {
    await storage.close();
    await rm(root, { recursive: true, force: true });
  });

  test('keeps the bytes as a plain file under the key, with the SHA-256 as etag', async () => {
    const data = Buffer.from('an original');
    const info = await storage.put('originals/x', data, { contentType: 'text/plain' });
    expect(await readFile(join(root, 'originals/x'))).toEqual(data);
    expect(info.etag).toBe(createHash('sha256').update(data).digest('hex'));
  });

  test('gives an original as a local file to read in place, null for a missing key, and refuses unsafe keys', async () => {
    const data = Buffer.from('a film');
    await storage.put('originals/ab/cd/film', data, { contentType: 'video/mp4' });
    const path = await storage.localFile?.('originals/ab/cd/film');
    expect(path).toBe(join(root, 'originals/ab/cd/film'));
    expect(await readFile(path ?? '')).toEqual(data);
    expect(await storage.localFile?.('originals/ab/cd/missing')).toBeNull();
    expect(await storage.localFile?.('originals/ab')).toBeNull();
    await expect(storage.localFile?.('../etc/passwd')).rejects.toThrow();
  });

  test('lists objects only, never sidecars or temp files', async () => {
    await storage.put('a/b', bytes(3), { contentType: 'text/plain' });
    await writeFile(join(root, '.tmp', 'stray'), 'left by a crash');
    const keys: string[] = [];
    for await (const info of storage.list('')) keys.push(info.key);
    expect(keys).toEqual(['a/b']);
  });

  test('data changed behind its sidecar (a crash between renames) reads whole, as octet-stream', async () => {
    await storage.put('x', Buffer.from('version one'), { contentType: 'image/png' });
    await writeFile(join(root, 'x'), 'version two, written elsewhere');
    const got = await storage.get('x');
    expect((await readAll(got.body)).toString()).toBe('version two, written elsewhere');
    expect(got.info).toMatchObject({ contentType: 'application/octet-stream', size: 30 });
  });

  test('a key that would turn an object into a folder is a ConflictError', async () => {
    await storage.put('a', bytes(1), { contentType: 'text/plain' });
    await expect(storage.put('a/b', bytes(1), { contentType: 'text/plain' })).rejects.toBeInstanceOf(ConflictError);
    expect(await readdir(join(root, '.tmp'))).toEqual([]);
  });

  test('a key whose path runs through a file is simply missing', async () => {
    await storage.put('a', bytes(1), { contentType: 'text/plain' });
    expect(await storage.head('a/b')).toBeNull();
    await expect(storage.get('a/b')).rejects.toBeInstanceOf(ObjectNotFoundError);
  });

  test('ping fails with UpstreamError when the folder is gone', async () => {
    await rm(root, { recursive: true, force: true });
    await expect(storage.ping()).rejects.toBeInstanceOf(UpstreamError);
  });
});

describe('filesystem storage after a crash', () => {
  test('sweeps temp files a dead writer abandoned, and keeps recent ones a live writer may own', async () => {
    const root = await mkdtemp(join(tmpdir(), 'disan-storage-'));
    try {
      await (await createStorage({ driver: 'filesystem', root })).close();
      const abandoned = join(root, '.tmp', 'abandoned-write');
      const live = join(root, '.tmp', 'live-write');
      await writeFile(abandoned, 'half an object');
      await writeFile(live, 'a write in progress');
      const anHourAgo = new Date(Date.now() - 3_600_000);
      await utimes(abandoned, anHourAgo, anHourAgo);
      const reopened = await createStorage({ driver: 'filesystem', root });
      expect(await readdir(join(root, '.tmp'))).toEqual(['live-write']);
      await reopened.close();
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });
});
