import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { SiteConfig } from '../config.ts';
import { proxyToApi } from './proxy.ts';
import { SECURITY_HEADERS } from './headers.ts';
import { createStaticFiles } from './static.ts';

export type NodeHandler = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;

/** The idle limit on proxied media streams: generous, since a paused video keeps its socket. */
const PROXY_IDLE_MS = 120_000;

/**
 * The site's HTTP server: /api/* goes to the API as is; built client files are
 * served from memory; everything else is rendered by Astro (`pages`), whose own
 * middleware compresses HTML. Every answer carries the security headers.
 */
export function createSiteServer(options: { config: SiteConfig; pages: NodeHandler; clientDir: string }): Server {
  const staticFiles = createStaticFiles(options.clientDir);
  const onError = (res: ServerResponse) => (error: unknown) => {
    console.error('site: request failed', error);
    if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' }).end('Internal error');
    else res.destroy();
  };
  return createServer((req, res) => {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    if (path === '/api' || path.startsWith('/api/')) {
      proxyToApi(req, res, { apiUrl: options.config.apiUrl, idleTimeoutMs: Math.max(PROXY_IDLE_MS, options.config.apiTimeoutMs) });
      return;
    }
    staticFiles(req, res)
      .then(async (served) => {
        if (!served) await options.pages(req, res);
      })
      .catch(onError(res));
  });
}
