import type { FastifyRequest } from 'fastify';
import { isMediumRestricted, isRestricted, type AccessInfo, type MediumAccessInfo } from '@disan/ingest/access';
import type { Archive } from '@disan/ingest';
import { writeAudit } from '@disan/ingest/catalog';
import { actorOf } from '../routes/context.ts';

/**
 * Writes a read of restricted material (a draft, a withdrawn record, researchers',
 * community or embargoed material: `isRestricted`) to the audit trail, with the viewer,
 * the address and the request id. Called once the read is allowed and about to be
 * answered; the answer waits for the entry, so a read that cannot be recorded is not
 * served. Public records cost nothing: no write. With `medium`, the read is of that
 * medium's files, restricted also by its own rule or its speaker's consent (isMediumRestricted).
 */
export async function auditRead(
  archive: Pick<Archive, 'db'>,
  request: FastifyRequest,
  record: AccessInfo,
  entry: { action: 'record.read' | 'media.read'; target: string; details?: Record<string, unknown> },
  medium?: MediumAccessInfo,
): Promise<void> {
  if (!(medium ? isMediumRestricted(record, medium) : isRestricted(record))) return;
  const actor = actorOf(request);
  await writeAudit(archive.db, { actor: actor.id, action: entry.action, target: entry.target, details: entry.details ?? {}, address: actor.address, requestId: actor.requestId });
}
