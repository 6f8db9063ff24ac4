import { out } from '../printable.ts';
import type { Archive } from '@disan/ingest';
import type { CommandArgs } from '../args.ts';

/** `disan reindex`: rebuilds the search index from the catalog, the system of record. */
export async function runReindexCommand(archive: Archive, _args: CommandArgs): Promise<number> {
  const started = Date.now();
  const count = await archive.indexer.reindexAll();
  out(`reindexed ${count} items into the ${archive.search.name} engine in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
  return 0;
}
