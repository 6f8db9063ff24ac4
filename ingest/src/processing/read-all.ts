import type { Readable } from 'node:stream';

/** Collects a stream into one Buffer (images must be whole in memory for libvips' buffer input). */
export async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
