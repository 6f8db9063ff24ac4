import type { FastifyInstance, FastifyRequest, onSendAsyncHookHandler } from 'fastify';
import { mayShareCachedAnswers } from '@disan/ingest/access';

/**
 * Request headers that decide who is asking: today the operator's `Authorization`, from
 * accounts on also a session `Cookie`. Listed now so that caches already key on both.
 */
export const VIEWER_HEADERS = ['Authorization', 'Cookie'] as const;

/** `Vary` with the viewer's headers added to what is there, each once. */
export function withViewerHeaders(vary: unknown): string {
  const present = typeof vary === 'string' ? vary.split(',').map((name) => name.trim()).filter(Boolean) : [];
  const lower = new Set(present.map((name) => name.toLowerCase()));
  return [...present, ...VIEWER_HEADERS.filter((name) => !lower.has(name.toLowerCase()))].join(', ');
}

/** Whose answers only they may keep: anyone with more rights than the public, and any request that sent a credential (even a refused one). */
const isPrivate = (request: FastifyRequest) =>
  request.headers.authorization !== undefined || ((request.viewer as FastifyRequest['viewer'] | null) !== null && !mayShareCachedAnswers(request.viewer));

/**
 * Every JSON answer depends on who asks (what a record list holds, whether a record
 * exists at all), so it varies on the viewer's headers: a shared cache must never hand
 * the operator's answer to the public or the other way round. An answer to anyone but
 * the public is `private, no-store`: it may hold hidden records and is kept by no cache.
 * Media set their own caching (public files are the same for everyone) and are left alone.
 */
export const privateAnswers: onSendAsyncHookHandler = async (request, reply, payload) => {
  const type = reply.getHeader('content-type');
  if (typeof type !== 'string' || !type.startsWith('application/json')) return payload;
  reply.header('vary', withViewerHeaders(reply.getHeader('vary')));
  if (isPrivate(request)) reply.header('cache-control', 'private, no-store');
  return payload;
};

export function registerPrivateAnswers(app: FastifyInstance): void {
  app.addHook('onSend', privateAnswers);
}
