/**
 * The access matrix: every kind of viewer × every access level and state × every door
 * that shows a record (the API's routes, search hits, facet counts, places, related items,
 * collections, media files, renditions, media text, and the site's pages and /api proxy),
 * plus every route of the OpenAPI document that shows no record. The expected cells are
 * written out below as tables, not computed with the access rules they check. The test
 * prints the matrix and fails on any cell that differs: no leak, and no refusal of what a
 * role may see. Viewers are real: accounts signed in through the API (session cookies),
 * personal tokens, the operator token; a disabled account's cookie, an expired session
 * and a revoked token are kept to show they open nothing.
 */
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Archive } from '@disan/ingest';
import type { CalendarAnswer, CollectionView, DictionaryBrowsePage, DictionarySearchResult, EntryView, RecordWords, WordListView, ItemPage, ItemView, MediaFind, MediaText, MediaWords, PlaceList, SearchResult } from '@disan/schemas';
import { buildApp } from '../../api/src/app.ts';
import { temporaryArchive } from '../support/archive.ts';
import { ANCHOR, COLLECTION, COMMUNITY, headwordOf, idOf, loadMatrixRecords, OTHER_COMMUNITY, provinceOf, STATES, textWordOf, titleWordOf, wordIdOf, type State } from '../support/matrix-fixture.ts';
import { startSite, type RunningSite } from '../support/site.ts';
import { loadMatrixWords, WORD_ANCHOR, WORD_LIST, wordOf } from '../support/matrix-words.ts';
import { addAccount, PASSWORD } from '../support/accounts.ts';
import { loadMatrixRecordings, RECORDINGS, WORD, type RecordingCase } from '../support/matrix-recordings.ts';
import type { AccountRole } from '@disan/ingest/access';

const OPERATOR_TOKEN = 'matrix-operator-token-0123456789abcdef';
const PUBLIC_URL = 'http://heritage.test';

const VIEWERS = ['public', 'operator', 'admin', 'archivist', 'reviewer', 'researcher', 'member', 'steward', 'other-member', 'read-token', 'disabled', 'expired', 'revoked-token'] as const;
type Who = (typeof VIEWERS)[number];

/** What a viewer reads of a record: all of it (description and files), its description only, or nothing (it does not exist for them). */
type Reads = 'all' | 'meta' | 'none';
const ALL_STATES = (reads: Reads) => Object.fromEntries(STATES.map((s) => [s, reads])) as Record<State, Reads>;
const PUBLIC_READS: Record<State, Reads> = { ...ALL_STATES('none'), public: 'all', 'metadata-only': 'meta', 'embargo-ended': 'all' };
const STAFF_READS = ALL_STATES('all');

/** The rules of the issue, cell by cell. */
const EXPECTED: Record<Who, Record<State, Reads>> = {
  public: PUBLIC_READS,
  operator: STAFF_READS,
  admin: STAFF_READS,
  archivist: STAFF_READS,
  reviewer: STAFF_READS,
  researcher: { ...PUBLIC_READS, researchers: 'all' },
  member: { ...PUBLIC_READS, community: 'all' },
  steward: { ...PUBLIC_READS, community: 'all' },
  'other-member': PUBLIC_READS,
  'read-token': { ...PUBLIC_READS, researchers: 'all' },
  disabled: PUBLIC_READS,
  expired: PUBLIC_READS,
  'revoked-token': ALL_STATES('none'),
};

/** Routes that show no record: who may use them (the rest are refused). */
const STAFF: readonly Who[] = ['operator', 'admin', 'archivist', 'reviewer'];
const SIGNED_IN: readonly Who[] = ['admin', 'archivist', 'reviewer', 'researcher', 'member', 'steward', 'other-member', 'read-token'];
const EVERYONE: readonly Who[] = VIEWERS.filter((who) => who !== 'revoked-token');
const ROUTE_ACCESS: Record<string, readonly Who[]> = {
  'GET /api/health': EVERYONE,
  'GET /api/ready': EVERYONE,
  'GET /api/items': EVERYONE,
  'GET /api/search': EVERYONE,
  'GET /api/collections': EVERYONE,
  'GET /api/places': EVERYONE,
  'GET /api/ethnic-groups': EVERYONE,
  'GET /api/auth/session': EVERYONE,
  'GET /api/jobs': ['operator', 'admin', 'archivist', 'reviewer'],
  'GET /api/backup': ['operator', 'admin'],
  'GET /api/account': SIGNED_IN,
  'GET /api/account/sessions': SIGNED_IN,
  'GET /api/account/tokens': SIGNED_IN,
  'GET /api/users': ['operator', 'admin'],
  'GET /api/users/{id}': ['operator', 'admin'],
  'GET /api/communities': ['operator', 'admin', 'steward'],
  'GET /api/communities/{id}/members': ['operator', 'admin', 'steward'],
  'GET /api/audit': ['operator', 'admin'],
  'GET /api/audit.csv': ['operator', 'admin'],
  'GET /api/workspace/my-work': STAFF,
  'GET /api/workspace/collections': STAFF,
  'GET /api/workspace/export.csv': STAFF,
  'GET /api/workspace/export.xlsx': STAFF,
  'GET /api/workspace/dictionary/export': STAFF,
  'GET /api/uploads/quota': STAFF,
  'GET /api/harvest-sources': ['operator', 'admin'],
  // Without a verb OAI-PMH answers its badVerb error, as XML with 200: the door is open.
  'GET /api/oai': EVERYONE,
  // Without an operation SRU answers explain: the door is open.
  'GET /api/sru': EVERYONE,
  // The festival calendar of this year: RECORD_DOORS checks which records it shows.
  'GET /api/calendar': EVERYONE,
  'GET /api/calendar.ics': EVERYONE,
  // Digitisation coverage: the staff's targets and reports, the public's figures (coverage-api.test.ts checks which gaps each names).
  'GET /api/coverage/targets': STAFF,
  'GET /api/coverage/public': EVERYONE,
  // The dictionary's lists: RECORD_DOORS checks which entries they show.
  'GET /api/dictionary/word-lists': EVERYONE,
  'GET /api/dictionary/word-of-the-day': EVERYONE,
};
/** Routes whose path names a secret or a record: checked through the record doors, or meaningless with a made-up value. */
const NOT_IN_ROUTE_WALK = new Set([
  'GET /api/workspace/records/{id}',
  'GET /api/workspace/records/{id}/versions',
  'GET /api/workspace/records/{id}/versions/{version}',
  'GET /api/workspace/records/{id}/compare',
  'GET /api/uploads/{id}/outcome',
  // Needs a source's id (a UUID): harvest-api.test.ts checks it with a real source for admins and others.
  'GET /api/harvest-sources/{id}/runs',
  'HEAD /api/uploads/{id}',
  // Need a target's id: coverage-api.test.ts checks them with real targets for every kind of viewer.
  'GET /api/coverage/targets/{id}', 'GET /api/coverage/targets/{id}/report.xlsx', 'GET /api/coverage/targets/{id}/report.pdf',
  // The citation and export doors show records: RECORD_DOORS checks them record by record.
  'GET /api/items/{id}/cite', 'GET /api/items/{id}/citations', 'GET /api/search/export', 'GET /api/collections/{id}/export',
  // Needs a query (400 without one): RECORD_DOORS checks which words it names.
  'GET /api/dictionary/search',
  // The dictionary's doors on an entry, a word list, a record's words: RECORD_DOORS checks them entry by entry.
  // Browse needs its order: RECORD_DOORS reads it with one, for every viewer.
  'GET /api/dictionary/browse', 'GET /api/dictionary/entries/{id}', 'GET /api/dictionary/word-lists/{id}', 'GET /api/items/{id}/words', 'GET /api/workspace/records/{id}/word-links',
  // The inventory's link doors show records: RECORD_DOORS checks them record by record.
  'GET /api/items/{id}/documented-by', 'GET /api/workspace/records/{id}/element-links',
  'GET /api/items/{id}', 'GET /api/collections/{id}', 'GET /api/media/{mediaId}/{rendition}', 'GET /api/media/{mediaId}/text', 'GET /api/media/{mediaId}/words', 'GET /api/media/{mediaId}/find', 'HEAD /api/media/{mediaId}/{rendition}', 'GET /api/links/{token}']);

/**
 * Routes that change something (the workspace's, the uploads'): the viewers whose
 * requests pass the door. The request sent is one the route refuses on its content (no
 * body, no If-Match), so nothing changes: a viewer let through gets 400, 409, 412, 415 or
 * 428, a viewer refused gets the 404 of a missing route (401 for a revoked token).
 */
const WRITE_ACCESS: Record<string, readonly Who[]> = {
  'POST /api/workspace/records': STAFF,
  'PUT /api/workspace/records/{id}': STAFF,
  'POST /api/workspace/records/{id}/submit': STAFF,
  'POST /api/workspace/records/{id}/publish': STAFF,
  'POST /api/workspace/records/{id}/send-back': STAFF,
  'POST /api/workspace/records/{id}/withdraw': STAFF,
  'POST /api/workspace/records/{id}/versions/{version}/restore': STAFF,
  'PUT /api/workspace/records/{id}/media/order': STAFF,
  'PUT /api/workspace/records/{id}/cover': STAFF,
  'PATCH /api/workspace/records/{id}/media/{mediaId}': STAFF,
  'DELETE /api/workspace/records/{id}/media/{mediaId}': STAFF,
  'POST /api/workspace/media/{mediaId}/retry': STAFF,
  'PATCH /api/workspace/media/{mediaId}/recording': STAFF,
  'POST /api/workspace/sheets/preview': STAFF,
  'POST /api/workspace/sheets/import': STAFF,
  'POST /api/workspace/library/marc': STAFF,
  'POST /api/workspace/dictionary/import': STAFF,
  'POST /api/workspace/collections': STAFF,
  'PUT /api/workspace/collections/{id}': STAFF,
  'PUT /api/workspace/collections/{id}/items': STAFF,
  'POST /api/workspace/places': STAFF,
  'POST /api/uploads': STAFF,
  'POST /api/harvest-sources': ['operator', 'admin'],
  'PATCH /api/harvest-sources/{id}': ['operator', 'admin'],
  'DELETE /api/harvest-sources/{id}': ['operator', 'admin'],
  'POST /api/harvest-sources/{id}/run': ['operator', 'admin'],
  'POST /api/coverage/targets': ['operator', 'admin'],
  'PUT /api/coverage/targets/{id}': ['operator', 'admin'],
};
/** tus's own routes on an upload's id: a made-up id is a missing upload for everyone (uploads.test.ts checks whose they are). */
const NOT_IN_WRITE_WALK = new Set([
  'PATCH /api/uploads/{id}', 'DELETE /api/uploads/{id}',
  // A made-up target is a 404 for those let through too: coverage-api.test.ts deletes a real one as each viewer.
  'DELETE /api/coverage/targets/{id}',
]);

interface Cell {
  door: string;
  who: Who;
  state: State | RecordingCase | '-';
  expected: boolean;
  actual: boolean;
  detail: string;
}

let archive: Archive;
let app: FastifyInstance;
let site: RunningSite;
let dispose: () => Promise<void> = async () => {};
const credentials = new Map<Who, Record<string, string>>();
/** What a viewer's changes carry besides the credential: the site's origin and, with a session, its CSRF token. */
const writeHeaders = new Map<Who, Record<string, string>>();
const mediaIds = new Map<State, string>();
let recordingIds: Record<RecordingCase, string>;
let memberUserId = '';
const cells: Cell[] = [];

const signIn = async (email: string): Promise<Record<string, string>> => {
  const response = await app.inject({ method: 'POST', url: '/api/auth/sign-in', headers: { origin: PUBLIC_URL }, payload: { email, password: PASSWORD } });
  if (response.statusCode !== 200) throw new Error(`sign-in of ${email}: ${response.statusCode} ${response.body}`);
  const cookie = [response.headers['set-cookie']].flat().find((c) => c?.includes('session='));
  if (!cookie) throw new Error(`sign-in of ${email} set no session cookie`);
  const { csrfToken } = response.json<{ csrfToken: string }>();
  const who = email.split('@')[0] as Who;
  writeHeaders.set(who, { origin: PUBLIC_URL, 'x-csrf-token': csrfToken });
  return { cookie: cookie.split(';')[0]! };
};

const person = (key: string, roles: AccountRole[], memberships: { community: string; steward: boolean }[] = []) =>
  addAccount(archive, { email: `${key}@matrix.test`, roles, memberships });

beforeAll(async () => {
  const temp = await temporaryArchive({ LOG_LEVEL: 'silent', DISAN_OPERATOR_TOKEN: OPERATOR_TOKEN, DISAN_PUBLIC_URL: PUBLIC_URL, DISAN_API_CACHE_SECONDS: '0', DISAN_RATE_LIMIT: '1000000' });
  ({ archive, dispose } = temp);
  await loadMatrixRecords(archive, temp.dataDir);
  await loadMatrixWords(archive);
  for (const state of STATES) mediaIds.set(state, (await archive.catalog.media.listForItem(idOf(state)))[0]!.id);
  for (const id of [COMMUNITY, OTHER_COMMUNITY]) await archive.accounts.communities.create({ id, name: id }, { id: 'cli' });
  recordingIds = await loadMatrixRecordings(archive, temp.dataDir);

  app = await buildApp({ archive, config: archive.config, logger: false });
  await app.listen({ host: '127.0.0.1', port: 0 });
  site = await startSite(`http://127.0.0.1:${(app.server.address() as AddressInfo).port}`, { DISAN_PUBLIC_URL: PUBLIC_URL });

  credentials.set('public', {});
  credentials.set('operator', { authorization: `Bearer ${OPERATOR_TOKEN}` });
  for (const role of ['admin', 'archivist', 'reviewer', 'researcher'] as const) {
    await person(role, [role]);
    credentials.set(role, await signIn(`${role}@matrix.test`));
  }
  memberUserId = (await person('member', [], [{ community: COMMUNITY, steward: false }])).id;
  credentials.set('member', await signIn('member@matrix.test'));
  await person('steward', [], [{ community: COMMUNITY, steward: true }]);
  credentials.set('steward', await signIn('steward@matrix.test'));
  await person('other-member', [], [{ community: OTHER_COMMUNITY, steward: false }]);
  credentials.set('other-member', await signIn('other-member@matrix.test'));

  const researcher = (await archive.accounts.users.findByEmail('researcher@matrix.test'))!;
  const readToken = await archive.accounts.tokens.create(researcher.id, { name: 'harvester', scope: 'read', expiresInDays: 30 }, { id: researcher.id });
  credentials.set('read-token', { authorization: `Bearer ${readToken.token}` });
  const revoked = await archive.accounts.tokens.create(researcher.id, { name: 'old script', scope: 'write', expiresInDays: 30 }, { id: researcher.id });
  await archive.accounts.tokens.revoke(researcher.id, revoked.info.id, { id: researcher.id });
  credentials.set('revoked-token', { authorization: `Bearer ${revoked.token}` });

  // A researcher who signed in, then was disabled by an admin: the cookie in their browser opens nothing more.
  const disabled = await person('disabled', ['researcher'], [{ community: COMMUNITY, steward: false }]);
  credentials.set('disabled', await signIn('disabled@matrix.test'));
  await archive.accounts.users.update(disabled.id, { status: 'disabled' }, { id: 'cli' });
  // A session left idle past the time-out, as the catalog would hold it the next morning.
  const sleepy = await person('expired', ['admin'], [{ community: COMMUNITY, steward: true }]);
  credentials.set('expired', await signIn('expired@matrix.test'));
  await archive.db.query("UPDATE sessions SET last_seen_at = now() - interval '3 days', created_at = now() - interval '3 days' WHERE user_id = $1", [sleepy.id]);
}, 600_000);

afterAll(async () => {
  if (cells.length > 0) console.log(printMatrix(cells));
  await site.stop();
  await app.close();
  await dispose();
});

const api = async (who: Who, url: string, method: 'GET' | 'HEAD' = 'GET') => {
  const response = await app.inject({ method, url, headers: credentials.get(who) ?? {} });
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- the caller names the shape of the body it expects
  return { status: response.statusCode, body: response.body, json: <T>() => response.json<T>() };
};
const viaSite = async (who: Who, path: string) => {
  const response = await fetch(`${site.url}${path}`, { headers: credentials.get(who) ?? {}, redirect: 'manual' });
  return { status: response.status, body: await response.text() };
};

function record(door: string, who: Who, state: State | RecordingCase | '-', expected: boolean, actual: boolean, detail = ''): void {
  cells.push({ door, who, state, expected, actual, detail });
}

/** A door's answer for one viewer: whether each record shows. */
type RecordDoor = (who: Who) => Promise<Partial<Record<State, [shown: boolean, detail: string]>>>;

const reads = (who: Who, state: State) => EXPECTED[who][state] !== 'none';
const readsMedia = (who: Who, state: State) => EXPECTED[who][state] === 'all';
const refusedCredential = (who: Who) => who === 'revoked-token';

const perRecord = (check: (who: Who, state: State) => Promise<[boolean, string]>): RecordDoor => async (who) =>
  Object.fromEntries(await Promise.all(STATES.map(async (state) => [state, await check(who, state)] as const)));

/** Every door that shows records, with what decides that a record showed through it. */
const RECORD_DOORS: Record<string, [door: RecordDoor, expected: (who: Who, state: State) => boolean]> = {
  'GET /api/items/{id}': [perRecord(async (who, state) => {
    const { status } = await api(who, `/api/items/${idOf(state)}`);
    return [status === 200, String(status)];
  }), reads],
  'GET /api/items (list)': [async (who) => {
    const { status, json } = await api(who, '/api/items?pageSize=100');
    const ids = status === 200 ? json<ItemPage>().items.map((i) => i.id) : [];
    return Object.fromEntries(STATES.map((s) => [s, [ids.includes(idOf(s)), String(status)]]));
  }, reads],
  'GET /api/search (title words)': [perRecord(async (who, state) => {
    const { status, json } = await api(who, `/api/search?q=${titleWordOf(state)}`);
    return [status === 200 && json<SearchResult>().hits.some((h) => h.id === idOf(state)), String(status)];
  }), reads],
  'GET /api/search (words inside the media)': [perRecord(async (who, state) => {
    const { status, body } = await api(who, `/api/search?q=${textWordOf(state)}`);
    return [status === 200 && body.includes(idOf(state)), String(status)];
  }), (who, state) => readsMedia(who, state) && state !== 'metadata-only'],
  // Every state's dictionary word, searched by its headword (issue 14).
  'GET /api/dictionary/search': [perRecord(async (who, state) => {
    const { status, json } = await api(who, `/api/dictionary/search?q=${headwordOf(state)}`);
    return [status === 200 && json<DictionarySearchResult>().hits.some((hit) => hit.id === wordIdOf(state)), String(status)];
  }), reads],
  'facet counts (province)': [async (who) => {
    const { status, json } = await api(who, '/api/search?q=&facets=province&pageSize=1');
    const counts = status === 200 ? (json<SearchResult>().facets.province ?? {}) : {};
    return Object.fromEntries(STATES.map((s) => [s, [counts[provinceOf(s)] === 1, String(counts[provinceOf(s)] ?? status)]]));
  }, reads],
  'GET /api/places': [async (who) => {
    const { status, json } = await api(who, '/api/places');
    const names = status === 200 ? json<PlaceList>().places.map((p) => p.province) : [];
    return Object.fromEntries(STATES.map((s) => [s, [names.includes(provinceOf(s)), String(status)]]));
  }, reads],
  'related items (of a public record)': [async (who) => {
    const { status, json } = await api(who, `/api/items/${ANCHOR}`);
    const related = status === 200 ? json<ItemView>().related.map((i) => i.id) : [];
    // Six at most are shown: a record the viewer may read may be left out when more are readable.
    const full = related.length < 6;
    return Object.fromEntries(STATES.map((s) => [s, [related.includes(idOf(s)) || (!full && reads(who, s)), full ? String(status) : 'six shown']]));
  }, reads],
  'GET /api/collections/{id} (items and count)': [async (who) => {
    const { status, json } = await api(who, `/api/collections/${COLLECTION}`);
    const detail = status === 200 ? json<CollectionView>() : undefined;
    const ids = detail?.items.items.map((i) => i.id) ?? [];
    const expectedCount = STATES.filter((s) => reads(who, s)).length + 1;
    const total = detail?.items.total ?? expectedCount;
    const countRight = total === expectedCount;
    return Object.fromEntries(STATES.map((s) => [s, [ids.includes(idOf(s)) && countRight, countRight ? String(status) : `count ${total}`]]));
  }, reads],
  'GET /api/items/{id} (410 tombstone)': [perRecord(async (who, state) => {
    const { status, body } = await api(who, `/api/items/${idOf(state)}`);
    return [status === 410 && body.includes(titleWordOf(state)), String(status)];
  }), (who, state) => state === 'withdrawn' && !STAFF.includes(who)],
  'GET /api/workspace/records/{id}': [perRecord(async (who, state) => {
    const { status, body } = await api(who, `/api/workspace/records/${idOf(state)}`);
    return [status === 200 && body.includes(titleWordOf(state)), String(status)];
  }), (who) => STAFF.includes(who)],
  'GET /api/workspace/records/{id}/versions': [perRecord(async (who, state) => {
    const { status } = await api(who, `/api/workspace/records/${idOf(state)}/versions`);
    return [status === 200, String(status)];
  }), (who) => STAFF.includes(who)],
  'GET /api/workspace/records/{id}/versions/{version}': [perRecord(async (who, state) => {
    const { status, body } = await api(who, `/api/workspace/records/${idOf(state)}/versions/1`);
    return [status === 200 && body.includes(titleWordOf(state)), String(status)];
  }), (who) => STAFF.includes(who)],
  'GET /api/workspace/records/{id}/compare': [perRecord(async (who, state) => {
    const { status } = await api(who, `/api/workspace/records/${idOf(state)}/compare?from=1&to=1`);
    return [status === 200, String(status)];
  }), (who) => STAFF.includes(who)],
  'GET /api/media/{id}/original': [perRecord(async (who, state) => {
    const { status } = await api(who, `/api/media/${mediaIds.get(state)}/original`);
    return [status === 200, String(status)];
  }), readsMedia],
  'HEAD /api/media/{id}/original': [perRecord(async (who, state) => {
    const { status } = await api(who, `/api/media/${mediaIds.get(state)}/original`, 'HEAD');
    return [status === 200, String(status)];
  }), readsMedia],
  'GET /api/media/{id}/thumb': [perRecord(async (who, state) => {
    const { status } = await api(who, `/api/media/${mediaIds.get(state)}/thumb`);
    return [status === 200, String(status)];
  }), readsMedia],
  // Harvesters are the public whoever asks: a signed-in researcher's harvest names no more than anyone's.
  'GET /api/oai ListRecords (disseminated records)': [async (who) => {
    const { status, body } = await api(who, '/api/oai?verb=ListRecords&metadataPrefix=oai_dc');
    return Object.fromEntries(STATES.map((s) => [s, [status === 200 && body.includes(`<header><identifier>oai:heritage.test:${idOf(s)}</identifier>`), String(status)]]));
  }, (_who, state) => PUBLIC_READS[state] !== 'none'],
  'GET /api/items/{id}/cite': [perRecord(async (who, state) => {
    const { status, body } = await api(who, `/api/items/${idOf(state)}/cite?format=ris`);
    return [status === 200 && body.includes(titleWordOf(state)), String(status)];
  }), reads],
  'GET /api/items/{id}/citations': [perRecord(async (who, state) => {
    const { status, body } = await api(who, `/api/items/${idOf(state)}/citations?lang=vi`);
    return [status === 200 && body.includes(titleWordOf(state)), String(status)];
  }), reads],
  // An element's records answer as the element does: 404 to whoever may not read it (the fixture's records are no elements: an empty list).
  'GET /api/items/{id}/documented-by': [perRecord(async (who, state) => {
    const { status, body } = await api(who, `/api/items/${idOf(state)}/documented-by`);
    return [status === 200 && body.includes(`"element":"${idOf(state)}"`), String(status)];
  }), reads],
  'GET /api/workspace/records/{id}/element-links': [perRecord(async (who, state) => {
    const { status, body } = await api(who, `/api/workspace/records/${idOf(state)}/element-links`);
    return [status === 200 && body.includes('"suggestions"'), String(status)];
  }), (who) => STAFF.includes(who)],
  'GET /api/search/export (hits)': [async (who) => {
    const { status, body } = await api(who, '/api/search/export?format=csl-json&q=');
    const ids = status === 200 ? (JSON.parse(body) as { id: string }[]).map((entry) => entry.id) : [];
    return Object.fromEntries(STATES.map((s) => [s, [ids.includes(idOf(s)), String(status)]]));
  }, reads],
  'GET /api/collections/{id}/export': [async (who) => {
    const { status, body } = await api(who, `/api/collections/${COLLECTION}/export?format=csl-json`);
    const ids = status === 200 ? (JSON.parse(body) as { id: string }[]).map((entry) => entry.id) : [];
    return Object.fromEntries(STATES.map((s) => [s, [ids.includes(idOf(s)), String(status)]]));
  }, reads],
  // SRU answers as the public too, through the search engine (every record) and the catalog (rec.identifier).
  'GET /api/sru searchRetrieve (cql.allRecords)': [async (who) => {
    const { status, body } = await api(who, `/api/sru?version=1.2&operation=searchRetrieve&maximumRecords=100&query=${encodeURIComponent('cql.allRecords = 1')}`);
    return Object.fromEntries(STATES.map((s) => [s, [status === 200 && body.includes(`/item/${idOf(s)}</dc:identifier>`), String(status)]]));
  }, (_who, state) => PUBLIC_READS[state] !== 'none'],
  'GET /api/sru searchRetrieve (rec.identifier)': [async (who) => {
    const cql = STATES.map((s) => `rec.identifier = "${idOf(s)}"`).join(' or ');
    const { status, body } = await api(who, `/api/sru?version=1.2&operation=searchRetrieve&maximumRecords=100&query=${encodeURIComponent(cql)}`);
    return Object.fromEntries(STATES.map((s) => [s, [status === 200 && body.includes(`/item/${idOf(s)}</dc:identifier>`), String(status)]]));
  }, (_who, state) => PUBLIC_READS[state] !== 'none'],
  // The festival calendar is the public's whoever asks, like OAI-PMH: a restricted or draft record's festival never shows.
  'GET /api/calendar (festivals of a month)': [async (who) => {
    const { status, json } = await api(who, '/api/calendar?year=2025&month=11');
    const ids = status === 200 ? json<CalendarAnswer>().festivals.map((f) => f.id) : [];
    return Object.fromEntries(STATES.map((s) => [s, [ids.includes(idOf(s)), String(status)]]));
  }, (_who, state) => PUBLIC_READS[state] !== 'none'],
  'GET /api/calendar.ics (feed)': [async (who) => {
    const { status, body } = await api(who, '/api/calendar.ics?year=2025');
    return Object.fromEntries(STATES.map((s) => [s, [status === 200 && body.includes(`UID:${idOf(s)}-2025-11-05@`), String(status)]]));
  }, (_who, state) => PUBLIC_READS[state] !== 'none'],
  'GET /api/media/{id}/text': [perRecord(async (who, state) => {
    const { status, json } = await api(who, `/api/media/${mediaIds.get(state)}/text`);
    return [status === 200 && json<MediaText>().passages.some((p) => p.text.includes(textWordOf(state))), String(status)];
  }), readsMedia],
  'GET /api/media/{id}/words': [perRecord(async (who, state) => {
    const { status, json } = await api(who, `/api/media/${mediaIds.get(state)}/words`);
    return [status === 200 && Array.isArray(json<MediaWords>().pages), String(status)];
  }), readsMedia],
  'GET /api/media/{id}/find': [perRecord(async (who, state) => {
    const { status, json } = await api(who, `/api/media/${mediaIds.get(state)}/find?q=${encodeURIComponent(textWordOf(state))}`);
    return [status === 200 && json<MediaFind>().hits > 0, String(status)];
  }), readsMedia],
  'GET /api/dictionary/entries/{id}': [perRecord(async (who, state) => {
    const { status } = await api(who, `/api/dictionary/entries/${wordOf(state)}`);
    return [status === 200, String(status)];
  }), reads],
  'GET /api/dictionary/entries/{id} (recordings)': [perRecord(async (who, state) => {
    const { status, json } = await api(who, `/api/dictionary/entries/${wordOf(state)}`);
    return [status === 200 && json<EntryView>().recordings.some((r) => r.mediaId === `a-${state}`), String(status)];
  }), readsMedia],
  'GET /api/dictionary/entries/{id} (records of a public entry)': [async (who) => {
    const { status, json } = await api(who, `/api/dictionary/entries/${WORD_ANCHOR}`);
    const ids = status === 200 ? json<EntryView>().records.map((r) => r.id) : [];
    return Object.fromEntries(STATES.map((s) => [s, [ids.includes(idOf(s)), String(status)]]));
  }, reads],
  'GET /api/items/{id}/words (of a public record)': [async (who) => {
    const { status, json } = await api(who, `/api/items/${ANCHOR}/words`);
    const ids = status === 200 ? json<RecordWords>().entries.map((e) => e.id) : [];
    return Object.fromEntries(STATES.map((s) => [s, [ids.includes(wordOf(s)), String(status)]]));
  }, reads],
  'GET /api/items/{id}/words': [perRecord(async (who, state) => {
    const { status } = await api(who, `/api/items/${idOf(state)}/words`);
    return [status === 200, String(status)];
  }), reads],
  'GET /api/dictionary/browse (khmer)': [async (who) => {
    const { status, json } = await api(who, '/api/dictionary/browse?order=khmer&limit=200');
    const page = status === 200 ? json<DictionaryBrowsePage>() : undefined;
    const ids = page?.entries.map((e) => e.id) ?? [];
    const counted = page?.sections.reduce((sum, s) => sum + s.count, 0) ?? 0;
    const countRight = counted === ids.length;
    return Object.fromEntries(STATES.map((s) => [s, [ids.includes(wordOf(s)) && countRight, countRight ? String(status) : `count ${counted}`]]));
  }, reads],
  'GET /api/dictionary/word-lists/{id}': [async (who) => {
    const { status, json } = await api(who, `/api/dictionary/word-lists/${WORD_LIST}`);
    const ids = status === 200 ? json<WordListView>().entries.map((e) => e.id) : [];
    return Object.fromEntries(STATES.map((s) => [s, [ids.includes(wordOf(s)), String(status)]]));
  }, reads],
  // Staff who may edit the entry: an archivist edits drafts and published records only.
  'GET /api/workspace/records/{id}/word-links': [perRecord(async (who, state) => {
    const { status } = await api(who, `/api/workspace/records/${wordOf(state)}/word-links`);
    return [status === 200, String(status)];
  }), (who, state) => ['operator', 'admin', 'reviewer'].includes(who) || (who === 'archivist' && !['in-review', 'withdrawn'].includes(state))],
};

/** The site: its pages, rendered with the visitor's session, and its /api proxy. Bearer tokens are not what browsers send. */
const SITE_DOORS: Record<string, [door: RecordDoor, expected: (who: Who, state: State) => boolean]> = {
  'site /item/{id}': [perRecord(async (who, state) => {
    const { status, body } = await viaSite(who, `/item/${idOf(state)}`);
    return [status === 200 && body.includes(titleWordOf(state)), String(status)];
  }), reads],
  'site /search?q=': [perRecord(async (who, state) => {
    const { status, body } = await viaSite(who, `/search?q=${titleWordOf(state)}`);
    return [status === 200 && body.includes(`/item/${idOf(state)}`), String(status)];
  }), reads],
  'site /api/items/{id} (proxy)': [perRecord(async (who, state) => {
    const { status } = await viaSite(who, `/api/items/${idOf(state)}`);
    return [status === 200, String(status)];
  }), reads],
  'site /api/media/{id}/original (proxy)': [perRecord(async (who, state) => {
    const { status } = await viaSite(who, `/api/media/${mediaIds.get(state)}/original`);
    return [status === 200, String(status)];
  }), readsMedia],
};
const BROWSER_VIEWERS = VIEWERS.filter((who) => !['operator', 'read-token', 'revoked-token'].includes(who));

/**
 * A public dictionary entry's recordings (matrix-recordings.ts): one its speaker consented
 * to, which follows the entry; one its community keeps to itself; one whose speaker has not
 * given consent, for staff only. Cell by cell, who hears each.
 */
const HEARS: Record<RecordingCase, readonly Who[]> = {
  consented: EVERYONE,
  community: [...STAFF, 'member', 'steward'],
  'no-consent': STAFF,
};
type RecordingDoor = (who: Who, mediaId: string) => Promise<[shown: boolean, detail: string]>;
const RECORDING_DOORS: Record<string, RecordingDoor> = {
  'recording: GET /api/media/{id}/original': async (who, id) => {
    const { status } = await api(who, `/api/media/${id}/original`);
    return [status === 200, String(status)];
  },
  'recording: HEAD /api/media/{id}/audio-opus': async (who, id) => {
    const { status } = await api(who, `/api/media/${id}/audio-opus`, 'HEAD');
    return [status === 200, String(status)];
  },
  'recording: GET /api/media/{id}/audio-mp3': async (who, id) => {
    const { status } = await api(who, `/api/media/${id}/audio-mp3`);
    return [status === 200, String(status)];
  },
  'recording: GET /api/media/{id}/waveform-json': async (who, id) => {
    const { status } = await api(who, `/api/media/${id}/waveform-json`);
    return [status === 200, String(status)];
  },
  'recording: GET /api/items/{id} (media list)': async (who, id) => {
    const { status, json } = await api(who, `/api/items/${WORD}`);
    return [status === 200 && json<ItemView>().media.some((m) => m.id === id), String(status)];
  },
};

describe('the access matrix', () => {
  it.each(Object.keys(RECORD_DOORS))('%s: every viewer sees exactly the records the rules allow', async (name) => {
    const [door, expected] = RECORD_DOORS[name]!;
    const wrong = await checkDoor(name, door, expected, VIEWERS);
    expect(wrong).toEqual([]);
  });

  it.each(Object.keys(SITE_DOORS))('%s: every visitor sees exactly the records the rules allow', async (name) => {
    const [door, expected] = SITE_DOORS[name]!;
    const wrong = await checkDoor(name, door, expected, BROWSER_VIEWERS);
    expect(wrong).toEqual([]);
  });

  it.each(Object.keys(RECORDING_DOORS))('%s: a public entry\'s recordings are heard by exactly the viewers their own rule and consent allow', async (name) => {
    const wrong: string[] = [];
    for (const who of VIEWERS) {
      for (const recording of RECORDINGS) {
        const [actual, detail] = await RECORDING_DOORS[name]!(who, recordingIds[recording]);
        const want = HEARS[recording].includes(who);
        record(name, who, recording, want, actual, detail);
        if (actual !== want) wrong.push(`${name}: ${who} on the ${recording} recording ${actual ? 'HEARD IT (leak)' : 'was refused'} (${detail})`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('a revoked token is refused with 401 at every door, never taken for the public', async () => {
    for (const url of ['/api/items', `/api/items/${idOf('public')}`, '/api/search?q=', `/api/media/${mediaIds.get('public')}/thumb`]) {
      expect((await api('revoked-token', url)).status, url).toBe(401);
    }
  });

  it('every route of the OpenAPI document that shows no record opens to exactly the viewers the rules name', async () => {
    const paths = (await app.inject({ url: '/api/docs/json' })).json<{ paths: Record<string, Record<string, unknown>> }>().paths;
    const routes = Object.entries(paths).flatMap(([path, methods]) => Object.keys(methods).map((method) => `${method.toUpperCase()} ${path}`));
    const reading = routes.filter((route) => (route.startsWith('GET ') || route.startsWith('HEAD ')) && !NOT_IN_ROUTE_WALK.has(route));
    // Every reading route must be in the table: a new one cannot slip past this test.
    expect(reading.filter((route) => ROUTE_ACCESS[route] === undefined && !route.startsWith('GET /api/docs'))).toEqual([]);
    const wrong: string[] = [];
    for (const route of reading.filter((r) => ROUTE_ACCESS[r] !== undefined)) {
      const url = route.slice(4).replace('{id}', route.includes('/users/') ? memberUserId : COMMUNITY);
      for (const who of VIEWERS) {
        const { status } = await api(who, url);
        const allowed = ROUTE_ACCESS[route]!.includes(who);
        const opened = status >= 200 && status < 300;
        if (!opened && ![401, 403, 404].includes(status)) wrong.push(`${route} by ${who}: ${status}`);
        record(route, who, '-', allowed, opened, String(status));
        if (allowed !== opened) wrong.push(`${route} by ${who}: ${status}, expected ${allowed ? 'open' : 'refused'}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('every route that changes the workspace, takes uploads, manages harvest sources or coverage targets lets through exactly the viewers the rules name, and changes nothing', async () => {
    const paths = (await app.inject({ url: '/api/docs/json' })).json<{ paths: Record<string, Record<string, unknown>> }>().paths;
    const routes = Object.entries(paths).flatMap(([path, methods]) => Object.keys(methods).map((method) => `${method.toUpperCase()} ${path}`));
    const changing = routes.filter((route) => /^(POST|PUT|PATCH|DELETE) \/api\/(workspace|uploads|harvest-sources|coverage)/.test(route) && !NOT_IN_WRITE_WALK.has(route));
    // Every changing route must be in the table: a new one cannot slip past this test.
    expect(changing.filter((route) => WRITE_ACCESS[route] === undefined)).toEqual([]);
    const draft = idOf('draft');
    const versionsBefore = await archive.db.query<{ n: number }>('SELECT count(*)::int AS n FROM item_versions');
    const wrong: string[] = [];
    for (const route of changing) {
      const [method, path] = route.split(' ') as ['POST' | 'PUT' | 'PATCH' | 'DELETE', string];
      const url = path.replace('/collections/{id}', `/collections/${COLLECTION}`).replace('{id}', draft).replace('{mediaId}', mediaIds.get('draft')!).replace('{version}', '1');
      for (const who of VIEWERS) {
        const response = await app.inject({ method, url, headers: { ...credentials.get(who), ...(writeHeaders.get(who) ?? { origin: PUBLIC_URL }) } });
        const status = response.statusCode;
        const allowed = WRITE_ACCESS[route]!.includes(who);
        const opened = ![401, 403, 404].includes(status);
        record(route, who, '-', allowed, opened, String(status));
        if (status < 400 || status >= 500) wrong.push(`${route} by ${who}: ${status} ${response.body.slice(0, 200)}`);
        else if (allowed !== opened) wrong.push(`${route} by ${who}: ${status}, expected ${allowed ? 'let through' : 'refused'} (${response.body.slice(0, 200)})`);
      }
    }
    expect(wrong).toEqual([]);
    expect(await archive.db.query<{ n: number }>('SELECT count(*)::int AS n FROM item_versions')).toEqual(versionsBefore);
  });

  it('checks a matrix of at least 1 500 cells', () => {
    expect(cells.length).toBeGreaterThanOrEqual(1_500);
  });
});

async function checkDoor(name: string, door: RecordDoor, expected: (who: Who, state: State) => boolean, viewers: readonly Who[]): Promise<string[]> {
  const wrong: string[] = [];
  for (const who of viewers) {
    const seen = await door(who);
    for (const state of STATES) {
      const [actual, detail] = seen[state] ?? [false, 'not checked'];
      const want = !refusedCredential(who) && expected(who, state);
      record(name, who, state, want, actual, detail);
      if (actual !== want) wrong.push(`${name}: ${who} on a ${state} record ${actual ? 'SAW IT (leak)' : 'was refused'} (${detail})`);
    }
  }
  return wrong;
}

/** One table per door: a row per viewer, a column per state; ✓ shown as expected, · hidden as expected, ✗ wrong. */
function printMatrix(all: Cell[]): string {
  const doors = [...new Set(all.map((c) => c.door))];
  const lines = [`access matrix: ${all.length} cells, ${all.filter((c) => c.actual !== c.expected).length} wrong`];
  for (const door of doors) {
    const rows = all.filter((c) => c.door === door);
    const states = [...new Set(rows.map((c) => c.state))];
    lines.push('', door, `${''.padEnd(14)}${states.map((s) => s.padEnd(14)).join('')}`);
    for (const who of [...new Set(rows.map((c) => c.who))]) {
      const marks = states.map((s) => {
        const cell = rows.find((c) => c.who === who && c.state === s);
        if (!cell) return ''.padEnd(14);
        return (cell.actual !== cell.expected ? `✗ ${cell.detail}` : cell.actual ? '✓' : '·').padEnd(14);
      });
      lines.push(`${who.padEnd(14)}${marks.join('')}`);
    }
  }
  return lines.join('\n');
}
