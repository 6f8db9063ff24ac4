import { ITEM_STATUSES, type ItemStatus } from '@disan/schemas';
import { describe, expect, it } from 'vitest';
import {
  canCreateRecord,
  canEditRecord,
  canEditCollections,
  canExportRecords,
  canImportSheet,
  canRetryMedia,
  canUseWorkspace,
  canHarvest,
  canImportLibraryRecords,
  canManageHarvestSources,
  canManageCommunities,
  canManageCommunity,
  canManageSettings,
  canReadAudit,
  canStewardCommunities,
  canUseAccount,
  canChangeAccount,
  canBackupArchive,
  canManageUsers,
  canPublish,
  canReadHealthDetails,
  canReadJobs,
  canSendBack,
  canSubmitForReview,
  canUpload,
  canWithdraw,
  mayShareCachedAnswers,
  PUBLIC,
  SYSTEM,
  type Role,
  type Viewer,
} from './index.ts';

const user = (role: Role): Viewer => ({ kind: 'user', roles: [role], communities: ['khmer-soc-trang'] });
const VIEWERS = {
  system: SYSTEM,
  admin: user('admin'),
  reviewer: user('reviewer'),
  archivist: user('archivist'),
  researcher: user('researcher'),
  member: user('member'),
  steward: user('steward'),
  public: PUBLIC,
} satisfies Record<string, Viewer>;
type Who = keyof typeof VIEWERS;
const WHO = Object.keys(VIEWERS) as Who[];

/** Record operations: the states in which each viewer may do them (the table in operations.ts). */
const ALL = ITEM_STATUSES;
const RECORD_RULES: Record<string, [(viewer: Viewer, record: { status: ItemStatus }) => boolean, Partial<Record<Who, readonly ItemStatus[]>>]> = {
  edit: [canEditRecord, { system: ALL, admin: ALL, reviewer: ALL, archivist: ['draft', 'published'] }],
  upload: [canUpload, { system: ALL, admin: ALL, reviewer: ALL, archivist: ['draft', 'published'] }],
  'retry failed media': [canRetryMedia, { system: ALL, admin: ALL, reviewer: ALL, archivist: ['draft', 'published'] }],
  'submit for review': [canSubmitForReview, { system: ALL, admin: ALL, reviewer: ['draft'], archivist: ['draft'] }],
  publish: [canPublish, { system: ALL, admin: ALL, reviewer: ['in-review', 'withdrawn'] }],
  'send back': [canSendBack, { system: ALL, admin: ALL, reviewer: ['in-review', 'withdrawn'] }],
  withdraw: [canWithdraw, { system: ALL, admin: ALL, reviewer: ['published'] }],
};

/** Operations that depend on the viewer alone: who may. */
const VIEWER_RULES: Record<string, [(viewer: Viewer) => boolean, readonly Who[]]> = {
  'create a record': [canCreateRecord, ['system', 'admin', 'reviewer', 'archivist']],
  'manage users': [canManageUsers, ['system', 'admin']],
  'manage settings': [canManageSettings, ['system', 'admin']],
  'manage communities': [canManageCommunities, ['system', 'admin']],
  'read the audit trail': [canReadAudit, ['system', 'admin']],
  'open the stewards\' pages': [canStewardCommunities, ['system', 'admin', 'steward']],
  'use an account': [canUseAccount, ['admin', 'reviewer', 'archivist', 'researcher', 'member', 'steward']],
  'change an account': [canChangeAccount, ['admin', 'reviewer', 'archivist', 'researcher', 'member', 'steward']],
  'back up the archive': [canBackupArchive, ['system', 'admin']],
  'read jobs': [canReadJobs, ['system', 'admin', 'reviewer', 'archivist']],
  'use the workspace': [canUseWorkspace, ['system', 'admin', 'reviewer', 'archivist']],
  'edit collections': [canEditCollections, ['system', 'admin', 'reviewer', 'archivist']],
  'import a sheet': [canImportSheet, ['system', 'admin', 'reviewer', 'archivist']],
  'export records': [canExportRecords, ['system', 'admin', 'reviewer', 'archivist']],
  harvest: [canHarvest, WHO],
  'import library records': [canImportLibraryRecords, ['system', 'admin', 'reviewer', 'archivist']],
  'manage harvest sources': [canManageHarvestSources, ['system', 'admin']],
  'read health details': [canReadHealthDetails, WHO],
  'share cached answers': [mayShareCachedAnswers, ['public']],
};

describe('record operations, every role in every state', () => {
  const cases = Object.entries(RECORD_RULES).flatMap(([operation, [rule, allowed]]) =>
    WHO.flatMap((who) => ITEM_STATUSES.map((status) => ({ operation, rule, who, status, expected: (allowed[who] ?? []).includes(status) }))),
  );
  it.each(cases)('$operation by $who on a $status record: $expected', ({ rule, who, status, expected }) => {
    expect(rule(VIEWERS[who], { status })).toBe(expected);
  });
});

describe('operations on the viewer alone, every role', () => {
  const cases = Object.entries(VIEWER_RULES).flatMap(([operation, [rule, allowed]]) => WHO.map((who) => ({ operation, rule, who, expected: allowed.includes(who) })));
  it.each(cases)('$operation by $who: $expected', ({ rule, who, expected }) => {
    expect(rule(VIEWERS[who])).toBe(expected);
  });
});

describe('canManageCommunity', () => {
  it.each<[Who, string, boolean]>([
    ['system', 'hoa-can-tho', true],
    ['admin', 'hoa-can-tho', true],
    ['steward', 'khmer-soc-trang', true],
    ['steward', 'hoa-can-tho', false],
    ['member', 'khmer-soc-trang', false],
    ['reviewer', 'khmer-soc-trang', false],
    ['public', 'khmer-soc-trang', false],
  ])('%s managing %s: %s', (who, community, expected) => {
    expect(canManageCommunity(VIEWERS[who], community)).toBe(expected);
  });
});

it('shares cached answers by kind, not by reference, so a copy of the public viewer is still the public', () => {
  expect(mayShareCachedAnswers({ kind: 'public' })).toBe(true);
  expect(mayShareCachedAnswers({ kind: 'user', roles: [], communities: [] })).toBe(false);
});

describe('a personal token scoped to reading', () => {
  const readOnly = (role: Role): Viewer => ({ kind: 'user', roles: [role], communities: ['khmer-soc-trang'], scope: 'read' });
  it.each(Object.entries(RECORD_RULES))('may not %s in any state, even as an admin', (_operation, [rule]) => {
    for (const status of ITEM_STATUSES) expect(rule(readOnly('admin'), { status })).toBe(false);
  });
  it.each([canCreateRecord, canManageUsers, canManageCommunities, canManageSettings, canChangeAccount])('may not %o', (rule) => {
    expect(rule(readOnly('admin'))).toBe(false);
  });
  it('may not change a community it stewards, yet still reads the audit trail as an admin', () => {
    expect(canManageCommunity(readOnly('steward'), 'khmer-soc-trang')).toBe(false);
    expect(canReadAudit(readOnly('admin'))).toBe(true);
  });
});

it('a steward manages only the communities listed as stewarded, not every one they belong to', () => {
  const steward: Viewer = { kind: 'user', roles: ['member', 'steward'], communities: ['khmer-soc-trang', 'hoa-can-tho'], stewardOf: ['hoa-can-tho'] };
  expect(canManageCommunity(steward, 'hoa-can-tho')).toBe(true);
  expect(canManageCommunity(steward, 'khmer-soc-trang')).toBe(false);
});
