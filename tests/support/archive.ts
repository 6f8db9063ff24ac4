import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Archive, type ArchiveOverrides, openArchive } from '@disan/ingest';
import { loadConfig } from '@disan/ingest/config';
import { seedCatalog } from './catalog-template.ts';

/**
 * A whole archive on embedded defaults in a fresh temp folder, removed by `dispose`. Its
 * embedded catalog starts as a copy of an empty, migrated one (tests/support/catalog-template.ts):
 * the same archive a fresh folder gives, without creating and migrating PostgreSQL every time.
 */
export async function temporaryArchive(env: Record<string, string> = {}, overrides: ArchiveOverrides = {}): Promise<{ archive: Archive; dataDir: string; dispose: () => Promise<void> }> {
  const dataDir = await mkdtemp(join(tmpdir(), 'disan-test-'));
  const config = loadConfig({ DISAN_DATA_DIR: dataDir, ...env });
  if (config.database.driver === 'pglite') await seedCatalog(config.database.dir);
  const archive = await openArchive(config, overrides);
  return {
    archive,
    dataDir,
    dispose: async () => {
      await archive.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
