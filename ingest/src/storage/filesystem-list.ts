import { opendir } from 'node:fs/promises';
import { join } from 'node:path';
import { isMissing } from './filesystem-files.ts';

/**
 * Keys of the files under `root` that start with `prefix`, walking only the folders that
 * can hold such keys. Folders are read entry by entry (opendir), so a folder with a
 * million derivatives is never held in memory. Order is unspecified, as with `readdir`.
 * Entries starting with '.' are bookkeeping (temp files, sidecars), never objects.
 */
export async function* listFiles(root: string, prefix: string): AsyncGenerator<string> {
  const lastSlash = prefix.lastIndexOf('/');
  const start = lastSlash === -1 ? '' : prefix.slice(0, lastSlash);
  yield* walk(root, start, prefix);
}

async function* walk(root: string, folderKey: string, prefix: string): AsyncGenerator<string> {
  let dir;
  try {
    dir = await opendir(join(root, folderKey));
  } catch (error) {
    if (isMissing(error)) return;
    throw error;
  }
  for await (const entry of dir) {
    if (entry.name.startsWith('.')) continue;
    const key = folderKey === '' ? entry.name : `${folderKey}/${entry.name}`;
    if (entry.isDirectory() && couldContain(`${key}/`, prefix)) yield* walk(root, key, prefix);
    else if (entry.isFile() && key.startsWith(prefix)) yield key;
  }
}

function couldContain(folder: string, prefix: string): boolean {
  return folder.startsWith(prefix) || prefix.startsWith(folder);
}
