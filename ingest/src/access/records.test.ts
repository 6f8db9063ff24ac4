import { ITEM_STATUSES, type Item } from '@disan/schemas';
import { describe, expect, it } from 'vitest';
import { accessView, canReadCollection, canReadMedia, canReadRecord, canSeeTombstone, effectiveLevel, PUBLIC, readFilter, searchScopeFor, SYSTEM, toSearchScope, type Role, type Viewer } from './index.ts';

type Record = Pick<Item, 'status' | 'access'>;
const researcher: Viewer = { kind: 'user', roles: ['researcher'], communities: [] };
const member: Viewer = { kind: 'user', roles: ['member'], communities: ['khmer-soc-trang'] };
const archivist: Viewer = { kind: 'user', roles: ['archivist'], communities: [] };
const now = new Date('2026-11-22T00:00:00Z');

const rec = (status: Item['status'], level: Item['access']['level'], extra: Partial<Item['access']> = {}): Record => ({ status, access: { level, ...extra } });

describe('canReadRecord and canReadMedia', () => {
  it.each<[string, Record, Viewer, boolean, boolean]>([
    ['published public, public', rec('published', 'public'), PUBLIC, true, true],
    ['draft, public', rec('draft', 'public'), PUBLIC, false, false],
    ['in review, public', rec('in-review', 'public'), PUBLIC, false, false],
    ['withdrawn, public', rec('withdrawn', 'public'), PUBLIC, false, false],
    ['draft, archivist', rec('draft', 'public'), archivist, true, true],
    ['metadata-only, public', rec('published', 'metadata-only'), PUBLIC, true, false],
    ['researchers, public', rec('published', 'researchers'), PUBLIC, false, false],
    ['researchers, researcher', rec('published', 'researchers'), researcher, true, true],
    ['community, other community', rec('published', 'community', { communities: ['hoa-can-tho'] }), member, false, false],
    ['community, member', rec('published', 'community', { communities: ['khmer-soc-trang'] }), member, true, true],
    ['embargo running, public', rec('published', 'embargo', { embargoUntil: '2030-01-01' }), PUBLIC, false, false],
    ['embargo ended, public', rec('published', 'embargo', { embargoUntil: '2020-01-01' }), PUBLIC, true, true],
    ['anything, system', rec('draft', 'community', { communities: ['x'] }), SYSTEM, true, true],
  ])('%s', (_name, record, viewer, record_, media) => {
    expect(canReadRecord(viewer, record, now)).toBe(record_);
    expect(canReadMedia(viewer, record, undefined, now)).toBe(media);
  });

  it('treats an embargo as public from its end date on', () => {
    expect(effectiveLevel({ level: 'embargo', embargoUntil: '2026-11-22' }, now)).toBe('public');
    expect(effectiveLevel({ level: 'embargo', embargoUntil: '2026-11-23' }, now)).toBe('embargo');
  });
});

describe('accessView: who may read a record today, as answers show it', () => {
  it.each<[string, Item['access'], ReturnType<typeof accessView>]>([
    ['public', { level: 'public' }, { level: 'public' }],
    ['metadata-only', { level: 'metadata-only' }, { level: 'metadata-only' }],
    ['researchers', { level: 'researchers' }, { level: 'researchers' }],
    ['community, with its communities', { level: 'community', communities: ['khmer-soc-trang', 'hoa-can-tho'] }, { level: 'community', communities: ['khmer-soc-trang', 'hoa-can-tho'] }],
    ['community without any (staff only)', { level: 'community' }, { level: 'community', communities: [] }],
    ['an embargo running, with its end', { level: 'embargo', embargoUntil: '2026-11-23' }, { level: 'embargo', embargoUntil: '2026-11-23' }],
    ['an embargo ended: public, its end no longer said', { level: 'embargo', embargoUntil: '2026-11-22' }, { level: 'public' }],
    ['communities left on a public record are not named', { level: 'public', communities: ['khmer-soc-trang'] }, { level: 'public' }],
  ])('%s', (_name, access, expected) => {
    expect(accessView(access, now)).toEqual(expected);
  });
});

describe('searchScopeFor', () => {
  it('limits the public to published public and metadata-only records', () => {
    expect(searchScopeFor(PUBLIC)).toEqual([{ status: ['published'], access: ['public', 'metadata-only'] }]);
  });
  it('adds community records for members of that community', () => {
    expect(searchScopeFor(member)).toContainEqual({ status: ['published'], access: ['community'], communities: ['khmer-soc-trang'] });
  });
  it('does not restrict operators', () => {
    expect(searchScopeFor(SYSTEM)).toBeUndefined();
    expect(searchScopeFor(archivist)).toBeUndefined();
  });
});

describe('reading by role', () => {
  const user = (role: Role): Viewer => ({ kind: 'user', roles: [role], communities: [] });
  it.each<[Role, boolean]>([
    ['admin', true],
    ['reviewer', true],
    ['archivist', true],
    ['researcher', false],
    ['member', false],
    ['steward', false],
  ])('%s reads drafts and community records of others: %s', (role, staff) => {
    for (const status of ITEM_STATUSES) expect(canReadRecord(user(role), rec(status, 'public'), now)).toBe(staff || status === 'published');
    expect(canReadRecord(user(role), rec('published', 'community', { communities: ['x'] }), now)).toBe(staff);
    expect(canReadMedia(user(role), rec('published', 'metadata-only'), undefined, now)).toBe(staff);
    expect(readFilter(user(role)) === true).toBe(staff);
  });

  it('lets a steward read the records of the communities they steward', () => {
    const steward: Viewer = { kind: 'user', roles: ['steward'], communities: ['khmer-soc-trang'] };
    expect(canReadRecord(steward, rec('published', 'community', { communities: ['khmer-soc-trang'] }), now)).toBe(true);
  });

  it('reads a collection like a record', () => {
    expect(canReadCollection(PUBLIC, rec('draft', 'public'), now)).toBe(false);
    expect(canReadCollection(PUBLIC, rec('published', 'community', { communities: ['khmer-soc-trang'] }), now)).toBe(false);
    expect(canReadCollection(member, rec('published', 'community', { communities: ['khmer-soc-trang'] }), now)).toBe(true);
  });
});

describe('toSearchScope', () => {
  it('turns everything into no scope and nothing into an empty one', () => {
    expect(toSearchScope(true)).toBeUndefined();
    expect(toSearchScope(false)).toEqual([]);
  });
  it('drops a clause naming no community: to an engine an empty list would be no condition', () => {
    expect(toSearchScope([{ status: ['published'], access: ['community'], communities: [] }])).toEqual([]);
  });
});

describe('canSeeTombstone', () => {
  const withdrawn = (level: 'public' | 'community' | 'researchers') => ({ status: 'withdrawn' as const, access: { level, ...(level === 'community' ? { communities: ['khmer-soc-trang'] } : {}) } });
  it('shows the tombstone of a withdrawn public record to everyone', () => {
    expect(canSeeTombstone(PUBLIC, withdrawn('public'))).toBe(true);
  });
  it('keeps a withdrawn community record unknown to outsiders, and tells its members', () => {
    expect(canSeeTombstone(PUBLIC, withdrawn('community'))).toBe(false);
    expect(canSeeTombstone({ kind: 'user', roles: ['member'], communities: ['khmer-soc-trang'] }, withdrawn('community'))).toBe(true);
  });
  it('has no tombstone for a record that is not withdrawn', () => {
    expect(canSeeTombstone(PUBLIC, { status: 'draft', access: { level: 'public' } })).toBe(false);
    expect(canSeeTombstone(PUBLIC, { status: 'published', access: { level: 'public' } })).toBe(false);
  });
});
