import { Type, type Static } from 'typebox';
import {
  Account,
  AccountRoleName,
  ApiTokenInfo,
  AuditEntry,
  Community,
  CommunityId,
  CommunityMember,
  Email,
  InterfaceLanguage,
  LinkPurpose,
  Membership,
  PersonName,
  SessionInfo,
  TokenScope,
} from './accounts.ts';

/**
 * What the API's account routes take and answer (/api/auth, /api/account, /api/links,
 * /api/password-resets, /api/users, /api/communities, /api/audit). The people themselves
 * are in accounts.ts; lists are wrapped in an object so that a field can be added later.
 */

/** Passwords are checked by the engine's policy (at least 10 characters, not a common one); only the bounds are here. */
const Password = Type.String({ minLength: 1, maxLength: 256 });
const AccountId = Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9_-]+$' });
/** The secret part of an invitation or reset link. */
const LinkToken = Type.String({ minLength: 16, maxLength: 128, pattern: '^[A-Za-z0-9_-]+$' });
const OneTimeCode = Type.String({ minLength: 6, maxLength: 32, description: 'A 6-digit TOTP code, or one of the recovery codes' });
const CsrfToken = Type.String({ description: 'Send it back in the `x-csrf-token` header of every change made with the session cookie' });

export const SignInBody = Type.Object(
  { email: Email, password: Password, code: Type.Optional(OneTimeCode) },
  { additionalProperties: false },
);
export type SignInBody = Static<typeof SignInBody>;

export const SignedIn = Type.Object({ account: Account, csrfToken: CsrfToken }, { additionalProperties: false });
export type SignedIn = Static<typeof SignedIn>;

export const SessionState = Type.Object(
  { account: Type.Union([Account, Type.Null()]), csrfToken: Type.Union([CsrfToken, Type.Null()]) },
  { additionalProperties: false, description: 'Who the session cookie signs in, if anyone' },
);
export type SessionState = Static<typeof SessionState>;

export const AccountPatch = Type.Object(
  { name: Type.Optional(PersonName), language: Type.Optional(InterfaceLanguage) },
  { additionalProperties: false, minProperties: 1 },
);
export type AccountPatch = Static<typeof AccountPatch>;

export const PasswordChange = Type.Object({ current: Password, next: Password }, { additionalProperties: false });
export type PasswordChange = Static<typeof PasswordChange>;

export const SecondFactorSetup = Type.Object(
  { secret: Type.String({ description: 'Base32, for typing into an authenticator app' }), uri: Type.String({ description: 'otpauth:// URI, for a QR code' }) },
  { additionalProperties: false },
);
export const SecondFactorCode = Type.Object({ code: OneTimeCode }, { additionalProperties: false });
export const RecoveryCodes = Type.Object(
  { recoveryCodes: Type.Array(Type.String(), { description: 'Shown once: each signs in once in place of a TOTP code' }) },
  { additionalProperties: false },
);
/** The account's current password, asked again before a sensitive action (OWASP ASVS 3.3.4, 3.7.1). */
const CurrentPassword = Type.String({ minLength: 1, maxLength: 256, description: 'The account’s current password, checked again' });
export const PasswordConfirmation = Type.Object({ password: CurrentPassword }, { additionalProperties: false });
export type PasswordConfirmation = Static<typeof PasswordConfirmation>;

export const SessionList = Type.Object({ sessions: Type.Array(SessionInfo) }, { additionalProperties: false });
export const SessionHandleParams = Type.Object({ handle: Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9_-]+$' }) });

export const TokenList = Type.Object({ tokens: Type.Array(ApiTokenInfo) }, { additionalProperties: false });
export const TokenRequest = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 100 }),
    scope: TokenScope,
    expiresInDays: Type.Integer({ minimum: 1, maximum: 366 }),
    password: CurrentPassword,
  },
  { additionalProperties: false },
);
export type TokenRequest = Static<typeof TokenRequest>;
export const CreatedToken = Type.Object(
  { token: Type.String({ description: 'Shown once: send it as `Authorization: Bearer <token>`' }), info: ApiTokenInfo },
  { additionalProperties: false },
);
export const TokenIdParams = Type.Object({ id: AccountId });

export const LinkParams = Type.Object({ token: LinkToken });
export const LinkInfo = Type.Object(
  { purpose: LinkPurpose, name: PersonName, email: Email, expiresAt: Type.String({ format: 'date-time' }) },
  { additionalProperties: false },
);
export const NewPassword = Type.Object({ password: Password }, { additionalProperties: false });

export const ResetRequest = Type.Object({ email: Email }, { additionalProperties: false });

export const UsersQuery = Type.Object(
  {
    query: Type.Optional(Type.String({ maxLength: 200, description: 'Part of a name or an email' })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
    offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000, default: 0 })),
  },
  { additionalProperties: false },
);
export type UsersQuery = Static<typeof UsersQuery>;
export const AccountPage = Type.Object({ accounts: Type.Array(Account), total: Type.Integer({ minimum: 0 }) }, { additionalProperties: false });
export const AccountIdParams = Type.Object({ id: AccountId });

export const NewAccount = Type.Object(
  {
    email: Email,
    name: PersonName,
    language: InterfaceLanguage,
    roles: Type.Array(AccountRoleName, { maxItems: 4, uniqueItems: true }),
    memberships: Type.Optional(Type.Array(Membership, { maxItems: 200 })),
  },
  { additionalProperties: false },
);
export type NewAccount = Static<typeof NewAccount>;

export const AccountAdminPatch = Type.Object(
  {
    name: Type.Optional(PersonName),
    language: Type.Optional(InterfaceLanguage),
    roles: Type.Optional(Type.Array(AccountRoleName, { maxItems: 4, uniqueItems: true })),
    status: Type.Optional(Type.Enum(['active', 'disabled'], { description: 'An invited account becomes active by setting its password' })),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type AccountAdminPatch = Static<typeof AccountAdminPatch>;

/** A one-time link as an admin sees it: to copy into a message when no mail was sent. */
export const IssuedLink = Type.Object(
  {
    url: Type.String({ description: 'The site page that uses the link' }),
    expiresAt: Type.String({ format: 'date-time' }),
    mailed: Type.Boolean({ description: 'Whether it was mailed to the account (only when SMTP is configured)' }),
  },
  { additionalProperties: false },
);
export type IssuedLink = Static<typeof IssuedLink>;
export const CreatedAccount = Type.Object(
  { account: Account, link: Type.Object({ url: Type.String(), expiresAt: Type.String({ format: 'date-time' }) }, { additionalProperties: false }), mailed: Type.Boolean() },
  { additionalProperties: false },
);
export const LinkRequest = Type.Object({ purpose: LinkPurpose }, { additionalProperties: false });

export const CommunityList = Type.Object({ communities: Type.Array(Community) }, { additionalProperties: false });
export const NewCommunity = Type.Object({ id: CommunityId, name: Type.String({ minLength: 1, maxLength: 200 }) }, { additionalProperties: false });
export const CommunityParams = Type.Object({ id: CommunityId });
export const MemberParams = Type.Object({ id: CommunityId, userId: AccountId });
export const MemberList = Type.Object({ members: Type.Array(CommunityMember) }, { additionalProperties: false });
export const MemberRequest = Type.Object({ email: Email, steward: Type.Boolean() }, { additionalProperties: false });

export const AuditQuery = Type.Object(
  {
    actor: Type.Optional(Type.String({ maxLength: 200, description: 'An account id, `operator`, `cli`, `anonymous`' })),
    target: Type.Optional(Type.String({ maxLength: 200, description: 'A record, medium, account or community id' })),
    action: Type.Optional(Type.String({ maxLength: 100, description: 'A dotted verb (auth.sign-in) or its first part (auth)' })),
    from: Type.Optional(Type.String({ format: 'date', description: 'First day, inclusive (UTC)' })),
    to: Type.Optional(Type.String({ format: 'date', description: 'Last day, inclusive (UTC)' })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 100 })),
    offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 10_000_000, default: 0 })),
  },
  { additionalProperties: false },
);
export type AuditQuery = Static<typeof AuditQuery>;
export const AuditPage = Type.Object({ entries: Type.Array(AuditEntry), total: Type.Integer({ minimum: 0 }) }, { additionalProperties: false });
