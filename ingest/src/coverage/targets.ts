import { CoverageTargetInput, type CoverageTarget } from '@disan/schemas';
import { writeAudit } from '../catalog/audit.ts';
import { canonicalize, RecordValidationError, validate } from '../catalog/validate.ts';
import type { Sql } from '../database/database.ts';
import { ConflictError, NotFoundError } from '../errors.ts';

interface TargetRow {
  data: CoverageTargetInput;
  created_at: Date | string;
  updated_at: Date | string;
  [key: string]: unknown;
}

const iso = (value: Date | string): string => (value instanceof Date ? value : new Date(value)).toISOString();
const toTarget = (row: TargetRow): CoverageTarget => ({ ...row.data, createdAt: iso(row.created_at), updatedAt: iso(row.updated_at) });

/** The targets an admin sets, in the catalog; every change is in the audit trail. */
export function createTargetRepository(sql: Sql) {
  return {
    async list(options: { publicOnly?: boolean } = {}): Promise<CoverageTarget[]> {
      const rows = await sql.query<TargetRow>(
        `SELECT data, created_at, updated_at FROM coverage_targets ${options.publicOnly ? "WHERE (data->>'public')::boolean" : ''} ORDER BY data->>'deadline', id`,
      );
      return rows.map(toTarget);
    },

    async get(id: string): Promise<CoverageTarget | null> {
      const [row] = await sql.query<TargetRow>('SELECT data, created_at, updated_at FROM coverage_targets WHERE id = $1', [id]);
      return row ? toTarget(row) : null;
    },

    /** Creates a target; a taken id is a conflict, never an overwrite. */
    async create(input: unknown, actor: string): Promise<CoverageTarget> {
      const data = validateTarget(input);
      return sql.transaction(async (tx) => {
        const [row] = await tx.query<TargetRow>(
          'INSERT INTO coverage_targets (id, data) VALUES ($1, $2::jsonb) ON CONFLICT (id) DO NOTHING RETURNING data, created_at, updated_at',
          [data.id, JSON.stringify(data)],
        );
        if (!row) throw new ConflictError(`A target with id ${data.id} already exists`);
        await writeAudit(tx, { actor, action: 'coverage.target.create', target: data.id, details: { percentage: data.percentage, deadline: data.deadline } });
        return toTarget(row);
      });
    },

    async replace(id: string, input: unknown, actor: string): Promise<CoverageTarget> {
      const data = validateTarget(input);
      if (data.id !== id) throw new ConflictError(`The target's id (${data.id}) is not the one in the address (${id})`);
      return sql.transaction(async (tx) => {
        const [row] = await tx.query<TargetRow>(
          'UPDATE coverage_targets SET data = $2::jsonb, updated_at = now() WHERE id = $1 RETURNING data, created_at, updated_at',
          [id, JSON.stringify(data)],
        );
        if (!row) throw new NotFoundError(`No target ${id}`);
        await writeAudit(tx, { actor, action: 'coverage.target.update', target: id, details: { percentage: data.percentage, deadline: data.deadline } });
        return toTarget(row);
      });
    },

    async remove(id: string, actor: string): Promise<void> {
      await sql.transaction(async (tx) => {
        const rows = await tx.query('DELETE FROM coverage_targets WHERE id = $1 RETURNING id', [id]);
        if (rows.length === 0) throw new NotFoundError(`No target ${id}`);
        await writeAudit(tx, { actor, action: 'coverage.target.delete', target: id, details: {} });
      });
    },
  };
}

/**
 * Sets targets from a file (the sample archive's, a province's): each one created, or
 * replaced when it differs, or left as it is; a bad one is refused with its problems.
 */
export async function loadTargets(targets: TargetRepository, inputs: unknown, actor: string): Promise<{ created: number; updated: number; unchanged: number }> {
  if (!Array.isArray(inputs)) throw new RecordValidationError('coverage targets', [{ path: '', code: 'type', message: 'must be a JSON array of targets' }]);
  const counts = { created: 0, updated: 0, unchanged: 0 };
  for (const input of inputs) {
    const data = validateTarget(input);
    const existing = await targets.get(data.id);
    if (!existing) {
      await targets.create(data, actor);
      counts.created += 1;
    } else if (JSON.stringify(canonicalize({ ...existing, createdAt: undefined, updatedAt: undefined })) !== JSON.stringify(canonicalize(data))) {
      await targets.replace(data.id, data, actor);
      counts.updated += 1;
    } else counts.unchanged += 1;
  }
  return counts;
}

export type TargetRepository = ReturnType<typeof createTargetRepository>;

/** The schema, then what the schema cannot say: a real deadline day. */
export function validateTarget(input: unknown): CoverageTargetInput {
  const data = validate(CoverageTargetInput, input, 'coverage target');
  const day = new Date(`${data.deadline}T00:00:00Z`);
  if (Number.isNaN(day.getTime()) || day.toISOString().slice(0, 10) !== data.deadline) {
    throw new RecordValidationError('coverage target', [{ path: '/deadline', code: 'date-not-real', message: `${data.deadline} is not a day of the calendar` }]);
  }
  return data;
}
