/**
 * @disan/ingest/accounts: the people of the archive. `createAccounts(db, options)` (also
 * opened by `openArchive` as `archive.accounts`) implements the `Accounts` contract;
 * the helpers here are what the API, the CLI and the bench need besides.
 */
export type * from './types.ts';
export { createAccounts, type AccountsOptions } from './accounts.ts';
export type { MailFailure } from './notify.ts';
export { linkUrl, DEFAULT_SITE_URL } from './link-url.ts';
export { sessionSecret } from './secrets.ts';
export { ARGON2_MEMORY_KIB, ARGON2_PARALLELISM, ARGON2_TIME_COST, hashPassword, verifyPassword } from './passwords.ts';
export { checkPassword, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from './policy.ts';
export { LinkNotUsableError, PasswordPolicyError, TooManyAttemptsError, WrongCodeError, WrongPasswordError } from './errors.ts';
export { TOKEN_PREFIX } from './tokens.ts';
export { THROTTLE } from './throttle.ts';
export { deliverLink, type DeliveredLink } from './deliver-link.ts';
export { createMailer, NOTICE_EVENTS, NOTICE_TEXTS, type Mailer, type Notice, type NoticeEvent } from '../mail/index.ts';
