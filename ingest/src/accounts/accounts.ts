import type { AccountsConfig } from '../config.ts';
import type { Sql } from '../database/database.ts';
import { DisanError } from '../errors.ts';
import type { Accounts } from './types.ts';
import { checkPassword } from './policy.ts';

export interface AccountsOptions {
  config: AccountsConfig;
  /** The clock; tests move it to check time-outs, expiry, throttling and TOTP windows. */
  now?: () => Date;
}

const pending = (): never => {
  throw new DisanError('accounts: not implemented yet');
};

/** The people of the archive over the catalog database (see types.ts for the contract). */
export function createAccounts(_db: Sql, _options: AccountsOptions): Accounts {
  return {
    signIn: pending,
    viewerOf: pending,
    users: { create: pending, get: pending, findByEmail: pending, list: pending, update: pending, changePassword: pending, count: pending },
    checkPassword,
    communities: { list: pending, create: pending, members: pending, setMember: pending, removeMember: pending },
    sessions: { load: pending, save: pending, destroy: pending, destroyAll: pending, list: pending, destroyByHandle: pending, handleOf: pending },
    tokens: { create: pending, list: pending, revoke: pending, resolve: pending },
    links: { create: pending, peek: pending, consume: pending, requestReset: pending },
    secondFactor: { begin: pending, confirm: pending, disable: pending },
  };
}
