import { describe, expect, it } from 'vitest';
import { ConfigError } from '@disan/ingest';
import { loadConfig } from '@disan/ingest/config';

describe('the http section of the config', () => {
  it('defaults to loopback on port 4000, no CORS, 600 requests a minute, 1 MiB bodies and no operator access', () => {
    expect(loadConfig({}, '/srv').http).toEqual({
      host: '127.0.0.1', port: 4000, publicUrl: undefined, corsOrigins: [], rateLimit: 600, bodyLimit: 1_048_576, operatorToken: undefined,
      cacheSeconds: 2, trustProxy: 'loopback,uniquelocal',
    });
  });

  it('reads every variable', () => {
    const http = loadConfig({
      DISAN_HOST: '0.0.0.0', DISAN_API_PORT: '8080', DISAN_PUBLIC_URL: 'https://heritage.example.org/', DISAN_CORS_ORIGINS: 'https://a.example, http://localhost:4321',
      DISAN_RATE_LIMIT: '100', DISAN_BODY_LIMIT_BYTES: '2048', DISAN_OPERATOR_TOKEN: 'x'.repeat(32),
      DISAN_API_CACHE_SECONDS: '0', DISAN_TRUST_PROXY: 'loopback, 10.0.0.0/8, fd00::1',
    }).http;
    expect(http).toEqual({
      host: '0.0.0.0', port: 8080, publicUrl: 'https://heritage.example.org', corsOrigins: ['https://a.example', 'http://localhost:4321'],
      rateLimit: 100, bodyLimit: 2048, operatorToken: 'x'.repeat(32), cacheSeconds: 0, trustProxy: 'loopback,10.0.0.0/8,fd00::1',
    });
    expect(loadConfig({ DISAN_TRUST_PROXY: 'none' }).http.trustProxy).toBe(false);
  });

  it('lists every bad http variable in one error', () => {
    let problems: string[] = [];
    try {
      loadConfig({ DISAN_API_PORT: '70000', DISAN_PUBLIC_URL: 'heritage', DISAN_CORS_ORIGINS: 'https://a.example/path', DISAN_RATE_LIMIT: '0', DISAN_BODY_LIMIT_BYTES: 'big', DISAN_OPERATOR_TOKEN: 'short', DISAN_API_CACHE_SECONDS: '-1', DISAN_TRUST_PROXY: 'loopback,10.0.0.0/33,proxy.example' });
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      problems = (error as ConfigError).problems;
    }
    expect(problems.map((p) => /^[A-Z_]+/.exec(p)?.[0])).toEqual([
      'DISAN_API_PORT', 'DISAN_PUBLIC_URL', 'DISAN_CORS_ORIGINS', 'DISAN_RATE_LIMIT', 'DISAN_BODY_LIMIT_BYTES', 'DISAN_API_CACHE_SECONDS', 'DISAN_TRUST_PROXY', 'DISAN_TRUST_PROXY', 'DISAN_OPERATOR_TOKEN',
    ]);
  });
});
