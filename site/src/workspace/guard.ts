import type { Account } from '@disan/schemas';
import { ApiError, ApiNotFoundError } from '../api/errors.ts';

/** Whether the header and pages offer the workspace (the API decides what each route allows). */
export const usesWorkspace = (account: Account | null): boolean => account?.roles.some((r) => r === 'admin' || r === 'reviewer' || r === 'archivist') ?? false;

/**
 * A workspace page's loads: not found, or not allowed (401/403, 400), read as the 404 page,
 * as the API's own doors answer; the API down is the "try again" page.
 */
export async function loadWorkspace<T>(work: () => Promise<T>): Promise<{ ok: true; data: T } | { ok: false; status: 404 | 503 }> {
  try {
    return { ok: true, data: await work() };
  } catch (error) {
    if (error instanceof ApiNotFoundError) return { ok: false, status: 404 };
    if (error instanceof ApiError && error.status >= 400 && error.status < 500) return { ok: false, status: 404 };
    console.error('site: a workspace page could not load', error);
    return { ok: false, status: 503 };
  }
}
