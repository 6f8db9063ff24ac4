import type { HarvestCounts, HarvestRefusal, HarvestRun } from '@disan/schemas';
import { SYSTEM, type Viewer } from '../../access/index.ts';
import type { Sql } from '../../database/database.ts';
import { DisanError, NotFoundError } from '../../errors.ts';
import type { Workspace } from '../../workspace/types.ts';
import { readerFor } from './formats.ts';
import { createOaiClient, type OaiClientOptions } from './oai-client.ts';
import type { OaiRecord } from './oai-xml.ts';
import { writeHarvestedRecord } from './records.ts';
import { createHarvestStore, type HarvestSourceRow } from './store.ts';

export interface HarvestDeps {
  db: Sql;
  workspace: Pick<Workspace, 'get' | 'create' | 'save' | 'publish' | 'withdraw'>;
}

export interface HarvestProgress {
  page: number;
  counts: HarvestCounts;
  completeListSize?: number | undefined;
}

export interface HarvestRunOptions {
  trigger: HarvestRun['trigger'];
  /** Overrides the source's last datestamp (`disan harvest --from`). */
  from?: string | undefined;
  client?: OaiClientOptions;
  /** Who writes the records (default: the system, as the audit trail names it). */
  viewer?: Viewer;
  onPage?: (progress: HarvestProgress) => void;
}

export interface HarvestSummary {
  runId: string | undefined;
  /** Set when another run of the source was in progress and this one did not start. */
  skipped?: string;
  from: string | undefined;
  counts: HarvestCounts;
  refusals: HarvestRefusal[];
  /** Why the run stopped early (network, an OAI-PMH error); the records before it are kept. */
  error?: string;
  /** The highest datestamp reached: the next run's `from`. */
  datestamp?: string;
}

/**
 * One run of a source: Identify (for the granularity of `from`), then ListRecords from
 * the last datestamp reached, every page in turn, each record written through the
 * workspace engine. A record that fails validation is refused with its OAI identifier and
 * the reason, the others go through. The run, its counts and its refusals are recorded
 * (harvest_runs); only a run that reached the end of the list moves the source's datestamp,
 * since a list need not come in datestamp order.
 */
export async function runHarvest(deps: HarvestDeps, sourceId: string, options: HarvestRunOptions): Promise<HarvestSummary> {
  const store = createHarvestStore(deps.db);
  const source = await store.get(sourceId);
  if (!source) throw new NotFoundError(`No harvest source ${sourceId}`);
  const counts: HarvestCounts = { pages: 0, created: 0, updated: 0, unchanged: 0, deleted: 0, refused: 0 };
  const refusals: HarvestRefusal[] = [];
  const requestedFrom = options.from ?? source.lastDatestamp;
  const runId = await store.startRun(source.id, options.trigger, requestedFrom);
  if (!runId) return { runId, skipped: 'another run of this source is in progress', from: requestedFrom, counts, refusals };

  const client = createOaiClient(source.baseUrl, options.client);
  const writer = { workspace: deps.workspace, store, viewer: options.viewer ?? SYSTEM };
  let highest: string | undefined;
  let from: string | undefined = requestedFrom;
  try {
    const reader = readerFor(source.metadataPrefix, source.baseUrl);
    if (requestedFrom !== undefined) from = atGranularity(requestedFrom, (await client.identify()).granularity);
    for await (const page of client.listRecords({ metadataPrefix: source.metadataPrefix, set: source.set, from })) {
      counts.pages++;
      for (const record of page.records) {
        if (highest === undefined || record.header.datestamp > highest) highest = record.header.datestamp;
        await harvestOne(writer, source, record, reader, counts, refusals);
      }
      await store.progress(runId, counts, refusals);
      options.onPage?.({ page: counts.pages, counts: { ...counts }, completeListSize: page.resumptionToken?.completeListSize });
    }
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    await store.finishRun(source.id, runId, { counts, refusals, error: message });
    return { runId, from, counts, refusals, error: message };
  }
  await store.finishRun(source.id, runId, { counts, refusals, datestamp: highest });
  return { runId, from, counts, refusals, ...(highest === undefined ? {} : { datestamp: highest }) };
}

async function harvestOne(
  writer: Parameters<typeof writeHarvestedRecord>[0],
  source: HarvestSourceRow,
  record: OaiRecord,
  reader: ReturnType<typeof readerFor>,
  counts: HarvestCounts,
  refusals: HarvestRefusal[],
): Promise<void> {
  try {
    const fields = record.header.deleted || !record.metadata ? undefined : reader(record.metadata.node);
    counts[await writeHarvestedRecord(writer, source, record.header, fields)]++;
  } catch (error) {
    // A problem with this record (invalid, refused): reported, the run goes on. Anything else (the database) stops it.
    if (!(error instanceof DisanError) || error.status >= 500) throw error;
    counts.refused++;
    refusals.push({ identifier: record.header.identifier, reason: error.message });
  }
}

/** `from` as the repository's granularity allows: a day-granular server refuses a time. */
export function atGranularity(datestamp: string, granularity: string): string {
  return granularity === 'YYYY-MM-DD' ? datestamp.slice(0, 10) : datestamp;
}

export { createHarvestStore };
export type { HarvestSourceRow };
