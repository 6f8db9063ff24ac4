import { request as httpRequest, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { randomUUID } from 'node:crypto';

/** Headers that belong to one connection, not to the message (RFC 9110 §7.6.1). */
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'proxy-authenticate', 'proxy-authorization', 'proxy-connection', 'te', 'trailer', 'transfer-encoding', 'upgrade', 'host']);

/**
 * The request headers to send on: everything but hop-by-hop ones (so Range,
 * If-None-Match, If-Range, Accept-Encoding and Authorization go through), plus the
 * X-Forwarded-* trio so the API sees the visitor.
 * @example forwardHeaders({ range: 'bytes=0-9', connection: 'close' }, '10.0.0.1', 'example.org').range // 'bytes=0-9'
 */
export function forwardHeaders(headers: IncomingHttpHeaders, remoteAddress: string | undefined, host: string | undefined): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined || HOP_BY_HOP.has(name)) continue;
    out[name] = value;
  }
  const chain = forwardedFor(typeof headers['x-forwarded-for'] === 'string' ? headers['x-forwarded-for'] : undefined, remoteAddress);
  if (chain) out['x-forwarded-for'] = chain;
  if (host) out['x-forwarded-host'] = host;
  out['x-forwarded-proto'] = 'http';
  return out;
}

/**
 * The X-Forwarded-For to send on: what came in, then the address that connected. The API
 * believes only the hops it trusts, read from the right, so a visitor cannot pose as another.
 * @example forwardedFor('1.2.3.4', '10.0.0.9') // '1.2.3.4, 10.0.0.9'
 */
export function forwardedFor(prior: string | undefined, remoteAddress: string | undefined): string | undefined {
  if (!remoteAddress) return prior;
  return prior ? `${prior}, ${remoteAddress}` : remoteAddress;
}

/** The API's response headers to give the visitor (ETag, Content-Range, Cache-Control... all but hop-by-hop). */
export function responseHeaders(headers: IncomingHttpHeaders): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined && !HOP_BY_HOP.has(name)) out[name] = value;
  }
  return out;
}

function unavailable(res: ServerResponse, requestId: string): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  const body = JSON.stringify({ error: { status: 502, code: 'unavailable', message: 'The archive API is not answering. Please try again later.', requestId } });
  res.writeHead(502, { 'content-type': 'application/json; charset=utf-8', 'x-request-id': requestId, 'cache-control': 'no-store' });
  res.end(body);
}

/**
 * Sends a visitor's /api/* request to the API and streams the answer back as is
 * (status, headers, body: media bytes, 206 ranges and 304s included), so the
 * visitor's browser sees one origin. `idleTimeoutMs` bounds silence on the socket,
 * not the length of a download.
 */
export function proxyToApi(req: IncomingMessage, res: ServerResponse, options: { apiUrl: string; idleTimeoutMs: number }): void {
  const target = new URL(req.url ?? '/', `${options.apiUrl}/`);
  const requestId = typeof req.headers['x-request-id'] === 'string' ? req.headers['x-request-id'] : randomUUID();
  const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
  const upstream = send(target, { method: req.method, headers: forwardHeaders(req.headers, req.socket.remoteAddress, req.headers.host) });
  upstream.setTimeout(options.idleTimeoutMs, () => upstream.destroy(new Error(`API idle for ${options.idleTimeoutMs} ms`)));
  upstream.on('response', (answer) => {
    res.writeHead(answer.statusCode ?? 502, answer.statusMessage, responseHeaders(answer.headers));
    answer.pipe(res);
    answer.on('error', () => res.destroy());
  });
  upstream.on('error', () => {
    unavailable(res, requestId);
  });
  // A visitor who leaves (closes a video, scrolls past) stops the upstream transfer too.
  res.on('close', () => {
    if (!res.writableFinished) upstream.destroy();
  });
  req.pipe(upstream);
}
