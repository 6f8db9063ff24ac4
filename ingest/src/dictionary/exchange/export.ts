import { extname } from 'node:path';
import type { Item, Media } from '@disan/schemas';
import { canReadMedia, readFilter, type Viewer } from '../../access/index.ts';
import type { Archive } from '../../archive.ts';
import type { SheetEntry } from '../sheet/rows.ts';

/** An entry going out, with where each of its audio files is stored. */
export interface OutgoingEntry extends SheetEntry {
  audio: { file: string; key: string }[];
}

const PAGE = 200;

/**
 * The dictionary's entries the viewer may read (the catalog's read filter: the public gets
 * the published ones; staff drafts and restricted entries by their rights), by id, each with
 * the audio files the viewer may hear: the record's media rule and the medium's own access.
 * Audio files are named `audio/<media id><extension>`: the same at every export.
 */
export async function collectEntries(archive: Archive, viewer: Viewer): Promise<OutgoingEntry[]> {
  const filter = readFilter(viewer);
  if (filter === false) return [];
  const entries: OutgoingEntry[] = [];
  let afterId: string | undefined;
  for (;;) {
    const page = await archive.catalog.items.listVisible(filter, { limit: PAGE, ...(afterId ? { afterId } : {}) });
    const words = page.items.filter((item) => item.kind === 'word' && item.entry !== undefined);
    const media = await archive.catalog.media.listForItems(words.map((item) => item.id));
    for (const item of words) entries.push(outgoing(item, (media.get(item.id) ?? []).filter((medium) => audible(viewer, item, medium))));
    if (page.nextAfterId === null) return entries;
    afterId = page.nextAfterId;
  }
}

function audible(viewer: Viewer, item: Item, medium: Media): boolean {
  return medium.kind === 'audio' && canReadMedia(viewer, item, medium);
}

function outgoing(item: Item, media: Media[]): OutgoingEntry {
  const recordings = media.map((medium) => ({
    file: `audio/${medium.id}${extname(medium.originalName).toLowerCase()}`,
    ...(medium.caption ? { caption: medium.caption } : {}),
    ...(medium.recording ? { recording: medium.recording } : {}),
    ...(medium.access ? { access: medium.access } : {}),
  }));
  return {
    id: item.id,
    status: item.status,
    entry: item.entry!,
    access: item.access,
    created: item.createdAt,
    modified: item.updatedAt,
    recordings,
    audio: media.map((medium, index) => ({ file: recordings[index]!.file, key: medium.originalKey })),
  };
}
