import { randomUUID } from 'node:crypto';
import type { HarvestCounts, HarvestRefusal, HarvestRun, HarvestSource, HarvestSourceChanges, HarvestSourceInput } from '@disan/schemas';
import { isoDate, toNumber } from '../../catalog/rows.ts';
import type { Row, Sql } from '../../database/database.ts';
import { SQLSTATE, sqlState } from '../../database/driver-support.ts';
import { ConflictError } from '../../errors.ts';
import { writeAudit } from '../../catalog/audit.ts';

/** Who changed a source, as the audit trail names them (`user:<id>`, `operator`, `command`). */
export interface HarvestActor {
  actor: string;
  address?: string | undefined;
  requestId?: string | undefined;
}

/**
 * The harvester's tables (migration 0008): sources, the record each OAI identifier
 * became, and runs. Every piece of state lives here, never in a process's memory, so
 * several workers can share the schedule.
 */
export interface HarvestSourceRow {
  id: string;
  baseUrl: string;
  metadataPrefix: HarvestSourceInput['metadataPrefix'];
  set: string | undefined;
  intervalHours: number;
  enabled: boolean;
  recordStatus: HarvestSourceInput['recordStatus'];
  lastDatestamp: string | undefined;
}

export interface HarvestedRecordRow {
  itemId: string;
  datestamp: string;
  deleted: boolean;
  writtenVersion: number | null;
}

/** A run holds its source this long without finishing before another process may take it over. */
export const RUN_LEASE_HOURS = 6;
const MAX_REFUSALS_KEPT = 200;

export function createHarvestStore(db: Sql) {
  return {
    async create(input: HarvestSourceInput, createdBy: string, audit?: HarvestActor): Promise<string> {
      const id = randomUUID();
      try {
        await db.transaction(async (tx) => {
          await tx.query(
            `INSERT INTO harvest_sources (id, base_url, metadata_prefix, set_spec, interval_hours, enabled, record_status, created_by) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
            [id, input.baseUrl, input.metadataPrefix, input.set ?? null, input.intervalHours, input.enabled, input.recordStatus, createdBy],
          );
          if (audit) await writeAudit(tx, { ...audit, action: 'harvest-source.create', target: id, details: { ...input } });
        });
      } catch (error) {
        if (sqlState(error) === SQLSTATE.uniqueViolation) throw new ConflictError(`A source already harvests ${input.baseUrl} (${input.metadataPrefix}${input.set ? `, set ${input.set}` : ''})`, { cause: error });
        throw error;
      }
      return id;
    },

    /** The source harvesting this target, or a new unscheduled one (`disan harvest`). */
    async findOrCreate(target: { baseUrl: string; metadataPrefix: HarvestSourceInput['metadataPrefix']; set?: string | undefined }, createdBy: string): Promise<HarvestSourceRow> {
      const find = async () => {
        const [row] = await db.query('SELECT * FROM harvest_sources WHERE base_url = $1 AND metadata_prefix = $2 AND COALESCE(set_spec, \'\') = $3', [target.baseUrl, target.metadataPrefix, target.set ?? '']);
        return row ? toSourceRow(row) : undefined;
      };
      const found = await find();
      if (found) return found;
      try {
        await this.create({ ...target, intervalHours: 24, enabled: false, recordStatus: 'published' }, createdBy);
      } catch (error) {
        if (!(error instanceof ConflictError)) throw error;
      }
      return (await find())!;
    },

    async get(id: string): Promise<HarvestSourceRow | undefined> {
      const [row] = await db.query('SELECT * FROM harvest_sources WHERE id = $1', [id]);
      return row ? toSourceRow(row) : undefined;
    },

    async update(id: string, changes: HarvestSourceChanges, audit?: HarvestActor): Promise<boolean> {
      const columns: Record<string, unknown> = {
        base_url: changes.baseUrl,
        metadata_prefix: changes.metadataPrefix,
        set_spec: changes.set,
        interval_hours: changes.intervalHours,
        enabled: changes.enabled,
        record_status: changes.recordStatus,
      };
      const set = Object.entries(columns).filter(([, value]) => value !== undefined);
      // A different repository, format or set starts again from the beginning.
      const restart = changes.baseUrl !== undefined || changes.metadataPrefix !== undefined || changes.set !== undefined;
      const assignments = [...set.map(([column], index) => `${column} = $${index + 2}`), 'updated_at = now()', ...(restart ? ['last_datestamp = NULL'] : [])];
      try {
        return await db.transaction(async (tx) => {
          const rows = await tx.query(`UPDATE harvest_sources SET ${assignments.join(', ')} WHERE id = $1 RETURNING id`, [id, ...set.map(([, value]) => value)]);
          if (rows.length > 0 && audit) await writeAudit(tx, { ...audit, action: 'harvest-source.update', target: id, details: { ...changes } });
          return rows.length > 0;
        });
      } catch (error) {
        if (sqlState(error) === SQLSTATE.uniqueViolation) throw new ConflictError('Another source already harvests that base URL, format and set', { cause: error });
        throw error;
      }
    },

    /** The source and its runs go; the records it brought in stay in the archive, as records. */
    async remove(id: string, audit?: HarvestActor): Promise<boolean> {
      return db.transaction(async (tx) => {
        const rows = await tx.query('DELETE FROM harvest_sources WHERE id = $1 RETURNING base_url', [id]);
        if (rows.length > 0 && audit) await writeAudit(tx, { ...audit, action: 'harvest-source.delete', target: id, details: { baseUrl: rows[0]!.base_url } });
        return rows.length > 0;
      });
    },

    async list(): Promise<HarvestSource[]> {
      const rows = await db.query(
        `SELECT s.*, (SELECT count(*) FROM harvest_records r WHERE r.source_id = s.id) AS records FROM harvest_sources s ORDER BY s.created_at, s.id`,
      );
      const runs = await db.query(`SELECT DISTINCT ON (source_id) * FROM harvest_runs ORDER BY source_id, started_at DESC, id`);
      const lastRun = new Map(runs.map((run) => [String(run.source_id), toRun(run)]));
      return rows.map((row) => toSourceView(row, lastRun.get(String(row.id))));
    },

    async view(id: string): Promise<HarvestSource | undefined> {
      return (await this.list()).find((source) => source.id === id);
    },

    async runs(sourceId: string, limit = 20): Promise<HarvestRun[]> {
      return (await db.query('SELECT * FROM harvest_runs WHERE source_id = $1 ORDER BY started_at DESC, id LIMIT $2', [sourceId, limit])).map(toRun);
    },

    /** Ids of enabled sources whose interval has passed since their last run, with the run they are due for (a stable key). */
    async due(): Promise<{ id: string; key: string }[]> {
      const rows = await db.query(
        `SELECT id, last_run_at FROM harvest_sources WHERE enabled AND (last_run_at IS NULL OR last_run_at + interval_hours * interval '1 hour' <= now()) ORDER BY id`,
      );
      return rows.map((row) => ({ id: String(row.id), key: row.last_run_at === null ? 'first' : isoDate(row.last_run_at) }));
    },

    /**
     * Takes the source for one run, in any process: false while another run holds it
     * (within its lease). The run row is written in the same statement's transaction.
     */
    async startRun(sourceId: string, trigger: HarvestRun['trigger'], from: string | undefined): Promise<string | undefined> {
      return db.transaction(async (tx) => {
        const taken = await tx.query(
          `UPDATE harvest_sources SET running_since = now(), last_run_at = now() WHERE id = $1 AND (running_since IS NULL OR running_since < now() - $2 * interval '1 hour') RETURNING id`,
          [sourceId, RUN_LEASE_HOURS],
        );
        if (taken.length === 0) return undefined;
        const runId = randomUUID();
        await tx.query(`UPDATE harvest_runs SET status = 'failed', error = 'cut off (its process stopped)', finished_at = now() WHERE source_id = $1 AND status = 'running'`, [sourceId]);
        await tx.query(`INSERT INTO harvest_runs (id, source_id, trigger, status, from_datestamp) VALUES ($1, $2, $3, 'running', $4)`, [runId, sourceId, trigger, from ?? null]);
        return runId;
      });
    },

    /** Counts so far, so the admin page shows a long run's progress. */
    async progress(runId: string, counts: HarvestCounts, refusals: readonly HarvestRefusal[]): Promise<void> {
      await db.query(
        `UPDATE harvest_runs SET pages = $2, created = $3, updated = $4, unchanged = $5, deleted = $6, refused = $7, refusals = $8::jsonb WHERE id = $1`,
        [runId, counts.pages, counts.created, counts.updated, counts.unchanged, counts.deleted, counts.refused, JSON.stringify(refusals.slice(0, MAX_REFUSALS_KEPT))],
      );
    },

    async finishRun(sourceId: string, runId: string, outcome: { counts: HarvestCounts; refusals: readonly HarvestRefusal[]; error?: string | undefined; datestamp?: string | undefined }): Promise<void> {
      await this.progress(runId, outcome.counts, outcome.refusals);
      await db.transaction(async (tx) => {
        await tx.query(`UPDATE harvest_runs SET status = $2, error = $3, finished_at = now() WHERE id = $1`, [runId, outcome.error === undefined ? 'done' : 'failed', outcome.error ?? null]);
        await tx.query(
          outcome.error === undefined
            ? `UPDATE harvest_sources SET running_since = NULL, last_success_at = now(), last_error = NULL, last_datestamp = COALESCE($2, last_datestamp) WHERE id = $1`
            : `UPDATE harvest_sources SET running_since = NULL, last_error = $3, last_datestamp = COALESCE($2, last_datestamp) WHERE id = $1`,
          outcome.error === undefined ? [sourceId, outcome.datestamp ?? null] : [sourceId, outcome.datestamp ?? null, outcome.error],
        );
      });
    },

    async record(sourceId: string, identifier: string): Promise<HarvestedRecordRow | undefined> {
      const [row] = await db.query('SELECT * FROM harvest_records WHERE source_id = $1 AND identifier = $2', [sourceId, identifier]);
      return row ? { itemId: String(row.item_id), datestamp: String(row.datestamp), deleted: row.deleted === true, writtenVersion: row.written_version === null ? null : toNumber(row.written_version) } : undefined;
    },

    /** Whether another source brought this item in (two sources of one repository share its records). */
    async itemHarvested(itemId: string): Promise<boolean> {
      return (await db.query('SELECT 1 FROM harvest_records WHERE item_id = $1 LIMIT 1', [itemId])).length > 0;
    },

    async remember(sourceId: string, identifier: string, row: HarvestedRecordRow): Promise<void> {
      await db.query(
        `INSERT INTO harvest_records (source_id, identifier, item_id, datestamp, deleted, written_version) VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (source_id, identifier) DO UPDATE SET item_id = EXCLUDED.item_id, datestamp = EXCLUDED.datestamp, deleted = EXCLUDED.deleted,
           written_version = EXCLUDED.written_version, harvested_at = now()`,
        [sourceId, identifier, row.itemId, row.datestamp, row.deleted, row.writtenVersion],
      );
    },
  };
}

export type HarvestStore = ReturnType<typeof createHarvestStore>;

function toSourceRow(row: Row): HarvestSourceRow {
  return {
    id: String(row.id),
    baseUrl: String(row.base_url),
    metadataPrefix: row.metadata_prefix as HarvestSourceRow['metadataPrefix'],
    set: optionalText(row.set_spec),
    intervalHours: toNumber(row.interval_hours),
    enabled: row.enabled === true,
    recordStatus: row.record_status as HarvestSourceRow['recordStatus'],
    lastDatestamp: optionalText(row.last_datestamp),
  };
}

const optionalText = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);
const optionalDate = (value: unknown) => (value === null || value === undefined ? {} : { value: isoDate(value) });

function toSourceView(row: Row, lastRun: HarvestRun | undefined): HarvestSource {
  const source = toSourceRow(row);
  const lastRunAt = optionalDate(row.last_run_at).value;
  const lastSuccessAt = optionalDate(row.last_success_at).value;
  return {
    id: source.id,
    baseUrl: source.baseUrl,
    metadataPrefix: source.metadataPrefix,
    ...(source.set === undefined ? {} : { set: source.set }),
    intervalHours: source.intervalHours,
    enabled: source.enabled,
    recordStatus: source.recordStatus,
    createdBy: String(row.created_by),
    createdAt: isoDate(row.created_at),
    ...(lastRunAt === undefined ? {} : { lastRunAt }),
    ...(lastSuccessAt === undefined ? {} : { lastSuccessAt }),
    ...(source.lastDatestamp === undefined ? {} : { lastDatestamp: source.lastDatestamp }),
    ...(typeof row.last_error === 'string' ? { lastError: row.last_error } : {}),
    records: toNumber(row.records),
    running: row.running_since !== null,
    ...(lastRun ? { lastRun } : {}),
  };
}

function toRun(row: Row): HarvestRun {
  const finishedAt = optionalDate(row.finished_at).value;
  return {
    id: String(row.id),
    sourceId: String(row.source_id),
    trigger: row.trigger as HarvestRun['trigger'],
    status: row.status as HarvestRun['status'],
    startedAt: isoDate(row.started_at),
    ...(finishedAt === undefined ? {} : { finishedAt }),
    ...(typeof row.from_datestamp === 'string' ? { from: row.from_datestamp } : {}),
    counts: {
      pages: toNumber(row.pages),
      created: toNumber(row.created),
      updated: toNumber(row.updated),
      unchanged: toNumber(row.unchanged),
      deleted: toNumber(row.deleted),
      refused: toNumber(row.refused),
    },
    refusals: (typeof row.refusals === 'string' ? JSON.parse(row.refusals) : row.refusals) as HarvestRefusal[],
    ...(typeof row.error === 'string' ? { error: row.error } : {}),
  };
}
