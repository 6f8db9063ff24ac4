import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { brotliCompressSync, gzipSync, constants } from 'node:zlib';
import { chooseEncoding, isCompressible } from './compress.ts';

const TYPES: Readonly<Record<string, string>> = {
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.webp': 'image/webp',
  '.txt': 'text/plain; charset=utf-8',
  '.woff2': 'font/woff2',
  '.webmanifest': 'application/manifest+json',
};

interface Prepared {
  type: string;
  identity: Buffer;
  br?: Buffer;
  gzip?: Buffer;
}

/**
 * Serves the built client files (dist/client): hashed /_astro/ assets cached for a
 * year, the rest for an hour. The files are small and fixed after the build, so each
 * is read and compressed once and kept in memory.
 */
export function createStaticFiles(root: string): (req: IncomingMessage, res: ServerResponse) => Promise<boolean> {
  const prepared = new Map<string, Prepared | null>();

  async function prepare(path: string): Promise<Prepared | null> {
    if (prepared.has(path)) return prepared.get(path) ?? null;
    let result: Prepared | null = null;
    const file = normalize(join(root, path));
    if (file.startsWith(root + sep)) {
      const info = await stat(file).catch(() => null);
      if (info?.isFile()) {
        const identity = await readFile(file);
        const type = TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
        result = { type, identity };
        if (isCompressible(type) && identity.length > 512) {
          result.br = brotliCompressSync(identity, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } });
          result.gzip = gzipSync(identity, { level: 9 });
        }
      }
    }
    prepared.set(path, result);
    return result;
  }

  return async (req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return false;
    let path: string;
    try {
      path = decodeURIComponent(new URL(req.url ?? '/', 'http://site').pathname);
    } catch {
      return false;
    }
    if (path.endsWith('/')) return false;
    const file = await prepare(path);
    if (!file) return false;
    const encoding = chooseEncoding(req.headers['accept-encoding']);
    const body = (encoding && file[encoding]) ?? file.identity;
    const headers: Record<string, string | number> = {
      'content-type': file.type,
      'content-length': body.length,
      'cache-control': path.startsWith('/_astro/') ? 'public, max-age=31536000, immutable' : 'public, max-age=3600',
    };
    if (file.br) headers.vary = 'Accept-Encoding';
    if (body !== file.identity && encoding) headers['content-encoding'] = encoding;
    res.writeHead(200, headers);
    res.end(req.method === 'HEAD' ? undefined : body);
    return true;
  };
}
