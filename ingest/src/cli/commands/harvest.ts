import { out } from '../printable.ts';
import { HARVEST_PREFIXES, HarvestBaseUrl, HarvestSetSpec, type HarvestPrefix } from '@disan/schemas';
import { Value } from 'typebox/value';
import { type Archive, ValidationError } from '@disan/ingest';
import { createHarvestStore, runHarvest } from '@disan/ingest/library';
import type { CommandArgs } from '../args.ts';

/** OAI-PMH's two `from` forms: a day, or a UTC second. */
const FROM = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}:\d{2}Z)?$/;

/**
 * `disan harvest <base URL> [--prefix oai_dc|marc21] [--set s] [--from date]`: harvests
 * a repository into library records, as an unscheduled harvest source, so the same
 * command run again fetches only what changed since. Exit 1 when the run stopped on an
 * error or refused records.
 */
export async function runHarvestCommand(archive: Archive, { positionals, values }: CommandArgs): Promise<number> {
  const [baseUrl] = positionals;
  if (!baseUrl || !Value.Check(HarvestBaseUrl, baseUrl)) throw new ValidationError('name the repository\'s OAI-PMH base URL (http or https, no query string): disan harvest https://library.example.org/oai');
  const prefix = typeof values.prefix === 'string' ? values.prefix : 'oai_dc';
  if (!(HARVEST_PREFIXES as readonly string[]).includes(prefix)) throw new ValidationError(`--prefix must be one of ${HARVEST_PREFIXES.join(', ')}`);
  const set = typeof values.set === 'string' ? values.set : undefined;
  if (set !== undefined && !Value.Check(HarvestSetSpec, set)) throw new ValidationError(`--set "${String(set)}" is not an OAI-PMH setSpec`);
  const from = typeof values.from === 'string' ? values.from : undefined;
  if (from !== undefined && !FROM.test(from)) throw new ValidationError('--from must be a day (2024-01-31) or a UTC time (2024-01-31T08:00:00Z)');

  const source = await createHarvestStore(archive.db).findOrCreate({ baseUrl, metadataPrefix: prefix as HarvestPrefix, set }, 'command');
  out(`harvesting ${baseUrl} (${prefix}${set ? `, set ${set}` : ''})${from ?? source.lastDatestamp ? ` from ${from ?? source.lastDatestamp}` : ', everything'}\n`);
  const summary = await runHarvest(archive, source.id, {
    trigger: 'command',
    from,
    client: { onRetry: ({ attempt, waitMs, reason }) => { out(`  ${reason}: trying again in ${Math.round(waitMs / 1000)} s (attempt ${attempt + 1})\n`); } },
    onPage: ({ page, counts, completeListSize }) => {
      const seen = counts.created + counts.updated + counts.unchanged + counts.deleted + counts.refused;
      out(`  page ${page}: ${seen}${completeListSize === undefined ? '' : ` of ${completeListSize}`} records\n`);
    },
  });
  if (summary.skipped) {
    out(`not started: ${summary.skipped}\n`);
    return 1;
  }
  const { created, updated, unchanged, deleted, refused, pages } = summary.counts;
  out(`${created} created, ${updated} updated, ${unchanged} unchanged, ${deleted} deleted, ${refused} refused, in ${pages} pages\n`);
  for (const refusal of summary.refusals) out(`  refused ${refusal.identifier}: ${refusal.reason}\n`);
  if (summary.error) out(`stopped: ${summary.error}\n`);
  else if (summary.datestamp) out(`the next run starts from ${summary.datestamp}\n`);
  return summary.error !== undefined || refused > 0 ? 1 : 0;
}
