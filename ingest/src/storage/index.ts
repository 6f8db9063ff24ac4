/** Object storage for originals and derivatives: a filesystem adapter (embedded) and S3. */
export { createStorage, type CreateStorageOptions } from './create.ts';
export { derivativeKey, originalKey } from './keys.ts';
export type { ByteRange, ObjectInfo, ObjectStorage, PutOptions } from './storage.ts';
