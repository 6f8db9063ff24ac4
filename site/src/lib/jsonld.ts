import type { ItemView } from '@disan/schemas';
import { ETHNIC_GROUPS } from '@disan/schemas';
import { absoluteUrl } from './seo.ts';

type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** Kinds that are events (they happen, on dates); everything else is a creative work about heritage. */
const EVENT_KINDS = new Set(['festival', 'ritual', 'performance']);

function languageValues(values: readonly { lang: string; value: string }[]): JsonValue[] {
  return values.map((v) => ({ '@value': v.value, '@language': v.lang }));
}

function place(item: ItemView): JsonValue | undefined {
  const first = item.places.find((p) => p.geo) ?? item.places[0];
  if (!first) return undefined;
  const result: Record<string, JsonValue> = { '@type': 'Place', name: first.name };
  if (first.geo) result.geo = { '@type': 'GeoCoordinates', latitude: first.geo.lat, longitude: first.geo.lon };
  if (first.province) result.address = { '@type': 'PostalAddress', addressRegion: first.province, addressCountry: 'VN' };
  return result;
}

function ethnicGroupLabel(code: string): { vi: string; en: string } | undefined {
  return (ETHNIC_GROUPS as Record<string, { vi: string; en: string } | undefined>)[code];
}

/**
 * schema.org JSON-LD for an item page: names in every language, images, the place
 * with its coordinates, the peoples it is about.
 * @example itemJsonLd(item, { base: 'https://d.org', pageUrl: 'https://d.org/item/x', images: ['/api/media/m/webp-1024'] })['@type'] // 'Event'
 */
export function itemJsonLd(item: ItemView, options: { base: string; pageUrl: string; images: readonly string[] }): Record<string, JsonValue> {
  const isEvent = EVENT_KINDS.has(item.kind);
  const doc: Record<string, JsonValue> = {
    '@context': 'https://schema.org',
    '@type': isEvent ? 'Event' : 'CreativeWork',
    '@id': options.pageUrl,
    url: options.pageUrl,
    identifier: item.id,
    name: languageValues(item.title),
  };
  if (item.description.length > 0) doc.description = languageValues(item.description);
  const names = item.alternativeNames.map((n) => ({ '@value': n.value, '@language': n.lang }));
  if (names.length > 0) doc.alternateName = names;
  if (options.images.length > 0) doc.image = options.images.map((src) => absoluteUrl(options.base, src));
  const where = place(item);
  if (where) doc[isEvent ? 'location' : 'contentLocation'] = where;
  const about = item.ethnicGroups.map((code): JsonValue => {
    const label = ethnicGroupLabel(code);
    return { '@type': 'Thing', name: label ? [{ '@value': label.vi, '@language': 'vi' }, { '@value': label.en, '@language': 'en' }] : code };
  });
  if (about.length > 0) doc.about = about;
  if (item.subjects.length > 0) doc.keywords = item.subjects.map((s) => s.value).join(', ');
  if (item.languages.length > 0) doc.inLanguage = [...item.languages];
  if (item.date) doc[isEvent ? 'startDate' : 'temporalCoverage'] = item.date;
  if (item.rights) doc.license = item.rights;
  doc.dateModified = item.updatedAt;
  return doc;
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
