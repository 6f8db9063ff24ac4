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
