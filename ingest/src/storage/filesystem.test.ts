import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createStorage } from './create.ts';
import { describeStorageContract } from './storage.contract.ts';

describeStorageContract('filesystem', async () => {
  const root = await mkdtemp(join(tmpdir(), 'disan-storage-'));
  return {
    storage: await createStorage({ driver: 'filesystem', root }),
    leftovers: () => readdir(join(root, '.tmp')),
    teardown: () => rm(root, { recursive: true, force: true }),
  };
});
