import { ConflictError, DisanError, UpstreamError } from '../errors.ts';
import type { Sql } from './database.ts';

/** SQLSTATE codes the catalog reacts to (https://www.postgresql.org/docs/current/errcodes-appendix.html). */
export const SQLSTATE = {
  uniqueViolation: '23505',
  foreignKeyViolation: '23503',
} as const;

/** The SQLSTATE of a driver error, or of the driver error kept as `cause` of a mapped one. */
export function sqlState(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code;
  if (error instanceof Error && error.cause !== undefined) return sqlState(error.cause);
  return undefined;
}

/**
 * Maps whatever a driver threw to a DisanError, keeping the original as `cause`.
 * Errors that are already ours (thrown inside a transaction callback) pass through
 * unchanged, so a rollback never hides the real reason.
 */
export function toDatabaseError(error: unknown): DisanError {
  if (error instanceof DisanError) return error;
  const detail = error instanceof Error ? error.message : String(error);
  if (sqlState(error) === SQLSTATE.uniqueViolation) return new ConflictError(`Already exists: ${detail}`, { cause: error });
  return new UpstreamError(`Catalog database error: ${detail}`, { cause: error });
}

let savepointCounter = 0;

/** A nested `transaction` on a transaction: a savepoint, so an inner failure undoes only its own work. */
export async function withSavepoint<R>(tx: Sql, fn: (tx: Sql) => Promise<R>): Promise<R> {
  const name = `disan_sp_${++savepointCounter}`;
  await tx.exec(`SAVEPOINT ${name}`);
  try {
    const result = await fn(tx);
    await tx.exec(`RELEASE SAVEPOINT ${name}`);
    return result;
  } catch (error) {
    await tx.exec(`ROLLBACK TO SAVEPOINT ${name}`);
    throw error;
  }
}
