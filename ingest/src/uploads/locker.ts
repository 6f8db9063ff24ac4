import { setTimeout as sleep } from 'node:timers/promises';
import { ERRORS, type Lock, type Locker, type RequestRelease } from '@tus/utils';
import type { Database, DedicatedConnection } from '../database/index.ts';

/** The first key of every upload lock: keeps them apart from any other two-key advisory lock. */
const UPLOAD_LOCKS = 7_346_012;
/** Where a request waiting for an upload asks whichever process holds it to let go. */
export const RELEASE_CHANNEL = 'disan_upload_release';
/** tus's own default: a PATCH that cannot have its upload within this long gets a 500 and the client retries. */
const ACQUIRE_TIMEOUT_MS = 30_000;
/** Retries start fast (a released lock is usually free within a few ms) and slow down to this. */
const MAX_RETRY_MS = 250;

export interface UploadLocker extends Locker {
  close(): Promise<void>;
}

/**
 * tus takes a lock on an upload for every request that touches it, so two PATCHes never
 * append to one file at once. Its memory locker only sees one process; with several API
 * processes behind one address, a client resuming after a cut can land on another process
 * while the stale request still writes in the first.
 *
 * This locker keeps tus's manners across processes: an upload's lock is a PostgreSQL
 * session-level advisory lock, held on one dedicated connection per process (advisory
 * locks are re-entrant within a session, so the process also keeps the holders it has in a
 * map, which decides between its own requests). A request that finds the upload held asks
 * the holder to let go, in this process by calling its `requestRelease`, in another one by
 * NOTIFY, which every process LISTENs to; then it retries until the holder unlocks or the
 * timeout passes. A process that dies loses its connection and with it every lock it held.
 *
 * PGlite is one process with one connection: there tus's memory locker is the right one.
 */
export function createSharedUploadLocker(db: Pick<Database, 'dedicated'>, options: { acquireTimeoutMs?: number } = {}): UploadLocker | undefined {
  const { dedicated } = db;
  // The connection opens with the first lock: an API that never sees an upload never holds one.
  return dedicated === undefined ? undefined : new SharedLocker(dedicated, options.acquireTimeoutMs ?? ACQUIRE_TIMEOUT_MS);
}

class SharedLocker implements UploadLocker {
  /** The uploads this process holds: which lock holds each, and how to ask it to let go. */
  readonly held = new Map<string, { lock: SharedLock; requestRelease: RequestRelease }>();
  readonly timeoutMs: number;
  private readonly connect: () => Promise<DedicatedConnection>;

  private current: Promise<DedicatedConnection> | undefined;
  private closed = false;

  constructor(connect: () => Promise<DedicatedConnection>, timeoutMs: number) {
    this.connect = connect;
    this.timeoutMs = timeoutMs;
  }

  /**
   * The dedicated connection, opened again after it was lost. Locks held on the lost one
   * are gone on the server; their requests go on and unlock as a no-op (see unlock).
   */
  connection(): Promise<DedicatedConnection> {
    if (this.closed) return Promise.reject(new Error('the upload locker is closed'));
    this.current ??= this.open().catch((error: unknown) => {
      this.current = undefined;
      throw error;
    });
    return this.current;
  }

  private async open(): Promise<DedicatedConnection> {
    const connection = await this.connect();
    connection.onLost(() => {
      this.current = undefined;
      this.held.clear();
    });
    await connection.listen(RELEASE_CHANNEL, (id) => { void this.askToRelease(id); });
    return connection;
  }

  newLock(id: string): Lock {
    return new SharedLock(id, this);
  }

  async askToRelease(id: string): Promise<void> {
    try {
      await this.held.get(id)?.requestRelease();
    } catch {
      // The holder's own request reports its failure; the waiter retries either way.
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    const current = this.current;
    this.current = undefined;
    if (current !== undefined) await (await current).close();
  }
}

class SharedLock implements Lock {
  private readonly id: string;
  private readonly locker: SharedLocker;

  constructor(id: string, locker: SharedLocker) {
    this.id = id;
    this.locker = locker;
  }

  async lock(stopSignal: AbortSignal, requestRelease: RequestRelease): Promise<void> {
    const { held, timeoutMs } = this.locker;
    const deadline = Date.now() + timeoutMs;
    for (let attempt = 0; ; attempt++) {
      if (!held.has(this.id)) {
        // Claimed here first, so a second request of this process waits on the map, not on re-entering the session's lock.
        held.set(this.id, { lock: this, requestRelease });
        const connection = await this.locker.connection().catch((error: unknown) => {
          held.delete(this.id);
          throw error;
        });
        const [row] = await connection.query<{ got: boolean }>('SELECT pg_try_advisory_lock($1, hashtext($2)) AS got', [UPLOAD_LOCKS, this.id]).catch((error: unknown) => {
          held.delete(this.id);
          throw error;
        });
        if (row?.got === true) return;
        held.delete(this.id);
        await connection.query('SELECT pg_notify($1, $2)', [RELEASE_CHANNEL, this.id]);
      } else {
        await this.locker.askToRelease(this.id);
      }
      // tus answers its own error objects (status_code and body), not Errors, as a 500 the client retries.
      // eslint-disable-next-line @typescript-eslint/only-throw-error
      if (stopSignal.aborted || Date.now() >= deadline) throw ERRORS.ERR_LOCK_TIMEOUT;
      await sleep(Math.min(MAX_RETRY_MS, 2 ** attempt));
    }
  }

  async unlock(): Promise<void> {
    const { held } = this.locker;
    // Not held by this lock: the connection was lost, and the server let go of the lock with it.
    if (held.get(this.id)?.lock !== this) return;
    try {
      const connection = await this.locker.connection();
      await connection.query('SELECT pg_advisory_unlock($1, hashtext($2))', [UPLOAD_LOCKS, this.id]);
    } finally {
      held.delete(this.id);
    }
  }
}
