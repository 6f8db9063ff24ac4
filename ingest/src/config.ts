import { resolve } from 'node:path';
import { isIP } from 'node:net';
import { ConfigError } from './errors.ts';

/**
 * All configuration, read from the environment once at start-up and validated
 * together: one error lists every bad variable. Defaults are the embedded mode
 * (PGlite, filesystem storage, embedded search under ./data). Nothing else in the
 * code base reads process.env.
 */
export interface Config {
  dataDir: string;
  database: { driver: 'pglite'; dir: string } | { driver: 'postgres'; url: string };
  storage:
    | { driver: 'filesystem'; root: string }
    | {
        driver: 's3';
        endpoint: string | undefined;
        bucket: string;
        region: string;
        accessKeyId: string | undefined;
        secretAccessKey: string | undefined;
        forcePathStyle: boolean;
      };
  search: { driver: 'embedded'; file: string } | { driver: 'meilisearch'; url: string; apiKey: string | undefined; index: string };
  /** `jobLeaseMs`: how long a worker holds a job before others may take it back (renewed while it runs). */
  ingest: { concurrency: number; maxImagePixels: number; maxFileBytes: number; jobLeaseMs: number };
  /** The ffmpeg and ffprobe binaries (Debian's by default, found on PATH). */
  av: { ffmpegPath: string; ffprobePath: string };
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  http: {
    host: string;
    port: number;
    /** The site's public base URL, for absolute links; undefined when not set. */
    publicUrl: string | undefined;
    /** Origins allowed by CORS; empty = no cross-origin access. */
    corsOrigins: string[];
    /** Requests per minute per client. */
    rateLimit: number;
    bodyLimit: number;
    /** Bearer token that makes a request an operator's; undefined = no operator access over HTTP. */
    operatorToken: string | undefined;
    /** Seconds the public's answers are replayed from memory; 0 = off. */
    cacheSeconds: number;
    /** Proxies whose X-Forwarded-For is believed (proxy-addr names, addresses, CIDRs); false = none. */
    trustProxy: string | false;
  };
  accounts: AccountsConfig;
  uploads: UploadsConfig;
  oai: OaiConfig;
  /** `npm start` loads media-samples/ into an archive that starts empty; off for a real deployment. */
  samplesOnFirstStart: boolean;
}

/** Resumable uploads from the workspace (tus): quota, expiry, chunk and part sizes (see CONFIG_VARIABLES). */
export interface UploadsConfig {
  /** Bytes an account may hold in uploads that did not fail; null = no quota. */
  quotaBytes: number | null;
  /** An upload not finished this long after it began is expired and its bytes removed. */
  expiryMs: number;
  /** The chunk the browser sends per request (one PATCH). */
  chunkBytes: number;
  /** Where unfinished uploads wait: a folder (embedded mode) or a prefix of the S3 bucket. */
  directory: string;
  s3Prefix: string;
  /** S3 multipart part size (and minimum part size: some S3 services need equal parts). */
  s3PartBytes: number;
}

/** The doors other libraries use: OAI-PMH and SRU (see CONFIG_VARIABLES). */
export interface OaiConfig {
  /** The repository identifier in OAI identifiers (oai:<repositoryId>:<item id>): a domain name. */
  repositoryId: string;
  repositoryName: string;
  /** Who answers for the repository (Identify's adminEmail). */
  adminEmail: string;
  /** Records or headers per OAI-PMH answer; the rest follows through resumption tokens. */
  pageSize: number;
}

/** Sessions, one-time links, the admins' second factor and mail (see CONFIG_VARIABLES). */
export interface AccountsConfig {
  sessionIdleMinutes: number;
  sessionMaxHours: number;
  invitationHours: number;
  resetMinutes: number;
  /** `required`: an admin without a TOTP second factor may not sign in (see the README's Accounts section). */
  adminSecondFactor: 'required' | 'optional';
  /** smtp:// or smtps:// URL of the mail server; undefined = links are shown to the admin to copy, not mailed. */
  smtpUrl: string | undefined;
  mailFrom: string;
  /** undefined = one generated at first use and kept in the catalog, shared by every API process. */
  sessionSecret: string | undefined;
}

type Env = Readonly<Record<string, string | undefined>>;

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/** Every variable Disan reads, with its meaning: the README table is checked against this. */
export const CONFIG_VARIABLES = {
  DISAN_DATA_DIR: 'Folder for the embedded catalog, storage and search index (default ./data).',
  DATABASE_URL: 'postgres://user:pass@host:5432/db of a PostgreSQL server; unset = PGlite in the data folder.',
  DISAN_STORAGE: '"filesystem" (default) or "s3".',
  S3_ENDPOINT: 'S3 endpoint URL (MinIO: http://minio:9000); unset = AWS.',
  S3_BUCKET: 'Bucket for originals and derivatives (required with DISAN_STORAGE=s3).',
  S3_REGION: 'Region (default us-east-1).',
  S3_ACCESS_KEY_ID: 'Access key; unset = the SDK default credential chain.',
  S3_SECRET_ACCESS_KEY: 'Secret key.',
  S3_FORCE_PATH_STYLE: '"true" (default, needed by MinIO) or "false" for virtual-hosted buckets.',
  MEILI_URL: 'Meilisearch URL; unset = the embedded search engine.',
  MEILI_API_KEY: 'Meilisearch key with rights to manage the index.',
  MEILI_INDEX: 'Meilisearch index name (default disan-items).',
  DISAN_INGEST_CONCURRENCY: 'Files processed at once by ingest (default 2, one per core here).',
  DISAN_MAX_IMAGE_PIXELS: 'Largest image accepted, in pixels (default 250000000); guards against decompression bombs.',
  DISAN_MAX_FILE_BYTES: 'Largest file accepted, in bytes (default 21474836480, 20 GiB).',
  DISAN_JOB_LEASE_SECONDS: 'Seconds a worker holds a job before another may take it back if the first died (default 300; renewed while the job runs).',
  DISAN_FFMPEG_PATH: 'The ffmpeg binary for audio and video (default ffmpeg, found on PATH).',
  DISAN_FFPROBE_PATH: 'The ffprobe binary (default ffprobe, found on PATH).',
  LOG_LEVEL: 'fatal, error, warn, info (default), debug, trace or silent.',
  DISAN_HOST: 'Address the API listens on (default 127.0.0.1; 0.0.0.0 in a container).',
  DISAN_API_PORT: 'Port the API listens on (default 4000).',
  DISAN_PUBLIC_URL: 'The public base URL of the site (https://heritage.example.org), for absolute links.',
  DISAN_CORS_ORIGINS: 'Comma-separated origins allowed to call the API from a browser (default none).',
  DISAN_RATE_LIMIT: 'Requests per minute per client address (default 600).',
  DISAN_BODY_LIMIT_BYTES: 'Largest request body, in bytes (default 1048576, 1 MiB).',
  DISAN_OPERATOR_TOKEN: 'Bearer token (at least 32 characters) that gives operator access over HTTP; unset = none.',
  DISAN_API_CACHE_SECONDS: 'Seconds the public\'s answers (items, collections, search) are replayed from memory (default 2; 0 = off). Operators always read through.',
  DISAN_SESSION_IDLE_MINUTES: 'Minutes without a request after which a signed-in session ends (default 30, OWASP ASVS level 2).',
  DISAN_SESSION_MAX_HOURS: 'Hours after sign-in after which a session ends however active (default 12).',
  DISAN_INVITATION_HOURS: 'Hours an invitation link stays valid (default 72).',
  DISAN_RESET_MINUTES: 'Minutes a password-reset link stays valid (default 60).',
  DISAN_ADMIN_SECOND_FACTOR: '"optional" (default) or "required": admins without a TOTP second factor may not sign in until they set one up.',
  DISAN_SMTP_URL: 'smtp:// or smtps:// URL (with user:password@ when needed) of the mail server that sends invitations and password resets; unset = the admin copies links.',
  DISAN_MAIL_FROM: 'Sender of those mails (default "Disan <disan@localhost>").',
  DISAN_SESSION_SECRET: 'Secret (at least 32 characters) that signs session cookies; unset = generated once and kept in the catalog, shared by every API process.',
  DISAN_UPLOAD_QUOTA_BYTES: 'Bytes each account may hold in workspace uploads that did not fail (default 21474836480, 20 GiB; 0 = no quota).',
  DISAN_UPLOAD_EXPIRY_HOURS: 'Hours an unfinished upload is kept for its browser to resume it, then removed (default 24).',
  DISAN_UPLOAD_CHUNK_BYTES: 'Bytes of the first request of each upload (default 1048576, 1 MiB: about 8 s on a 1 Mbit/s 3G link); the browser then sizes each next request to the link, from 256 KiB to 64 MiB.',
  DISAN_SAMPLES: '"on" (default): `npm start` loads media-samples/ into an archive whose catalog is empty, so a newcomer sees one filled; "off": it starts empty, as a real archive does.',
  DISAN_OAI_REPOSITORY_ID: 'The repository identifier in OAI-PMH identifiers (oai:<id>:<record id>), a domain name (default: the host of DISAN_PUBLIC_URL, else disan.local). Keep it once harvesters know it.',
  DISAN_OAI_REPOSITORY_NAME: 'The name OAI-PMH and SRU give the archive (default "Disan digital heritage archive").',
  DISAN_ADMIN_EMAIL: 'Who answers for the archive, as OAI-PMH tells harvesters (default: the address of DISAN_MAIL_FROM when it has a domain with a dot, else archive@ the repository id).',
  DISAN_OAI_PAGE_SIZE: 'Records per OAI-PMH answer before a resumption token (default 100).',
  DISAN_TRUST_PROXY: 'Proxies whose X-Forwarded-For names the client, for rate limits and logs: loopback, uniquelocal, linklocal, addresses or CIDRs, comma-separated (default loopback,uniquelocal: the site and a reverse proxy on the same host or network); none = trust no one.',
} as const;

/**
 * @example loadConfig({ DISAN_DATA_DIR: '/tmp/d' }).database // { driver: 'pglite', dir: '/tmp/d/catalog' }
 */
export function loadConfig(env: Env, cwd: string = process.cwd()): Config {
  const problems: string[] = [];
  const dataDir = resolve(cwd, env.DISAN_DATA_DIR ?? 'data');

  const integer = (name: string, fallback: number, min: number, max: number): number => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < min || value > max) {
      problems.push(`${name}="${raw}" must be a whole number from ${min} to ${max}`);
      return fallback;
    }
    return value;
  };
  const url = (name: string, protocols: string[]): string | undefined => {
    const raw = env[name];
    if (raw === undefined || raw === '') return undefined;
    try {
      const parsed = new URL(raw);
      if (!protocols.includes(parsed.protocol)) problems.push(`${name} must start with ${protocols.join(' or ')}//`);
    } catch {
      problems.push(`${name}="${raw}" is not a URL`);
    }
    return raw;
  };

  const databaseUrl = url('DATABASE_URL', ['postgres:', 'postgresql:']);
  const database: Config['database'] = databaseUrl
    ? { driver: 'postgres', url: databaseUrl }
    : { driver: 'pglite', dir: resolve(dataDir, 'catalog') };

  const storageDriver = env.DISAN_STORAGE ?? 'filesystem';
  let storage: Config['storage'] = { driver: 'filesystem', root: resolve(dataDir, 'objects') };
  if (storageDriver === 's3') {
    const bucket = env.S3_BUCKET;
    if (!bucket) problems.push('S3_BUCKET is required when DISAN_STORAGE=s3');
    const pathStyle = env.S3_FORCE_PATH_STYLE ?? 'true';
    if (pathStyle !== 'true' && pathStyle !== 'false') problems.push('S3_FORCE_PATH_STYLE must be "true" or "false"');
    storage = {
      driver: 's3',
      endpoint: url('S3_ENDPOINT', ['http:', 'https:']),
      bucket: bucket ?? '',
      region: env.S3_REGION ?? 'us-east-1',
      accessKeyId: env.S3_ACCESS_KEY_ID,
      secretAccessKey: env.S3_SECRET_ACCESS_KEY,
      forcePathStyle: pathStyle !== 'false',
    };
  } else if (storageDriver !== 'filesystem') {
    problems.push(`DISAN_STORAGE="${storageDriver}" must be "filesystem" or "s3"`);
  }

  const meiliUrl = url('MEILI_URL', ['http:', 'https:']);
  const search: Config['search'] = meiliUrl
    ? { driver: 'meilisearch', url: meiliUrl, apiKey: env.MEILI_API_KEY, index: env.MEILI_INDEX ?? 'disan-items' }
    : { driver: 'embedded', file: resolve(dataDir, 'search.sqlite') };

  const logLevel = env.LOG_LEVEL ?? 'info';
  if (!(LOG_LEVELS as readonly string[]).includes(logLevel)) problems.push(`LOG_LEVEL="${logLevel}" must be one of ${LOG_LEVELS.join(', ')}`);

  const ingest = {
    concurrency: integer('DISAN_INGEST_CONCURRENCY', 2, 1, 64),
    maxImagePixels: integer('DISAN_MAX_IMAGE_PIXELS', 250_000_000, 1_000, 2_000_000_000),
    maxFileBytes: integer('DISAN_MAX_FILE_BYTES', 20 * 1024 ** 3, 1, Number.MAX_SAFE_INTEGER),
    jobLeaseMs: integer('DISAN_JOB_LEASE_SECONDS', 300, 5, 86_400) * 1000,
  };

  const http = {
    host: env.DISAN_HOST || '127.0.0.1',
    port: integer('DISAN_API_PORT', 4000, 0, 65_535),
    publicUrl: url('DISAN_PUBLIC_URL', ['http:', 'https:'])?.replace(/\/+$/, ''),
    corsOrigins: corsOrigins(env.DISAN_CORS_ORIGINS, problems),
    rateLimit: integer('DISAN_RATE_LIMIT', 600, 1, 1_000_000),
    bodyLimit: integer('DISAN_BODY_LIMIT_BYTES', 1024 * 1024, 1, 1024 ** 3),
    operatorToken: env.DISAN_OPERATOR_TOKEN || undefined,
    cacheSeconds: integer('DISAN_API_CACHE_SECONDS', 2, 0, 3_600),
    trustProxy: trustedProxies(env.DISAN_TRUST_PROXY, problems),
  };
  if (http.operatorToken !== undefined && http.operatorToken.length < 32) problems.push('DISAN_OPERATOR_TOKEN must be at least 32 characters');

  const av = { ffmpegPath: env.DISAN_FFMPEG_PATH || 'ffmpeg', ffprobePath: env.DISAN_FFPROBE_PATH || 'ffprobe' };

  const accounts = accountsConfig(env, integer, url, problems);
  const uploads = uploadsConfig(integer, dataDir, ingest.maxFileBytes);
  const oai = oaiConfig(env, integer, http.publicUrl, accounts.mailFrom, problems);
  const samples = env.DISAN_SAMPLES || 'on';
  if (samples !== 'on' && samples !== 'off') problems.push(`DISAN_SAMPLES="${samples}" must be "on" or "off"`);

  if (problems.length > 0) throw new ConfigError(problems);
  return { dataDir, database, storage, search, ingest, av, logLevel: logLevel as Config['logLevel'], http, accounts, uploads, oai, samplesOnFirstStart: samples === 'on' };
}

function accountsConfig(
  env: Env,
  integer: (name: string, fallback: number, min: number, max: number) => number,
  url: (name: string, protocols: string[]) => string | undefined,
  problems: string[],
): AccountsConfig {
  const adminSecondFactor = env.DISAN_ADMIN_SECOND_FACTOR || 'optional';
  if (adminSecondFactor !== 'required' && adminSecondFactor !== 'optional') problems.push(`DISAN_ADMIN_SECOND_FACTOR="${adminSecondFactor}" must be "required" or "optional"`);
  const sessionSecret = env.DISAN_SESSION_SECRET || undefined;
  if (sessionSecret !== undefined && sessionSecret.length < 32) problems.push('DISAN_SESSION_SECRET must be at least 32 characters');
  const accounts: AccountsConfig = {
    sessionIdleMinutes: integer('DISAN_SESSION_IDLE_MINUTES', 30, 1, 7 * 24 * 60),
    sessionMaxHours: integer('DISAN_SESSION_MAX_HOURS', 12, 1, 24 * 90),
    invitationHours: integer('DISAN_INVITATION_HOURS', 72, 1, 24 * 30),
    resetMinutes: integer('DISAN_RESET_MINUTES', 60, 5, 24 * 60),
    adminSecondFactor: adminSecondFactor === 'required' ? 'required' : 'optional',
    smtpUrl: url('DISAN_SMTP_URL', ['smtp:', 'smtps:']),
    mailFrom: env.DISAN_MAIL_FROM || 'Disan <disan@localhost>',
    sessionSecret,
  };
  if (accounts.sessionIdleMinutes > accounts.sessionMaxHours * 60) problems.push('DISAN_SESSION_IDLE_MINUTES must not exceed DISAN_SESSION_MAX_HOURS in minutes');
  return accounts;
}

/**
 * S3 parts: at least 8 MiB, and large enough that the largest file allowed fits in
 * S3's 10 000 parts with room to spare (resumes can leave short parts behind).
 * @example uploadsConfig(() => 0, '/d', 20 * 1024 ** 3).s3PartBytes // 8388608
 */
export function uploadsConfig(integer: (name: string, fallback: number, min: number, max: number) => number, dataDir: string, maxFileBytes: number): UploadsConfig {
  const quota = integer('DISAN_UPLOAD_QUOTA_BYTES', 20 * 1024 ** 3, 0, Number.MAX_SAFE_INTEGER);
  return {
    quotaBytes: quota === 0 ? null : quota,
    expiryMs: integer('DISAN_UPLOAD_EXPIRY_HOURS', 24, 1, 24 * 30) * 3_600_000,
    chunkBytes: integer('DISAN_UPLOAD_CHUNK_BYTES', 1024 * 1024, 64 * 1024, 1024 ** 3),
    directory: resolve(dataDir, 'uploads'),
    s3Prefix: 'uploads/',
    s3PartBytes: Math.max(8 * 1024 ** 2, Math.ceil(maxFileBytes / 9_000)),
  };
}

/** OAI-PMH's repositoryIdentifier (oai-identifier.xsd) and adminEmail (OAI-PMH.xsd emailType). */
const OAI_REPOSITORY_ID = /^[a-zA-Z][a-zA-Z0-9-]*(\.[a-zA-Z][a-zA-Z0-9-]*)+$/;
const OAI_EMAIL = /^\S+@(\S+\.)+\S+$/;

/**
 * @example oaiConfig({}, () => 100, 'https://heritage.example.org', 'Disan <disan@localhost>', []).repositoryId // 'heritage.example.org'
 */
export function oaiConfig(
  env: Env,
  integer: (name: string, fallback: number, min: number, max: number) => number,
  publicUrl: string | undefined,
  mailFrom: string,
  problems: string[],
): OaiConfig {
  const publicHost = publicUrl === undefined || !URL.canParse(publicUrl) ? undefined : new URL(publicUrl).hostname;
  const repositoryId = env.DISAN_OAI_REPOSITORY_ID || (publicHost !== undefined && OAI_REPOSITORY_ID.test(publicHost) ? publicHost : 'disan.local');
  if (!OAI_REPOSITORY_ID.test(repositoryId)) problems.push(`DISAN_OAI_REPOSITORY_ID="${repositoryId}" must be a domain name like heritage.example.org (letters first, at least one dot)`);
  const mailAddress = /<([^>]+)>/.exec(mailFrom)?.[1] ?? mailFrom.trim();
  const adminEmail = env.DISAN_ADMIN_EMAIL || (OAI_EMAIL.test(mailAddress) ? mailAddress : `archive@${repositoryId}`);
  if (!OAI_EMAIL.test(adminEmail)) problems.push(`DISAN_ADMIN_EMAIL="${adminEmail}" must be an e-mail address with a domain like archive@example.org`);
  return {
    repositoryId,
    repositoryName: env.DISAN_OAI_REPOSITORY_NAME || 'Disan digital heritage archive',
    adminEmail,
    pageSize: integer('DISAN_OAI_PAGE_SIZE', 100, 1, 5_000),
  };
}

const PROXY_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

/**
 * @example trustedProxies('loopback, 10.0.0.0/8', []) // 'loopback,10.0.0.0/8'
 */
function trustedProxies(value: string | undefined, problems: string[]): string | false {
  if (value === undefined || value.trim() === '') return 'loopback,uniquelocal';
  if (value.trim() === 'none') return false;
  const entries = value.split(',').map((entry) => entry.trim()).filter(Boolean);
  for (const entry of entries) {
    const [address, bits, extra] = entry.split('/');
    const family = isIP(address ?? '');
    const bitsOk = bits === undefined || (/^\d+$/.test(bits) && Number(bits) <= (family === 6 ? 128 : 32));
    if (!PROXY_NAMES.has(entry) && (family === 0 || !bitsOk || extra !== undefined)) {
      problems.push(`DISAN_TRUST_PROXY: "${entry}" is not loopback, linklocal, uniquelocal, an IP address or a CIDR range (or set none)`);
    }
  }
  return entries.join(',');
}

/** Each origin must be a bare http(s) origin, as browsers send it: no path, no trailing slash. */
function corsOrigins(raw: string | undefined, problems: string[]): string[] {
  const origins = (raw ?? '').split(',').map((o) => o.trim()).filter(Boolean);
  for (const origin of origins) {
    let ok = false;
    try {
      ok = ['http:', 'https:'].includes(new URL(origin).protocol) && new URL(origin).origin === origin;
    } catch {
      ok = false;
    }
    if (!ok) problems.push(`DISAN_CORS_ORIGINS: "${origin}" must be an origin like https://heritage.example.org (no path, no trailing slash)`);
  }
  return origins;
}
