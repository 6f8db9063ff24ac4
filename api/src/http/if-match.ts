import type { IncomingHttpHeaders } from 'node:http';
import type { FastifyReply } from 'fastify';
import { ValidationError } from '@disan/ingest';
import { PreconditionRequiredError } from '@disan/ingest/workspace';

/**
 * The head version a change was made from, from `If-Match: "v<n>"` (a weak `W/"v<n>"` is
 * taken too). Missing, or `*`, answers 428: a change must name the version it saw, so that
 * no one overwrites another's save unseen. A stale one is the engine's 412.
 * @example ifMatchOf({ headers: { 'if-match': '"v7"' } }) // 7
 */
export function ifMatchOf(request: { headers: IncomingHttpHeaders }): number {
  const header: string | undefined = request.headers['if-match'];
  const value = header?.trim();
  if (value === undefined || value === '' || value === '*') {
    throw new PreconditionRequiredError('This change needs If-Match with the ETag of the version you started from ("v<version>"), so that no one else\'s save is overwritten');
  }
  const match = /^(?:W\/)?"v([1-9]\d{0,9})"$/.exec(value.split(',')[0]?.trim() ?? '');
  if (!match) throw new ValidationError(`If-Match must be the record's ETag, "v<version>" (got ${value.slice(0, 40)})`);
  return Number(match[1]);
}

/** The ETag of a workspace record: its head version. */
export const versionTag = (version: number): string => `"v${version}"`;

/** Sets the record's ETag on the answer and returns the record. */
export function withVersionTag<T extends { version: number }>(reply: FastifyReply, record: T): T {
  reply.header('etag', versionTag(record.version));
  return record;
}
