import type { AccessLevel, AccessView, Collection, Item, Media } from '@disan/schemas';
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

/**
 * What the medium rules look at besides the record: the medium's own access rule and, for a
 * recording, its speaker's consent; for a caption file, the recording it is tied to
 * (`tiedTo`, see withTiedRecording), whose words it holds and whose rule it follows.
 */
export type MediumAccessInfo = Pick<Media, 'access' | 'recording'> & { tiedTo?: Pick<Media, 'access' | 'recording'> };

/**
 * The medium with the recording its captions are tied to (technical.recordingId, set by the
 * captions job), found among its record's media: the captions of a voice kept to a community
 * are that community's too.
 */
export function withTiedRecording<M extends Pick<Media, 'access' | 'recording' | 'technical'>>(medium: M, siblings: readonly Pick<Media, 'id' | 'access' | 'recording'>[]): M & MediumAccessInfo {
  const recordingId = medium.technical?.recordingId;
  const tiedTo = typeof recordingId === 'string' ? siblings.find((s) => s.id === recordingId) : undefined;
  return tiedTo ? { ...medium, tiedTo: { ...(tiedTo.access ? { access: tiedTo.access } : {}), ...(tiedTo.recording ? { recording: tiedTo.recording } : {}) } } : medium;
}

/** A recording whose speaker has not given consent: staff only, whatever the rules say. */
export const consentWithheld = (medium: MediumAccessInfo): boolean =>
  (medium.recording !== undefined && !medium.recording.consent.given) || (medium.tiedTo !== undefined && consentWithheld(medium.tiedTo));

/**
 * May the viewer know the medium exists (listed, with its caption, without its files)? Its
 * record must be readable, and its own rule narrows the record's with the same levels: a
 * public word may keep one speaker's voice to a community. A recording without its speaker's
 * consent is listed to staff only, as is a medium whose own rule shuts the viewer out.
 */
export function canSeeMedium(viewer: Viewer, record: AccessInfo, medium: MediumAccessInfo, now: Date = new Date()): boolean {
  if (!canReadRecord(viewer, record, now)) return false;
  if (isStaff(viewer)) return true;
  if (consentWithheld(medium)) return false;
  if (medium.tiedTo !== undefined && !canSeeMedium(viewer, record, medium.tiedTo, now)) return false;
  return medium.access === undefined || canReadRecord(viewer, { status: 'published', access: medium.access }, now);
}

/**
 * May the viewer see or download the media files of the record (and the words inside them)?
 * With `medium`, that one medium's files: its record's media must be readable AND its own
 * rule allow (canSeeMedium, and not metadata-only). Without, the record's rule alone, for the
 * doors that ask of the record as a whole before looking at each file.
 */
export function canReadMedia(viewer: Viewer, record: AccessInfo, medium?: MediumAccessInfo, now: Date = new Date()): boolean {
  if (!canReadRecord(viewer, record, now)) return false;
  if (isStaff(viewer)) return true;
  if (effectiveLevel(record.access, now) === 'metadata-only') return false;
  if (medium === undefined) return true;
  const filesOf = (m: MediumAccessInfo) => m.access === undefined || effectiveLevel(m.access, now) !== 'metadata-only';
  return canSeeMedium(viewer, record, medium, now) && filesOf(medium) && (medium.tiedTo === undefined || filesOf(medium.tiedTo));
}

/**
 * Whether the medium is read by whoever may read its record's media: no rule of its own
 * narrower than public, and its speaker's consent given. Only such media go into the search
 * index with their record (their kinds, thumbnail and inner text), since the index filters
 * by the record's rule alone.
 */
export function followsRecord(medium: MediumAccessInfo, now: Date = new Date()): boolean {
  const ownRule = (m: MediumAccessInfo) => m.access === undefined || effectiveLevel(m.access, now) === 'public';
  return !consentWithheld(medium) && ownRule(medium) && (medium.tiedTo === undefined || ownRule(medium.tiedTo));
}

/** Who may read the medium, as its answers say it: its own rule when it has one, else its record's. */
export function mediumAccessView(record: AccessInfo, medium: MediumAccessInfo, now: Date = new Date()): AccessView {
  return accessView(medium.access ?? record.access, now);
}

/** `isRestricted` for one medium's files: its record's, or its own rule's, or a recording without consent. */
export function isMediumRestricted(record: AccessInfo, medium: MediumAccessInfo, now: Date = new Date()): boolean {
  const ownRule = (m: MediumAccessInfo) => m.access !== undefined && isRestricted({ status: 'published', access: m.access }, now);
  return isRestricted(record, now) || consentWithheld(medium) || ownRule(medium) || (medium.tiedTo !== undefined && ownRule(medium.tiedTo));
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
export const harvestShowsFiles = (record: AccessInfo, now: Date = new Date()): boolean => canReadMedia(PUBLIC, record, undefined, now);
