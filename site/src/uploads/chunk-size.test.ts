import { describe, expect, it } from 'vitest';
import { adaptChunks, MAX_CHUNK_BYTES, MIN_CHUNK_BYTES, nextChunkSize, TARGET_SECONDS } from './chunk-size.ts';

const MiB = 1024 * 1024;

describe('chunk size of an upload', () => {
  it('grows by at most double while chunks go faster than the target, up to the maximum', () => {
    expect(nextChunkSize(MiB, MiB, 0.01)).toBe(2 * MiB);
    let size = MiB;
    for (let i = 0; i < 20; i++) size = nextChunkSize(size, size, 0.05);
    expect(size).toBe(MAX_CHUNK_BYTES);
  });

  it('shrinks by at most half on a slow link, down to the minimum', () => {
    expect(nextChunkSize(MiB, MiB, 60)).toBe(MiB / 2);
    let size = MiB;
    for (let i = 0; i < 20; i++) size = nextChunkSize(size, size, 60);
    expect(size).toBe(MIN_CHUNK_BYTES);
  });

  it('settles where a chunk takes about the target time', () => {
    // A 3G link of 100 KB/s: chunks of about 400 KB.
    const rate = 100_000;
    let size = MiB;
    for (let i = 0; i < 10; i++) size = nextChunkSize(size, size, size / rate);
    expect(size).toBeGreaterThan(rate * TARGET_SECONDS - 1024);
    expect(size).toBeLessThanOrEqual(rate * TARGET_SECONDS);
  });

  it('sets the options tus-js-client reads before each PATCH from the time each chunk took', () => {
    let clock = 0;
    const options = { chunkSize: MiB };
    const onChunk = adaptChunks(options, () => clock);
    clock = 10;
    onChunk(MiB);
    expect(options.chunkSize).toBe(2 * MiB);
    clock += 60_000;
    onChunk(2 * MiB);
    expect(options.chunkSize).toBe(MiB);
  });
});
