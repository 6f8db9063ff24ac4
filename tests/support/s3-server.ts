/**
 * A throwaway S3 server for integration tests: s3rver on 127.0.0.1, on a port the OS picks,
 * storing into a temp folder that close() removes. s3rver stands in for MinIO or AWS here:
 * it speaks the real S3 protocol (signed requests, multipart, ranges, ListObjectsV2), but
 * ignores conditional writes and cannot abort multipart uploads, so tests must not rely on those.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface TestS3Server {
  endpoint: string;
  /** A bucket that already exists. */
  bucket: string;
  accessKeyId: string;
  secretAccessKey: string;
  close(): Promise<void>;
}

/** The slice of s3rver's (untyped) API used here. */
interface S3rver {
  run(): Promise<AddressInfo>;
  close(): Promise<void>;
}
type S3rverConstructor = new (options: {
  address: string;
  port: number;
  directory: string;
  silent: boolean;
  configureBuckets: { name: string }[];
}) => S3rver;

// s3rver ships CommonJS without types; requiring it keeps the untyped import in one place.
const S3rver = createRequire(import.meta.url)('s3rver') as S3rverConstructor;

export async function startS3Server(bucket = 'disan-test'): Promise<TestS3Server> {
  const directory = await mkdtemp(join(tmpdir(), 'disan-s3rver-'));
  const server = new S3rver({ address: '127.0.0.1', port: 0, directory, silent: true, configureBuckets: [{ name: bucket }] });
  try {
    const { port } = await server.run();
    return {
      endpoint: `http://127.0.0.1:${port}`,
      bucket,
      // s3rver checks signatures against this fixed key pair.
      accessKeyId: 'S3RVER',
      secretAccessKey: 'S3RVER',
      close: async () => {
        await server.close();
        await rm(directory, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await rm(directory, { recursive: true, force: true });
    throw error;
  }
}
