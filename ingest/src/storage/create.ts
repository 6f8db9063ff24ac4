import type { Config } from '../config.ts';
import { FilesystemStorage } from './filesystem.ts';
import { S3Storage, type S3Tuning } from './s3.ts';
import type { ObjectStorage } from './storage.ts';

export interface CreateStorageOptions {
  /** S3 only: create the bucket when it is missing (first start-up, tests). Off by default so a typo in S3_BUCKET fails loudly. */
  ensureBucket?: boolean;
  /** S3 only: part size, upload queue and list page size. */
  s3?: S3Tuning;
}

/**
 * The storage adapter chosen by configuration, ready to use.
 * @example const storage = await createStorage(config.storage, { ensureBucket: true });
 */
export async function createStorage(config: Config['storage'], options: CreateStorageOptions = {}): Promise<ObjectStorage> {
  switch (config.driver) {
    case 'filesystem': {
      const storage = new FilesystemStorage(config.root);
      await storage.init();
      return storage;
    }
    case 's3': {
      const storage = new S3Storage(config, options.s3);
      if (options.ensureBucket === true) {
        await storage.ensureBucket().catch(async (error: unknown) => {
          await storage.close();
          throw error;
        });
      }
      return storage;
    }
  }
}
