import { Account, Community, type AccountStatus, type ApiTokenInfo, type AuditEntry, type CommunityMember, type LinkPurpose, type SessionInfo, type TokenScope } from '@disan/schemas';
import {
  AccountPage,
  AuditPage,
  CommunityList,
  CreatedAccount,
  CreatedToken,
  IssuedLink,
  LinkInfo,
  MemberList,
  RecoveryCodes,
  SecondFactorSetup,
  SessionList,
  SessionState,
  SignedIn,
  TokenList,
} from '@disan/schemas';
import type { Static } from 'typebox';
import type { ListParams, Transport } from './transport.ts';

export type AccountRoleName = Account['roles'][number];
export type CreatedTokenAnswer = Static<typeof CreatedToken>;
export type LinkInfoAnswer = Static<typeof LinkInfo>;
export type IssuedLinkAnswer = Static<typeof IssuedLink>;
export type CreatedAccountAnswer = Static<typeof CreatedAccount>;

export interface AuditFilters {
  actor?: string | undefined;
  target?: string | undefined;
  action?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  limit: number;
  offset: number;
}

/** The account routes of the API (issue 11), called as the visitor with their session. */
export interface AccountClient {
  session(): Promise<Static<typeof SessionState>>;
  signIn(input: { email: string; password: string; code?: string | undefined }): Promise<{ account: Account }>;
  signOut(): Promise<void>;
  /** The current password is checked again (so are endSession's and createToken's). */
  signOutEverywhere(password: string): Promise<void>;

  account(): Promise<Account>;
  updateAccount(patch: { name?: string; language?: string }): Promise<Account>;
  changePassword(input: { current: string; next: string }): Promise<void>;
  beginSecondFactor(): Promise<Static<typeof SecondFactorSetup>>;
  confirmSecondFactor(code: string): Promise<string[]>;
  disableSecondFactor(password: string): Promise<void>;
  sessions(): Promise<SessionInfo[]>;
  endSession(handle: string, password: string): Promise<void>;
  tokens(): Promise<ApiTokenInfo[]>;
  createToken(input: { name: string; scope: TokenScope; expiresInDays: number; password: string }): Promise<Static<typeof CreatedToken>>;
  revokeToken(id: string): Promise<void>;

  link(token: string): Promise<Static<typeof LinkInfo>>;
  useLink(token: string, password: string): Promise<void>;
  requestReset(email: string): Promise<void>;

  users(params: { query?: string | undefined; limit: number; offset: number }): Promise<Static<typeof AccountPage>>;
  createUser(input: { email: string; name: string; language: string; roles: AccountRoleName[]; memberships: { community: string; steward: boolean }[] }): Promise<Static<typeof CreatedAccount>>;
  user(id: string): Promise<Account>;
  updateUser(id: string, patch: { name?: string; language?: string; roles?: AccountRoleName[]; status?: Exclude<AccountStatus, 'invited'> }): Promise<Account>;
  issueLink(id: string, purpose: LinkPurpose): Promise<Static<typeof IssuedLink>>;

  communities(): Promise<Community[]>;
  createCommunity(input: { id: string; name: string }): Promise<Community>;
  members(community: string): Promise<CommunityMember[]>;
  setMember(community: string, input: { email: string; steward: boolean }): Promise<void>;
  removeMember(community: string, userId: string): Promise<void>;

  audit(filters: AuditFilters): Promise<{ entries: AuditEntry[]; total: number }>;
}

const segment = (value: string): string => encodeURIComponent(value);

/** The audit filters as the API's query string (empty ones left out). */
export function auditParams(filters: AuditFilters): ListParams {
  return { actor: filters.actor, target: filters.target, action: filters.action, from: filters.from, to: filters.to, limit: filters.limit, offset: filters.offset };
}

export function accountClient({ get, send }: Transport): AccountClient {
  return {
    session: () => get(SessionState, '/api/auth/session'),
    signIn: (input) => send('POST', '/api/auth/sign-in', input, SignedIn),
    signOut: () => send('POST', '/api/auth/sign-out', undefined, null),
    signOutEverywhere: (password) => send('POST', '/api/auth/sign-out-everywhere', { password }, null),

    account: () => get(Account, '/api/account'),
    updateAccount: (patch) => send('PATCH', '/api/account', patch, Account),
    changePassword: (input) => send('POST', '/api/account/password', input, null),
    beginSecondFactor: () => send('POST', '/api/account/second-factor', undefined, SecondFactorSetup),
    confirmSecondFactor: async (code) => (await send('POST', '/api/account/second-factor/confirm', { code }, RecoveryCodes)).recoveryCodes,
    disableSecondFactor: (password) => send('DELETE', '/api/account/second-factor', { password }, null),
    sessions: async () => (await get(SessionList, '/api/account/sessions')).sessions,
    endSession: (handle, password) => send('DELETE', `/api/account/sessions/${segment(handle)}`, { password }, null),
    tokens: async () => (await get(TokenList, '/api/account/tokens')).tokens,
    createToken: (input) => send('POST', '/api/account/tokens', input, CreatedToken),
    revokeToken: (id) => send('DELETE', `/api/account/tokens/${segment(id)}`, undefined, null),

    link: (token) => get(LinkInfo, `/api/links/${segment(token)}`),
    useLink: (token, password) => send('POST', `/api/links/${segment(token)}`, { password }, null),
    requestReset: (email) => send('POST', '/api/password-resets', { email }, null),

    users: (params) => get(AccountPage, '/api/users', params),
    createUser: (input) => send('POST', '/api/users', input, CreatedAccount),
    user: (id) => get(Account, `/api/users/${segment(id)}`),
    updateUser: (id, patch) => send('PATCH', `/api/users/${segment(id)}`, patch, Account),
    issueLink: (id, purpose) => send('POST', `/api/users/${segment(id)}/links`, { purpose }, IssuedLink),

    communities: async () => (await get(CommunityList, '/api/communities')).communities,
    createCommunity: (input) => send('POST', '/api/communities', input, Community),
    members: async (community) => (await get(MemberList, `/api/communities/${segment(community)}/members`)).members,
    setMember: (community, input) => send('PUT', `/api/communities/${segment(community)}/members`, input, null),
    removeMember: (community, userId) => send('DELETE', `/api/communities/${segment(community)}/members/${segment(userId)}`, undefined, null),

    audit: (filters) => get(AuditPage, '/api/audit', auditParams(filters)),
  };
}
