import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startS3Server, type TestS3Server } from '../../../tests/support/s3-server.ts';
import { UpstreamError } from '../errors.ts';
import { createStorage } from './create.ts';
import { S3Storage, type S3StorageConfig } from './s3.ts';
import { describeStorageContract } from '../../../tests/contract/storage.contract.ts';
import { bytes, chunkedStream, failingStream } from '../../../tests/contract/test-streams.ts';

const MiB = 1024 * 1024;

// s3rver stands in for MinIO or AWS: the adapter talks the real S3 protocol to it on loopback.
describeStorageContract('s3', async () => {
  const server = await startS3Server();
  const storage = await createStorage(
    { driver: 's3', endpoint: server.endpoint, bucket: server.bucket, region: 'us-east-1', accessKeyId: server.accessKeyId, secretAccessKey: server.secretAccessKey, forcePathStyle: true },
    // The smallest part S3 allows, and small list pages, so the contract exercises multipart and paging.
    { s3: { partSize: 5 * MiB, listPageSize: 7 } },
  );
  return {
    storage,
    teardown: () => server.close(),
    // AWS and MinIO publish an object only when its upload completes; s3rver writes in place.
    skipReadsDuringOverwrite: 's3rver writes objects in place, unlike S3 and MinIO',
  };
});

describe('S3 storage specifics', () => {
  let server: TestS3Server;
  const configFor = (bucket: string, endpoint = server.endpoint): S3StorageConfig => ({
    driver: 's3',
    endpoint,
    bucket,
    region: 'us-east-1',
    accessKeyId: server.accessKeyId,
    secretAccessKey: server.secretAccessKey,
    forcePathStyle: true,
  });
  beforeAll(async () => {
    server = await startS3Server();
  });
  afterAll(async () => {
    await server.close();
  });

  test.each([
    { size: 12 * MiB, parts: 3 },
    { size: 3 * MiB, parts: 0 },
  ])('a $size-byte body is uploaded in $parts parts (0: one PutObject)', async ({ size, parts }) => {
    const storage = await createStorage(configFor(server.bucket), { s3: { partSize: 5 * MiB } });
    const key = `parts/${size}`;
    await storage.put(key, chunkedStream(bytes(size), MiB), { contentType: 'video/mp4' });
    await storage.close();
    const forKey = server.requests().filter((request) => request.startsWith(`PUT /${server.bucket}/${key}`));
    expect(forKey.filter((request) => request.includes('partNumber='))).toHaveLength(parts);
    expect(forKey).toHaveLength(Math.max(parts, 1));
  });

  test('a multipart upload whose body fails is aborted, so no parts are left behind', async () => {
    const storage = await createStorage(configFor(server.bucket), { s3: { partSize: 5 * MiB } });
    const boom = new Error('client went away');
    await expect(storage.put('aborted/x', failingStream(bytes(11 * MiB), boom), { contentType: 'video/mp4' })).rejects.toBe(boom);
    await storage.close();
    // s3rver refuses AbortMultipartUpload, but the request shows the adapter sent it.
    expect(server.requests().filter((request) => request.startsWith(`DELETE /${server.bucket}/aborted/x?uploadId=`))).toHaveLength(1);
  });

  test('ensureBucket creates a missing bucket; without it the bucket stays missing', async () => {
    const without = await createStorage(configFor('not-created'));
    await expect(without.ping()).rejects.toBeInstanceOf(UpstreamError);
    await expect(without.get('x')).rejects.toBeInstanceOf(UpstreamError);
    await without.close();

    const withBucket = await createStorage(configFor('created-on-demand'), { ensureBucket: true });
    await expect(withBucket.ping()).resolves.toBeUndefined();
    await withBucket.put('x', bytes(3), { contentType: 'text/plain' });
    expect((await withBucket.head('x'))?.size).toBe(3);
    await withBucket.close();
  });

  test('an unreachable server is an UpstreamError that keeps the cause', async () => {
    const storage = new S3Storage(configFor(server.bucket, 'http://127.0.0.1:9'));
    const error: unknown = await storage.head('x').catch((e: unknown) => e);
    await storage.close();
    expect(error).toBeInstanceOf(UpstreamError);
    expect((error as UpstreamError).cause).toBeInstanceOf(Error);
  });
});
