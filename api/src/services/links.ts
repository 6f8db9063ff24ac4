import type { FastifyBaseLogger } from 'fastify';
import type { Archive } from '@disan/ingest';
import { linkUrl, type Account, type OneTimeLink } from '@disan/ingest/accounts';

export interface DeliveredLink {
  url: string;
  expiresAt: string;
  mailed: boolean;
}

/**
 * A one-time link as the person opens it (the site's page, in their language), mailed
 * when SMTP is configured. A mail that fails is logged and reported as not mailed: the
 * admin still has the link to copy, so the invitation is not lost.
 */
export async function deliverLink(archive: Archive, account: Account, link: OneTimeLink, log: FastifyBaseLogger): Promise<DeliveredLink> {
  const url = linkUrl(archive.config.http.publicUrl, account.language, link.purpose, link.token);
  return { url, expiresAt: link.expiresAt, mailed: await mailLink(archive, account, link.purpose, url, log) };
}

async function mailLink(archive: Archive, account: Account, purpose: OneTimeLink['purpose'], url: string, log: FastifyBaseLogger): Promise<boolean> {
  const { mail } = archive as Archive & { mail?: { sendLink(message: Record<string, string>): Promise<void> } };
  if (mail === undefined) return false;
  try {
    await mail.sendLink({ to: account.email, name: account.name, language: account.language, purpose, url, expiresAt: '' });
    return true;
  } catch (error) {
    log.error({ err: error, account: account.id, purpose }, 'mail: the link could not be sent');
    return false;
  }
}
