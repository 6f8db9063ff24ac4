import type { FastifyBaseLogger } from 'fastify';
import type { Archive } from '@disan/ingest';
import { deliverLink as deliver, type Account, type OneTimeLink } from '@disan/ingest/accounts';

export interface IssuedLink {
  url: string;
  expiresAt: string;
  mailed: boolean;
}

/**
 * A one-time link as the person opens it (the site's page, in their language), mailed
 * where SMTP is configured. A mail that fails is logged and answered as not mailed: the
 * admin still has the link to pass on, so the invitation is not lost.
 */
export async function deliverLink(archive: Pick<Archive, 'mailer' | 'config'>, account: Account, link: OneTimeLink, log: FastifyBaseLogger): Promise<IssuedLink> {
  const { url, expiresAt, mailed, mailError } = await deliver(archive.mailer, archive.config.http.publicUrl, account, link);
  if (mailError !== undefined) log.error({ account: account.id, purpose: link.purpose, mailError }, 'mail: the link could not be sent');
  return { url, expiresAt, mailed };
}
