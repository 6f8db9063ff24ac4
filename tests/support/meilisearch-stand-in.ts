import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { filterAttributes, FilterSyntaxError, matchesFilter, parseFilter } from './meili-filter.ts';

/**
 * A loopback stand-in for Meilisearch, NOT Meilisearch: no binary can run on the CI
 * machine, so the driver's requests are checked against this small `node:http` server.
 * It answers the calls the driver makes the way Meilisearch's API reference describes
 * them (index list and creation, settings update, tasks, documents add/delete/clear,
 * search, stats, health), records every request, and processes writes as asynchronous
 * tasks, one after another, a few milliseconds after they are enqueued: a client that
 * does not wait for its task does not see its write. It enforces what a real server
 * would refuse: filters that do not parse, and filter, facet or sort attributes the
 * index settings did not declare. Matching is crude (every query word in the text,
 * the last as a prefix); relevance is not modelled, only who may see what.
 */
export interface RecordedRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  body: unknown;
  /** The status and body answered (for a write, the enqueued task; for a poll, the task then). */
  status: number;
  answer: unknown;
}

export interface MeilisearchStandIn {
  url: string;
  requests: RecordedRequest[];
  settingsOf(index: string): Settings | undefined;
  /** Every task enqueued, by uid, with its type. */
  tasks: Map<number, { type: string; status: string }>;
  close(): Promise<void>;
}

interface Settings {
  searchableAttributes?: string[];
  filterableAttributes?: string[];
  sortableAttributes?: string[];
  [setting: string]: unknown;
}

type Document = Record<string, unknown> & { id: string };

interface Index {
  primaryKey: string;
  documents: Map<string, Document>;
  settings: Settings;
}

class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  constructor(status: number, code: string, message: string) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

/** How long a task takes once its turn comes; the SDK polls every 50 ms. */
const TASK_MS = 20;

export async function startMeilisearchStandIn(): Promise<MeilisearchStandIn> {
  const indexes = new Map<string, Index>();
  const requests: RecordedRequest[] = [];
  const tasks = new Map<number, { type: string; status: string; indexUid: string; enqueuedAt: string; finishedAt?: string }>();
  let queue = Promise.resolve();

  const indexOf = (uid: string): Index => {
    const index = indexes.get(uid);
    if (!index) throw new ApiError(404, 'index_not_found', `Index \`${uid}\` not found.`);
    return index;
  };

  /** Tasks run in order, each after TASK_MS, as Meilisearch's single task queue does. */
  const enqueue = (indexUid: string, type: string, apply: () => void) => {
    const uid = tasks.size;
    const task = { type, status: 'enqueued', indexUid, enqueuedAt: new Date().toISOString() };
    tasks.set(uid, task);
    queue = queue.then(async () => {
      task.status = 'processing';
      await new Promise((resolve) => setTimeout(resolve, TASK_MS));
      apply();
      task.status = 'succeeded';
      Object.assign(task, { finishedAt: new Date().toISOString() });
    });
    return { status: 202, body: { taskUid: uid, indexUid, status: 'enqueued', type, enqueuedAt: task.enqueuedAt } };
  };

  const route = (method: string, parts: string[], query: URLSearchParams, body: unknown): { status: number; body: unknown } => {
    const [first, uid, sub, action] = parts;
    if (method === 'GET' && first === 'health') return { status: 200, body: { status: 'available' } };
    if (method === 'GET' && first === 'tasks' && uid !== undefined) {
      const task = tasks.get(Number(uid));
      if (!task) throw new ApiError(404, 'task_not_found', `Task \`${uid}\` not found.`);
      return { status: 200, body: { uid: Number(uid), ...task, error: null, details: {} } };
    }
    if (first !== 'indexes') throw new ApiError(404, 'not_found', 'Not found.');
    if (uid === undefined) {
      if (method === 'GET') {
        const limit = Number(query.get('limit') ?? 20);
        const results = [...indexes].slice(0, limit).map(([name, index]) => ({ uid: name, primaryKey: index.primaryKey }));
        return { status: 200, body: { results, offset: 0, limit, total: indexes.size } };
      }
      const { uid: name, primaryKey } = body as { uid: string; primaryKey?: string };
      return enqueue(name, 'indexCreation', () => {
        indexes.set(name, { primaryKey: primaryKey ?? 'id', documents: new Map(), settings: {} });
      });
    }
    if (sub === 'settings' && method === 'PATCH') {
      return enqueue(uid, 'settingsUpdate', () => {
        Object.assign(indexOf(uid).settings, body);
      });
    }
    if (sub === 'documents' && method === 'POST' && action === undefined) {
      return enqueue(uid, 'documentAdditionOrUpdate', () => {
        for (const document of body as Document[]) indexOf(uid).documents.set(document.id, document);
      });
    }
    if (sub === 'documents' && method === 'POST' && action === 'delete-batch') {
      return enqueue(uid, 'documentDeletion', () => {
        for (const id of body as string[]) indexOf(uid).documents.delete(id);
      });
    }
    if (sub === 'documents' && method === 'DELETE') {
      return enqueue(uid, 'documentDeletion', () => {
        indexOf(uid).documents.clear();
      });
    }
    if (sub === 'stats' && method === 'GET') return { status: 200, body: { numberOfDocuments: indexOf(uid).documents.size, isIndexing: false, fieldDistribution: {} } };
    if (sub === 'search' && method === 'POST') return { status: 200, body: search(indexOf(uid), body as SearchBody) };
    throw new ApiError(404, 'not_found', `No route ${method} ${parts.join('/')}.`);
  };

  const server = createServer((request, response) => {
    void handle(request, response);
  });
  const handle = async (request: IncomingMessage, response: ServerResponse) => {
    const url = new URL(request.url ?? '/', 'http://stand-in');
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    let body: unknown;
    try {
      body = text === '' ? undefined : JSON.parse(text);
    } catch {
      body = text;
    }
    const recorded: RecordedRequest = { method: request.method ?? 'GET', path: url.pathname, query: url.searchParams, body, status: 0, answer: undefined };
    requests.push(recorded);
    let answer: { status: number; body: unknown };
    try {
      answer = route(recorded.method, url.pathname.split('/').filter(Boolean), url.searchParams, body);
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      answer = { status: error.status, body: { message: error.message, code: error.code, type: 'invalid_request', link: `https://docs.meilisearch.com/errors#${error.code}` } };
    }
    recorded.status = answer.status;
    // A copy: a task's status changes after it was answered.
    recorded.answer = structuredClone(answer.body);
    response.writeHead(answer.status, { 'content-type': 'application/json' }).end(JSON.stringify(answer.body));
  };

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    settingsOf: (uid) => indexes.get(uid)?.settings,
    tasks,
    close: () => new Promise((resolve, reject) => {
      server.close((error) => {
        if (error) reject(error);
        else resolve();
      });
    }),
  };
}

interface SearchBody {
  q?: string;
  filter?: string;
  sort?: string[];
  facets?: string[];
  offset?: number;
  limit?: number;
  page?: number;
  hitsPerPage?: number;
  attributesToRetrieve?: string[];
}

function search(index: Index, body: SearchBody) {
  const filterable = new Set(index.settings.filterableAttributes ?? []);
  const sortable = new Set(index.settings.sortableAttributes ?? []);
  let filter;
  try {
    filter = body.filter === undefined ? undefined : parseFilter(body.filter);
  } catch (error) {
    if (error instanceof FilterSyntaxError) throw new ApiError(400, 'invalid_search_filter', error.message);
    throw error;
  }
  for (const attribute of filter ? filterAttributes(filter) : []) {
    if (!filterable.has(attribute)) throw new ApiError(400, 'invalid_search_filter', `Attribute \`${attribute}\` is not filterable.`);
  }
  for (const facet of body.facets ?? []) if (!filterable.has(facet)) throw new ApiError(400, 'invalid_search_facets', `Attribute \`${facet}\` is not filterable.`);
  for (const rule of body.sort ?? []) {
    const attribute = rule.split(':')[0]!;
    if (!sortable.has(attribute)) throw new ApiError(400, 'invalid_search_sort', `Attribute \`${attribute}\` is not sortable.`);
  }
  const matched = [...index.documents.values()].filter((document) => (filter === undefined || matchesFilter(filter, document)) && matchesWords(index, document, body.q ?? ''));
  const facetDistribution = Object.fromEntries((body.facets ?? []).map((facet) => [facet, countValues(matched, facet)]));
  const retrieve = body.attributesToRetrieve ?? ['*'];
  const shown = (document: Document) => (retrieve.includes('*') ? document : Object.fromEntries(retrieve.map((name) => [name, document[name]])));
  if (body.hitsPerPage !== undefined) {
    const page = body.page ?? 1;
    const hits = matched.slice((page - 1) * body.hitsPerPage, page * body.hitsPerPage).map(shown);
    return { hits, query: body.q ?? '', page, hitsPerPage: body.hitsPerPage, totalHits: matched.length, totalPages: Math.ceil(matched.length / Math.max(body.hitsPerPage, 1)), facetDistribution, processingTimeMs: 0 };
  }
  const offset = body.offset ?? 0;
  const limit = body.limit ?? 20;
  return { hits: matched.slice(offset, offset + limit).map(shown), query: body.q ?? '', offset, limit, estimatedTotalHits: matched.length, facetDistribution, processingTimeMs: 0 };
}

/** Every query word in a searchable attribute; the last one as a prefix unless the query ends with a space. */
function matchesWords(index: Index, document: Document, q: string): boolean {
  const words = q.split(/\s+/).filter(Boolean);
  const text = (index.settings.searchableAttributes ?? ['*']).map((name) => document[name]).filter((value) => typeof value === 'string').join(' ').split(/\s+/);
  return words.every((word, position) => (position === words.length - 1 && !q.endsWith(' ') ? text.some((held) => held.startsWith(word)) : text.includes(word)));
}

function countValues(documents: readonly Document[], facet: string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const document of documents) {
    const field = document[facet];
    for (const value of Array.isArray(field) ? field : [field]) if (typeof value === 'string') counts[value] = (counts[value] ?? 0) + 1;
  }
  return counts;
}
