/**
 * PATCH /api/workspace/media/{id}/recording (issue 14): a recording's speaker, consent,
 * locality and dialect, and the medium's own access, set by staff who may edit the record,
 * validated and audited; a word published while a recording has no consent publishes, and
 * the recording stays with staff, as the publication's answer says.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importRecords, type Archive } from '@disan/ingest';
import type { ItemView, WorkspaceMedia, WorkspaceRecord } from '@disan/schemas';
import { buildApp } from '../../api/src/app.ts';
import { addAccount } from '../support/accounts.ts';
import { temporaryArchive } from '../support/archive.ts';
import { generateAudio } from '../support/generate-av.ts';

const OPERATOR = { authorization: 'Bearer recording-operator-token-0123456789' };
const WORD = 'w-ghe-ngo';
const COMMUNITY = 'khmer-soc-trang';

let archive: Archive;
let app: FastifyInstance;
let dispose: () => Promise<void>;
let archivist: Record<string, string>;
let voice: string;

const patch = (mediaId: string, payload: unknown, headers: Record<string, string> = OPERATOR) =>
  app.inject({ method: 'PATCH', url: `/api/workspace/media/${mediaId}/recording`, headers, payload: payload as Record<string, unknown> });

beforeAll(async () => {
  const temp = await temporaryArchive({ LOG_LEVEL: 'silent', DISAN_OPERATOR_TOKEN: OPERATOR.authorization.slice(7), DISAN_RATE_LIMIT: '1000000' });
  ({ archive, dispose } = temp);
  const folder = join(temp.dataDir, 'input');
  await mkdir(folder, { recursive: true });
  await generateAudio(join(folder, 'tuk-ngo.wav'), { seconds: 1, format: 'wav' });
  const line = {
    id: WORD, kind: 'word', ethnicGroups: ['khmer'], title: [{ lang: 'km', value: 'ទូកង' }], status: 'in-review', access: { level: 'public' },
    entry: { language: 'km', headwords: [{ value: 'ទូកង', script: 'Khmr' }], senses: [{ glosses: [{ lang: 'vi', value: 'ghe ngo' }] }] },
    media: [{ file: 'tuk-ngo.wav' }],
  };
  await writeFile(join(folder, 'words.jsonl'), JSON.stringify(line));
  const report = await importRecords(archive, join(folder, 'words.jsonl'));
  expect(report.failures).toEqual([]);
  voice = (await archive.catalog.media.listForItem(WORD))[0]!.id;
  await archive.accounts.communities.create({ id: COMMUNITY, name: 'Khmer Sóc Trăng' }, { id: 'cli' });
  const person = await addAccount(archive, { email: 'archivist@recording.test', roles: ['archivist'] });
  archivist = { authorization: `Bearer ${(await archive.accounts.tokens.create(person.id, { name: 'phone', scope: 'write', expiresInDays: 30 }, { id: person.id })).token}` };
  app = await buildApp({ archive, config: archive.config, logger: false });
}, 300_000);

afterAll(async () => {
  await app.close();
  await dispose();
});

describe('PATCH /api/workspace/media/{id}/recording', () => {
  it.each([
    ['a date that does not exist', { recording: { speaker: 'Danh Sơn', consent: { given: true, date: '2026-02-30' } } }, /consent\.date/],
    ['a consent dated in the future', { recording: { speaker: 'Danh Sơn', consent: { given: true, date: '2999-01-01' } } }, /in the future/],
    ['a consent given without its date', { recording: { speaker: 'Danh Sơn', consent: { given: true } } }, /date is missing/],
    ['a community that does not exist', { access: { level: 'community', communities: ['hoa-nowhere'] } }, /No such community: hoa-nowhere/],
    ['a community rule naming no community', { access: { level: 'community', communities: [] } }, /at least one community/],
    ['an embargo that has ended', { access: { level: 'embargo', embargoUntil: '2001-01-01' } }, /has passed/],
  ])('refuses %s with 400 and a message that says what is wrong', async (_name, body, message) => {
    const response = await patch(voice, body);
    expect(response.statusCode, response.body).toBe(400);
    expect(response.json<{ error: { message: string } }>().error.message).toMatch(message);
  });

  it('is a staff door: the public and a missing file get 404', async () => {
    expect((await patch(voice, { recording: null }, {})).statusCode).toBe(404);
    expect((await patch('no-such-media', { recording: null })).statusCode).toBe(404);
  });

  it('refuses an archivist while the record is in review (403), as every other change of it', async () => {
    const response = await patch(voice, { recording: { speaker: 'Danh Sơn', consent: { given: false } } }, archivist);
    expect(response.statusCode, response.body).toBe(403);
  });

  it('sets the speaker without consent, writes it to the audit trail, and the record says the recording is withheld', async () => {
    const response = await patch(voice, { recording: { speaker: 'Danh Sơn', consent: { given: false }, locality: 'Sóc Trăng', dialect: 'Khmer Sóc Trăng' } });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json<WorkspaceMedia>().recording).toEqual({ speaker: 'Danh Sơn', consent: { given: false }, locality: 'Sóc Trăng', dialect: 'Khmer Sóc Trăng' });
    const [audit] = await archive.db.query<{ actor: string; details: { before: unknown; after: { recording: unknown } } }>(
      `SELECT actor, details FROM audit_log WHERE action = 'media.recording' AND target = $1 ORDER BY id DESC LIMIT 1`, [voice]);
    expect(audit?.details.before).toEqual({ recording: null, access: null });
    expect(audit?.details.after.recording).toMatchObject({ speaker: 'Danh Sơn' });
    // The same again changes nothing and writes nothing.
    const count = async () => (await archive.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'media.recording'`))[0]!.n;
    const before = await count();
    expect((await patch(voice, { recording: { speaker: 'Danh Sơn', consent: { given: false }, locality: 'Sóc Trăng', dialect: 'Khmer Sóc Trăng' } })).statusCode).toBe(200);
    expect(await count()).toBe(before);
  });

  it('publishes the word and keeps the recording without consent with staff, saying so in the answer', async () => {
    const record = (await app.inject({ url: `/api/workspace/records/${WORD}`, headers: OPERATOR })).json<WorkspaceRecord>();
    expect(record.withheldMedia).toEqual([voice]);
    const published = await app.inject({ method: 'POST', url: `/api/workspace/records/${WORD}/publish`, headers: { ...OPERATOR, 'if-match': `"v${record.version}"` }, payload: {} });
    expect(published.statusCode, published.body).toBe(200);
    expect(published.json<WorkspaceRecord>()).toMatchObject({ faceStatus: 'published', withheldMedia: [voice] });

    const item = await app.inject({ url: `/api/items/${WORD}` });
    expect(item.statusCode).toBe(200);
    expect(item.json<ItemView>().media.map((m) => m.id)).not.toContain(voice);
    expect((await app.inject({ url: `/api/media/${voice}/original` })).statusCode).toBe(404);
    expect((await app.inject({ url: `/api/media/${voice}/audio-opus` })).statusCode).toBe(404);
    expect((await app.inject({ url: `/api/media/${voice}/original`, headers: OPERATOR })).statusCode).toBe(200);
    expect((await app.inject({ url: `/api/items/${WORD}`, headers: OPERATOR })).json<ItemView>().media.map((m) => m.id)).toContain(voice);
  });

  it('once consent is recorded, the public hears it; a community rule then keeps it to the community, at once', async () => {
    const consented = await patch(voice, { recording: { speaker: 'Danh Sơn', consent: { given: true, date: '2026-10-01', method: 'oral-recorded' } } });
    expect(consented.statusCode, consented.body).toBe(200);
    expect((await app.inject({ url: `/api/media/${voice}/audio-opus` })).statusCode).toBe(200);
    expect((await app.inject({ url: `/api/workspace/records/${WORD}`, headers: OPERATOR })).json<WorkspaceRecord>().withheldMedia).toBeUndefined();

    // A published record: an archivist may change it (the change holds at once, audited).
    const kept = await patch(voice, { access: { level: 'community', communities: [COMMUNITY] } }, archivist);
    expect(kept.statusCode, kept.body).toBe(200);
    expect(kept.json<WorkspaceMedia>().access).toEqual({ level: 'community', communities: [COMMUNITY] });
    expect((await app.inject({ url: `/api/media/${voice}/audio-opus` })).statusCode).toBe(404);
    expect((await app.inject({ url: `/api/media/${voice}/original`, headers: OPERATOR })).headers['cache-control']).toBe('private, no-store');

    const cleared = await patch(voice, { access: null });
    expect(cleared.json<WorkspaceMedia>().access).toBeUndefined();
    expect((await app.inject({ url: `/api/media/${voice}/audio-opus` })).statusCode).toBe(200);
  });
});
