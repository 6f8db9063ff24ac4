/** Bodies for storage tests: deterministic bytes, and streams that trickle or fail. */
import { Readable } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';

/** `size` pseudo-random bytes; the same seed gives the same bytes, another seed other bytes. */
export function bytes(size: number, seed = 0): Buffer {
  const out = Buffer.allocUnsafe(size);
  let state = (seed * 2654435761 + 1) >>> 0;
  for (let i = 0; i < size; i++) {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    out[i] = state >>> 24;
  }
  return out;
}

/** `data` as a stream of `chunkSize` pieces, optionally pausing between them. */
export function chunkedStream(data: Uint8Array, chunkSize: number, pauseMs = 0): Readable {
  return Readable.from(
    (async function* pieces() {
      for (let offset = 0; offset < data.byteLength; offset += chunkSize) {
        if (pauseMs > 0) await sleep(pauseMs);
        yield data.subarray(offset, offset + chunkSize);
      }
    })(),
  );
}

/** Sends all of `data`, then fails with `error` instead of ending: a client that hung up. */
export function failingStream(data: Uint8Array, error: Error): Readable {
  return Readable.from(
    (async function* thenFail() {
      yield* chunkedStream(data, 64 * 1024);
      throw error;
    })(),
  );
}

export async function readAll(body: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of body) chunks.push(Buffer.from(chunk as Uint8Array));
  return Buffer.concat(chunks);
}
