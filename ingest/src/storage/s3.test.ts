import { startS3Server } from '../../../tests/support/s3-server.ts';
import { createStorage } from './create.ts';
import { describeStorageContract } from './storage.contract.ts';

// s3rver stands in for MinIO or AWS: the adapter talks the real S3 protocol to it on loopback.
describeStorageContract('s3', async () => {
  const server = await startS3Server();
  const storage = await createStorage(
    { driver: 's3', endpoint: server.endpoint, bucket: server.bucket, region: 'us-east-1', accessKeyId: server.accessKeyId, secretAccessKey: server.secretAccessKey, forcePathStyle: true },
    // The smallest part S3 allows, and small list pages, so the contract exercises multipart and paging.
    { s3: { partSize: 5 * 1024 * 1024, listPageSize: 7 } },
  );
  return {
    storage,
    teardown: () => server.close(),
    // AWS and MinIO publish an object only when its upload completes; s3rver writes in place.
    skipReadsDuringOverwrite: 's3rver writes objects in place, unlike S3 and MinIO',
  };
});
