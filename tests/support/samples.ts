import { readdirSync } from 'node:fs';
import { extname, join, sep } from 'node:path';

export const SAMPLES = join(import.meta.dirname, '..', '..', 'media-samples');

/** Subfolders that `disan ingest` leaves to `disan import`: they carry their own JSON Lines file (dictionary/). */
export const SAMPLE_IMPORT_SETS = readdirSync(SAMPLES, { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && readdirSync(join(SAMPLES, entry.name)).some((name) => name.endsWith('.jsonl')))
  .map((entry) => join(SAMPLES, entry.name));

/** The media files of the sample archive that `disan ingest` takes (files in its subfolders; the top level holds its sheets and notes). */
export const SAMPLE_FILES = readdirSync(SAMPLES, { recursive: true, withFileTypes: true })
  .filter((entry) => entry.isFile() && entry.parentPath !== SAMPLES)
  .map((entry) => join(entry.parentPath, entry.name))
  .filter((file) => !SAMPLE_IMPORT_SETS.some((folder) => file.startsWith(folder + sep)));

/** Sample files of one kind, by extension. */
export const samplesWith = (...extensions: string[]) => SAMPLE_FILES.filter((file) => extensions.includes(extname(file).toLowerCase()));

export const SAMPLE_PHOTOS = samplesWith('.jpg');
