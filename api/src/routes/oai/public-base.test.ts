import type { FastifyRequest } from 'fastify';
import { describe, expect, it } from 'vitest';
import type { Config } from '@disan/ingest/config';
import { publicBase } from './public-base.ts';

const request = (headers: Record<string, string> = {}) => ({ protocol: 'http', host: 'archive.test:8080', headers }) as unknown as FastifyRequest;
const config = (publicUrl?: string) => ({ http: publicUrl === undefined ? {} : { publicUrl } }) as unknown as Config;

describe('publicBase', () => {
  it.each([
    ['oai', {}, 'http://archive.test:8080/api/oai'],
    ['sru', {}, 'http://archive.test:8080/api/sru'],
    ['oai', { 'x-forwarded-prefix': '/oai' }, 'http://archive.test:8080/oai'],
    ['sru', { 'x-forwarded-prefix': '/sru' }, 'http://archive.test:8080/sru'],
    // A prefix the site does not set is not believed: the answer names the API's own path.
    ['sru', { 'x-forwarded-prefix': '/elsewhere' }, 'http://archive.test:8080/api/sru'],
  ] as const)('names the %s door as %j asks', (door, headers, baseUrl) => {
    expect(publicBase(request(headers), config(), door)).toEqual({ baseUrl, siteUrl: 'http://archive.test:8080' });
  });

  it('names DISAN_PUBLIC_URL when it is set, whatever the request says', () => {
    expect(publicBase(request({ 'x-forwarded-prefix': '/sru' }), config('https://heritage.example.org'), 'sru')).toEqual({ baseUrl: 'https://heritage.example.org/sru', siteUrl: 'https://heritage.example.org' });
  });
});
