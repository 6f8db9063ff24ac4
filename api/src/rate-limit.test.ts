import { Writable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ErrorBody } from '@disan/schemas';
import type { Archive } from '@disan/ingest';
import { loadConfig } from '@disan/ingest/config';
import { temporaryArchive } from '../../tests/support/archive.ts';
import { buildApp } from './app.ts';

const TOKEN = 'rate-limit-test-token-0123456789abcdef';
const WRONG = `${TOKEN}-wrong`;
const LIMIT = 5;

/**
 * The limiter runs before authentication and before the public cache replays an answer:
 * token guessing and hammering a cached page are both counted (a security review sent
 * 650 wrong tokens in 1.9 s and got 650 × 401, no 429).
 */
describe('the rate limit', () => {
  let archive: Archive;
  let dataDir: string;
  let dispose: () => Promise<void>;
  const apps: FastifyInstance[] = [];
  const lines: string[] = [];

  /** A fresh app (so a fresh limiter) whose JSON log lines land in `lines`. */
  const build = async (): Promise<FastifyInstance> => {
    const config = loadConfig({ DISAN_DATA_DIR: dataDir, DISAN_OPERATOR_TOKEN: TOKEN, DISAN_RATE_LIMIT: String(LIMIT), DISAN_API_CACHE_SECONDS: '60' });
    const stream = new Writable({
      write(chunk: Buffer, _encoding, callback) {
        lines.push(...chunk.toString().split('\n').filter(Boolean));
        callback();
      },
    });
    const app = await buildApp({ archive, config, logger: { level: 'warn', stream } });
    apps.push(app);
    return app;
  };

  beforeAll(async () => {
    ({ archive, dataDir, dispose } = await temporaryArchive({ LOG_LEVEL: 'silent' }));
    await archive.catalog.items.upsert(
      { id: 'ok-om-bok', kind: 'festival', ethnicGroups: ['khmer'], title: [{ lang: 'vi', value: 'Ok Om Bok' }], status: 'published', access: { level: 'public' } },
      { author: 'test' },
    );
    await archive.indexer.indexItems(['ok-om-bok']);
  });
  afterAll(async () => {
    await Promise.all(apps.map((app) => app.close()));
    await dispose();
  });

  const statuses = async (app: FastifyInstance, count: number, request: { url: string; headers?: Record<string, string> }) => {
    const seen: number[] = [];
    for (let i = 0; i < count; i++) seen.push((await app.inject(request)).statusCode);
    return seen;
  };

  it('counts requests with a wrong token and answers 429 past the limit', async () => {
    const app = await build();
    const seen = await statuses(app, LIMIT + 3, { url: '/api/health', headers: { authorization: `Bearer ${WRONG}` } });
    expect(seen).toEqual([...Array<number>(LIMIT).fill(401), 429, 429, 429]);
    const refused = await app.inject({ url: '/api/health', headers: { authorization: `Bearer ${WRONG}` } });
    expect(refused.json<ErrorBody>().error).toMatchObject({ status: 429, code: 'rate_limited' });
  });

  it('counts answers replayed from the public cache and answers 429 past the limit', async () => {
    const app = await build();
    const first = await app.inject({ url: '/api/items' });
    expect(first.statusCode).toBe(200);
    const seen = await statuses(app, LIMIT + 2, { url: '/api/items' });
    expect(seen).toEqual([...Array<number>(LIMIT - 1).fill(200), 429, 429, 429]);
  });

  it('logs every refused credential at warn with the request id and address, never the token', async () => {
    const app = await build();
    lines.length = 0;
    const response = await app.inject({ url: '/api/health', headers: { authorization: `Bearer ${WRONG}`, 'x-request-id': 'guess-1' } });
    expect(response.statusCode).toBe(401);
    const refused = lines.map((line) => JSON.parse(line) as Record<string, unknown>).filter((entry) => entry.msg === 'refused credential');
    expect(refused).toHaveLength(1);
    expect(refused[0]).toMatchObject({ level: 40, requestId: 'guess-1', client: '127.0.0.1', scheme: 'bearer' });
    expect(lines.join('\n')).not.toContain(TOKEN);
  });
});
