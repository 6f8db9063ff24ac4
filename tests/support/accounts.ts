import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { Archive } from '@disan/ingest';
import type { AccountRole } from '@disan/ingest/access';
import type { Account } from '@disan/ingest/accounts';

/** A password the policy takes (long, not common, unlike the email and the name). */
export const PASSWORD = 'lanterns over the Mekong 1975';

/** An active account with a password, made the way a person makes one: invitation, then the link. */
export async function addAccount(
  archive: Pick<Archive, 'accounts'>,
  input: { email: string; roles?: AccountRole[]; memberships?: { community: string; steward: boolean }[]; password?: string },
): Promise<Account> {
  const actor = { id: 'cli' };
  const created = await archive.accounts.users.create({ email: input.email, name: input.email.split('@')[0]!, language: 'vi', roles: input.roles ?? [] }, actor);
  const link = await archive.accounts.links.create(created.id, 'invitation', actor);
  await archive.accounts.links.consume(link.token, input.password ?? PASSWORD, actor);
  for (const m of input.memberships ?? []) await archive.accounts.communities.setMember(m.community, created.id, { steward: m.steward }, actor);
  return (await archive.accounts.users.get(created.id))!;
}

/** A browser's session as the tests hold it: the cookie to send back and the CSRF token for changes. */
export interface SignedIn {
  cookie: string;
  csrfToken: string;
  account: Account;
  /** Headers for a read. */
  reads: Record<string, string>;
  /** Headers for a change: the cookie and the CSRF token (a same-origin request sends no Origin through inject). */
  writes: Record<string, string>;
}

/** The session cookie an answer sets, as a `Cookie` header value; undefined when none was set. */
export function sessionCookieOf(response: LightMyRequestResponse, name = 'disan_session'): string | undefined {
  const cookie = response.cookies.find((c) => c.name === name);
  return cookie === undefined || cookie.value === '' ? undefined : `${name}=${cookie.value}`;
}

export async function signIn(app: FastifyInstance, email: string, password = PASSWORD, headers: Record<string, string> = {}): Promise<SignedIn> {
  const response = await app.inject({ method: 'POST', url: '/api/auth/sign-in', headers, payload: { email, password } });
  if (response.statusCode !== 200) throw new Error(`sign-in of ${email} answered ${response.statusCode}: ${response.body}`);
  const cookie = sessionCookieOf(response);
  if (cookie === undefined) throw new Error(`sign-in of ${email} set no session cookie`);
  const { csrfToken, account } = response.json<{ csrfToken: string; account: Account }>();
  return { cookie, csrfToken, account, reads: { cookie }, writes: { cookie, 'x-csrf-token': csrfToken } };
}
