import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Item, Media } from '@disan/schemas';
import { canReadMedia, canUseWorkspace, PUBLIC, withTiedRecording, type AccessInfo, type MediumAccessInfo, type Viewer } from '@disan/ingest/access';
import { type Archive, NotFoundError } from '@disan/ingest';
import type { ObjectInfo } from '@disan/ingest/storage';
import { auditRead } from '../../services/read-audit.ts';
import { PUBLIC_MEDIA_CACHE } from './headers.ts';

export interface ResolvedFile {
  key: string;
  info: ObjectInfo;
  mimeType: string;
  /** File name offered for download. */
  fileName: string;
  original: boolean;
  /** Anyone may read it: shared caches may keep it. */
  isPublic: boolean;
  /** The item's state and access, and the medium's own rule: whether reading the file is audited (isMediumRestricted). */
  record: AccessInfo;
  medium: MediumAccessInfo;
}

/**
 * The stored file behind `/api/media/{mediaId}/{rendition}`, if the viewer may read
 * it. A medium the viewer may not read, or that does not exist, or a rendition that
 * was never made, all answer the same 404, so nothing reveals which.
 */
export async function resolveFile(archive: Archive, viewer: Viewer, mediaId: string, rendition: string): Promise<ResolvedFile> {
  const notFound = new NotFoundError(`Media ${mediaId}/${rendition} not found`);
  const { media, item } = await readableMedia(archive, viewer, mediaId, notFound);
  const file = fileOf(media, rendition);
  if (!file) throw notFound;
  const info = await archive.storage.head(file.key);
  if (!info) throw notFound;
  return { ...file, info, original: rendition === 'original', isPublic: canReadMedia(PUBLIC, item, media), record: item, medium: media };
}

/**
 * A medium and its item, if the viewer may read the medium's files and words (its record's
 * rule and its own: canReadMedia with the medium); else
 * `notFound` is thrown, the same whether the medium is hidden or does not exist.
 */
export async function readableMedia(archive: Archive, viewer: Viewer, mediaId: string, notFound: NotFoundError): Promise<{ media: Media & MediumAccessInfo; item: Item }> {
  // The public reads the face's files: one a revision added (or removed) waits for its publication.
  const found = await archive.catalog.media.get(mediaId, canUseWorkspace(viewer) ? 'all' : 'face');
  const item = found ? await archive.catalog.items.get(found.itemId) : null;
  if (!found || !item) throw notFound;
  // Captions follow the rule of the recording they are tied to.
  const recordingId = found.technical?.recordingId;
  const recording = typeof recordingId === 'string' ? await archive.catalog.media.get(recordingId) : null;
  const media = withTiedRecording(found, recording ? [recording] : []);
  if (!canReadMedia(viewer, item, media)) throw notFound;
  return { media, item };
}

/**
 * `readableMedia` for the routes that answer with a medium's words (`/text`, `/words`,
 * `/find`): the read is written to the audit trail as allowed and about to be answered,
 * and the answer says whether shared caches may keep it.
 */
export async function openReadableWords(
  archive: Archive,
  request: FastifyRequest,
  reply: FastifyReply,
  mediaId: string,
  details: Record<string, unknown>,
): Promise<{ media: Media; item: Item }> {
  const found = await readableMedia(archive, request.viewer, mediaId, new NotFoundError(`Media ${mediaId} not found`));
  await auditRead(archive, request, found.item, { action: 'media.read', target: mediaId, details }, found.media);
  reply.header('cache-control', canReadMedia(PUBLIC, found.item, found.media) ? PUBLIC_MEDIA_CACHE : 'private, no-store');
  return found;
}

function fileOf(media: Media, rendition: string): { key: string; mimeType: string; fileName: string } | undefined {
  if (rendition === 'original') return { key: media.originalKey, mimeType: media.mimeType, fileName: media.originalName.split(/[\\/]/).pop() || media.id };
  const derivative = media.derivatives.find((d) => d.name === rendition);
  if (!derivative) return undefined;
  return { key: derivative.key, mimeType: derivative.mimeType, fileName: `${media.id}-${derivative.name}${extensionOf(derivative.key)}` };
}

const extensionOf = (key: string) => /\.[a-z0-9]{1,8}$/i.exec(key)?.[0] ?? '';
