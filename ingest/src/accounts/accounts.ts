import type { Role } from '../access/viewer.ts';
import type { AccountsConfig } from '../config.ts';
import type { Sql } from '../database/database.ts';
import { createCommunities } from './communities.ts';
import { createContext } from './context.ts';
import { createLinks } from './links.ts';
import type { NoticeOptions } from './notify.ts';
import { checkPassword } from './policy.ts';
import { createReauthenticate } from './reauth.ts';
import { createSecondFactor } from './second-factor.ts';
import { createSessions } from './sessions.ts';
import { createSignIn } from './sign-in.ts';
import { createTokens } from './tokens.ts';
import type { Accounts } from './types.ts';
import { createUsers } from './users.ts';

export interface AccountsOptions extends NoticeOptions {
  config: AccountsConfig;
  /** The clock; tests move it to check time-outs, expiry, throttling and TOTP windows. */
  now?: () => Date;
}

/** The people of the archive over the catalog database (see types.ts for the contract). */
export function createAccounts(db: Sql, options: AccountsOptions): Accounts {
  const ctx = createContext(db, options.config, options.now, { mailer: options.mailer, onMailFailed: options.onMailFailed });
  return {
    signIn: createSignIn(ctx),
    reauthenticate: createReauthenticate(ctx),
    viewerOf(account, scope) {
      const roles: Role[] = [...account.roles];
      const communities = account.memberships.map((m) => m.community);
      const stewardOf = account.memberships.filter((m) => m.steward).map((m) => m.community);
      if (communities.length > 0) roles.push('member');
      if (stewardOf.length > 0) roles.push('steward');
      return { kind: 'user', id: account.id, roles, communities, stewardOf, ...(scope === undefined ? {} : { scope }) };
    },
    users: createUsers(ctx),
    checkPassword,
    communities: createCommunities(ctx),
    sessions: createSessions(ctx),
    tokens: createTokens(ctx),
    links: createLinks(ctx),
    secondFactor: createSecondFactor(ctx),
    notifications: { settled: () => ctx.notifier.settled() },
  };
}
