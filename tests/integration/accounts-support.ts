/** A controllable clock and an accounts engine over a test database, for the accounts suites. */
import { type Accounts, type AccountsOptions, createAccounts } from '@disan/ingest/accounts';
import { loadConfig, type Config } from '@disan/ingest/config';
import type { Database } from '@disan/ingest/database';
import { uniqueId } from './drivers.ts';

export interface Clock {
  now: () => Date;
  advance(ms: number): void;
  set(date: Date): void;
}

export function testClock(start = new Date('2026-06-01T08:00:00.000Z')): Clock {
  let current = start.getTime();
  return {
    now: () => new Date(current),
    advance: (ms) => {
      current += ms;
    },
    set: (date) => {
      current = date.getTime();
    },
  };
}

/** `notices`: a mailer and where failed notices go, for the suites that check what holders are mailed. */
export function testAccounts(
  db: Database,
  clock: Clock,
  env: Record<string, string> = {},
  notices: Pick<AccountsOptions, 'mailer' | 'onMailFailed'> = {},
): { accounts: Accounts; config: Config['accounts'] } {
  const config = loadConfig(env).accounts;
  return { accounts: createAccounts(db, { config, now: clock.now, ...notices }), config };
}

export const CLI = { id: 'cli' };
export const PASSWORD = 'river market lantern';

/** An active account with PASSWORD, made the way people get one: invited, then the link used. */
export async function activeAccount(accounts: Accounts, roles: Parameters<Accounts['users']['create']>[0]['roles'] = ['researcher']) {
  const account = await accounts.users.create({ email: `${uniqueId('p')}@example.org`, name: 'Lan Nguyen', language: 'vi', roles }, CLI);
  const link = await accounts.links.create(account.id, 'invitation', CLI);
  return accounts.links.consume(link.token, PASSWORD, CLI);
}
