import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMailer, NOTICE_TEXTS, type Account, type Accounts, type Mailer } from '@disan/ingest/accounts';
import { openDatabase, type Database } from '@disan/ingest/database';
import { createJobQueue } from '@disan/ingest/jobs';
import { today } from '../../ingest/src/processing/embargo-job.ts';
import { createTokenExpiryJobHandler, scheduleTokenExpiryWarnings } from '../../ingest/src/processing/token-expiry-job.ts';
import { activeAccount, CLI, testAccounts, testClock, type Clock } from './accounts-support.ts';
import { readMail, startSmtp, type LocalSmtp } from './smtp.ts';

const DAY = 86_400_000;
const ADMIN = { id: 'an-admin' };
const texts = NOTICE_TEXTS.vi;
const expiryWarnings = (smtp: LocalSmtp, from: number) =>
  smtp.received.slice(from).filter((mail) => readMail(mail.raw).subject === texts.events['token-expiring'].subject);

/** OWASP ASVS 4.0.3 2.3.3: the holder of a personal token is told how to renew it a week before it ends, once. */
describe('token expiry warnings', () => {
  let db: Database;
  let smtp: LocalSmtp;
  let mailer: Mailer;
  let clock: Clock;
  let accounts: Accounts;
  let holder: Account;
  const secrets: string[] = [];

  beforeAll(async () => {
    db = await openDatabase({ driver: 'pglite', dir: 'memory://' });
    smtp = await startSmtp();
    mailer = createMailer({ smtpUrl: smtp.url, from: 'Disan <archive@example.org>' });
    clock = testClock();
    ({ accounts } = testAccounts(db, clock, {}, { mailer }));
    holder = await activeAccount(accounts);
  });
  afterAll(async () => {
    await accounts.notifications.settled();
    await mailer.close();
    await smtp.close();
    await db.close();
  });

  const create = async (account: Account, name: string, expiresInDays: number) => {
    const { token, info } = await accounts.tokens.create(account.id, { name, scope: 'read', expiresInDays }, CLI);
    secrets.push(token);
    return info;
  };
  const sweep = async () => {
    const warned = await accounts.tokens.warnExpiring();
    await accounts.notifications.settled();
    return warned;
  };

  it('warns once of a token 6 days from its end, and not of one 30 days away, revoked, expired, short-lived or of a disabled account', async () => {
    const start = clock.now();
    clock.set(new Date(start.getTime() - 20 * DAY));
    await create(holder, 'long expired', 10);
    clock.set(start);
    await create(holder, 'nightly-harvest', 13);
    await create(holder, 'far away', 37);
    await accounts.tokens.revoke(holder.id, (await create(holder, 'revoked one', 13)).id, CLI);
    const disabled = await activeAccount(accounts);
    await create(disabled, 'of a disabled account', 13);
    await accounts.users.update(disabled.id, { status: 'disabled' }, ADMIN);
    clock.advance(7 * DAY);
    // Made with 6 days of life: its holder chose it short and is not warned.
    await create(holder, 'short-lived', 6);
    await accounts.notifications.settled();
    const before = smtp.received.length;

    expect(await sweep()).toBe(1);
    expect(await sweep()).toBe(0);
    clock.advance(DAY);
    expect(await sweep()).toBe(0);

    const mails = expiryWarnings(smtp, before);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.to).toEqual([holder.email]);
    const { text } = readMail(mails[0]!.raw);
    expect(text).toContain('“nightly-harvest”');
    expect(text).toContain('08:00 14 tháng 6, 2026 (UTC)');
    expect(text).toContain('“Mã truy cập API”');
    expect(text).toContain(texts.adviceReminder);
    for (const name of ['far away', 'revoked one', 'long expired', 'short-lived', 'of a disabled account']) expect(text).not.toContain(name);
    for (const secret of secrets) expect(mails[0]!.raw).not.toContain(secret);
    expect(text).not.toMatch(/https?:\/\/|disan_pat_/);
    expect(smtp.received.slice(before)).toHaveLength(1);
  });

  it('mails once when two processes sweep at the same moment', async () => {
    const other = testAccounts(db, clock, {}, { mailer }).accounts;
    await create(holder, 'both processes', 10);
    clock.advance(4 * DAY);
    const before = smtp.received.length;
    const counts = await Promise.all([accounts.tokens.warnExpiring(), other.tokens.warnExpiring()]);
    await Promise.all([accounts.notifications.settled(), other.notifications.settled()]);
    expect(counts.sort()).toEqual([0, 1]);
    expect(expiryWarnings(smtp, before)).toHaveLength(1);
  });

  it('claims nothing without a mail server, so the warning still goes once one is configured', async () => {
    const unmailed = testAccounts(db, clock).accounts;
    await create(holder, 'before smtp', 9);
    clock.advance(3 * DAY);
    expect(await unmailed.tokens.warnExpiring()).toBe(0);
    const before = smtp.received.length;
    expect(await createTokenExpiryJobHandler({ accounts })({ date: today(clock.now()) })).toEqual({ status: 'done' });
    await accounts.notifications.settled();
    expect(expiryWarnings(smtp, before)).toHaveLength(1);
    expect(await createTokenExpiryJobHandler({ accounts })({ date: today(clock.now()) })).toMatchObject({ status: 'skipped' });
  });

  it('is queued once a day, whichever worker is up', async () => {
    const jobs = createJobQueue(db);
    scheduleTokenExpiryWarnings({ jobs }, 60_000)();
    scheduleTokenExpiryWarnings({ jobs }, 60_000)();
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect((await jobs.list({ type: 'accounts.token-expiry' })).map((job) => job.id)).toEqual([`accounts.token-expiry:${today()}`]);
  });
});
