import type { Mailer } from '../mail/mailer.ts';
import { linkUrl } from './link-url.ts';
import type { Account, OneTimeLink } from './types.ts';

export interface DeliveredLink {
  url: string;
  expiresAt: string;
  /** True when the mail server accepted the mail; otherwise the admin passes the link on. */
  mailed: boolean;
  /** Why mailing failed, for the admin (the link still works). */
  mailError?: string;
}

/**
 * The link's URL in the account's language, mailed when a mailer is configured. The CLI
 * and the API both deliver links here, so they print and mail the same thing.
 */
export async function deliverLink(mailer: Mailer | undefined, publicUrl: string | undefined, account: Account, link: OneTimeLink): Promise<DeliveredLink> {
  const url = linkUrl(publicUrl, account.language, link.purpose, link.token);
  if (!mailer) return { url, expiresAt: link.expiresAt, mailed: false };
  try {
    await mailer.sendLink({ to: account.email, name: account.name, language: account.language, purpose: link.purpose, url, expiresAt: link.expiresAt });
    return { url, expiresAt: link.expiresAt, mailed: true };
  } catch (error) {
    return { url, expiresAt: link.expiresAt, mailed: false, mailError: error instanceof Error ? error.message : String(error) };
  }
}
