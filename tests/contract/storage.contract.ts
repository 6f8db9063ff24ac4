/**
 * The behaviour every ObjectStorage adapter promises, run against each real adapter
 * (a temp folder, s3rver) by its own test file. Table-driven where the cases are data.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { NotFoundError, ObjectNotFoundError, RangeNotSatisfiableError, ValidationError } from '@disan/ingest';
import type { ByteRange, ObjectInfo, ObjectStorage } from '@disan/ingest/storage';
import { bytes, chunkedStream, failingStream, readAll } from './test-streams.ts';

export interface ContractTarget {
  storage: ObjectStorage;
  /** Files the adapter left in its temp area, when it has one. */
  leftovers?: () => Promise<string[]>;
  /** Why the backend cannot take the concurrent-overwrite test (a stand-in server that writes in place). */
  skipReadsDuringOverwrite?: string;
  teardown(): Promise<void>;
}

const MiB = 1024 * 1024;

export function describeStorageContract(name: string, setup: () => Promise<ContractTarget>): void {
  describe(`ObjectStorage contract: ${name}`, () => {
    let target: ContractTarget;
    let storage: ObjectStorage;
    /** Every test works under its own prefix, so tests never see each other's objects. */
    const fresh = (): string => `contract/${randomUUID()}`;

    beforeAll(async () => {
      target = await setup();
      storage = target.storage;
    });
    afterAll(async () => {
      await storage.close();
      await target.teardown();
    });

    test.each([
      { body: 'empty bytes', size: 0, chunk: undefined },
      { body: 'small bytes', size: 1000, chunk: undefined },
      { body: 'a stream of many small chunks', size: 300_000, chunk: 4096 },
      { body: 'a 20 MiB stream (multipart on S3)', size: 20 * MiB, chunk: 256 * 1024 },
    ])('put then get returns the same bytes for $body', async ({ size, chunk }) => {
      const key = `${fresh()}/object.bin`;
      const data = bytes(size);
      const put = await storage.put(key, chunk === undefined ? data : chunkedStream(data, chunk), { contentType: 'application/octet-stream' });
      const got = await storage.get(key);
      expect(Buffer.compare(await readAll(got.body), data)).toBe(0);
      expect(put.size).toBe(size);
      expect(got.info).toEqual(put);
      expect(await storage.head(key)).toEqual(put);
    });

    test.each(['image/jpeg', 'application/pdf', 'text/plain; charset=utf-8'])('content type %s round-trips through head, get and list', async (contentType) => {
      const prefix = fresh();
      await storage.put(`${prefix}/x`, bytes(10), { contentType });
      expect((await storage.head(`${prefix}/x`))?.contentType).toBe(contentType);
      const got = await storage.get(`${prefix}/x`);
      got.body.destroy();
      expect(got.info.contentType).toBe(contentType);
      expect((await collect(storage.list(prefix))).map((info) => info.contentType)).toEqual([contentType]);
    });

    test('put returns a strong etag and a lastModified date', async () => {
      const key = `${fresh()}/x`;
      const before = Date.now();
      const info = await storage.put(key, bytes(10), { contentType: 'text/plain' });
      expect(info.etag).toMatch(/^[^"\sW][^"\s]*$/);
      expect(info.lastModified).toBeInstanceOf(Date);
      // S3 keeps whole seconds only.
      expect(info.lastModified.getTime()).toBeGreaterThan(before - 2000);
    });

    test('head of a missing key is null', async () => {
      expect(await storage.head(`${fresh()}/missing`)).toBeNull();
    });

    test('get of a missing key throws ObjectNotFoundError (a 404 NotFoundError)', async () => {
      const error: unknown = await storage.get(`${fresh()}/missing`).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ObjectNotFoundError);
      expect(error).toBeInstanceOf(NotFoundError);
      expect((error as ObjectNotFoundError).status).toBe(404);
    });

    describe('range reads of "0123456789"', () => {
      let key: string;
      beforeAll(async () => {
        key = `${fresh()}/digits`;
        await storage.put(key, Buffer.from('0123456789'), { contentType: 'text/plain' });
      });

      test.each<{ range: ByteRange; expected: string; why: string }>([
        { why: 'the first byte', range: { start: 0, end: 0 }, expected: '0' },
        { why: 'the first bytes', range: { start: 0, end: 3 }, expected: '0123' },
        { why: 'the middle', range: { start: 3, end: 6 }, expected: '3456' },
        { why: 'an open end', range: { start: 7 }, expected: '789' },
        { why: 'an end past the last byte, clamped', range: { start: 7, end: 100 }, expected: '789' },
        { why: 'the last byte', range: { start: 9, end: 9 }, expected: '9' },
      ])('$why: $range gives "$expected"', async ({ range, expected }) => {
        const { info, body } = await storage.get(key, range);
        expect((await readAll(body)).toString()).toBe(expected);
        expect(info.size).toBe(10);
      });

      test.each<{ range: ByteRange; error: new (...args: never[]) => Error }>([
        { range: { start: 10 }, error: RangeNotSatisfiableError },
        { range: { start: 50, end: 60 }, error: RangeNotSatisfiableError },
        { range: { start: -1 }, error: ValidationError },
        { range: { start: 5, end: 2 }, error: ValidationError },
        { range: { start: 1.5 }, error: ValidationError },
      ])('$range throws $error.name', async ({ range, error }) => {
        await expect(storage.get(key, range)).rejects.toBeInstanceOf(error);
      });

      test('any range of an empty object is not satisfiable', async () => {
        const empty = `${fresh()}/empty`;
        await storage.put(empty, bytes(0), { contentType: 'text/plain' });
        await expect(storage.get(empty, { start: 0 })).rejects.toBeInstanceOf(RangeNotSatisfiableError);
      });
    });

    test('a second put replaces the object, its content type and its etag', async () => {
      const key = `${fresh()}/x`;
      const first = await storage.put(key, Buffer.from('first version'), { contentType: 'text/plain' });
      const second = await storage.put(key, Buffer.from('second'), { contentType: 'image/png' });
      const got = await storage.get(key);
      expect((await readAll(got.body)).toString()).toBe('second');
      expect(got.info).toMatchObject({ size: 6, contentType: 'image/png', etag: second.etag });
      expect(second.etag).not.toBe(first.etag);
    });

    test('delete removes the object and is idempotent', async () => {
      const key = `${fresh()}/x`;
      await storage.put(key, bytes(10), { contentType: 'text/plain' });
      await storage.delete(key);
      expect(await storage.head(key)).toBeNull();
      await expect(storage.get(key)).rejects.toBeInstanceOf(ObjectNotFoundError);
      await expect(storage.delete(key)).resolves.toBeUndefined();
      await expect(storage.delete(`${fresh()}/never-written`)).resolves.toBeUndefined();
    });

    describe('list by prefix', () => {
      let root: string;
      const inA = Array.from({ length: 30 }, (_, i) => `a/${String(i).padStart(2, '0')}`);
      beforeAll(async () => {
        root = fresh();
        // 'a_sibling', not 'a-sibling': s3rver lists in folder-walk order, not byte order,
        // and its paging would skip a key that sorts before 'a/' ('-' < '/').
        const keys = [...inA, 'b/1', 'b/2', 'ab', 'a_sibling'];
        await Promise.all(keys.map((key, i) => storage.put(`${root}/${key}`, bytes(i), { contentType: 'text/plain' })));
      });

      test.each([
        { prefix: 'a/', expected: inA },
        { prefix: 'a', expected: [...inA, 'a_sibling', 'ab'] },
        { prefix: 'b/', expected: ['b/1', 'b/2'] },
        { prefix: 'a/0', expected: inA.slice(0, 10) },
        { prefix: 'nothing/', expected: [] },
      ])('"$prefix" lists exactly the keys starting with it', async ({ prefix, expected }) => {
        const listed = await collect(storage.list(`${root}/${prefix}`));
        expect(listed.map((info) => info.key.slice(root.length + 1)).sort()).toEqual([...expected].sort());
      });

      test('listed objects carry their size and info', async () => {
        const listed = await collect(storage.list(`${root}/b/`));
        for (const info of listed) expect(info).toEqual(await storage.head(info.key));
      });
    });

    describe('unsafe keys are rejected with ValidationError before touching storage', () => {
      test.each(['../x', '/x', 'a/../b', 'a\\b', '', 'a\u0000b', 'a\nb', 'a//b', 'a/', '.tmp/x', 'a/./b', 'x'.repeat(1025)])(
        'key %j',
        async (key) => {
          await expect(storage.put(key, bytes(1), { contentType: 'text/plain' })).rejects.toBeInstanceOf(ValidationError);
          await expect(storage.get(key)).rejects.toBeInstanceOf(ValidationError);
          await expect(storage.head(key)).rejects.toBeInstanceOf(ValidationError);
          await expect(storage.delete(key)).rejects.toBeInstanceOf(ValidationError);
        },
      );

      test.each(['../', '/x', 'a/../', 'a\\'])('list prefix %j', async (prefix) => {
        await expect(collect(storage.list(prefix))).rejects.toBeInstanceOf(ValidationError);
      });
    });

    describe('a body that fails leaves nothing behind', () => {
      test.each([
        { when: 'after a few bytes', size: 1000 },
        { when: 'after 6 MiB (a multipart part on S3)', size: 6 * MiB },
      ])('a stream that errors $when: put rejects with its error, no object, no temp file', async ({ size }) => {
        const key = `${fresh()}/x`;
        const boom = new Error('client went away');
        await expect(storage.put(key, failingStream(bytes(size), boom), { contentType: 'text/plain' })).rejects.toBe(boom);
        expect(await storage.head(key)).toBeNull();
        expect(await collect(storage.list(key))).toEqual([]);
        expect(await target.leftovers?.()).toEqual(target.leftovers ? [] : undefined);
      });

      test('a failed overwrite keeps the previous object whole', async () => {
        const key = `${fresh()}/x`;
        const old = await storage.put(key, Buffer.from('old'), { contentType: 'text/plain' });
        await expect(storage.put(key, failingStream(bytes(5000), new Error('cut')), { contentType: 'image/png' })).rejects.toThrow('cut');
        const got = await storage.get(key);
        expect((await readAll(got.body)).toString()).toBe('old');
        expect(got.info).toEqual(old);
      });

      test.each([
        { announced: 5, actual: 3 },
        { announced: 3, actual: 5 },
      ])('a body of $actual bytes announced as $announced is rejected and not stored', async ({ announced, actual }) => {
        const key = `${fresh()}/x`;
        await expect(storage.put(key, chunkedStream(bytes(actual), 1), { contentType: 'text/plain', size: announced })).rejects.toBeInstanceOf(ValidationError);
        expect(await storage.head(key)).toBeNull();
      });
    });

    test('readers during an overwrite see the old or the new object, never a mix', async ({ skip }) => {
      if (target.skipReadsDuringOverwrite !== undefined) skip(target.skipReadsDuringOverwrite);
      const key = `${fresh()}/x`;
      const oldBytes = bytes(2 * MiB, 1);
      const newBytes = bytes(2 * MiB, 2);
      await storage.put(key, oldBytes, { contentType: 'text/plain' });
      const state = { writing: true };
      const write = storage.put(key, chunkedStream(newBytes, 64 * 1024, 1), { contentType: 'text/plain' }).finally(() => (state.writing = false));
      const seen = new Set<string>();
      while (state.writing) {
        const got = await readAll((await storage.get(key)).body);
        seen.add(Buffer.compare(got, oldBytes) === 0 ? 'old' : Buffer.compare(got, newBytes) === 0 ? 'new' : 'mixed');
      }
      await write;
      expect(seen.has('mixed')).toBe(false);
      expect(seen.has('old')).toBe(true);
      expect(Buffer.compare(await readAll((await storage.get(key)).body), newBytes)).toBe(0);
    });

    test('ping succeeds against a working backend', async () => {
      await expect(storage.ping()).resolves.toBeUndefined();
    });
  });
}

async function collect(items: AsyncIterable<ObjectInfo>): Promise<ObjectInfo[]> {
  const all: ObjectInfo[] = [];
  for await (const item of items) all.push(item);
  return all;
}
