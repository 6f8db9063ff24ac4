import type { SearchHit, SearchResult } from '@disan/schemas';
import { isLang, type Lang } from '../i18n/langs.ts';
import { pickLocalized } from '../i18n/pick.ts';
import { passageHref, passageLabel, showsSnippet } from '../lib/passages.ts';
import { visibility } from '../people/visibility.ts';

const DEBOUNCE_MS = 250;

interface Settings {
  lang: Lang;
  locale: string;
  itemPrefix: string;
  messages: { results: string; resultsFor: string; none: string; error: string; searching: string; page: string; foundIn: string };
  kinds: Record<string, string>;
  /** The badge's messages by id, given to signed-in visitors only (as Visibility.astro shows badges only to them). */
  badges: Record<string, string> | null;
}

function parsed<T>(json: string | undefined, fallback: T): T {
  if (json === undefined) return fallback;
  try {
    return JSON.parse(json) as T;
  } catch {
    return fallback;
  }
}

function readSettings(element: HTMLElement): Settings | null {
  const data = element.dataset;
  if (!isLang(data.lang)) return null;
  return {
    lang: data.lang,
    locale: data.locale ?? data.lang,
    itemPrefix: data.itemPrefix ?? '/item/',
    messages: {
      results: data.msgResults ?? '',
      resultsFor: data.msgResultsFor ?? '',
      none: data.msgNone ?? '',
      error: data.msgError ?? '',
      searching: data.msgSearching ?? '',
      page: data.msgPage ?? '{page}',
      foundIn: data.msgFoundIn ?? '',
    },
    kinds: parsed<Record<string, string>>(data.kinds, {}),
    badges: parsed<Record<string, string> | null>(data.badges, null),
  };
}

function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);
}

/** Snippet HTML from the engine, rebuilt as text nodes and <mark> elements only: nothing else survives. */
function snippetNodes(html: string): Node[] {
  const parsed = new DOMParser().parseFromString(`<p>${html}</p>`, 'text/html').body;
  const nodes: Node[] = [];
  for (const p of parsed.querySelectorAll('p')) {
    for (const child of p.childNodes) {
      if (child.nodeName === 'MARK') {
        const mark = document.createElement('mark');
        mark.textContent = child.textContent;
        nodes.push(mark);
      } else {
        nodes.push(document.createTextNode(child.textContent ?? ''));
      }
    }
  }
  return nodes;
}

function resultItem(hit: SearchHit, settings: Settings, q: string): HTMLLIElement {
  const li = document.createElement('li');
  if (hit.thumbnail) {
    const img = document.createElement('img');
    Object.assign(img, { src: hit.thumbnail, alt: '', width: 96, height: 64, loading: 'lazy', decoding: 'async' });
    li.append(img);
  }
  const body = document.createElement('div');
  const link = document.createElement('a');
  link.href = `${settings.itemPrefix}${encodeURIComponent(hit.id)}`;
  link.dataset.testid = 'result-link';
  const title = pickLocalized(hit.title, settings.lang);
  const span = document.createElement('span');
  span.lang = title?.lang ?? '';
  span.textContent = title?.value ?? hit.id;
  link.append(span);
  const meta = document.createElement('span');
  meta.className = 'card-meta';
  meta.textContent = ` · ${settings.kinds[hit.kind] ?? hit.kind}`;
  body.append(link, meta);
  const shown = badge(hit, settings);
  if (shown) body.append(shown);
  if (hit.snippet && showsSnippet(hit)) {
    const p = document.createElement('p');
    p.className = 'snippet';
    if (hit.snippet.lang) p.lang = hit.snippet.lang;
    p.append(...snippetNodes(hit.snippet.html));
    body.append(p);
  }
  if (hit.passages.length > 0) body.append(passageList(hit, settings, q));
  li.append(body);
  return li;
}

/** The same badge as Visibility.astro: who may see the record, when it is not everyone. */
function badge(hit: SearchHit, settings: Settings): HTMLSpanElement | null {
  const messages = settings.badges;
  const dates = new Intl.DateTimeFormat(settings.locale, { dateStyle: 'long', timeZone: 'UTC' });
  const shown = messages ? visibility(hit, (iso) => (Number.isNaN(Date.parse(iso)) ? iso : dates.format(new Date(iso)))) : null;
  if (!messages || !shown) return null;
  const span = document.createElement('span');
  span.className = 'visibility';
  span.dataset.testid = 'visibility';
  const label = document.createElement('span');
  label.className = 'visually-hidden';
  label.textContent = `${messages['visibility.label'] ?? ''} `;
  span.append(label);
  if (shown.status) {
    const strong = document.createElement('strong');
    strong.textContent = messages[shown.status] ?? '';
    span.append(strong, ' · ');
  }
  span.append(fill(messages[shown.who.id] ?? '', shown.who.values ?? {}));
  return span;
}

/** Where inside the item's media the words are: "page 7", "00:01:30", each a link that opens it there. */
function passageList(hit: SearchHit, settings: Settings, q: string): HTMLUListElement {
  const ul = document.createElement('ul');
  ul.className = 'passages';
  ul.setAttribute('aria-label', settings.messages.foundIn);
  const itemHref = `${settings.itemPrefix}${encodeURIComponent(hit.id)}`;
  for (const passage of hit.passages) {
    const li = document.createElement('li');
    const link = document.createElement('a');
    link.href = passageHref(itemHref, passage, q);
    link.dataset.testid = 'passage-link';
    link.textContent = passageLabel(passage, settings.messages.page);
    const text = document.createElement('span');
    text.className = 'snippet';
    text.append(...snippetNodes(passage.html));
    li.append(link, ' ', text);
    ul.append(li);
  }
  return ul;
}

/** The facets shown in the form, to ask their counts for the new query. */
function facetNames(form: HTMLFormElement): string[] {
  return [...new Set(Array.from(form.querySelectorAll<HTMLElement>('.count[data-facet]'), (span) => span.dataset.facet ?? ''))].filter(Boolean);
}

/** Each shown facet value's count, as the new query has it (0 when the engine no longer lists it). */
function updateFacetCounts(form: HTMLFormElement, facets: SearchResult['facets'], numbers: Intl.NumberFormat): void {
  for (const span of form.querySelectorAll<HTMLElement>('.count[data-facet]')) {
    const count = facets[span.dataset.facet ?? '']?.[span.dataset.value ?? ''] ?? 0;
    span.textContent = `(${numbers.format(count)})`;
  }
}

/** Wires the search form: typing redraws results and facet counts (debounced; stale answers are dropped). */
export function startLiveSearch(): void {
  const holder = document.getElementById('search-live');
  const form = document.getElementById('search-form');
  const input = document.getElementById('search-q');
  const list = document.getElementById('search-results');
  const status = document.getElementById('search-status');
  if (!holder || !(form instanceof HTMLFormElement) || !(input instanceof HTMLInputElement) || !list || !status) return;
  const settings = readSettings(holder);
  if (!settings) return;
  const numbers = new Intl.NumberFormat(settings.locale);
  let timer: ReturnType<typeof setTimeout> | undefined;
  let current: AbortController | undefined;

  const run = async (): Promise<void> => {
    current?.abort();
    const controller = new AbortController();
    current = controller;
    const params = new URLSearchParams();
    for (const [name, value] of new FormData(form)) if (typeof value === 'string' && value !== '') params.append(name, value);
    const pageUrl = `${form.action}${params.size > 0 ? `?${params}` : ''}`;
    // The words this answer is for: the box may hold more by the time it arrives.
    const q = (params.get('q') ?? '').trim();
    params.set('lang', settings.locale);
    const exportParams = params.toString();
    params.set('pageSize', '20');
    for (const facet of facetNames(form)) params.append('facets', facet);
    status.textContent = settings.messages.searching;
    try {
      const response = await fetch(`/api/search?${params}`, { signal: controller.signal, headers: { accept: 'application/json' } });
      if (!response.ok) throw new Error(`search answered ${response.status}`);
      const result = (await response.json()) as SearchResult;
      if (current !== controller) return; // a newer search is on its way: this answer is stale
      list.replaceChildren(...result.hits.map((hit) => resultItem(hit, settings, q)));
      updateFacetCounts(form, result.facets, numbers);
      const total = numbers.format(result.total);
      status.textContent = result.total === 0 ? settings.messages.none : q ? fill(settings.messages.resultsFor, { total, query: q }) : fill(settings.messages.results, { total });
      // The address follows the search, so it can be shared or reloaded.
      history.replaceState(null, '', pageUrl);
      // The RIS and BibTeX links export what is shown now.
      for (const link of document.querySelectorAll<HTMLAnchorElement>('a[data-search-export]')) link.href = `/api/search/export?${exportParams}&format=${link.dataset.searchExport ?? ''}`;
      document.querySelector('.pagination')?.remove();
    } catch (error) {
      if (controller.signal.aborted) return;
      status.textContent = settings.messages.error;
      console.error(error);
    }
  };

  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => void run(), DEBOUNCE_MS);
  });
}
