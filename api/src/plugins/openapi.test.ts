import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import SwaggerParser from '@apidevtools/swagger-parser';
import type { FastifyInstance } from 'fastify';
import createClient from 'openapi-fetch';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Archive } from '@disan/ingest';
import { loadConfig } from '@disan/ingest/config';
import { originalKey } from '@disan/ingest/storage';
import { temporaryArchive } from '../../../tests/support/archive.ts';
import { buildApp } from '../app.ts';
import { TAGS } from './openapi.ts';

interface Operation {
  operationId?: string;
  tags?: string[];
  security?: Record<string, string[]>[];
  responses: Record<string, { content?: Record<string, { schema?: { format?: string } }> }>;
}
interface Document {
  openapi: string;
  info: { license?: { name: string; url: string } };
  servers?: { url: string }[];
  tags?: { name: string; description?: string }[];
  components?: { securitySchemes?: Record<string, unknown> };
  paths: Record<string, Record<string, Operation>>;
}

/** What openapi-typescript would generate for the one route called below. */
interface MediaPaths {
  '/api/media/{mediaId}/{rendition}': {
    get: {
      parameters: { query?: never; header?: never; path: { mediaId: string; rendition: string }; cookie?: never };
      requestBody?: never;
      responses: { 200: { headers: Record<string, unknown>; content: { 'image/png': string } } };
    };
  };
}

const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');

/**
 * The document at /api/docs/json is checked by the tools clients use: swagger-parser
 * (it once rejected the whole document), Redocly's recommended rules (once 20 errors
 * and 15 warnings) and openapi-fetch (it threw on every image, declared as JSON).
 */
describe('the OpenAPI document', () => {
  let archive: Archive;
  let dataDir: string;
  let dispose: () => Promise<void>;
  let app: FastifyInstance;
  let document: Document;

  beforeAll(async () => {
    ({ archive, dataDir, dispose } = await temporaryArchive({ LOG_LEVEL: 'silent' }));
    const sha256 = createHash('sha256').update(PNG).digest('hex');
    await archive.storage.put(originalKey(sha256), PNG, { contentType: 'image/png', size: PNG.length });
    await archive.catalog.items.upsert(
      { id: 'ok-om-bok', kind: 'festival', ethnicGroups: ['khmer'], title: [{ lang: 'vi', value: 'Ok Om Bok' }], status: 'published', access: { level: 'public' } },
      { author: 'test' },
    );
    await archive.catalog.media.insert({
      id: 'm-pixel', itemId: 'ok-om-bok', sha256, mimeType: 'image/png', kind: 'image', size: PNG.length, originalName: 'pixel.png',
      originalKey: originalKey(sha256), position: 0, status: 'ready', derivatives: [],
    });
    app = await buildApp({ archive, config: archive.config, logger: false });
    document = (await app.inject({ url: '/api/docs/json' })).json<Document>();
  });
  afterAll(async () => {
    await app.close();
    await dispose();
  });

  const operations = () => Object.entries(document.paths).flatMap(([path, methods]) => Object.entries(methods).map(([method, operation]) => ({ path, method, operation })));

  it('passes swagger-parser’s validation', async () => {
    await expect(SwaggerParser.validate(structuredClone(document) as never)).resolves.toBeDefined();
  });

  it('passes Redocly’s recommended rules with no error and no warning', async () => {
    const file = join(dataDir, 'openapi.json');
    await writeFile(file, JSON.stringify(document));
    const cli = join(import.meta.dirname, '../../../node_modules/.bin/redocly');
    const run = promisify(execFile)(cli, ['lint', '--extends', 'recommended', '--format', 'json', file], {
      env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
    });
    // Redocly exits 1 when it finds errors; its report is on stdout either way.
    const { stdout } = await run.catch((error: unknown) => error as { stdout: string });
    const problems = (JSON.parse(stdout) as { problems: { ruleId: string; severity: string; location: { pointer: string }[] }[] }).problems;
    expect(problems.map((p) => `${p.severity} ${p.ruleId} ${p.location[0]?.pointer ?? ''}`)).toEqual([]);
  });

  it('gives every operation a unique operationId, a described tag and a security requirement', () => {
    const ids = operations().map(({ operation }) => operation.operationId);
    expect(ids.every((id) => typeof id === 'string' && /^[a-z][A-Za-z]+$/.test(id))).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    expect(document.tags).toEqual(TAGS);
    const tags = new Set(TAGS.map((tag) => tag.name));
    expect(operations().filter(({ operation }) => !operation.tags?.every((tag) => tags.has(tag)))).toEqual([]);
    expect(document.components?.securitySchemes?.bearerAuth).toMatchObject({ type: 'http', scheme: 'bearer' });
    const security = Object.fromEntries(operations().map(({ method, path, operation }) => [`${method} ${path}`, operation.security]));
    expect(document.components?.securitySchemes?.cookieAuth).toMatchObject({ type: 'apiKey', in: 'cookie', name: 'disan_session' });
    expect(security['get /api/jobs']).toEqual([{ bearerAuth: [] }, { cookieAuth: [] }]);
    expect(security['get /api/account']).toEqual([{ bearerAuth: [] }, { cookieAuth: [] }]);
    expect(security['get /api/items']).toEqual([{}, { bearerAuth: [] }, { cookieAuth: [] }]);
    expect(Object.values(security).every((s) => Array.isArray(s) && s.length > 0)).toBe(true);
  });

  it('names the licence and a server, and documents no path with a trailing slash', () => {
    expect(document.openapi).toBe('3.1.0');
    expect(document.info.license).toEqual({ name: 'AGPL-3.0-or-later', url: 'https://www.gnu.org/licenses/agpl-3.0.html' });
    expect(document.servers).toEqual([expect.objectContaining({ url: '/' })]);
    expect(Object.keys(document.paths).filter((path) => path.endsWith('/'))).toEqual([]);
  });

  it('takes the server and the session cookie’s name from DISAN_PUBLIC_URL when set', async () => {
    const config = loadConfig({ DISAN_DATA_DIR: dataDir, LOG_LEVEL: 'silent', DISAN_PUBLIC_URL: 'https://heritage.example.org' });
    const other = await buildApp({ archive, config, logger: false });
    const { servers, components } = (await other.inject({ url: '/api/docs/json' })).json<Document>();
    await other.close();
    expect(servers).toEqual([expect.objectContaining({ url: 'https://heritage.example.org' })]);
    expect(components?.securitySchemes?.cookieAuth).toMatchObject({ name: '__Host-disan_session' });
  });

  it('answers a documented path with a trailing slash too', async () => {
    for (const url of ['/api/items', '/api/items/', '/api/collections/', '/api/search/?q=']) expect((await app.inject({ url })).statusCode, url).toBe(200);
  });

  it('declares media answers with their real types as binary, and the 206, 304 and 416 answers', () => {
    const responses = document.paths['/api/media/{mediaId}/{rendition}']!.get!.responses;
    expect(Object.keys(responses)).toEqual(expect.arrayContaining(['200', '206', '304', '416']));
    for (const status of ['200', '206']) {
      const content = responses[status]!.content!;
      expect(Object.keys(content)).toEqual(expect.arrayContaining(['image/*', 'video/mp4', 'audio/*', 'application/pdf', 'text/vtt', 'application/octet-stream']));
      expect(Object.keys(content)).not.toContain('application/json');
      expect(Object.values(content).every((media) => media.schema?.format === 'binary')).toBe(true);
    }
    expect(responses['304']!.content).toBeUndefined();
    expect(Object.keys(responses['416']!.content!)).toEqual(['application/json']);
  });

  it('lets openapi-fetch read a picture as a blob', async () => {
    const base = await app.listen({ host: '127.0.0.1', port: 0 });
    const client = createClient<MediaPaths>({ baseUrl: base });
    const { data, response } = await client.GET('/api/media/{mediaId}/{rendition}', { params: { path: { mediaId: 'm-pixel', rendition: 'original' } }, parseAs: 'blob' });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await (data as unknown as Blob).arrayBuffer()).equals(PNG)).toBe(true);
  });
});
