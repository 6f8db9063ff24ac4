import type { Archive } from '@disan/ingest';
import { ACCOUNT_ROLES, type AccountRole } from '@disan/ingest/access';
import { DEFAULT_SITE_URL, deliverLink, type Account } from '@disan/ingest/accounts';
import { ValidationError } from '@disan/ingest';
import type { CommandArgs } from '../args.ts';
import { err, out } from '../printable.ts';
import { canPrompt, promptHidden, promptLine } from '../prompt.ts';

const CLI = { id: 'cli' };

/**
 * `disan users add|list|disable|second-factor`: accounts from the command line, for the
 * first admin (nobody can invite before one exists) and for an operator at the server.
 */
export async function runUsersCommand(archive: Archive, args: CommandArgs): Promise<number> {
  const [action, email] = args.positionals;
  switch (action) {
    case 'add':
      return addUser(archive, email, args.values);
    case 'list':
      return listUsers(archive);
    case 'disable':
      return disableUser(archive, email);
    case 'second-factor':
      return setUpSecondFactor(archive, email);
    case undefined:
    default:
      err('usage: disan users add <email> --name "…" --role admin [--role …] [--language vi|en|km|zh] [--link] | list | disable <email> | second-factor <email>\n');
      return 2;
  }
}

async function addUser(archive: Archive, email: string | undefined, values: CommandArgs['values']): Promise<number> {
  const name = typeof values.name === 'string' ? values.name : undefined;
  const roles = (Array.isArray(values.role) ? values.role : []).map((role) => role.trim());
  if (!email || !name) {
    err('usage: disan users add <email> --name "Full Name" --role admin [--role …] [--language vi|en|km|zh] [--link]\n');
    return 2;
  }
  const unknown = roles.filter((role) => !(ACCOUNT_ROLES as readonly string[]).includes(role));
  if (unknown.length > 0) throw new ValidationError(`unknown role ${unknown.join(', ')}: roles are ${ACCOUNT_ROLES.join(', ')}`);
  const language = typeof values.language === 'string' ? values.language : 'vi';
  const account = await archive.accounts.users.create({ email, name, language, roles: roles as AccountRole[] }, CLI);
  const link = await archive.accounts.links.create(account.id, 'invitation', CLI);
  if (!values.link && canPrompt()) {
    const password = await askNewPassword(archive, account);
    await archive.accounts.links.consume(link.token, password, CLI);
    out(`created ${account.email} (${describeRoles(account)}), active: sign in at ${signInUrl(archive, account)}\n`);
    return 0;
  }
  const delivered = await deliverLink(archive.mailer, archive.config.http.publicUrl, account, link);
  out(`created ${account.email} (${describeRoles(account)}), invited: the password is set through this one-time link, valid until ${delivered.expiresAt}:\n  ${delivered.url}\n`);
  if (delivered.mailed) out(`the link was also mailed to ${account.email}\n`);
  if (delivered.mailError) err(`could not mail the link (${delivered.mailError}): pass it on yourself\n`);
  return 0;
}

async function askNewPassword(archive: Archive, account: Account): Promise<string> {
  for (let attempt = 1; ; attempt++) {
    const password = await promptHidden(`password for ${account.email} (at least 10 characters): `);
    const problems = archive.accounts.checkPassword(password, { email: account.email, name: account.name });
    if (problems.length === 0 && (await promptHidden('the same password again: ')) === password) return password;
    err(problems.length > 0 ? `${problems.join('\n')}\n` : 'the two passwords differ\n');
    if (attempt === 3) throw new ValidationError('no password set after three tries; run the command again with --link to print a one-time link instead');
  }
}

async function listUsers(archive: Archive): Promise<number> {
  const { accounts, total } = await archive.accounts.users.list({ limit: 10_000 });
  if (total === 0) out('no accounts yet: disan users add <email> --name "…" --role admin creates the first admin\n');
  for (const account of accounts) {
    const secondFactor = account.secondFactor ? ', second factor on' : '';
    out(`${account.email}\t${account.name}\t${account.status}\t${describeRoles(account)}${secondFactor}\tlast sign-in ${account.lastLoginAt ?? 'never'}\n`);
  }
  return 0;
}

async function disableUser(archive: Archive, email: string | undefined): Promise<number> {
  const account = email ? await archive.accounts.users.findByEmail(email) : null;
  if (!account) {
    err(email ? `no account with the email ${email}\n` : 'usage: disan users disable <email>\n');
    return email ? 1 : 2;
  }
  await archive.accounts.users.update(account.id, { status: 'disabled' }, CLI);
  out(`disabled ${account.email}: it can no longer sign in, and its sessions have ended\n`);
  return 0;
}

/** The way in for an admin when DISAN_ADMIN_SECOND_FACTOR=required and they have none yet. */
async function setUpSecondFactor(archive: Archive, email: string | undefined): Promise<number> {
  const account = email ? await archive.accounts.users.findByEmail(email) : null;
  if (!account) {
    err(email ? `no account with the email ${email}\n` : 'usage: disan users second-factor <email>\n');
    return email ? 1 : 2;
  }
  if (!canPrompt()) {
    err('setting up a second factor needs a terminal: run this command in one\n');
    return 1;
  }
  const { secret, uri } = await archive.accounts.secondFactor.begin(account.id);
  out(`add this to an authenticator app (type the key, or turn the address into a QR code):\n  key: ${secret}\n  address: ${uri}\n`);
  const code = await promptLine('then type the 6-digit code it shows: ');
  const recovery = await archive.accounts.secondFactor.confirm(account.id, code, CLI);
  out(`second factor on for ${account.email}. Recovery codes, each usable once if the phone is lost (keep them apart from it):\n${recovery.map((c) => `  ${c}`).join('\n')}\n`);
  return 0;
}

const describeRoles = (account: Account) => (account.roles.length > 0 ? account.roles.join(', ') : 'no role');

const signInUrl = (archive: Archive, account: Account) =>
  `${archive.config.http.publicUrl ?? DEFAULT_SITE_URL}${account.language === 'vi' ? '' : `/${account.language}`}/sign-in`;
