import type { Sql } from '../database/database.ts';
import type { Mailer } from '../mail/mailer.ts';
import type { Notice, NoticeEvent, NoticeFacts } from '../mail/notice-texts.ts';
import type { Actor } from './types.ts';

/** A notice that could not be mailed, for the operator's log (the audit trail has it as `mail.failed`). */
export interface MailFailure {
  userId: string;
  event: NoticeEvent;
  /** The mail server's or the database's error; never the mail's content. */
  error: string;
}

export interface NoticeOptions {
  /** Without one (no DISAN_SMTP_URL), nothing is mailed and nothing is reported. */
  mailer?: Mailer | undefined;
  /** Where a failed notice is logged; the action it followed has succeeded all the same. */
  onMailFailed?: ((failure: MailFailure) => void) | undefined;
}

export interface Notifier {
  /** Whether notices are mailed at all (a mail server is configured). */
  readonly mailing: boolean;
  /**
   * Mails the account's holder what just happened. Call it after the change is committed,
   * so a change rolled back tells nobody anything. It returns at once: a slow or absent
   * mail server never slows or fails a sign-in or a password change.
   */
  notify(userId: string, actor: Actor, facts: NoticeFacts): void;
  /** Resolves when every notice started so far was sent or reported failed. */
  settled(): Promise<void>;
}

interface NotifierContext {
  db: Sql;
  now: () => Date;
  audit(sql: Sql, actor: Actor, action: string, target: string, details?: Record<string, unknown>): Promise<void>;
}

const describe = (error: unknown): string => {
  if (!(error instanceof Error)) return String(error);
  return error.cause instanceof Error ? `${error.message}: ${error.cause.message}` : error.message;
};

export function createNotifier(ctx: NotifierContext, options: NoticeOptions): Notifier {
  const { mailer } = options;
  const report = options.onMailFailed ?? (() => undefined);
  const pending = new Set<Promise<void>>();

  const send = async (mail: Mailer, userId: string, actor: Actor, notice: Notice) => {
    // Read after the change: a holder who just switched language gets the notice in the new one.
    const rows = await ctx.db.query<{ email: string; name: string; language: string }>('SELECT email, name, language FROM users WHERE id = $1', [userId]);
    const account = rows[0];
    if (!account) return;
    try {
      await mail.sendNotice({ to: account.email, name: account.name, language: account.language, notice });
    } catch (error) {
      const failure = { userId, event: notice.event, error: describe(error) };
      report(failure);
      await ctx.audit(ctx.db, actor, 'mail.failed', userId, { notice: failure.event, error: failure.error });
    }
  };

  return {
    mailing: mailer !== undefined,
    notify(userId, actor, facts) {
      if (!mailer) return;
      // The address is shown when the holder acted (or someone acting as them, before signing in):
      // an administrator's address tells the holder nothing and is not theirs to know.
      const asHolder = actor.id === userId || actor.id === 'anonymous';
      const notice: Notice = { ...facts, at: ctx.now().toISOString(), ...(asHolder && actor.address !== undefined ? { address: actor.address } : {}) };
      const sending: Promise<void> = send(mailer, userId, actor, notice)
        // Only when even the audit could not be written (the database gone): the log still has it.
        .catch((error: unknown) => {
          report({ userId, event: facts.event, error: describe(error) });
        })
        .finally(() => pending.delete(sending));
      pending.add(sending);
    },

    async settled() {
      while (pending.size > 0) await Promise.allSettled([...pending]);
    },
  };
}
