import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSiteConfig, publicBase, SITE_CONFIG_VARIABLES, SiteConfigError } from './config.ts';

describe('loadSiteConfig', () => {
  it('defaults to the local API and port 4321', () => {
    expect(loadSiteConfig({})).toEqual({ apiUrl: 'http://127.0.0.1:4000', host: '127.0.0.1', port: 4321, publicUrl: null, apiTimeoutMs: 10_000 });
  });

  it('reads every variable and drops trailing slashes', () => {
    const config = loadSiteConfig({ DISAN_API_URL: 'http://api:4000/', DISAN_SITE_HOST: '0.0.0.0', DISAN_SITE_PORT: '8080', DISAN_PUBLIC_URL: 'https://heritage.example.org/', DISAN_SITE_API_TIMEOUT_MS: '2500' });
    expect(config).toEqual({ apiUrl: 'http://api:4000', host: '0.0.0.0', port: 8080, publicUrl: 'https://heritage.example.org', apiTimeoutMs: 2500 });
  });

  it('names every bad variable in one error', () => {
    let caught: unknown;
    try {
      loadSiteConfig({ DISAN_API_URL: 'ftp://x', DISAN_SITE_PORT: 'eighty', DISAN_PUBLIC_URL: 'not a url', DISAN_SITE_API_TIMEOUT_MS: '5' });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(SiteConfigError);
    const problems = (caught as SiteConfigError).problems.join('\n');
    for (const name of ['DISAN_API_URL', 'DISAN_SITE_PORT', 'DISAN_PUBLIC_URL', 'DISAN_SITE_API_TIMEOUT_MS']) expect(problems).toContain(name);
  });

  it('documents every variable in the README', () => {
    const readme = readFileSync(join(import.meta.dirname, '..', '..', 'README.md'), 'utf8');
    for (const name of Object.keys(SITE_CONFIG_VARIABLES)) expect(readme).toContain(`\`${name}\``);
  });
});

describe('publicBase', () => {
  it.each([
    [{ publicUrl: 'https://heritage.example.org', host: '127.0.0.1', port: 4321 }, 'https://heritage.example.org'],
    [{ publicUrl: null, host: '127.0.0.1', port: 4321 }, 'http://127.0.0.1:4321'],
    [{ publicUrl: null, host: '0.0.0.0', port: 8080 }, 'http://127.0.0.1:8080'],
    [{ publicUrl: null, host: '::1', port: 4321 }, 'http://[::1]:4321'],
  ])('%j → %s (configuration only, never a Host header)', (config, expected) => {
    expect(publicBase(config)).toBe(expected);
  });
});
