import type { Account, ApiTokenInfo, Community, CommunityMember, LinkPurpose, SessionInfo, TokenScope } from '@disan/schemas';
import type { AccountRole, Viewer } from '../access/viewer.ts';

export type { Account, ApiTokenInfo, Community, CommunityMember, LinkPurpose, SessionInfo, TokenScope };

/**
 * The people of the archive: accounts, communities, sessions, personal tokens, one-time
 * links, the second factor and sign-in throttling, all kept in the catalog database so
 * that every API process shares them. This file is the contract the API codes against;
 * the implementation is the rest of this folder.
 */

/** Who performs a change, for the audit trail. */
export interface Actor {
  /** An account id, `operator` (the operator token) or `cli`. */
  id: string;
  address?: string | undefined;
  requestId?: string | undefined;
}

/** What the session store keeps for one session; `data` is the session library's own object. */
export interface StoredSession {
  userId: string;
  data: Record<string, unknown>;
  createdAt: string;
  lastSeenAt: string;
}

export interface OneTimeLink {
  /** The secret part of the link, shown once (stored hashed). */
  token: string;
  purpose: LinkPurpose;
  expiresAt: string;
}

export type SignInResult =
  | { ok: true; account: Account }
  /**
   * `invalid`: unknown email, wrong password, or an account that is not active (one answer
   * for all, so nobody learns which accounts exist); `second-factor`: the password was right
   * and a TOTP or recovery code is needed (or was wrong); `throttled`: too many failures,
   * try again after `retryAfterSeconds`; `second-factor-setup`: the password was right, but
   * DISAN_ADMIN_SECOND_FACTOR=required and this admin has no second factor yet: an operator
   * runs `disan users second-factor <email>` at the server (see the README's Accounts section).
   */
  | { ok: false; reason: 'invalid' | 'second-factor' | 'second-factor-setup' | 'throttled'; retryAfterSeconds?: number };

export interface Accounts {
  /** Signs in by email and password (and second factor when on), throttled by account and by address; rehashes an outdated hash. */
  signIn(input: { email: string; password: string; code?: string | undefined }, actor: Required<Pick<Actor, 'address'>> & Actor): Promise<SignInResult>;
  /**
   * Checks the account's current password again before a sensitive action (a personal token,
   * ending sessions); throws WrongPasswordError (403), or TooManyAttemptsError (429) while
   * sign-in is throttled for the account or the address. A wrong one counts as a failed
   * sign-in and is audited as `auth.reauth-failed`.
   */
  reauthenticate(userId: string, password: string, actor: Actor): Promise<void>;
  /** The viewer an account acts as: its roles, plus `member`/`steward` from its memberships. */
  viewerOf(account: Account, scope?: TokenScope): Viewer & { kind: 'user' };

  users: {
    /** A new account in status `invited` (no password yet); refuses a taken email. */
    create(input: { email: string; name: string; language: string; roles: AccountRole[] }, actor: Actor): Promise<Account>;
    get(id: string): Promise<Account | null>;
    findByEmail(email: string): Promise<Account | null>;
    list(options?: { query?: string; limit?: number; offset?: number }): Promise<{ accounts: Account[]; total: number }>;
    /** Name and language by the person; roles and status by an admin. Disabling or removing a role ends every session of the account at once. */
    update(id: string, patch: { name?: string; language?: string; roles?: AccountRole[]; status?: 'active' | 'disabled' }, actor: Actor): Promise<Account>;
    /** Checks the current password, applies the policy to the new one, and ends the account's other sessions. */
    changePassword(id: string, input: { current: string; next: string }, actor: Actor, keepSessionId?: string): Promise<void>;
    /** How many accounts exist: `npm start` on a fresh data folder tells how to create the first admin. */
    count(): Promise<number>;
  };

  /** A password's problems under the policy (length, common passwords), in plain words; empty when fine. */
  checkPassword(password: string, context?: { email?: string; name?: string }): string[];

  communities: {
    list(): Promise<Community[]>;
    create(input: { id: string; name: string }, actor: Actor): Promise<Community>;
    members(community: string): Promise<CommunityMember[]>;
    /** Adds or changes a membership; ends the member's sessions when stewardship is taken away. */
    setMember(community: string, userId: string, input: { steward: boolean }, actor: Actor): Promise<void>;
    /** Ends the member's sessions: what they could read, they no longer may. */
    removeMember(community: string, userId: string, actor: Actor): Promise<void>;
  };

  /** The store behind the session library: ids are stored hashed; time-outs are applied on load. */
  sessions: {
    load(id: string): Promise<StoredSession | null>;
    save(id: string, session: { userId: string; data: Record<string, unknown>; address?: string | undefined; userAgent?: string | undefined }): Promise<void>;
    /** Ends a session; with `actor` (a sign-out, not the session library's own clean-up) it is audited as `auth.sign-out`. */
    destroy(id: string, actor?: Actor): Promise<void>;
    /** Ends every session of the account, except `keepId` when given; with `actor`, audited as `auth.sign-out-everywhere`. */
    destroyAll(userId: string, keepId?: string, actor?: Actor): Promise<number>;
    /** Newest first; `current` is false in every row: the API marks its own with handleOf. */
    list(userId: string): Promise<SessionInfo[]>;
    destroyByHandle(userId: string, handle: string): Promise<boolean>;
    /** The handle of a session id, to mark the current one in `list`. */
    handleOf(id: string): string;
  };

  tokens: {
    /** The token is returned once and stored only as a hash. */
    create(userId: string, input: { name: string; scope: TokenScope; expiresInDays: number }, actor: Actor): Promise<{ token: string; info: ApiTokenInfo }>;
    list(userId: string): Promise<ApiTokenInfo[]>;
    revoke(userId: string, tokenId: string, actor: Actor): Promise<boolean>;
    /** The account and scope of a presented token, or null when unknown, expired, revoked or the account is not active; records its last use. */
    resolve(token: string): Promise<{ account: Account; scope: TokenScope } | null>;
    /**
     * Mails each holder whose token expires within 7 days its name, end and how to renew
     * (ASVS 2.3.3), once per token however many processes sweep. Only tokens made with
     * more than 7 days of life, not revoked, not expired, of active accounts; nothing
     * without a mail server. Returns how many were warned.
     */
    warnExpiring(): Promise<number>;
  };

  links: {
    /** A new one-time link for an account; earlier unused links of the same purpose stop working. */
    create(userId: string, purpose: LinkPurpose, actor: Actor): Promise<OneTimeLink>;
    /** What a link is for, without using it; null when unknown, used or expired. */
    peek(token: string): Promise<{ purpose: LinkPurpose; account: Account; expiresAt: string } | null>;
    /** Sets the password (policy applied), activates an invited account, uses the link up, and ends the account's sessions. */
    consume(token: string, password: string, actor: Actor): Promise<Account>;
    /** A reset link for an active account with that email, or null (the caller answers the same either way). */
    requestReset(email: string, actor: Actor): Promise<{ account: Account; link: OneTimeLink } | null>;
  };

  secondFactor: {
    /** A new secret, not yet on: the otpauth:// URI for authenticator apps. */
    begin(userId: string): Promise<{ secret: string; uri: string }>;
    /** Turns it on when the code matches the pending secret; returns ten recovery codes, shown once. */
    confirm(userId: string, code: string, actor: Actor): Promise<string[]>;
    /** Turns it off after checking the password. */
    disable(userId: string, password: string, actor: Actor): Promise<void>;
  };

  /**
   * With a mailer, the holder is mailed after a password change or reset, the second factor
   * turned on or off, a recovery code used, a TOTP code replayed, a personal token created,
   * the account disabled or enabled, and a role added or removed (OWASP ASVS 2.2.3, 2.5.5,
   * 2.8.5). Mails go out after the change, in the background; one that fails is logged
   * through `onMailFailed` and audited as `mail.failed`, and the change stands.
   */
  notifications: {
    /** Resolves when every notice started so far was sent or reported failed (before closing the mailer). */
    settled(): Promise<void>;
  };
}
