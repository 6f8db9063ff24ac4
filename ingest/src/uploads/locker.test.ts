import { ERRORS } from '@tus/utils';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPostgres, type TestPostgres } from '../../../tests/support/postgres.ts';
import { openPglite, openPostgres, PGLITE_MEMORY, type Database } from '../database/index.ts';
import { createSharedUploadLocker, type UploadLocker } from './locker.ts';

/**
 * Two API processes are two lockers, each with its own dedicated connection, on one real
 * PostgreSQL: one upload is held by one request at a time across them, and a request that
 * waits makes the holder (in the other "process") let go, as tus's memory locker does
 * within one process.
 */
describe('upload locker across processes (PostgreSQL)', () => {
  let postgres: TestPostgres;
  let db: Database;
  let first: UploadLocker;
  let second: UploadLocker;

  beforeAll(async () => {
    postgres = await startPostgres();
    db = await openPostgres(postgres.url);
    const shared = (timeoutMs: number) => {
      const locker = createSharedUploadLocker(db, { acquireTimeoutMs: timeoutMs });
      if (locker === undefined) throw new Error('PostgreSQL gave no dedicated connection');
      return locker;
    };
    first = shared(5_000);
    second = shared(600);
  });

  afterAll(async () => {
    await first.close();
    await second.close();
    await db.close();
    await postgres.close();
  });

  const never = () => new AbortController().signal;

  it('a waiting request in another process makes the holder let go, then takes the upload', async () => {
    const holder = first.newLock('upload-a');
    let askedToRelease = 0;
    await holder.lock(never(), async () => {
      askedToRelease++;
      await holder.unlock();
    });
    const waiter = second.newLock('upload-a');
    await waiter.lock(never(), () => undefined);
    // Asked at least once: a waiter asks again at each retry until the holder has let go (as tus's memory locker does).
    expect(askedToRelease).toBeGreaterThanOrEqual(1);
    await waiter.unlock();
  });

  it('a holder that does not let go keeps the upload: the waiter times out with tus’s lock error', async () => {
    const holder = first.newLock('upload-b');
    let asked = 0;
    await holder.lock(never(), () => { asked++; });
    await expect(second.newLock('upload-b').lock(never(), () => undefined)).rejects.toBe(ERRORS.ERR_LOCK_TIMEOUT);
    expect(asked).toBeGreaterThan(0);
    await holder.unlock();
    const after = second.newLock('upload-b');
    await after.lock(never(), () => undefined);
    await after.unlock();
  });

  it('within one process, two requests for one upload take turns (the session’s lock is not re-entered)', async () => {
    const a = first.newLock('upload-c');
    const order: string[] = [];
    await a.lock(never(), async () => {
      order.push('asked');
      await a.unlock();
      order.push('released');
    });
    const b = first.newLock('upload-c');
    await b.lock(never(), () => undefined);
    order.push('b holds');
    expect(order).toEqual(['asked', 'released', 'b holds']);
    // The other process cannot have it while b does.
    await expect(second.newLock('upload-c').lock(never(), () => undefined)).rejects.toBe(ERRORS.ERR_LOCK_TIMEOUT);
    await b.unlock();
  });

  it('different uploads do not wait on each other, and a stopped request gives up at once', async () => {
    const a = first.newLock('upload-d');
    await a.lock(never(), () => undefined);
    const other = second.newLock('upload-e');
    await other.lock(never(), () => undefined);
    await other.unlock();
    const stop = new AbortController();
    stop.abort();
    const started = Date.now();
    await expect(second.newLock('upload-d').lock(stop.signal, () => undefined)).rejects.toBe(ERRORS.ERR_LOCK_TIMEOUT);
    expect(Date.now() - started).toBeLessThan(500);
    await a.unlock();
  });

  it('a process that dies loses its locks with its connection', async () => {
    const dying = createSharedUploadLocker(db, { acquireTimeoutMs: 5_000 });
    if (dying === undefined) throw new Error('PostgreSQL gave no dedicated connection');
    await dying.newLock('upload-f').lock(never(), () => undefined);
    await dying.close();
    const next = second.newLock('upload-f');
    await next.lock(never(), () => undefined);
    await next.unlock();
  });
});

describe('upload locker on PGlite', () => {
  it('is tus’s memory locker’s job: one process, one connection', async () => {
    const db = await openPglite(PGLITE_MEMORY);
    try {
      expect(createSharedUploadLocker(db)).toBeUndefined();
    } finally {
      await db.close();
    }
  });
});
