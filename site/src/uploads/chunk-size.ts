/**
 * How big the next PATCH of an upload is. A fixed size cannot suit both ends of the
 * archive's users: 1 MiB takes tens of seconds on a weak 3G link (and a cut then loses
 * little), but on an office link or loopback a gigabyte in 1 MiB requests spends more
 * time on requests than on bytes (measured: 0.3x of `curl -T`). So every upload starts at
 * the size the API advises (GET /api/uploads/quota, DISAN_UPLOAD_CHUNK_BYTES) and, after
 * each chunk, aims at chunks that take about TARGET_SECONDS at the speed just seen: at most
 * doubling or halving at a step, so one lucky or unlucky chunk does not swing it, and
 * within [MIN_CHUNK_BYTES, MAX_CHUNK_BYTES]. A cut costs at most the chunk in flight,
 * and the server keeps what of it arrived. Pure, so the island and the tests share it.
 */

export const MIN_CHUNK_BYTES = 256 * 1024;
/** Large enough that a fast link spends its time on bytes; a cut then re-sends at most this. */
export const MAX_CHUNK_BYTES = 64 * 1024 * 1024;
/** Short enough that a stalled request is noticed and retried soon, long enough to amortise a request. */
export const TARGET_SECONDS = 4;

/**
 * @example nextChunkSize(1_048_576, 1_048_576, 0.01) // 2_097_152: fast, so doubled
 * @example nextChunkSize(1_048_576, 1_048_576, 40) // 524_288: slow, so halved
 */
export function nextChunkSize(current: number, sentBytes: number, seconds: number): number {
  const ideal = seconds > 0 ? (sentBytes / seconds) * TARGET_SECONDS : Number.POSITIVE_INFINITY;
  const stepped = Math.min(current * 2, Math.max(current / 2, ideal));
  // Whole KiB: byte ranges stay tidy in logs and the S3 store's parts.
  return Math.min(MAX_CHUNK_BYTES, Math.max(MIN_CHUNK_BYTES, Math.floor(stepped / 1024) * 1024));
}

/**
 * Follows one upload's chunks and sets the next one's size: `onChunkComplete` is
 * tus-js-client's callback of that name; `options` is the Upload's own options object,
 * whose `chunkSize` tus-js-client reads again for every PATCH.
 */
export function adaptChunks(options: { chunkSize?: number }, now: () => number = () => performance.now()): (chunkBytes: number) => void {
  let since = now();
  return (chunkBytes) => {
    const at = now();
    options.chunkSize = nextChunkSize(options.chunkSize ?? chunkBytes, chunkBytes, (at - since) / 1000);
    since = at;
  };
}
