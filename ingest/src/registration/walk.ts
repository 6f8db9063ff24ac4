import { lstat, readdir, realpath, stat } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';

/**
 * A file found on disk. `path` is a Buffer so that names that are not valid UTF-8
 * (old Windows or Mac archives) can still be opened; `name` is its readable form,
 * with U+FFFD where the bytes were not UTF-8.
 */
export interface FoundFile {
  path: Buffer;
  /** Path relative to the root it was found under, '/'-separated, for display and sheet matching. */
  relativePath: string;
  /** Named on the command line, rather than found inside a folder. */
  given: boolean;
  root: string;
  size: number;
}

const SKIPPED_NAMES = new Set(['.DS_Store', 'Thumbs.db', 'desktop.ini']);

/**
 * Finds every regular file under the given files or folders, in a stable order. Hidden
 * files are skipped, and so are subfolders that carry their own JSON Lines file: such a
 * folder is a `disan import` set (media-samples/dictionary/ with its entries and their
 * recordings), whose files are attached to its records by that import, not made into items
 * of their own. A file given directly is named relative to `root` when it lies inside it.
 */
export async function* walk(inputs: readonly string[], root?: string): AsyncGenerator<FoundFile | { relativePath: string; reason: string }> {
  for (const input of inputs) {
    const absolute = resolve(input);
    const info = await stat(absolute).catch(() => null);
    if (!info) {
      yield { relativePath: input, reason: 'no such file or folder' };
    } else if (info.isDirectory()) {
      yield* walkFolder(Buffer.from(absolute), absolute);
    } else if (info.isFile()) {
      const inside = root === undefined ? '' : relative(root, absolute);
      const named = inside !== '' && !inside.startsWith('..') ? inside.split(sep).join('/') : (input.split(sep).pop() ?? input);
      yield { path: Buffer.from(absolute), relativePath: named, root: root ?? resolve(absolute, '..'), size: info.size, given: true };
    } else {
      yield { relativePath: input, reason: 'not a regular file' };
    }
  }
}

/** A folder holding a `*.jsonl` file at its top: its files belong to that import. */
async function isImportSet(folder: Buffer): Promise<boolean> {
  const names = await readdir(folder, { encoding: 'buffer' });
  return names.some((name) => IMPORT_FILE.test(name.toString('utf8')));
}
const IMPORT_FILE = /^[^.].*\.jsonl$/i;

async function* walkFolder(folder: Buffer, root: string): AsyncGenerator<FoundFile | { relativePath: string; reason: string }> {
  const entries = await readdir(folder, { encoding: 'buffer', withFileTypes: true });
  entries.sort((a, b) => Buffer.compare(a.name, b.name));
  for (const entry of entries) {
    const name = entry.name.toString('utf8');
    if (name.startsWith('.') || SKIPPED_NAMES.has(name)) continue;
    const path = Buffer.concat([folder, Buffer.from(sep), entry.name]);
    const relativePath = relative(root, path.toString('utf8')).split(sep).join('/');
    if (entry.isDirectory()) {
      if (!(await isImportSet(path))) yield* walkFolder(path, root);
    } else if (entry.isFile()) {
      const info = await lstat(path);
      yield { path, relativePath, root, size: info.size, given: false };
    } else if (entry.isSymbolicLink()) {
      yield { relativePath, reason: 'symbolic links are not followed' };
    }
  }
}

/**
 * Resolves a path named in a sheet against the ingest root and refuses anything
 * that escapes it (../../etc/passwd, absolute paths, symlinks pointing outside).
 */
export async function resolveInside(root: string, named: string): Promise<{ path: string } | { reason: string }> {
  if (named.includes('\0')) return { reason: 'the file name contains a NUL byte' };
  const candidate = resolve(root, named);
  const rel = relative(root, candidate);
  if (rel === '' || rel.startsWith('..') || resolve(root, rel) !== candidate) {
    return { reason: `"${named}" is outside the folder being ingested` };
  }
  const real = await realpath(candidate).catch(() => null);
  if (!real) return { reason: `"${named}" does not exist in the folder being ingested` };
  const realRoot = await realpath(root);
  if (real !== realRoot && !real.startsWith(realRoot + sep)) return { reason: `"${named}" points outside the folder being ingested` };
  return { path: join(real) };
}
