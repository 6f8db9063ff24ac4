import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Where a list stopped, and everything needed to go on, in the token itself: the server
 * keeps nothing between requests, so any API process answers the next page, and a token
 * outlives a restart. Signed (HMAC-SHA256), so a harvester cannot forge one that reads
 * past the public's filter or fakes a cursor.
 */
export interface ListState {
  verb: 'ListRecords' | 'ListIdentifiers';
  metadataPrefix: string;
  set?: string;
  from?: string;
  until?: string;
  /** The last record of the previous page, in list order (datestamp with microseconds, id). */
  after: { stamp: string; id: string };
  /** Records already sent (the `cursor` attribute of the next token). */
  cursor: number;
  /** completeListSize, counted on the first page. */
  total: number;
  /** When the token stops being accepted (ISO). */
  expires: string;
}

/** How long a harvester may wait before asking for the next page. */
export const TOKEN_LIFETIME_MS = 24 * 3_600_000;

const b64 = (data: Buffer | string) => Buffer.from(data).toString('base64url');

/** @example signToken(state, key) // 'eyJ2ZXJiIjoi….Qm9h…' */
export function signToken(state: ListState, key: Buffer): string {
  const body = b64(JSON.stringify(state));
  return `${body}.${b64(createHmac('sha256', key).update(body).digest())}`;
}

/** The state in a token, or null when it is malformed, tampered with, or expired. */
export function readToken(token: string, key: Buffer, now: Date = new Date()): ListState | null {
  const [body, mac, extra] = token.split('.');
  if (body === undefined || mac === undefined || extra !== undefined) return null;
  const expected = createHmac('sha256', key).update(body).digest();
  const given = Buffer.from(mac, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  let state: unknown;
  try {
    state = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
  if (!isListState(state) || Date.parse(state.expires) <= now.getTime()) return null;
  return state;
}

function isListState(value: unknown): value is ListState {
  if (typeof value !== 'object' || value === null) return false;
  const s = value as Record<string, unknown>;
  const after: unknown = s.after;
  return (s.verb === 'ListRecords' || s.verb === 'ListIdentifiers') && typeof s.metadataPrefix === 'string' && typeof s.cursor === 'number' && typeof s.total === 'number'
    && typeof s.expires === 'string' && typeof after === 'object' && after !== null && typeof (after as Record<string, unknown>).stamp === 'string' && typeof (after as Record<string, unknown>).id === 'string';
}
