import type { Item, LinkSuggestion } from '@disan/schemas';
import { analyze, analyzeForIndex } from '../analyzer/index.ts';
import { canReadRecord, type Viewer } from '../access/index.ts';
import type { Archive } from '../archive.ts';
import { searchArchive } from '../search/service.ts';

/**
 * Link suggestions for the workspace: for an entry, the records whose text holds its
 * headword or a romanisation; for any other record, the entries whose forms its text
 * holds. The search engine finds candidates (the shared analyzer: tones, Han forms and
 * Khmer compounds folded alike, words inside media included); each is then confirmed in
 * the candidate's own text, word for word, so a prefix or a typo the engine tolerates is
 * never suggested. Only what the viewer may read is searched and returned.
 */

type Deps = Pick<Archive, 'search' | 'catalog'>;
/** The fields of the record being edited (the workspace's head). */
export type LinkSubject = Pick<Item, 'id' | 'kind' | 'title' | 'description' | 'alternativeNames' | 'entry'>;

const MAX_SUGGESTIONS = 50;
const HITS_PER_FORM = 50;
const HITS_PER_WORD = 20;
/** A record's distinct words searched for entries: enough for a long description. */
const MAX_RECORD_WORDS = 200;
const EXCERPT_CONTEXT = 40;

export async function suggestWordLinks(deps: Deps, viewer: Viewer, subject: LinkSubject): Promise<LinkSuggestion[]> {
  return subject.kind === 'word' && subject.entry ? recordsForEntry(deps, viewer, subject) : entriesForRecord(deps, viewer, subject);
}

async function recordsForEntry(deps: Deps, viewer: Viewer, subject: LinkSubject): Promise<LinkSuggestion[]> {
  const entry = subject.entry!;
  const linked = new Set(entry.records ?? []);
  const suggestions = new Map<string, LinkSuggestion>();
  for (const form of formsOf(subject)) {
    const result = await searchArchive(deps, { q: form, facets: [], pageSize: HITS_PER_FORM }, viewer);
    const hits = result.hits.filter((hit) => hit.kind !== 'word' && hit.id !== subject.id && !suggestions.has(hit.id));
    const items = new Map((await deps.catalog.items.getMany(hits.map((hit) => hit.id))).map((item) => [item.id, item]));
    for (const hit of hits) {
      const item = items.get(hit.id);
      if (!item || !canReadRecord(viewer, item)) continue;
      // Words inside the record's media: the engine's passages, stripped of their highlight.
      const found = findIn(textsOf(item), form) ?? findIn(hit.passages.map((p) => plainText(p.html)), form);
      if (found) suggestions.set(item.id, { id: item.id, kind: item.kind, title: item.title, matched: form, excerpt: found, alreadyLinked: linked.has(item.id) });
    }
  }
  return [...suggestions.values()].slice(0, MAX_SUGGESTIONS);
}

async function entriesForRecord(deps: Deps, viewer: Viewer, subject: LinkSubject): Promise<LinkSuggestion[]> {
  const texts = textsOf(subject);
  const words = [...new Set(texts.flatMap((text) => analyzeForIndex(text).map((token) => token.key)))].filter((key) => key.length > 1 || /[^\p{Script=Latin}\p{N}]/u.test(key));
  const candidates = new Set<string>();
  for (const word of words.slice(0, MAX_RECORD_WORDS)) {
    const result = await searchArchive(deps, { q: word, facets: [], filters: { kind: ['word'] }, pageSize: HITS_PER_WORD }, viewer);
    for (const hit of result.hits) if (hit.id !== subject.id) candidates.add(hit.id);
  }
  const suggestions: LinkSuggestion[] = [];
  for (const item of await deps.catalog.items.getMany([...candidates])) {
    if (item.kind !== 'word' || !item.entry || !canReadRecord(viewer, item)) continue;
    for (const form of formsOf(item)) {
      const found = findIn(texts, form);
      if (!found) continue;
      suggestions.push({ id: item.id, kind: item.kind, title: item.title, matched: form, excerpt: found, alreadyLinked: (item.entry.records ?? []).includes(subject.id) });
      break;
    }
  }
  return suggestions.slice(0, MAX_SUGGESTIONS);
}

/** An entry's forms: headwords in their scripts, then romanisations, each once. */
function formsOf(item: Pick<Item, 'entry'>): string[] {
  const entry = item.entry;
  if (!entry) return [];
  return [...new Set([...entry.headwords.map((h) => h.value), ...(entry.romanisations ?? []).map((r) => r.value)].map((f) => f.trim()).filter((f) => f !== ''))];
}

/** The text a link is looked for in: title, description and other names. */
function textsOf(item: Pick<Item, 'title' | 'description' | 'alternativeNames'>): string[] {
  return [...item.title, ...(item.description ?? []), ...(item.alternativeNames ?? [])].map((t) => t.value);
}

/**
 * The form written in one of the texts, word for word as the analyzer reads both (tones and
 * case folded, Han simplified and traditional alike, a Khmer word inside a compound), with
 * the passage around it; null when none holds it.
 * @example findIn(['Lễ hội đua ghe ngo'], 'ghe ngò') // 'Lễ hội đua ghe ngo'
 */
export function findIn(texts: readonly string[], form: string): string | null {
  const want = analyze(form).map((token) => token.key);
  if (want.length === 0) return null;
  for (const text of texts) {
    const tokens = want.length === 1 ? analyzeForIndex(text) : analyze(text);
    for (let i = 0; i + want.length <= tokens.length; i++) {
      if (want.every((key, j) => tokens[i + j]!.key === key)) return excerpt(text, tokens[i]!.start, tokens[i + want.length - 1]!.end);
    }
  }
  return null;
}

function excerpt(text: string, start: number, end: number): string {
  const from = Math.max(0, start - EXCERPT_CONTEXT);
  const to = Math.min(text.length, end + EXCERPT_CONTEXT);
  return `${from > 0 ? '…' : ''}${text.slice(from, to).trim()}${to < text.length ? '…' : ''}`;
}

/** A passage's HTML (escaped text, <mark> around matches) as plain text. */
function plainText(html: string): string {
  return html
    .replace(/<\/?mark>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}
