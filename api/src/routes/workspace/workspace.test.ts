import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ErrorBody, FailedMedia, MyWork, RecordDraft, TombstoneBody, VersionComparison, VersionConflictBody, VersionList, WorkspaceRecord } from '@disan/schemas';
import { addAccount, signIn, type SignedIn } from '../../../../tests/support/accounts.ts';
import { apiFixture, OPERATOR, type ApiFixture } from '../../../../tests/support/api-fixture.ts';

const draft = (id: string, overrides: Partial<RecordDraft> = {}): RecordDraft => ({
  id,
  kind: 'festival',
  ethnicGroups: ['khmer'],
  title: [
    { lang: 'vi', value: 'Lễ Sene Dolta' },
    { lang: 'km', value: 'បុណ្យភ្ជុំបិណ្ឌ' },
  ],
  access: { level: 'public' },
  ...overrides,
});

describe('the workspace through the API', () => {
  let f: ApiFixture;
  let archivist: SignedIn;
  let reviewer: SignedIn;

  beforeAll(async () => {
    f = await apiFixture();
    await addAccount(f.archive, { email: 'archivist@example.org', roles: ['archivist'] });
    await addAccount(f.archive, { email: 'reviewer@example.org', roles: ['reviewer'] });
    archivist = await signIn(f.app, 'archivist@example.org');
    reviewer = await signIn(f.app, 'reviewer@example.org');
  });
  afterAll(() => f.close());

  const call = (who: SignedIn, method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, payload?: unknown, ifMatch?: string) =>
    f.app.inject({
      method,
      url,
      headers: { ...(method === 'GET' ? who.reads : who.writes), ...(ifMatch === undefined ? {} : { 'if-match': ifMatch }) },
      ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
    });

  it('creates, reads and saves a record with its ETag; 428 without If-Match, 412 with the current head when stale', async () => {
    const created = await call(archivist, 'POST', '/api/workspace/records', { item: draft('sene-dolta'), note: 'first' });
    expect(created.statusCode).toBe(201);
    expect(created.headers.etag).toBe('"v1"');
    expect(created.headers.location).toBe('/api/workspace/records/sene-dolta');
    expect(created.json<WorkspaceRecord>()).toMatchObject({ version: 1, item: { status: 'draft' }, updatedBy: { name: 'archivist' } });

    const read = await call(archivist, 'GET', '/api/workspace/records/sene-dolta');
    expect(read.statusCode).toBe(200);
    expect(read.headers.etag).toBe('"v1"');
    expect(read.headers['cache-control']).toBe('private, no-store');

    const body = { item: draft('sene-dolta', { source: 'Chùa Pitu Khôsa Răngsây' }) };
    expect((await call(archivist, 'PUT', '/api/workspace/records/sene-dolta', body)).json<{ error: { code: string } }>().error.code).toBe('precondition_required');
    expect((await call(archivist, 'PUT', '/api/workspace/records/sene-dolta', body)).statusCode).toBe(428);
    expect((await call(archivist, 'PUT', '/api/workspace/records/sene-dolta', body, 'v1')).statusCode).toBe(400);
    const saved = await call(archivist, 'PUT', '/api/workspace/records/sene-dolta', body, '"v1"');
    expect(saved.statusCode).toBe(200);
    expect(saved.headers.etag).toBe('"v2"');

    const stale = await call(reviewer, 'PUT', '/api/workspace/records/sene-dolta', { item: draft('sene-dolta', { source: 'other' }) }, '"v1"');
    expect(stale.statusCode).toBe(412);
    const conflict = stale.json<VersionConflictBody>();
    expect(conflict.error).toMatchObject({ status: 412, code: 'version_conflict' });
    expect(conflict.current).toMatchObject({ version: 2, item: { source: 'Chùa Pitu Khôsa Răngsây' } });
    expect(stale.headers.etag).toBe('"v2"');

    const versions = (await call(archivist, 'GET', '/api/workspace/records/sene-dolta/versions')).json<VersionList>();
    expect(versions.versions.map((v) => [v.version, v.action])).toEqual([[2, 'edit'], [1, 'create']]);
    const compared = await call(archivist, 'GET', '/api/workspace/records/sene-dolta/compare?from=1&to=2');
    expect(compared.json<VersionComparison>().changes).toEqual([{ field: 'source', change: 'added', after: 'Chùa Pitu Khôsa Răngsây' }]);
    expect((await call(archivist, 'GET', '/api/workspace/records/sene-dolta/versions/9')).statusCode).toBe(404);
  });

  it('refuses a library record with a wrong ISBN, naming the field and the problem\'s code', async () => {
    const book = draft('sach-isbn', { kind: 'book', library: { publisher: 'Nxb. Văn hóa dân tộc', identifiers: [{ scheme: 'isbn', value: '978-604-0-12345-9' }, { scheme: 'isbn', value: '978-604-0-12345-0' }] } });
    const refused = await call(archivist, 'POST', '/api/workspace/records', { item: book });
    expect(refused.statusCode).toBe(400);
    const { error } = refused.json<ErrorBody>();
    expect(error.code).toBe('invalid');
    expect(error.fields).toEqual([{ path: '/library/identifiers/1/value', code: 'identifier-checksum', message: expect.stringContaining('wrong check digit') as string }]);
    const legal = await call(archivist, 'POST', '/api/workspace/records', { item: draft('qd-thieu', { kind: 'legal-document' }) });
    expect(legal.json<ErrorBody>().error.fields?.map(({ path, code }) => [path, code])).toEqual([['/library', 'legal-missing']]);
    expect((await call(archivist, 'GET', '/api/workspace/records/sach-isbn')).statusCode).toBe(404);
  });

  it('refuses an archivist publishing (403), lets a reviewer publish, and the public then reads it', async () => {
    const submitted = await call(archivist, 'POST', '/api/workspace/records/sene-dolta/submit', {}, '"v2"');
    expect(submitted.statusCode).toBe(200);
    expect(submitted.json<WorkspaceRecord>().item.status).toBe('in-review');
    const refused = await call(archivist, 'POST', '/api/workspace/records/sene-dolta/publish', {}, '"v3"');
    expect(refused.statusCode).toBe(403);
    expect(refused.json<{ error: { code: string } }>().error.code).toBe('forbidden');
    expect((await f.app.inject({ url: '/api/items/sene-dolta' })).statusCode).toBe(404);
    const published = await call(reviewer, 'POST', '/api/workspace/records/sene-dolta/publish', { note: 'ok' }, '"v3"');
    expect(published.statusCode).toBe(200);
    expect(published.json<WorkspaceRecord>()).toMatchObject({ faceStatus: 'published', publishedVersion: 4 });
    expect((await f.app.inject({ url: '/api/items/sene-dolta' })).statusCode).toBe(200);
    const again = await call(reviewer, 'POST', '/api/workspace/records/sene-dolta/publish', {}, '"v4"');
    expect(again.statusCode).toBe(403);
  });

  it('sends back with a comment the archivist finds in my work', async () => {
    await call(archivist, 'POST', '/api/workspace/records', { item: draft('tra-vinh-ghe') });
    await call(archivist, 'POST', '/api/workspace/records/tra-vinh-ghe/submit', {}, '"v1"');
    const back = await call(reviewer, 'POST', '/api/workspace/records/tra-vinh-ghe/send-back', { comment: 'Thêm tên chùa' }, '"v2"');
    expect(back.statusCode).toBe(200);
    const work = (await call(archivist, 'GET', '/api/workspace/my-work')).json<MyWork>();
    expect(work.sentBack).toMatchObject([{ id: 'tra-vinh-ghe', comment: { body: 'Thêm tên chùa', author: { name: 'reviewer' } } }]);
    expect((await f.app.inject({ url: '/api/workspace/my-work' })).statusCode).toBe(404);
  });

  it('withdraws a published record: 410 tombstone for the public, its media refused, a community record 404', async () => {
    const mediaId = await f.mediaOf('ok-om-bok');
    expect((await f.app.inject({ url: `/api/media/${mediaId}/original` })).statusCode).toBe(200);
    const head = (await call(reviewer, 'GET', '/api/workspace/records/ok-om-bok')).json<WorkspaceRecord>();
    expect(head.media.map((m) => m.id)).toEqual([mediaId]);
    const withdrawn = await call(reviewer, 'POST', '/api/workspace/records/ok-om-bok/withdraw', { reason: 'Nhà chùa yêu cầu gỡ ảnh' }, `"v${head.version}"`);
    expect(withdrawn.statusCode).toBe(200);
    const gone = await f.app.inject({ url: '/api/items/ok-om-bok' });
    expect(gone.statusCode).toBe(410);
    expect(gone.json<TombstoneBody>()).toMatchObject({ error: { code: 'withdrawn' }, tombstone: { id: 'ok-om-bok', reason: 'Nhà chùa yêu cầu gỡ ảnh', title: [{ value: 'Lễ hội Ok Om Bok' }] } });
    expect((await f.app.inject({ url: `/api/media/${mediaId}/original` })).statusCode).toBe(404);
    const search = await f.app.inject({ url: '/api/search?q=Ok%20Om%20Bok' });
    expect(search.json<{ hits: { id: string }[] }>().hits.map((h) => h.id)).not.toContain('ok-om-bok');

    const community = await f.app.inject({ url: '/api/workspace/records/cong-dong', headers: OPERATOR });
    await f.app.inject({ method: 'POST', url: '/api/workspace/records/cong-dong/withdraw', headers: { ...OPERATOR, 'if-match': community.headers.etag as string }, payload: { reason: 'riêng' } });
    expect((await f.app.inject({ url: '/api/items/cong-dong' })).statusCode).toBe(404);
    expect((await f.app.inject({ url: '/api/items/cong-dong', headers: OPERATOR })).statusCode).toBe(200);
  });

  it('changes and removes a record’s files with If-Match, and retries a failed one', async () => {
    const mediaId = await f.mediaOf('chol-chnam-thmay');
    const head = (await call(reviewer, 'GET', '/api/workspace/records/chol-chnam-thmay')).json<WorkspaceRecord>();
    const described = await call(reviewer, 'PATCH', `/api/workspace/records/chol-chnam-thmay/media/${mediaId}`, { caption: 'Đắp núi cát', captionLang: 'vi' }, `"v${head.version}"`);
    expect(described.statusCode).toBe(200);
    expect(described.json<WorkspaceRecord>()).toMatchObject({ inRevision: true, media: [{ id: mediaId, caption: 'Đắp núi cát', captionLang: 'vi' }] });
    // The public still sees the face's caption until the revision is published.
    const publicView = await f.app.inject({ url: '/api/items/chol-chnam-thmay' });
    expect(publicView.json<{ media: { caption?: string }[] }>().media[0]?.caption).toBe('Ảnh 1');
    const removed = await call(reviewer, 'DELETE', `/api/workspace/records/chol-chnam-thmay/media/${mediaId}`, undefined, described.headers.etag);
    expect(removed.statusCode).toBe(200);
    expect(removed.json<WorkspaceRecord>().media).toEqual([]);
    expect((await f.app.inject({ url: `/api/media/${mediaId}/original` })).statusCode).toBe(200);

    const ready = await call(reviewer, 'POST', `/api/workspace/media/${mediaId}/retry`, {});
    expect(ready.statusCode).toBe(409);
    await f.archive.catalog.media.update(mediaId, { status: 'failed', error: 'damaged' });
    const retried = await call(reviewer, 'POST', `/api/workspace/media/${mediaId}/retry`, {});
    expect(retried.statusCode).toBe(200);
    expect(retried.json<FailedMedia>()).toMatchObject({ mediaId, status: 'pending', error: 'damaged' });
  });
});
