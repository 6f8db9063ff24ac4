import { out } from '../printable.ts';
import { Value } from 'typebox/value';
import { FACETS, SearchQuery, type Facet, type HitPassage, type SearchFilters, type SearchResult } from '@disan/schemas';
import { type Archive, ValidationError } from '@disan/ingest';
import { PUBLIC, SYSTEM } from '@disan/ingest/access';
import { searchArchive } from '@disan/ingest/search';
import type { CommandArgs } from '../args.ts';

/** `disan search`: what the public sees (or everything with --all), as text or as the API's JSON. */
export async function runSearchCommand(archive: Archive, { positionals, values }: CommandArgs): Promise<number> {
  const query = buildQuery(positionals.join(' '), values);
  const result = await searchArchive(archive, query, values.all ? SYSTEM : PUBLIC);
  out(values.json ? `${JSON.stringify(result, null, 2)}\n` : formatResult(result, query.lang ?? 'vi'));
  return 0;
}

export function buildQuery(q: string, values: CommandArgs['values']): SearchQuery {
  const filters: SearchFilters = {};
  for (const clause of (values.filter as string[] | undefined) ?? []) {
    const [field, list] = clause.split('=', 2);
    if (!field || list === undefined || !(FACETS as readonly string[]).includes(field)) {
      throw new ValidationError(`--filter "${clause}" must be field=value[,value] with field one of ${FACETS.join(', ')}`);
    }
    filters[field as Facet] = list.split(',').map((v) => v.trim()).filter(Boolean);
  }
  const query: Record<string, unknown> = { q, filters, facets: [...FACETS] };
  if (typeof values.near === 'string') {
    const [lat, lon, km] = values.near.split(',').map(Number);
    query.geo = { lat, lon, radiusMeters: (km ?? Number.NaN) * 1000 };
  }
  if (typeof values.sort === 'string') query.sort = values.sort;
  if (typeof values.lang === 'string') query.lang = values.lang;
  if (typeof values.page === 'string') query.page = Number(values.page);
  if (typeof values['page-size'] === 'string') query.pageSize = Number(values['page-size']);
  const problems = [...Value.Errors(SearchQuery, query)].map((e) => `${e.instancePath || 'query'} ${e.message}`);
  if (problems.length > 0) throw new ValidationError(`invalid search: ${problems.join('; ')}`);
  return query as SearchQuery;
}

function formatResult(result: SearchResult, lang: string): string {
  const lines = [`${result.total} result${result.total === 1 ? '' : 's'} for "${result.query}" (${result.engine}, ${result.tookMs.toFixed(1)} ms)`];
  result.hits.forEach((hit, index) => {
    const title = hit.title.find((t) => t.lang === lang)?.value ?? hit.title[0]?.value ?? hit.id;
    lines.push(`${String((result.page - 1) * result.pageSize + index + 1).padStart(3)}. ${title}  [${hit.kind} · ${hit.ethnicGroups.join(', ')}]  ${hit.id}`);
    if (hit.snippet) lines.push(`     ${hit.snippet.field}: ${plain(hit.snippet.html)}`);
    for (const passage of hit.passages) lines.push(`       ${passageLocation(passage)}: ${plain(passage.html)}`);
  });
  for (const [facet, counts] of Object.entries(result.facets)) {
    const entries = Object.entries(counts);
    if (entries.length > 0) lines.push(`  ${facet}: ${entries.map(([value, count]) => `${value} (${count})`).join(', ')}`);
  }
  return `${lines.join('\n')}\n`;
}

/** Where a passage is, as a reader looks for it: `page 7` in a document, `00:01:30` in a recording. */
export function passageLocation(passage: HitPassage): string {
  if (passage.page !== undefined) return `page ${passage.page}`;
  if (passage.startSeconds !== undefined) return timeCode(passage.startSeconds);
  return passage.source;
}

/** @example timeCode(90) === '00:01:30'; timeCode(3725.9) === '01:02:05' */
export function timeCode(seconds: number): string {
  const whole = Math.floor(seconds);
  return [Math.floor(whole / 3600), Math.floor((whole % 3600) / 60), whole % 60].map((part) => String(part).padStart(2, '0')).join(':');
}

/** Snippets are HTML for the site; on a terminal, matches are shown in «» brackets. */
export function plain(html: string): string {
  return html
    .replace(/<mark>/g, '«')
    .replace(/<\/mark>/g, '»')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    // Page text keeps its line breaks; on a terminal a snippet reads best on one line.
    .replace(/\s+/g, ' ')
    .trim();
}
