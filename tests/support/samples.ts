import { readdirSync } from 'node:fs';
import { extname, join } from 'node:path';

export const SAMPLES = join(import.meta.dirname, '..', '..', 'media-samples');

/** The media files of the sample archive (files in its subfolders; the top level holds its sheets and notes). */
export const SAMPLE_FILES = readdirSync(SAMPLES, { recursive: true, withFileTypes: true })
  .filter((entry) => entry.isFile() && entry.parentPath !== SAMPLES)
  .map((entry) => join(entry.parentPath, entry.name));

/** Sample files of one kind, by extension. */
export const samplesWith = (...extensions: string[]) => SAMPLE_FILES.filter((file) => extensions.includes(extname(file).toLowerCase()));

export const SAMPLE_PHOTOS = samplesWith('.jpg');
