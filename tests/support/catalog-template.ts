/**
 * A migrated, empty embedded catalog to copy into each test archive's folder. Opening a
 * fresh folder makes PGlite create its cluster and run every migration: 12 s of CPU per
 * archive, measured, against 1.4 s to open a copy of one already made (the copy itself is
 * plain file I/O). Dozens of suites open a fresh archive each; the template is made once
 * per machine for these migrations and this PGlite, and shared by every run and worker.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile, cp, mkdtemp, rename, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openArchive } from '@disan/ingest';
import { loadConfig } from '@disan/ingest/config';

const ROOT = join(import.meta.dirname, '..', '..');
/** What the catalog's files depend on: the code that creates and migrates it, and PGlite's version. */
const DATABASE_SOURCES = join(ROOT, 'ingest', 'src', 'database');
const PGLITE_PACKAGE = join(ROOT, 'node_modules', '@electric-sql', 'pglite', 'package.json');

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name)).sort();
}

/** Changes whenever a migration, the database code or PGlite changes: an old template is never used. */
async function templateKey(): Promise<string> {
  const hash = createHash('sha256');
  for (const file of [...(await filesUnder(DATABASE_SOURCES)), PGLITE_PACKAGE]) hash.update(file).update(await readFile(file));
  return hash.digest('hex').slice(0, 16);
}

let made: Promise<string> | undefined;

/** The template's folder, made on first use: an archive opened once on a fresh folder and closed, its catalog kept. */
export function catalogTemplate(): Promise<string> {
  made ??= (async () => {
    const template = join(tmpdir(), `disan-test-catalog-${await templateKey()}`);
    if (await stat(template).then((info) => info.isDirectory(), () => false)) return template;
    const building = await mkdtemp(join(tmpdir(), 'disan-test-catalog-making-'));
    try {
      const archive = await openArchive(loadConfig({ DISAN_DATA_DIR: building, LOG_LEVEL: 'silent' }));
      await archive.close();
      // Another worker may have made it meanwhile: the rename is atomic, and theirs is as good.
      await rename(join(building, 'catalog'), template).catch(async (error: unknown) => {
        if (!(await stat(template).then(() => true, () => false))) throw error;
      });
    } finally {
      await rm(building, { recursive: true, force: true });
    }
    return template;
  })();
  return made;
}

/** Puts a copy of the template where a test archive's embedded catalog will be opened (a folder not yet there). */
export async function seedCatalog(catalogDir: string): Promise<void> {
  await cp(await catalogTemplate(), catalogDir, { recursive: true, errorOnExist: true, force: false });
}
