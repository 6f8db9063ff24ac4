import type { Media, TextPassage } from '@disan/schemas';
import type { Catalog } from '../catalog/catalog.ts';
import { UnsupportedMediaError } from '../errors.ts';
import type { Indexer } from '../indexing/indexer.ts';
import { parseWebVtt, serializeWebVtt, type WebVtt } from '../media/webvtt.ts';
import { derivativeKey } from '../storage/keys.ts';
import type { ObjectStorage } from '../storage/storage.ts';
import { fitCaptionsToRecording } from './captions-fit.ts';
import { createMediaJobHandler } from './media-job.ts';
import { readAll } from './read-all.ts';

export interface CaptionsJobDeps {
  catalog: Catalog;
  storage: ObjectStorage;
  indexer: Indexer;
}

/**
 * `captions.index` for a WebVTT file: validates it, stores one passage per cue
 * with its times, linked to the item's recording, and keeps a clean re-serialised
 * copy (rendition `vtt`, NOTEs dropped) for players; the upload stays the original.
 * A broken file is a permanent outcome with the line of its first problem. When the
 * recording is already probed, the passages are fitted to it here (see fitCaptions);
 * otherwise linkCaptions does it once the recording is ready.
 */
export function createCaptionsJobHandler({ catalog, storage, indexer }: CaptionsJobDeps) {
  return createMediaJobHandler({ catalog, indexer }, async (media) => {
    const bytes = await readAll((await storage.get(media.originalKey)).body);
    const vtt = parseWebVtt(decodeUtf8(bytes));
    const siblings = await catalog.media.listForItem(media.itemId, 'all');
    const recording = recordingFor(media, siblings);
    const lang = captionLanguage(media.originalName) ?? (await catalog.items.get(media.itemId))?.languages?.[0];
    const passages = cuePassages(media, vtt, recording?.id, lang);
    const fitted = fitCaptions(passages, recording);
    await catalog.texts.replace(media.id, fitted.passages);
    const clean = Buffer.from(serializeWebVtt(vtt), 'utf8');
    const key = derivativeKey(media.id, 'vtt', 'vtt');
    const info = await storage.put(key, clean, { contentType: 'text/vtt; charset=utf-8' });
    const last = vtt.cues.at(-1);
    return {
      derivatives: [{ name: 'vtt', key, mimeType: 'text/vtt', size: info.size }],
      ...(last ? { durationSeconds: last.endSeconds } : {}),
      technical: { cues: vtt.cues.length, ...(lang ? { lang } : {}), ...(recording ? { recordingId: recording.id } : {}), ...fitted.technical },
    };
  });
}

function cuePassages(media: Media, vtt: WebVtt, recordingId: string | undefined, lang: string | undefined): TextPassage[] {
  return vtt.cues
    .filter((cue) => cue.text !== '')
    .map((cue, seq) => ({
      mediaId: media.id,
      itemId: media.itemId,
      seq,
      source: 'captions' as const,
      startSeconds: cue.startSeconds,
      endSeconds: cue.endSeconds,
      ...(recordingId ? { recordingId } : {}),
      ...(lang ? { lang } : {}),
      text: cue.text,
    }));
}

/**
 * Captions that outlast their recording (a subtitle file made for a longer cut) are
 * fitted to it and say so in `technical.warning`, which `disan ingest` reports.
 * `technical.fittedTo` records the duration they were fitted to, so the check runs
 * once per recording duration whichever of the two files is processed last.
 */
function fitCaptions(passages: TextPassage[], recording: Media | undefined): { passages: TextPassage[]; technical: NonNullable<Media['technical']> } {
  const seconds = recording?.durationSeconds;
  if (seconds === undefined) return { passages, technical: {} };
  const fitted = fitCaptionsToRecording(passages, seconds);
  return { passages: fitted.passages, technical: { fittedTo: seconds, ...(fitted.warning ? { warning: fitted.warning } : {}) } };
}

const isFitted = (captions: Media, recording: Media) => recording.durationSeconds === undefined || captions.technical?.fittedTo === recording.durationSeconds;

/**
 * The recording a caption file belongs to: the video or audio of the same item
 * with the same base name (`clip.vi.vtt` → `clip.mp4`), else the item's only one.
 */
export function recordingFor(captions: Pick<Media, 'originalName'>, siblings: readonly Media[]): Media | undefined {
  const recordings = siblings.filter((m) => m.kind === 'video' || m.kind === 'audio');
  const base = baseName(captions.originalName).replace(/(\.[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*)?\.vtt$/i, '');
  return recordings.find((m) => baseName(m.originalName).replace(/\.[^.]+$/, '') === base) ?? (recordings.length === 1 ? recordings[0] : undefined);
}

/** @example captionLanguage('khmer/clip.vi.vtt') // 'vi'; captionLanguage('clip.zh-Hant.vtt') // 'zh-Hant' */
export function captionLanguage(name: string): string | undefined {
  return /\.([a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*)\.vtt$/i.exec(name)?.[1];
}

const baseName = (path: string) => path.split('/').pop() ?? path;

function decodeUtf8(bytes: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch (error) {
    throw new UnsupportedMediaError('the caption file is not valid UTF-8 (WebVTT must be UTF-8): save it again as UTF-8', { cause: error });
  }
}

/**
 * Links caption passages to their recording, and fits them to its duration, when the
 * recording arrived or was probed after the captions (files of one ingest are
 * processed in parallel). Runs after every video, audio and captions job, with that
 * job's media id: each side runs it once it is ready, so whichever finishes last
 * sees the other ready. Does nothing when the passages are already right.
 */
export async function linkCaptions(archive: { catalog: Catalog; indexer: Indexer }, mediaId: string): Promise<void> {
  const media = await archive.catalog.media.get(mediaId);
  if (!media) return;
  const siblings = await archive.catalog.media.listForItem(media.itemId, 'all');
  let changed = false;
  for (const captions of siblings.filter((m) => m.kind === 'captions' && m.status === 'ready')) {
    const target = recordingFor(captions, siblings);
    if (!target || (captions.technical?.recordingId === target.id && isFitted(captions, target))) continue;
    const linked = (await archive.catalog.texts.listForMedia(captions.id)).map((p) => ({ ...p, recordingId: target.id }));
    const refit = !isFitted(captions, target);
    const fitted = refit ? fitCaptions(linked, target) : { passages: linked, technical: {} };
    // A warning from an earlier fit (another recording, another duration) must not outlive it.
    const { warning: _earlier, ...unwarned } = captions.technical ?? {};
    await archive.catalog.texts.replace(captions.id, fitted.passages);
    await archive.catalog.media.update(captions.id, { technical: { ...(refit ? unwarned : captions.technical), recordingId: target.id, ...fitted.technical } });
    changed = true;
  }
  if (changed) await archive.indexer.indexItems([media.itemId]);
}
