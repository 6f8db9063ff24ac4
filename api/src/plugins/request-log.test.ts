import { Writable } from 'node:stream';
import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { maskSecrets, requestLogOf } from './request-log.ts';

describe('the request log', () => {
  it.each([
    ['/api/links/abcdefghijklmnop0123', '/api/links/…'],
    ['/api/links/abcdefghijklmnop0123?x=1', '/api/links/…?x=1'],
    ['/api/items/ok-om-bok', '/api/items/ok-om-bok'],
  ])('logs %s as %s', (url, logged) => {
    expect(maskSecrets(url)).toBe(logged);
  });

  it('never writes a one-time link’s token, as Fastify logs each request', async () => {
    const lines: string[] = [];
    const stream = new Writable({
      write(chunk: Buffer, _encoding, callback) {
        lines.push(chunk.toString());
        callback();
      },
    });
    const app = Fastify({ logger: { level: 'info', stream, serializers: { req: requestLogOf } } });
    app.get('/api/links/:token', () => ({ ok: true }));
    await app.inject({ url: '/api/links/secret-token-0123456789' });
    await app.close();
    expect(lines.join('')).toContain('/api/links/…');
    expect(lines.join('')).not.toContain('secret-token-0123456789');
  });
});
