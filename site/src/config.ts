/**
 * The site's configuration, read from the environment once and validated together:
 * one error lists every bad variable. The site is its own process (a client of the
 * API over HTTP), so it has its own config module; nothing else in site/ reads
 * process.env.
 */
export interface SiteConfig {
  /** Base URL of the Disan API, without a trailing slash. */
  apiUrl: string;
  host: string;
  port: number;
  /** Absolute public base (no trailing slash) for canonical, hreflang and Open Graph URLs; null = the listening address. */
  publicUrl: string | null;
  /** Milliseconds the site waits for the API before it shows its 5xx page. */
  apiTimeoutMs: number;
}

type Env = Readonly<Record<string, string | undefined>>;

/** Every variable the site reads, with its meaning: the README table is checked against this. */
export const SITE_CONFIG_VARIABLES = {
  DISAN_API_URL: 'Base URL of the Disan API the site reads and proxies under /api (default http://127.0.0.1:4000).',
  DISAN_SITE_HOST: 'Interface the site listens on (default 127.0.0.1; 0.0.0.0 in a container).',
  DISAN_SITE_PORT: 'Port the site listens on (default 4321).',
  DISAN_PUBLIC_URL: 'Public address of the site, e.g. https://disan.example.org, for canonical, hreflang, Open Graph and JSON-LD links; unset = the listening address (DISAN_SITE_HOST:DISAN_SITE_PORT), never the Host a visitor sends.',
  DISAN_SITE_API_TIMEOUT_MS: 'Milliseconds the site waits for the API before showing its error page (default 10000).',
} as const;

export class SiteConfigError extends Error {
  readonly problems: string[];
  constructor(problems: string[]) {
    super(`Site configuration is invalid:\n  - ${problems.join('\n  - ')}`);
    this.name = 'SiteConfigError';
    this.problems = problems;
  }
}

function httpUrl(env: Env, name: string, fallback: string | null, problems: string[]): string | null {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  try {
    const parsed = new URL(raw);
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') problems.push(`${name}="${raw}" must start with http:// or https://`);
  } catch {
    problems.push(`${name}="${raw}" is not a URL`);
  }
  return raw.replace(/\/+$/, '');
}

function integer(env: Env, name: string, fallback: number, min: number, max: number, problems: string[]): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (Number.isInteger(value) && value >= min && value <= max) return value;
  problems.push(`${name}="${raw}" must be a whole number from ${min} to ${max}`);
  return fallback;
}

/**
 * @example loadSiteConfig({ DISAN_SITE_PORT: '8080' }).port // 8080
 */
export function loadSiteConfig(env: Env): SiteConfig {
  const problems: string[] = [];
  const config: SiteConfig = {
    apiUrl: httpUrl(env, 'DISAN_API_URL', 'http://127.0.0.1:4000', problems) ?? 'http://127.0.0.1:4000',
    host: env.DISAN_SITE_HOST === undefined || env.DISAN_SITE_HOST === '' ? '127.0.0.1' : env.DISAN_SITE_HOST,
    port: integer(env, 'DISAN_SITE_PORT', 4321, 0, 65535, problems),
    publicUrl: httpUrl(env, 'DISAN_PUBLIC_URL', null, problems),
    apiTimeoutMs: integer(env, 'DISAN_SITE_API_TIMEOUT_MS', 10_000, 100, 600_000, problems),
  };
  if (problems.length > 0) throw new SiteConfigError(problems);
  return config;
}

/**
 * The absolute base of every link the site writes out (canonical, hreflang, Open
 * Graph, JSON-LD): DISAN_PUBLIC_URL, else the address the site listens on. Never the
 * request's Host header, which a visitor (or a cache in between) chooses.
 * @example publicBase({ publicUrl: null, host: '127.0.0.1', port: 4321 }) // 'http://127.0.0.1:4321'
 * @example publicBase({ publicUrl: null, host: '0.0.0.0', port: 80 }) // 'http://127.0.0.1:80'
 */
export function publicBase(config: Pick<SiteConfig, 'publicUrl' | 'host' | 'port'>): string {
  if (config.publicUrl !== null) return config.publicUrl;
  // A wildcard address is not one a browser can open; the machine's own is.
  const host = config.host === '0.0.0.0' || config.host === '::' ? '127.0.0.1' : config.host;
  return `http://${host.includes(':') ? `[${host}]` : host}:${config.port}`;
}

let cached: SiteConfig | undefined;

/** The process's configuration, read on first use and kept. */
export function siteConfig(): SiteConfig {
  cached ??= loadSiteConfig(process.env);
  return cached;
}
