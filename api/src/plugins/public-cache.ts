import type { FastifyReply, FastifyRequest, onRequestAsyncHookHandler, onSendAsyncHookHandler } from 'fastify';
import { mayShareCachedAnswers } from '@disan/ingest/access';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The route's answers to the public may be replayed for `DISAN_API_CACHE_SECONDS`. */
    publicCache?: boolean;
  }
}

export interface PublicCacheOptions {
  /** How long an answer is replayed; 0 turns the cache off. */
  seconds: number;
  /** Most answers kept; the least recently used go first. */
  maxEntries?: number;
  /** Most bytes of answers kept, counted as UTF-16 string length × 2. */
  maxBytes?: number;
  now?: () => number;
}

interface Entry {
  payload: string;
  headers: Record<string, string>;
  expiresAt: number;
}

/** Headers a route sets on its answer; everything else is per request (ids, rate limits) or added later (encoding). */
const REPLAYED_HEADERS = ['content-type', 'content-language', 'cache-control', 'link'] as const;
const SKIP = Symbol('public-cache-replayed');

/**
 * A short-lived cache of what the public sees. An item page costs the catalog and the
 * search engine several queries (media, related items, collection counts), and every
 * visitor gets the same answer, so for a few seconds the serialized answer is replayed.
 * Only routes marked `publicCache`, only GETs, only for viewers whose answers access lets
 * us share (mayShareCachedAnswers: the anonymous public): anyone with more rights always
 * reads through, so nothing restricted can be served from here. The price is staleness: a change shows within `seconds`.
 *
 * Two hooks: `store` (onSend) goes before compression, so the cache keeps the JSON and
 * every answer is still compressed; `replay` (onRequest) goes after the rate limit and
 * the viewer, so a replayed answer is still counted and only ever the public's. A
 * replay skips validation: only a URL that already passed it and answered 200 is kept.
 */
export function createPublicCache(options: PublicCacheOptions): { replay: onRequestAsyncHookHandler; store: onSendAsyncHookHandler; clear(): void } {
  const ttlMs = options.seconds * 1000;
  const maxEntries = options.maxEntries ?? 1_000;
  const maxBytes = options.maxBytes ?? 64 * 1024 * 1024;
  const now = options.now ?? Date.now;
  const entries = new Map<string, Entry>();
  let bytes = 0;

  const cacheable = (request: FastifyRequest) =>
    request.method === 'GET' && request.routeOptions.config.publicCache === true && mayShareCachedAnswers(request.viewer);

  const remove = (key: string, entry: Entry) => {
    entries.delete(key);
    bytes -= entry.payload.length * 2;
  };

  const off = options.seconds <= 0;

  const replay: onRequestAsyncHookHandler = async (request, reply) => {
    if (off || !cacheable(request)) return;
    const entry = entries.get(request.url);
    if (!entry) return;
    remove(request.url, entry);
    if (entry.expiresAt <= now()) return;
    // Re-inserting marks it most recently used.
    entries.set(request.url, entry);
    bytes += entry.payload.length * 2;
    (reply as FastifyReply & { [SKIP]?: true })[SKIP] = true;
    return reply.headers(entry.headers).send(entry.payload);
  };

  const store: onSendAsyncHookHandler = async (request, reply, payload) => {
    if (off || (reply as FastifyReply & { [SKIP]?: true })[SKIP] || reply.statusCode !== 200 || typeof payload !== 'string' || !cacheable(request)) {
      return payload;
    }
    const size = payload.length * 2;
    if (size > maxBytes / 8) return payload;
    const headers: Record<string, string> = {};
    for (const name of REPLAYED_HEADERS) {
      const value = reply.getHeader(name);
      if (typeof value === 'string') headers[name] = value;
    }
    const previous = entries.get(request.url);
    if (previous) remove(request.url, previous);
    entries.set(request.url, { payload, headers, expiresAt: now() + ttlMs });
    bytes += size;
    for (const [key, entry] of entries) {
      if (entries.size <= maxEntries && bytes <= maxBytes) break;
      remove(key, entry);
    }
    return payload;
  };

  const clear = () => {
    entries.clear();
    bytes = 0;
  };

  return { replay, store, clear };
}
