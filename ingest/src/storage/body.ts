import { Readable } from 'node:stream';
import { ValidationError } from '../errors.ts';
import { assertSafeKey } from './keys.ts';

/**
 * A `put` body as chunks, with its own failure kept apart from the backend's: when the
 * caller's stream breaks (client hung up, announced size wrong), `put` rethrows that
 * error unchanged instead of blaming the storage backend.
 */
export class GuardedBody {
  readonly chunks: AsyncGenerator<Uint8Array>;
  #failure: { error: unknown } | undefined;

  constructor(body: Readable | Uint8Array, expectedSize: number | undefined) {
    this.chunks = this.#read(body instanceof Uint8Array ? [body] : body, expectedSize);
  }

  /** The error the body itself raised, if any. */
  get failure(): { error: unknown } | undefined {
    return this.#failure;
  }

  /**
   * Fails before the last chunk is passed on when the byte count differs from the announced
   * size: both adapters commit only after the last byte, so a wrong body never becomes visible.
   */
  async *#read(source: AsyncIterable<Uint8Array> | Iterable<Uint8Array>, expected: number | undefined): AsyncGenerator<Uint8Array> {
    let seen = 0;
    try {
      for await (const chunk of source) {
        seen += chunk.byteLength;
        if (expected !== undefined && seen > expected) throw sizeMismatch(expected, `more than ${expected}`);
        yield chunk;
      }
      if (expected !== undefined && seen !== expected) throw sizeMismatch(expected, String(seen));
    } catch (error) {
      this.#failure = { error };
      throw error;
    }
  }
}

function sizeMismatch(expected: number, actual: string): ValidationError {
  return new ValidationError(`Body was announced as ${expected} bytes but carried ${actual}`);
}

/**
 * The start of every `put`: refuses an unsafe key before reading a byte, and then
 * releases the caller's stream so its file handle or socket is not left open.
 */
export function guardPut(key: string, body: Readable | Uint8Array, size: number | undefined): GuardedBody {
  try {
    assertSafeKey(key);
  } catch (error) {
    if (body instanceof Readable) body.destroy();
    throw error;
  }
  return new GuardedBody(body, size);
}
