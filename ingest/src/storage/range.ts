import { Readable } from 'node:stream';
import { RangeNotSatisfiableError, ValidationError } from '../errors.ts';
import type { ByteRange } from './storage.ts';

/**
 * Resolves an inclusive HTTP-style range against an object's size: an end past the last
 * byte is clamped, a start past it cannot be served (HTTP 416, also for empty objects).
 * @example resolveRange({ start: 2, end: 99 }, 10) // { start: 2, end: 9 }
 */
export function resolveRange(range: ByteRange, size: number): { start: number; end: number } {
  assertValidRange(range);
  if (range.start >= size) {
    throw new RangeNotSatisfiableError(`Range starts at byte ${range.start}, but the object has ${size} bytes`);
  }
  const last = size - 1;
  return { start: range.start, end: range.end === undefined ? last : Math.min(range.end, last) };
}

/** Malformed ranges are the caller's mistake, not a range the object cannot satisfy. */
export function assertValidRange(range: ByteRange): void {
  const { start, end } = range;
  if (!Number.isSafeInteger(start) || start < 0) throw new ValidationError(`Range start ${start} must be a whole number ≥ 0`);
  if (end !== undefined && (!Number.isSafeInteger(end) || end < start)) {
    throw new ValidationError(`Range end ${end} must be a whole number ≥ start (${start})`);
  }
}

/** The HTTP Range header value for a valid range. */
export function rangeHeader(range: ByteRange): string {
  return `bytes=${range.start}-${range.end ?? ''}`;
}

export interface ServedRange {
  start: number;
  end: number;
  total: number;
}

/** Parses a Content-Range response header: `bytes 0-9/1234` => { start: 0, end: 9, total: 1234 }. */
export function parseContentRange(header: string | undefined): ServedRange | undefined {
  const match = /^bytes (\d+)-(\d+)\/(\d+)$/.exec(header ?? '');
  if (!match) return undefined;
  return { start: Number(match[1]), end: Number(match[2]), total: Number(match[3]) };
}

/**
 * The bytes of `wanted` out of a body that holds the `served` range. S3-compatible servers
 * differ at the edges (s3rver reads `bytes=0-0` as `bytes=0-`, some answer a range on an
 * empty object with 200), so the adapter checks what it got rather than trusting it.
 * Returns undefined when `served` cannot provide `wanted`.
 */
export function cutToRange(body: Readable, served: { start: number; end: number }, wanted: { start: number; end: number }): Readable | undefined {
  if (served.start !== wanted.start || served.end < wanted.end) return undefined;
  if (served.end === wanted.end) return body;
  return Readable.from(take(body, wanted.end - wanted.start + 1));
}

async function* take(source: AsyncIterable<Uint8Array>, length: number): AsyncGenerator<Uint8Array> {
  let left = length;
  for await (const chunk of source) {
    yield chunk.byteLength <= left ? chunk : chunk.subarray(0, left);
    left -= Math.min(left, chunk.byteLength);
    // Returning ends the loop, which destroys the source: the rest is never downloaded.
    if (left === 0) return;
  }
}
