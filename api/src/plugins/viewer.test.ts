import type { FastifyRequest } from 'fastify';
import { describe, expect, it } from 'vitest';
import { PUBLIC, SYSTEM } from '@disan/ingest/access/index.ts';
import { UnauthorizedError } from '../errors.ts';
import { createViewerOf } from './viewer.ts';

const TOKEN = 'operator-token-0123456789abcdefghij';
const request = (authorization?: string) => ({ headers: authorization === undefined ? {} : { authorization } }) as FastifyRequest;

describe('viewerOf', () => {
  const viewerOf = createViewerOf(TOKEN);

  it('treats a request without credentials as the public', () => {
    expect(viewerOf(request())).toEqual(PUBLIC);
  });

  it.each([`Bearer ${TOKEN}`, `bearer ${TOKEN}`])('makes %s an operator', (header) => {
    expect(viewerOf(request(header))).toEqual(SYSTEM);
  });

  it.each([`Bearer ${TOKEN}x`, `Bearer ${TOKEN.slice(1)}`, 'Bearer', `Basic ${TOKEN}`, TOKEN])('refuses %s with 401 rather than guessing', (header) => {
    expect(() => viewerOf(request(header))).toThrow(UnauthorizedError);
  });

  it('gives no operator access over HTTP when no token is configured', () => {
    expect(() => createViewerOf(undefined)(request(`Bearer ${TOKEN}`))).toThrow(UnauthorizedError);
    expect(createViewerOf(undefined)(request())).toEqual(PUBLIC);
  });
});
