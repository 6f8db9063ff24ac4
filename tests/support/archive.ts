import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Archive, type ArchiveOverrides, openArchive } from '@disan/ingest';
import { loadConfig } from '@disan/ingest/config';

/** A whole archive on embedded defaults in a fresh temp folder, removed by `dispose`. */
export async function temporaryArchive(env: Record<string, string> = {}, overrides: ArchiveOverrides = {}): Promise<{ archive: Archive; dataDir: string; dispose: () => Promise<void> }> {
  const dataDir = await mkdtemp(join(tmpdir(), 'disan-test-'));
  const archive = await openArchive(loadConfig({ DISAN_DATA_DIR: dataDir, ...env }), overrides);
  return {
    archive,
    dataDir,
    dispose: async () => {
      await archive.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
