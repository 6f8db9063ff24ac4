import { readFile } from 'node:fs/promises';
import type { Archive } from '@disan/ingest';
import { createCoverage, loadTargets } from '@disan/ingest/coverage';
import type { CommandArgs } from '../args.ts';
import { err, out } from '../printable.ts';

/** `disan coverage targets <file.json>`: sets digitisation targets from a JSON array (created, changed or left alone). */
export async function runCoverageCommand(archive: Archive, args: CommandArgs): Promise<number> {
  const [action, file] = args.positionals;
  if (action !== 'targets' || file === undefined) {
    err('usage: disan coverage targets <file.json>\n');
    return 2;
  }
  let inputs: unknown;
  try {
    inputs = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    err(`disan coverage: ${file} is not readable JSON: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
  const counts = await loadTargets(createCoverage(archive.db).targets, inputs, 'cli');
  out(`coverage targets: ${counts.created} created, ${counts.updated} changed, ${counts.unchanged} unchanged\n`);
  return 0;
}
