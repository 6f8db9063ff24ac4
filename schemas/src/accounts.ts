import { Type, type Static } from 'typebox';
import { Id } from './common.ts';

/**
 * The people of the archive, as the API shows them. The engine (ingest/src/accounts) and
 * the site use these shapes; roles and rights themselves are decided in ingest/src/access.
 */

/** Roles an admin grants; `member` and `steward` follow from community memberships. */
export const ACCOUNT_ROLE_NAMES = ['admin', 'archivist', 'reviewer', 'researcher'] as const;
export const AccountRoleName = Type.Enum(ACCOUNT_ROLE_NAMES);

export const ACCOUNT_STATUSES = ['invited', 'active', 'disabled'] as const;
export const AccountStatus = Type.Enum(ACCOUNT_STATUSES, { description: 'invited: no password set yet; disabled: may not sign in, sessions ended' });
export type AccountStatus = Static<typeof AccountStatus>;

/** The interface languages. */
export const INTERFACE_LANGUAGES = ['vi', 'en', 'km', 'zh'] as const;
export const InterfaceLanguage = Type.Enum(INTERFACE_LANGUAGES);

export const Email = Type.String({ format: 'email', minLength: 3, maxLength: 254 });
export const PersonName = Type.String({ minLength: 1, maxLength: 200 });
/** A community's code, the value records name in `access.communities`. */
export const CommunityId = Id;

export const Membership = Type.Object(
  {
    community: CommunityId,
    steward: Type.Boolean({ description: 'A steward decides who belongs to the community' }),
  },
  { additionalProperties: false },
);
export type Membership = Static<typeof Membership>;

export const Account = Type.Object(
  {
    id: Type.String({ minLength: 1, maxLength: 64 }),
    email: Email,
    name: PersonName,
    language: InterfaceLanguage,
    status: AccountStatus,
    roles: Type.Array(AccountRoleName, { maxItems: 4 }),
    memberships: Type.Array(Membership, { maxItems: 200 }),
    secondFactor: Type.Boolean({ description: 'Whether a TOTP second factor is on' }),
    createdAt: Type.String({ format: 'date-time' }),
    lastLoginAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  },
  { additionalProperties: false },
);
export type Account = Static<typeof Account>;

export const Community = Type.Object(
  {
    id: CommunityId,
    name: Type.String({ minLength: 1, maxLength: 200 }),
    members: Type.Integer({ minimum: 0 }),
  },
  { additionalProperties: false },
);
export type Community = Static<typeof Community>;

export const CommunityMember = Type.Object(
  {
    userId: Type.String({ minLength: 1, maxLength: 64 }),
    name: PersonName,
    email: Email,
    steward: Type.Boolean(),
    addedAt: Type.String({ format: 'date-time' }),
  },
  { additionalProperties: false },
);
export type CommunityMember = Static<typeof CommunityMember>;

export const SessionInfo = Type.Object(
  {
    handle: Type.String({ minLength: 1, maxLength: 64, description: 'A public handle of the session, never its id' }),
    createdAt: Type.String({ format: 'date-time' }),
    lastSeenAt: Type.String({ format: 'date-time' }),
    address: Type.Union([Type.String(), Type.Null()]),
    userAgent: Type.Union([Type.String(), Type.Null()]),
    current: Type.Boolean(),
  },
  { additionalProperties: false },
);
export type SessionInfo = Static<typeof SessionInfo>;

export const TOKEN_SCOPES = ['read', 'write'] as const;
export const TokenScope = Type.Enum(TOKEN_SCOPES, { description: 'read: may only read, whatever the owner\'s roles' });
export type TokenScope = Static<typeof TokenScope>;

export const ApiTokenInfo = Type.Object(
  {
    id: Type.String({ minLength: 1, maxLength: 64 }),
    name: Type.String({ minLength: 1, maxLength: 100 }),
    scope: TokenScope,
    createdAt: Type.String({ format: 'date-time' }),
    expiresAt: Type.String({ format: 'date-time' }),
    lastUsedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
    revokedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  },
  { additionalProperties: false },
);
export type ApiTokenInfo = Static<typeof ApiTokenInfo>;

export const LINK_PURPOSES = ['invitation', 'reset'] as const;
export const LinkPurpose = Type.Enum(LINK_PURPOSES);
export type LinkPurpose = Static<typeof LinkPurpose>;

export const AuditEntry = Type.Object(
  {
    id: Type.Integer({ minimum: 1 }),
    at: Type.String({ format: 'date-time' }),
    actor: Type.String({ description: 'An account id, `operator`, `cli`, `anonymous` or a pipeline step' }),
    action: Type.String({ description: 'Dotted verb: auth.sign-in, user.update, record.read…' }),
    target: Type.String(),
    details: Type.Record(Type.String(), Type.Unknown()),
    address: Type.Union([Type.String(), Type.Null()]),
    requestId: Type.Union([Type.String(), Type.Null()]),
    hash: Type.String({ description: 'SHA-256 of the previous entry\'s hash and this entry: the chain `disan audit verify` checks' }),
  },
  { additionalProperties: false },
);
export type AuditEntry = Static<typeof AuditEntry>;
