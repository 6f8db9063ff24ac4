import { HarvestRunList, HarvestRunQueued, HarvestSource, HarvestSourceList, type HarvestRun, type HarvestSourceChanges, type HarvestSourceInput } from '@disan/schemas';
import type { Transport } from './transport.ts';

/**
 * The harvest sources of the API (issue 13, admin-only: anyone else gets its 404), called
 * as the visitor. The API has no route for one source: `source` reads the list, which is
 * short (an archive harvests a handful of libraries).
 */
export interface HarvestClient {
  sources(): Promise<HarvestSource[]>;
  /** One source, or null when the list does not have it. */
  source(id: string): Promise<HarvestSource | null>;
  create(input: HarvestSourceInput): Promise<HarvestSource>;
  update(id: string, changes: HarvestSourceChanges): Promise<HarvestSource>;
  remove(id: string): Promise<void>;
  /** Queues a run now; `created: false` when one was already waiting. */
  run(id: string): Promise<HarvestRunQueued>;
  runs(id: string): Promise<HarvestRun[]>;
}

const segment = (value: string): string => encodeURIComponent(value);

export function harvestClient({ get, send }: Transport): HarvestClient {
  const sources = async () => (await get(HarvestSourceList, '/api/harvest-sources')).sources;
  return {
    sources,
    source: async (id) => (await sources()).find((source) => source.id === id) ?? null,
    create: (input) => send('POST', '/api/harvest-sources', input, HarvestSource),
    update: (id, changes) => send('PATCH', `/api/harvest-sources/${segment(id)}`, changes, HarvestSource),
    remove: (id) => send('DELETE', `/api/harvest-sources/${segment(id)}`, undefined, null),
    run: (id) => send('POST', `/api/harvest-sources/${segment(id)}/run`, undefined, HarvestRunQueued),
    runs: async (id) => (await get(HarvestRunList, `/api/harvest-sources/${segment(id)}/runs`)).runs,
  };
}
