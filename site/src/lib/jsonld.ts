import type { AgentRef, ItemView, MediaView } from '@disan/schemas';
import { ETHNIC_GROUPS } from '@disan/schemas';
import { isoDate } from './format.ts';
import { documentLink, type Playable } from './media.ts';
import { libraryProperties, libraryType } from './jsonld-library.ts';
import { absoluteUrl } from './seo.ts';

type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
type JsonObject = Record<string, JsonValue>;

/** Kinds that are events (they happen, on dates); everything else is a creative work about heritage. */
const EVENT_KINDS = new Set(['festival', 'ritual', 'performance']);

/** The item's media as the page arranges them (see arrangeMedia), what the JSON-LD describes. */
export interface JsonLdMedia {
  videos: readonly Playable[];
  audios: readonly Playable[];
  documents: readonly MediaView[];
}

function languageValues(values: readonly { lang: string; value: string }[]): JsonValue[] {
  return values.map((v) => ({ '@value': v.value, '@language': v.lang }));
}

function place(item: ItemView): JsonValue | undefined {
  const first = item.places.find((p) => p.geo) ?? item.places[0];
  if (!first) return undefined;
  const result: JsonObject = { '@type': 'Place', name: first.name };
  if (first.geo) result.geo = { '@type': 'GeoCoordinates', latitude: first.geo.lat, longitude: first.geo.lon };
  if (first.province) result.address = { '@type': 'PostalAddress', addressRegion: first.province, addressCountry: 'VN' };
  return result;
}

function ethnicGroupLabel(code: string): { vi: string; en: string } | undefined {
  return (ETHNIC_GROUPS as Record<string, { vi: string; en: string } | undefined>)[code];
}

/**
 * Seconds as an ISO 8601 duration, as schema.org's `duration` wants.
 * @example isoDuration(95) // 'PT1M35S'
 * @example isoDuration(3725.4) // 'PT1H2M5S'
 */
export function isoDuration(seconds: number): string {
  const total = Math.round(seconds);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  return `PT${h > 0 ? `${h}H` : ''}${m > 0 ? `${m}M` : ''}${s > 0 || total === 0 ? `${s}S` : ''}`;
}

type AgentProperty = 'creator' | 'author' | 'editor' | 'translator' | 'contributor' | 'publisher' | 'performer';

/** Agent roles as schema.org properties: who made the work, who wrote, edited or translated it, who helped, who published it, who performed. */
const ROLE_PROPERTY: Record<AgentRef['role'], AgentProperty> = {
  creator: 'creator',
  photographer: 'creator',
  recordist: 'creator',
  contributor: 'contributor',
  informant: 'contributor',
  publisher: 'publisher',
  performer: 'performer',
  author: 'author',
  editor: 'editor',
  translator: 'translator',
  illustrator: 'contributor',
  compiler: 'creator',
  advisor: 'contributor',
};

function agentsByProperty(agents: readonly AgentRef[]): Map<string, JsonValue[]> {
  const out = new Map<string, JsonValue[]>();
  for (const agent of agents) {
    const property = ROLE_PROPERTY[agent.role];
    const list = out.get(property) ?? [];
    list.push({ '@type': 'Person', name: agent.name });
    out.set(property, list);
  }
  return out;
}

function recording(type: 'VideoObject' | 'AudioObject', playable: Playable, item: ItemView, name: JsonValue, base: string): JsonObject {
  const media = playable.media;
  const doc: JsonObject = { '@type': type, name: media.caption ?? name, uploadDate: item.createdAt };
  const source = playable.sources.find((s) => s.type.startsWith(type === 'VideoObject' ? 'video/mp4' : 'audio/mpeg')) ?? playable.sources[0];
  if (source) {
    doc.contentUrl = absoluteUrl(base, source.src);
    doc.encodingFormat = source.type;
  }
  if (playable.poster) doc.thumbnailUrl = absoluteUrl(base, playable.poster.url);
  if (media.durationSeconds) doc.duration = isoDuration(media.durationSeconds);
  if (media.width && media.height) {
    doc.width = media.width;
    doc.height = media.height;
  }
  if (media.caption) doc.description = media.caption;
  return doc;
}

function digitalDocument(media: MediaView, item: ItemView, name: JsonValue, base: string): JsonObject {
  const doc: JsonObject = { '@type': 'DigitalDocument', name: media.caption ?? name, encodingFormat: media.mimeType };
  const link = documentLink(media);
  if (link) doc.url = absoluteUrl(base, link);
  if (media.pageCount) doc.numberOfPages = media.pageCount;
  const cover = media.renditions.find((r) => r.name === 'cover-webp');
  if (cover) doc.thumbnailUrl = absoluteUrl(base, cover.url);
  const created = isoDate(item.date);
  if (created) doc.dateCreated = created;
  if (item.rights) doc.license = item.rights;
  return doc;
}

/**
 * schema.org JSON-LD for an item page, by kind:
 * - the archive's record of the item is a `CreativeWork` (a `DigitalDocument` for a
 *   document) that carries what belongs to a record: `license`, `dateModified`, the
 *   agents as `creator`/`contributor`/`publisher`, its films (`VideoObject`), recordings
 *   (`AudioObject`) and documents (`DigitalDocument`, dated with `dateCreated`);
 * - a festival, ritual or performance is an `Event` (names, place, `startDate`,
 *   performers) that is `recordedIn` its films and recordings and the `subjectOf` the
 *   record: an Event has no license or modification date of its own.
 * @example itemJsonLd(item, { base: 'https://d.org', pageUrl: 'https://d.org/item/x', images: [] })['@type'] // 'Event'
 */
export function itemJsonLd(item: ItemView, options: { base: string; pageUrl: string; images: readonly string[]; media?: JsonLdMedia; recordUrl?: (id: string) => string }): JsonObject {
  const isEvent = EVENT_KINDS.has(item.kind);
  const name = languageValues(item.title);
  const media = options.media ?? { videos: [], audios: [], documents: [] };
  const agents = agentsByProperty(item.agents);
  const described: JsonObject = { name };
  if (item.description.length > 0) described.description = languageValues(item.description);
  const names = item.alternativeNames.map((n) => ({ '@value': n.value, '@language': n.lang }));
  if (names.length > 0) described.alternateName = names;
  if (options.images.length > 0) described.image = options.images.map((src) => absoluteUrl(options.base, src));
  const about = item.ethnicGroups.map((code): JsonValue => {
    const label = ethnicGroupLabel(code);
    return { '@type': 'Thing', name: label ? [{ '@value': label.vi, '@language': 'vi' }, { '@value': label.en, '@language': 'en' }] : code };
  });

  const videos = media.videos.map((v) => recording('VideoObject', v, item, name, options.base));
  const audios = media.audios.map((a) => recording('AudioObject', a, item, name, options.base));
  const documents = media.documents.map((d) => digitalDocument(d, item, name, options.base));

  const isDocument = item.kind === 'document';
  const bookType = libraryType(item.kind);
  const record: JsonObject = { '@type': bookType ?? (isDocument ? 'DigitalDocument' : 'CreativeWork'), url: options.pageUrl, identifier: item.id };
  for (const property of ['creator', 'author', 'editor', 'translator', 'contributor', 'publisher'] as const) {
    const list = agents.get(property);
    if (list) record[property] = list;
  }
  if (item.subjects.length > 0) record.keywords = item.subjects.map((s) => s.value).join(', ');
  if (item.languages.length > 0) record.inLanguage = [...item.languages];
  if (item.rights) record.license = item.rights;
  record.dateModified = item.updatedAt;
  if (videos.length > 0) record.video = videos;
  if (audios.length > 0) record.audio = audios;
  if (documents.length > 0) record.hasPart = documents;
  const date = isoDate(item.date);
  if (bookType) {
    // A library record's date is when it was published; its type's own properties come with it.
    const recordUrl = options.recordUrl ?? ((id: string) => new URL(encodeURIComponent(id), options.pageUrl).href);
    Object.assign(record, libraryProperties(item, { recordUrl }));
  } else if (!isEvent) {
    if (date) record.dateCreated = date;
    else if (item.date) record.temporalCoverage = item.date;
  }

  if (!isEvent) {
    const where = place(item);
    return {
      '@context': 'https://schema.org',
      ...record,
      '@id': options.pageUrl,
      ...described,
      ...(where ? { contentLocation: where } : {}),
      ...(about.length > 0 ? { about } : {}),
    };
  }
  const event: JsonObject = { '@context': 'https://schema.org', '@type': 'Event', '@id': `${options.pageUrl}#event`, url: options.pageUrl, identifier: item.id, ...described };
  const where = place(item);
  if (where) event.location = where;
  if (about.length > 0) event.about = about;
  if (date) event.startDate = date;
  const performers = agents.get('performer');
  if (performers) event.performer = performers;
  if (videos.length + audios.length > 0) event.recordedIn = [...videos, ...audios];
  // The record holds what is the archive's: its license, its last change, who made it.
  const { video: _video, audio: _audio, ...recordOnly } = record;
  event.subjectOf = { ...recordOnly, '@id': options.pageUrl, name, ...(date ? {} : item.date ? { temporalCoverage: item.date } : {}) };
  return event;
}

/**
 * JSON for a `<script type="application/ld+json">` element. `<`, `>` and `&` are
 * written as Unicode escapes so text from the archive can never close the element
 * or start markup; the line separators U+2028/2029 are escaped for old parsers.
 * @example jsonForScript({ name: '</script>' }) // '{"name":"\\u003c/script\\u003e"}'
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
