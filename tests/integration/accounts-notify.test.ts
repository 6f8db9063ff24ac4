import { Secret, TOTP } from 'otpauth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMailer, NOTICE_EVENTS, NOTICE_TEXTS, type Account, type Accounts, type MailFailure, type Mailer, type NoticeEvent } from '@disan/ingest/accounts';
import { createCatalog } from '@disan/ingest/catalog';
import { openDatabase, type Database } from '@disan/ingest/database';
import { CLI, PASSWORD, testAccounts, testClock, type Clock } from './accounts-support.ts';
import { uniqueId } from './drivers.ts';
import { readMail, startSmtp, stoppedSmtpUrl, type LocalSmtp } from './smtp.ts';

type Language = keyof typeof NOTICE_TEXTS;
const NAMES: Record<Language, string> = { vi: 'Lan Nguyễn', en: 'Ana Smith', km: 'សុខ ចាន់', zh: '李华' };
/** The language's own script in the mail: a Khmer account must not get English (or Vietnamese) text. */
const SCRIPT: Record<Language, RegExp> = { vi: /[ạảãàáâậầấẩẫăắằặẳẵđêệếềểễôộốồổỗơớờợởỡưứừựửữ]/i, en: /^[\x20-\x7e\n]*$/, km: /[\u1780-\u17ff]/, zh: /[\u4e00-\u9fff]/ };
const ADMIN = { id: 'an-admin', address: '198.51.100.77' };
const NEW_PASSWORD = 'a lantern by the river';
const STEP = 30_000;
const codeAt = (secret: string, clock: Clock) => TOTP.generate({ secret: Secret.fromBase32(secret), timestamp: clock.now().getTime() });

/** An active account in `language`, acting from its own address (so no case throttles another). */
interface Holder {
  db: Database;
  accounts: Accounts;
  clock: Clock;
  account: Account;
  /** The holder, signed in. */
  self: { id: string; address: string };
  /** The holder before signing in (sign-in, reset link). */
  from: { id: string; address: string };
}

interface Case {
  event: NoticeEvent;
  language: Language;
  /** The holder's own address is shown; an administrator's never is. */
  address: 'shown' | 'hidden';
  /** Sets the scene (its own mails are not counted), then returns the action and the secrets it involves. */
  setup: (h: Holder) => Promise<{ act: () => Promise<unknown>; secrets: string[] }>;
  /** What the text must also name, in its language. */
  mentions?: (texts: (typeof NOTICE_TEXTS)[Language]) => string[];
}

async function enroll(h: Holder) {
  const { secret } = await h.accounts.secondFactor.begin(h.account.id);
  const recovery = await h.accounts.secondFactor.confirm(h.account.id, codeAt(secret, h.clock), h.self);
  h.clock.advance(STEP);
  return { secret, recovery };
}

const CASES: Case[] = [
  {
    event: 'password-changed',
    language: 'km',
    address: 'shown',
    setup: (h) => Promise.resolve({ secrets: [PASSWORD, NEW_PASSWORD], act: () => h.accounts.users.changePassword(h.account.id, { current: PASSWORD, next: NEW_PASSWORD }, h.self) }),
  },
  {
    event: 'password-reset',
    language: 'zh',
    address: 'shown',
    async setup(h) {
      const { link } = (await h.accounts.links.requestReset(h.account.email, h.from))!;
      return { secrets: [link.token, NEW_PASSWORD], act: async () => { expect(await h.accounts.links.consume(link.token, NEW_PASSWORD, h.from)).toMatchObject({ status: 'active' }); } };
    },
  },
  {
    event: 'second-factor-on',
    language: 'en',
    address: 'shown',
    async setup(h) {
      const { secret } = await h.accounts.secondFactor.begin(h.account.id);
      const code = codeAt(secret, h.clock);
      const secrets = [secret, code];
      return { secrets, act: async () => secrets.push(...(await h.accounts.secondFactor.confirm(h.account.id, code, h.self))) };
    },
  },
  {
    event: 'second-factor-off',
    language: 'vi',
    address: 'shown',
    async setup(h) {
      const { secret, recovery } = await enroll(h);
      return { secrets: [PASSWORD, secret, ...recovery], act: () => h.accounts.secondFactor.disable(h.account.id, PASSWORD, h.self) };
    },
  },
  {
    event: 'recovery-code-used',
    language: 'km',
    address: 'shown',
    async setup(h) {
      const { secret, recovery } = await enroll(h);
      const credentials = { email: h.account.email, password: PASSWORD, code: recovery[0]! };
      return { secrets: [PASSWORD, secret, ...recovery], act: async () => { expect((await h.accounts.signIn(credentials, h.from)).ok).toBe(true); } };
    },
  },
  {
    event: 'totp-replayed',
    language: 'zh',
    address: 'shown',
    async setup(h) {
      const { secret } = await enroll(h);
      const credentials = { email: h.account.email, password: PASSWORD, code: codeAt(secret, h.clock) };
      expect((await h.accounts.signIn(credentials, h.from)).ok).toBe(true);
      return {
        secrets: [PASSWORD, secret, credentials.code],
        async act() {
          expect(await h.accounts.signIn(credentials, h.from)).toEqual({ ok: false, reason: 'second-factor' });
          // ASVS 2.8.5: the replay is refused and logged as what it is, without the code.
          const [entry] = (await createCatalog(h.db).audit.list({ target: h.account.id, action: 'auth.sign-in-failed' })).entries;
          expect(entry).toMatchObject({ address: h.from.address, details: { reason: 'second-factor code already used' } });
          expect(JSON.stringify(entry)).not.toContain(credentials.code);
        },
      };
    },
  },
  {
    event: 'token-created',
    language: 'en',
    address: 'shown',
    setup(h) {
      const secrets: string[] = [];
      const create = () => h.accounts.tokens.create(h.account.id, { name: 'harvester', scope: 'read', expiresInDays: 30 }, h.self);
      return Promise.resolve({ secrets, act: async () => secrets.push((await create()).token) });
    },
    mentions: (texts) => ['harvester', texts.scopes.read],
  },
  {
    event: 'account-disabled',
    language: 'km',
    address: 'hidden',
    setup: (h) => Promise.resolve({ secrets: [PASSWORD], act: async () => { expect(await h.accounts.users.update(h.account.id, { status: 'disabled' }, ADMIN)).toMatchObject({ status: 'disabled' }); } }),
  },
  {
    event: 'account-enabled',
    language: 'vi',
    address: 'hidden',
    async setup(h) {
      await h.accounts.users.update(h.account.id, { status: 'disabled' }, ADMIN);
      return { secrets: [PASSWORD], act: async () => { expect(await h.accounts.users.update(h.account.id, { status: 'active' }, ADMIN)).toMatchObject({ status: 'active' }); } };
    },
  },
  {
    event: 'roles-changed',
    language: 'zh',
    address: 'hidden',
    setup: (h) => Promise.resolve({ secrets: [PASSWORD], act: async () => { expect(await h.accounts.users.update(h.account.id, { roles: ['archivist'] }, ADMIN)).toMatchObject({ roles: ['archivist'] }); } }),
    mentions: (texts) => [`${texts.roles.archivist}\n`, `${texts.roles.researcher}\n`],
  },
];

describe('security notices to the account holder', () => {
  let db: Database;
  let smtp: LocalSmtp;
  let addresses = 0;
  const mailers: Mailer[] = [];
  beforeAll(async () => {
    db = await openDatabase({ driver: 'pglite', dir: 'memory://' });
    smtp = await startSmtp();
  });
  afterAll(async () => {
    await Promise.all(mailers.map((mailer) => mailer.close()));
    await smtp.close();
    await db.close();
  });

  async function holder(smtpUrl: string, language: Language, failures: MailFailure[]): Promise<Holder> {
    const mailer = createMailer({ smtpUrl, from: 'Disan <archive@example.org>' });
    mailers.push(mailer);
    const clock = testClock();
    const { accounts } = testAccounts(db, clock, {}, { mailer, onMailFailed: (failure) => failures.push(failure) });
    const invited = await accounts.users.create({ email: `${uniqueId('n')}@example.org`, name: NAMES[language], language, roles: ['researcher'] }, CLI);
    const account = await accounts.links.consume((await accounts.links.create(invited.id, 'invitation', CLI)).token, PASSWORD, CLI);
    const address = `192.0.2.${++addresses}`;
    return { db, accounts, clock, account, self: { id: account.id, address }, from: { id: 'anonymous', address } };
  }

  it('covers every event', () => {
    // The expiry warning follows no action but a sweep: accounts-token-expiry.test.ts has it.
    expect(CASES.map((c) => c.event).sort()).toEqual(NOTICE_EVENTS.filter((e) => e !== 'token-expiring').sort());
  });

  describe.each(CASES)('$event (a $language account)', ({ event, language, address, setup, mentions }) => {
    const texts = NOTICE_TEXTS[language];

    it('mails exactly one notice to the holder, in their language, saying when, from where and what to do, with no secret', async () => {
      const failures: MailFailure[] = [];
      const h = await holder(smtp.url, language, failures);
      const { act, secrets } = await setup(h);
      await h.accounts.notifications.settled();
      const before = smtp.received.length;
      await act();
      await h.accounts.notifications.settled();

      const mails = smtp.received.slice(before);
      expect(mails).toHaveLength(1);
      expect(mails[0]!.to).toEqual([h.account.email]);
      const { subject, text } = readMail(mails[0]!.raw);
      expect(subject).toBe(texts.events[event].subject);
      expect(text).toMatch(SCRIPT[language]);
      expect(text).toContain(texts.greeting.replace('{name}', NAMES[language]));
      expect(text).toContain(texts.when.split('{time}')[0]);
      expect(text).toContain('2026');
      expect(text).toContain(address === 'shown' ? texts.adviceSelf : texts.adviceAdmin);
      if (address === 'shown') expect(text).toContain(texts.from.replace('{address}', h.self.address));
      else expect(text).not.toContain(texts.from.split('{address}')[0]);
      expect(text).not.toContain(ADMIN.address);
      for (const mention of mentions?.(texts) ?? []) expect(text).toContain(mention);
      expect(secrets.length).toBeGreaterThan(0);
      for (const secret of secrets) {
        expect(text).not.toContain(secret);
        expect(mails[0]!.raw).not.toContain(secret);
      }
      expect(text).not.toMatch(/https?:\/\/|disan_pat_/);
      expect(failures).toEqual([]);
      expect((await createCatalog(db).audit.list({ target: h.account.id, action: 'mail.failed' })).total).toBe(0);
    });

    it('with the mail server down, the action still succeeds, and the failure is logged and audited as mail.failed without a secret', async () => {
      const failures: MailFailure[] = [];
      const h = await holder(await stoppedSmtpUrl(), language, failures);
      const { act, secrets } = await setup(h);
      await h.accounts.notifications.settled();
      const earlier = failures.length;
      const audited = (await createCatalog(db).audit.list({ target: h.account.id, action: 'mail.failed' })).total;
      await act();
      await h.accounts.notifications.settled();

      expect(failures.slice(earlier)).toEqual([{ userId: h.account.id, event, error: expect.stringMatching(/Could not send mail.*ECONNREFUSED/) as unknown }]);
      const { entries, total } = await createCatalog(db).audit.list({ target: h.account.id, action: 'mail.failed' });
      expect(total).toBe(audited + 1);
      expect(entries[0]).toMatchObject({ details: { notice: event, error: expect.stringContaining('ECONNREFUSED') as unknown } });
      for (const secret of secrets) {
        expect(JSON.stringify(entries[0])).not.toContain(secret);
        expect(JSON.stringify(failures)).not.toContain(secret);
      }
    });
  });

  it('mails nothing when nothing happened: a refused password change, a profile edit, an invitation used, a wrong code', async () => {
    const failures: MailFailure[] = [];
    const h = await holder(smtp.url, 'en', failures);
    const before = smtp.received.length;
    await expect(h.accounts.users.changePassword(h.account.id, { current: 'not the password at all', next: NEW_PASSWORD }, h.self)).rejects.toThrow();
    await expect(h.accounts.users.changePassword(h.account.id, { current: PASSWORD, next: 'short' }, h.self)).rejects.toThrow();
    await h.accounts.users.update(h.account.id, { name: 'Ana S.', roles: ['researcher'], status: 'active' }, h.self);
    await (await holder(smtp.url, 'km', failures)).accounts.notifications.settled();
    const { secret } = await h.accounts.secondFactor.begin(h.account.id);
    await h.accounts.secondFactor.confirm(h.account.id, codeAt(secret, h.clock), h.self);
    h.clock.advance(STEP);
    await h.accounts.notifications.settled();
    const afterOn = smtp.received.length;
    expect(await h.accounts.signIn({ email: h.account.email, password: PASSWORD, code: '000000' }, h.from)).toEqual({ ok: false, reason: 'second-factor' });
    await h.accounts.notifications.settled();
    expect(smtp.received.length).toBe(afterOn);
    expect(afterOn - before).toBe(1);
    expect(failures).toEqual([]);
  });
});
