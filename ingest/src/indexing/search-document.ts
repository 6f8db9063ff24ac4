import type { Item, Media, SearchDocument, TextPassage } from '@disan/schemas';
import { effectiveLevel } from '../access/index.ts';
import { entryFields } from './entry-fields.ts';
import { mediaText } from './full-text.ts';
import { libraryFields } from './library-fields.ts';

/**
 * Flattens an item, its media and the text inside them (document pages, caption cues)
 * into the one document both search engines index. The access level is the effective one
 * at indexing time (an ended embargo is public); the daily `index.embargoes` job
 * (processing/embargo-job.ts) re-indexes records whose embargo has ended. A metadata-only
 * record is indexed without its media text (see mediaText): even staff find it by its
 * description, not by words inside its files.
 */
export function toSearchDocument(item: Item, media: readonly Media[], passages: readonly TextPassage[] = [], now: Date = new Date()): SearchDocument {
  const access = effectiveLevel(item.access, now);
  const ready = media.filter((m) => m.status === 'ready');
  const cover = coverOf(ready);
  const year = yearOf(item.date);
  const geo = item.places?.find((p) => p.geo)?.geo ?? ready.find((m) => m.geo)?.geo ?? null;
  return {
    id: item.id,
    kind: item.kind,
    ethnicGroups: [...item.ethnicGroups],
    title: item.title,
    alternativeNames: (item.alternativeNames ?? []).map((n) => n.value),
    description: item.description ?? [],
    subjects: (item.subjects ?? []).map((s) => s.value),
    places: (item.places ?? []).map((p) => p.name),
    fullText: mediaText(media, passages, access === 'metadata-only'),
    collections: item.collections ?? [],
    province: unique((item.places ?? []).map((p) => p.province).filter((p): p is string => Boolean(p))),
    period: year === null ? [] : [centuryOf(year)],
    // A word's own language (km, cjm, yue…) too: the dictionary narrows by it.
    languages: unique([...(item.languages ?? []), ...item.title.map((t) => t.lang), ...(item.entry ? [item.entry.language] : [])]),
    mediaKinds: unique(media.map((m) => m.kind)),
    status: item.status,
    access,
    communities: item.access.communities ?? [],
    year,
    updatedAt: item.updatedAt,
    geo: geo ? { lat: geo.lat, lon: geo.lon } : null,
    thumbnail: cover ? `${cover.media.id}/${cover.rendition}` : null,
    ...libraryFields(item),
    ...entryFields(item),
  };
}

/** Earliest year an EDTF date can mean: 19XX is 1900, 1920/1930 is 1920. */
export function yearOf(date: string | undefined): number | null {
  const match = date ? /^(-?)([0-9X]{4})/.exec(date) : null;
  if (!match?.[2]) return null;
  const year = Number(match[2].replace(/X/g, '0'));
  return match[1] ? -year : year;
}

/** @example centuryOf(1930) === '20c' */
export function centuryOf(year: number): string {
  return year > 0 ? `${Math.floor((year - 1) / 100) + 1}c` : `${Math.floor(-year / 100) + 1}c-bce`;
}

const unique = <T>(values: readonly T[]) => [...new Set(values)];

/**
 * Renditions that can stand for an item on a card, best first: a small `thumb` (a
 * photo's, or a document's first page), then the larger covers of media that have none.
 */
const COVER_RENDITIONS = ['thumb', 'cover-webp', 'poster-webp'] as const;

/** The picture of a record: the file chosen as its cover when it has a rendition for it, else the first file that has one. */
export function coverOf(media: readonly Media[]): { media: Media; rendition: string } | null {
  const chosen = media.find((m) => m.cover === true);
  if (chosen) {
    const rendition = COVER_RENDITIONS.find((name) => chosen.derivatives.some((d) => d.name === name));
    if (rendition) return { media: chosen, rendition };
  }
  for (const rendition of COVER_RENDITIONS) {
    const found = media.find((m) => m.derivatives.some((d) => d.name === rendition));
    if (found) return { media: found, rendition };
  }
  return null;
}
