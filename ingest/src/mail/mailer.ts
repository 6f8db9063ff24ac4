import { createTransport } from 'nodemailer';
import type { LinkPurpose } from '@disan/schemas';
import { UpstreamError } from '../errors.ts';
import type { Notice } from './notice-texts.ts';
import { noticeMail } from './notices.ts';
import { linkMail } from './texts.ts';

/** Mail to people: invitations, password resets and security notices. The only file that knows nodemailer. */
export interface Mailer {
  sendLink(input: { to: string; name: string; language: string; purpose: LinkPurpose; url: string; expiresAt: string }): Promise<void>;
  /** A security notice to an account's holder (see notice-texts.ts). */
  sendNotice(input: { to: string; name: string; language: string; notice: Notice }): Promise<void>;
  close(): Promise<void>;
}

/**
 * A mailer over the SMTP server of DISAN_SMTP_URL (smtps:// for TLS from the start;
 * smtp:// upgrades with STARTTLS when the server offers it).
 * @example const mailer = createMailer({ smtpUrl: 'smtp://127.0.0.1:2525', from: 'Disan <disan@example.org>' });
 */
export function createMailer(options: { smtpUrl: string; from: string; now?: () => Date }): Mailer {
  // nodemailer waits up to 2 minutes to connect and 10 for a silent socket; the archive waits for
  // notices on their way before it closes, so a mail server that hangs must not hold a shutdown that long.
  const transport = createTransport({ url: options.smtpUrl, connectionTimeout: 15_000, greetingTimeout: 15_000, socketTimeout: 60_000 });
  const now = options.now ?? (() => new Date());
  const send = async (to: string, mail: { subject: string; text: string }) => {
    try {
      await transport.sendMail({ from: options.from, to, subject: mail.subject, text: mail.text });
    } catch (error) {
      throw new UpstreamError(`Could not send mail to ${to} through the SMTP server`, { cause: error });
    }
  };
  return {
    sendLink: (input) =>
      send(input.to, linkMail(input.language, input.purpose, { name: input.name, url: input.url, minutesLeft: (Date.parse(input.expiresAt) - now().getTime()) / 60_000 })),
    sendNotice: (input) => send(input.to, noticeMail(input.language, input.name, input.notice)),
    close() {
      transport.close();
      return Promise.resolve();
    },
  };
}
