import type { AccessLevel, AccessView, Collection, Item } from '@disan/schemas';
import { communitiesOf, isStaff, isSystemOr, PUBLIC, type Viewer } from './viewer.ts';

/** What the read rules look at: an item's or a collection's state and access. */
export type AccessInfo = Pick<Item, 'status' | 'access'>;

/** The level that applies today: an embargo that has ended is public. */
export function effectiveLevel(access: AccessInfo['access'], now: Date = new Date()): AccessLevel {
  if (access.level === 'embargo' && access.embargoUntil && access.embargoUntil <= now.toISOString().slice(0, 10)) return 'public';
  return access.level;
}

/**
 * Who may read a record today, as the answers of every door say it beside a record the
 * viewer may read: the effective level, the embargo's end while it lasts, and the
 * communities of a community record. Only staff and the members of those communities
 * are ever shown a community record, so naming them tells no one anything new.
 * @example accessView({ level: 'embargo', embargoUntil: '2000-01-01' }) // { level: 'public' }
 * @example accessView({ level: 'community', communities: ['khmer-soc-trang'] }) // { level: 'community', communities: ['khmer-soc-trang'] }
 */
export function accessView(access: AccessInfo['access'], now: Date = new Date()): AccessView {
  const level = effectiveLevel(access, now);
  if (level === 'embargo' && access.embargoUntil) return { level, embargoUntil: access.embargoUntil };
  if (level === 'community') return { level, communities: [...(access.communities ?? [])] };
  return { level };
}

/** May the viewer see that the record exists, with its description? */
export function canReadRecord(viewer: Viewer, record: AccessInfo, now: Date = new Date()): boolean {
  if (isStaff(viewer)) return true;
  if (record.status !== 'published') return false;
  const level = effectiveLevel(record.access, now);
  switch (level) {
    case 'public':
    case 'metadata-only':
      return true;
    case 'researchers':
      return isSystemOr(viewer, 'researcher');
    case 'community':
      return (record.access.communities ?? []).some((c) => communitiesOf(viewer).includes(c));
    case 'embargo':
      return false;
  }
}

/** May the viewer see or download the media files of the record (and the words inside them)? */
export function canReadMedia(viewer: Viewer, record: AccessInfo, now: Date = new Date()): boolean {
  if (!canReadRecord(viewer, record, now)) return false;
  return isStaff(viewer) || effectiveLevel(record.access, now) !== 'metadata-only';
}

/**
 * A collection carries a state and an access level like a record, and the same rule
 * applies: a draft or community-only collection's very id is hidden (names, facets, filters).
 */
export function canReadCollection(viewer: Viewer, collection: Pick<Collection, 'status' | 'access'>, now: Date = new Date()): boolean {
  return canReadRecord(viewer, collection, now);
}

/**
 * Whether reading the record is written to the audit trail: anything the public could not
 * read today (a draft, a withdrawn record, researchers', community or embargoed material).
 * Every read of it by anyone is logged with the viewer, the time, the address and the request.
 */
export function isRestricted(record: AccessInfo, now: Date = new Date()): boolean {
  if (record.status !== 'published') return true;
  const level = effectiveLevel(record.access, now);
  return level !== 'public' && level !== 'metadata-only';
}

/**
 * The public page of a withdrawn record answers 410 with a tombstone (title, date, reason)
 * for whoever could read the record while it was published; anyone else learns nothing of
 * it (404), so a withdrawn community record's title stays with the community.
 */
export function canSeeTombstone(viewer: Viewer, record: AccessInfo, now: Date = new Date()): boolean {
  return record.status === 'withdrawn' && canReadRecord(viewer, { ...record, status: 'published' }, now);
}

/** What a harvester (OAI-PMH, SRU) is told of a record: its metadata, a deleted header, or nothing at all. */
export type HarvestExposure = 'record' | 'deleted' | 'hidden';

/**
 * Harvesters are the public: a record the public may read is disseminated; one the public
 * could read once (`exposedBefore`: items.oai_exposed_at) and no longer can (withdrawn,
 * restricted, embargoed again) is a deleted header, so harvesters remove their copy; any
 * other (a draft, a community record never public) is not even named.
 * @example oaiExposure({ status: 'withdrawn', access: { level: 'public' } }, true) // 'deleted'
 * @example oaiExposure({ status: 'draft', access: { level: 'public' } }, false) // 'hidden'
 */
export function oaiExposure(record: AccessInfo, exposedBefore: boolean, now: Date = new Date()): HarvestExposure {
  if (canReadRecord(PUBLIC, record, now)) return 'record';
  return exposedBefore ? 'deleted' : 'hidden';
}

/** Whether a harvester is told of the record's files (dc:format, links): not for metadata-only records. */
export const harvestShowsFiles = (record: AccessInfo, now: Date = new Date()): boolean => canReadMedia(PUBLIC, record, now);
