import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RecordDraft } from '@disan/schemas';
import { ConflictError, NotFoundError, searchArchive, type Archive } from '@disan/ingest';
import { PUBLIC, SYSTEM, type Viewer } from '@disan/ingest/access';
import { NOT_YET_ATTACHED } from '@disan/ingest/catalog';
import { NotPermittedError, VersionConflictError } from '@disan/ingest/workspace';
import { temporaryArchive } from '../support/archive.ts';

const user = (id: string, ...roles: ('admin' | 'archivist' | 'reviewer')[]): Viewer => ({ kind: 'user', id, roles, communities: [] });
const archivist = user('arch-1', 'archivist');
const archivist2 = user('arch-2', 'archivist');
const reviewer = user('rev-1', 'reviewer');
const researcher: Viewer = { kind: 'user', id: 'res-1', roles: ['researcher'], communities: [] };

let counter = 0;
const newId = (prefix = 'ws') => `${prefix}-${Date.now().toString(36)}-${(counter++).toString(36)}`;

function draft(id: string, overrides: Partial<RecordDraft> = {}): RecordDraft {
  return {
    id,
    kind: 'festival',
    ethnicGroups: ['khmer'],
    title: [
      { lang: 'vi', value: 'Lễ hội Ok Om Bok' },
      { lang: 'km', value: 'បុណ្យអកអំបុក' },
    ],
    access: { level: 'public' },
    ...overrides,
  };
}

describe('workspace engine', () => {
  let archive: Archive;
  let dispose: () => Promise<void>;
  beforeAll(async () => {
    ({ archive, dispose } = await temporaryArchive());
  });
  afterAll(() => dispose());

  const ws = () => archive.workspace;
  const findPublic = async (q: string) => (await searchArchive(archive, { q }, PUBLIC)).hits.map((h) => h.id);

  /** A medium registered for the workspace and attached by `viewer`, as an upload would. */
  async function upload(viewer: Viewer, itemId: string, name: string, options: Parameters<Archive['workspace']['media']['attach']>[3] = {}) {
    const sha = `${name.charCodeAt(0).toString(16)}${name.length.toString(16)}${(counter++).toString(16)}`.padEnd(64, 'a').slice(0, 64);
    const media = await archive.catalog.media.insert(
      { id: newId('m'), itemId, sha256: sha, mimeType: 'image/jpeg', kind: 'image', size: 10, originalName: name, originalKey: `originals/${sha}`, position: 0, status: 'pending', derivatives: [] },
      { addedInVersion: NOT_YET_ATTACHED },
    );
    return { mediaId: media.id, record: await ws().media.attach(viewer, itemId, media.id, options) };
  }

  /** Created by the archivist, submitted and published by the reviewer. */
  async function published(id = newId(), overrides: Partial<RecordDraft> = {}) {
    const created = await ws().create(archivist, draft(id, overrides));
    const submitted = await ws().submit(archivist, id, { ifMatch: created.version });
    return ws().publish(reviewer, id, { ifMatch: submitted.version });
  }

  it('creates a record as a draft, version 1, with its audit entry', async () => {
    const id = newId();
    const record = await ws().create(archivist, draft(id), { note: 'first description' });
    expect(record).toMatchObject({ version: 1, faceStatus: 'draft', publishedVersion: null, inRevision: false, item: { id, status: 'draft' }, updatedBy: { actor: 'user:arch-1' } });
    expect(record.permissions).toEqual({ edit: true, upload: true, submit: true, publish: false, sendBack: false, withdraw: false });
    const versions = await ws().versions(archivist, id);
    expect(versions?.versions).toMatchObject([{ version: 1, action: 'create', status: 'draft', note: 'first description', author: { actor: 'user:arch-1' } }]);
    expect((await archive.catalog.audit.list({ target: id })).entries.map((e) => e.action)).toEqual(['record.create']);
    await expect(ws().create(archivist, draft(id))).rejects.toBeInstanceOf(ConflictError);
    await expect(ws().create(researcher, draft(newId()))).rejects.toBeInstanceOf(NotPermittedError);
  });

  it('saves a new version from the head, refuses a stale If-Match with the current head, and writes nothing for the same content', async () => {
    const id = newId();
    await ws().create(archivist, draft(id));
    const saved = await ws().save(archivist, id, draft(id, { source: 'Sở VHTT Sóc Trăng' }), { ifMatch: 1, note: 'source' });
    expect(saved).toMatchObject({ changed: true, record: { version: 2, item: { source: 'Sở VHTT Sóc Trăng' } } });
    const stale = await ws().save(archivist2, id, draft(id, { source: 'other' }), { ifMatch: 1 }).catch((e: unknown) => e);
    expect(stale).toBeInstanceOf(VersionConflictError);
    expect((stale as VersionConflictError).current).toMatchObject({ version: 2, item: { source: 'Sở VHTT Sóc Trăng' } });
    // The same content in another field order: no version.
    const { title, ...rest } = draft(id, { source: 'Sở VHTT Sóc Trăng' });
    const same = await ws().save(archivist, id, { ...rest, title }, { ifMatch: 2 });
    expect(same).toMatchObject({ changed: false, record: { version: 2 } });
    expect((await ws().versions(archivist, id))?.versions.map((v) => v.version)).toEqual([2, 1]);
    await expect(ws().save(archivist, id, draft('another-id'), { ifMatch: 2 })).rejects.toThrow(/cannot change/);
  });

  it('keeps the published face for the public while a revision is drafted, reviewed and published', async () => {
    const id = newId();
    const face = await published(id);
    expect(face).toMatchObject({ version: 3, faceStatus: 'published', publishedVersion: 3, inRevision: false });
    expect(await findPublic('Ok Om Bok')).toContain(id);

    const revised = await ws().save(archivist, id, draft(id, { title: [{ lang: 'vi', value: 'Lễ cúng trăng' }, { lang: 'km', value: 'បុណ្យអកអំបុក' }] }), { ifMatch: 3 });
    expect(revised.record).toMatchObject({ version: 4, faceStatus: 'published', publishedVersion: 3, inRevision: true, item: { status: 'draft' } });
    // The public doors read the face: the item, and search.
    expect((await archive.catalog.items.get(id))?.title[0]?.value).toBe('Lễ hội Ok Om Bok');
    expect(await findPublic('cúng trăng')).not.toContain(id);

    const submitted = await ws().submit(archivist, id, { ifMatch: 4 });
    expect(submitted).toMatchObject({ version: 5, inRevision: true, item: { status: 'in-review' }, faceStatus: 'published' });
    await expect(ws().save(archivist, id, draft(id), { ifMatch: 5 })).rejects.toBeInstanceOf(NotPermittedError);
    await expect(ws().publish(archivist, id, { ifMatch: 5 })).rejects.toBeInstanceOf(NotPermittedError);

    const live = await ws().publish(reviewer, id, { ifMatch: 5 });
    expect(live).toMatchObject({ version: 6, inRevision: false, faceStatus: 'published', publishedVersion: 6, item: { status: 'published' } });
    expect((await archive.catalog.items.get(id))?.title[0]?.value).toBe('Lễ cúng trăng');
    expect(await findPublic('cúng trăng')).toContain(id);
    const list = await ws().versions(reviewer, id);
    expect(list?.versions.map((v) => [v.version, v.action, v.published])).toEqual([
      [6, 'publish', true],
      [5, 'submit', false],
      [4, 'edit', false],
      [3, 'publish', false],
      [2, 'submit', false],
      [1, 'create', false],
    ]);
  });

  it('sends a record back with a comment the archivist reads on the record and in my work', async () => {
    const id = newId();
    await ws().create(archivist, draft(id));
    await ws().submit(archivist, id, { ifMatch: 1 });
    await expect(ws().sendBack(archivist, id, { ifMatch: 2, comment: 'no' })).rejects.toBeInstanceOf(NotPermittedError);
    const back = await ws().sendBack(reviewer, id, { ifMatch: 2, comment: 'Thiếu tên tiếng Khmer của chùa' });
    expect(back).toMatchObject({ version: 3, item: { status: 'draft' }, faceStatus: 'draft' });
    expect(back.comments).toMatchObject([{ kind: 'send-back', body: 'Thiếu tên tiếng Khmer của chùa', version: 3, author: { actor: 'user:rev-1' } }]);
    const work = await ws().myWork(archivist);
    expect(work.sentBack.find((w) => w.id === id)).toMatchObject({ status: 'draft', comment: { body: 'Thiếu tên tiếng Khmer của chùa' } });
    expect(work.drafts.map((w) => w.id)).not.toContain(id);
    expect((await ws().myWork(archivist2)).sentBack.map((w) => w.id)).not.toContain(id);
    await expect(ws().publish(reviewer, id, { ifMatch: 3 })).rejects.toBeInstanceOf(NotPermittedError);
  });

  it('withdraws a record: the face is withdrawn, search drops it, the public gets a tombstone with the reason', async () => {
    const id = newId();
    await published(id);
    expect(await findPublic('Ok Om Bok')).toContain(id);
    await expect(ws().withdraw(archivist, id, { ifMatch: 3, reason: 'x' })).rejects.toBeInstanceOf(NotPermittedError);
    const withdrawn = await ws().withdraw(reviewer, id, { ifMatch: 3, reason: 'Gia đình người kể chuyện yêu cầu gỡ' });
    expect(withdrawn).toMatchObject({ version: 4, faceStatus: 'withdrawn', publishedVersion: null, withdrawal: { reason: 'Gia đình người kể chuyện yêu cầu gỡ' } });
    expect(await findPublic('Ok Om Bok')).not.toContain(id);
    expect(await ws().tombstone(PUBLIC, id)).toMatchObject({ id, reason: 'Gia đình người kể chuyện yêu cầu gỡ', title: draft(id).title });
    await expect(ws().withdraw(reviewer, id, { ifMatch: 4, reason: 'again' })).rejects.toBeInstanceOf(NotPermittedError);
    await expect(ws().withdraw(user('adm-1', 'admin'), id, { ifMatch: 4, reason: 'again' })).rejects.toBeInstanceOf(ConflictError);
    // Republished from the command line (a sheet or JSON Lines): no tombstone outlives the withdrawal.
    const face = await archive.catalog.items.get(id);
    if (face === null) throw new Error(`${id} is gone`);
    const { version: _version, createdAt: _created, updatedAt: _updated, ...fields } = face;
    await archive.catalog.items.upsert({ ...fields, status: 'published' }, { author: 'import' });
    expect(await ws().tombstone(PUBLIC, id)).toBeNull();
    expect(await archive.db.query('SELECT withdrawn_at, withdrawn_reason FROM items WHERE id = $1', [id])).toEqual([{ withdrawn_at: null, withdrawn_reason: null }]);

    const community = newId();
    await published(community, { access: { level: 'community', communities: ['khmer-soc-trang'] } });
    await ws().withdraw(reviewer, community, { ifMatch: 3, reason: 'cộng đồng yêu cầu' });
    expect(await ws().tombstone(PUBLIC, community)).toBeNull();
    expect(await ws().tombstone({ kind: 'user', id: 'mem', roles: ['member'], communities: ['khmer-soc-trang'] }, community)).toMatchObject({ id: community });
    // A reviewer may publish it again: the withdrawal ends.
    const back = await ws().publish(reviewer, community, { ifMatch: 4 });
    expect(back).toMatchObject({ faceStatus: 'published' });
    expect(back.withdrawal).toBeUndefined();
  });

  it('compares two versions field by field and language by language', async () => {
    const id = newId();
    await ws().create(archivist, draft(id, { places: [{ name: 'Sóc Trăng' }], ethnicGroups: ['khmer'] }));
    await ws().save(
      archivist,
      id,
      draft(id, {
        title: [
          { lang: 'vi', value: 'Lễ hội Ok Om Bok' },
          { lang: 'km', value: 'បុណ្យសំពះព្រះខែ' },
          { lang: 'zh', value: '拜月节' },
        ],
        description: [{ lang: 'vi', value: 'Lễ cúng trăng của người Khmer' }],
        places: [{ name: 'Trà Vinh' }],
        ethnicGroups: ['khmer', 'hoa'],
      }),
      { ifMatch: 1 },
    );
    const comparison = await ws().compare(archivist, id, 1, 2);
    const changes = comparison?.changes.map((c) => [c.field, c.lang ?? c.label ?? null, c.change]);
    expect(changes).toEqual(
      expect.arrayContaining([
        ['title', 'km', 'changed'],
        ['title', 'zh', 'added'],
        ['description', 'vi', 'added'],
        ['places', 'Sóc Trăng', 'removed'],
        ['places', 'Trà Vinh', 'added'],
        ['ethnicGroups', 'hoa', 'added'],
      ]),
    );
    expect(changes).not.toContainEqual(['title', 'vi', 'changed']);
    expect(comparison?.changes.find((c) => c.field === 'title' && c.lang === 'km')).toMatchObject({ before: { value: 'បុណ្យអកអំបុក' }, after: { value: 'បុណ្យសំពះព្រះខែ' } });
    expect(comparison?.delta).toBeTypeOf('object');
    expect((await ws().compare(archivist, id, 2, 2))?.changes).toEqual([]);
    expect(await ws().compare(archivist, id, 1, 9)).toBeNull();
  });

  it('shows files added in a revision to the workspace only, until the revision is published', async () => {
    const id = newId();
    await ws().create(archivist, draft(id));
    const { mediaId: first } = await upload(archivist, id, 'ghe-ngo-01.jpg');
    expect((await archive.catalog.media.listForItem(id)).map((m) => m.id)).toEqual([first]);
    const attached = (await ws().get(archivist, id))!;
    const submittedFirst = await ws().submit(archivist, id, { ifMatch: attached.version });
    await ws().publish(reviewer, id, { ifMatch: submittedFirst.version });

    const { mediaId: second, record: revised } = await upload(archivist, id, 'ghe-ngo-02.jpg');
    expect(revised).toMatchObject({ inRevision: true, item: { status: 'draft' } });
    expect(revised.media.map((m) => m.id)).toEqual([first, second]);
    expect((await archive.catalog.media.listForItem(id)).map((m) => m.id)).toEqual([first]);
    expect(await archive.catalog.media.get(second, 'face')).toBeNull();
    // Reordering in the revision leaves the face's order alone.
    const reordered = await ws().media.reorder(archivist, id, [second, first], { ifMatch: revised.version });
    expect(reordered.media.map((m) => m.id)).toEqual([second, first]);
    const removed = await ws().media.remove(archivist, id, first, { ifMatch: reordered.version });
    expect(removed.media.map((m) => m.id)).toEqual([second]);
    expect((await archive.catalog.media.listForItem(id)).map((m) => m.id)).toEqual([first]);
    const covered = await ws().media.setCover(archivist, id, second, { ifMatch: removed.version });
    const described = await ws().media.describe(archivist, id, second, { caption: 'Đua ghe ngo', captionLang: 'vi' }, { ifMatch: covered.version });
    expect(described.media).toMatchObject([{ id: second, cover: true, caption: 'Đua ghe ngo', captionLang: 'vi' }]);

    // The history says which files each version added and removed, by name, for the reader to word.
    const files = Object.fromEntries((await ws().versions(archivist, id))!.versions.filter((v) => v.files).map((v) => [v.version, v.files]));
    // Oldest first (the keys are version numbers): 01 added, 02 added in the revision, 01 removed.
    expect(Object.values(files)).toEqual([{ added: ['ghe-ngo-01.jpg'], removed: [] }, { added: ['ghe-ngo-02.jpg'], removed: [] }, { added: [], removed: ['ghe-ngo-01.jpg'] }]);
    expect((await ws().versions(archivist, id))!.versions.every((v) => v.note === undefined || !/added|removed/.test(v.note))).toBe(true);

    const submitted = await ws().submit(archivist, id, { ifMatch: described.version });
    await ws().publish(reviewer, id, { ifMatch: submitted.version });
    expect((await archive.catalog.media.listForItem(id)).map((m) => [m.id, m.caption, m.cover])).toEqual([[second, 'Đua ghe ngo', true]]);
    expect(await archive.catalog.media.get(first, 'face')).toBeNull();
    expect(await archive.catalog.media.get(first, 'all')).not.toBeNull();
  });

  it('restores an old version as a new one, with its fields and its files', async () => {
    const id = newId();
    await ws().create(archivist, draft(id));
    const { mediaId, record } = await upload(archivist, id, 'chua-doi.jpg');
    expect(record.version).toBe(2);
    const removed = await ws().media.remove(archivist, id, mediaId, { ifMatch: 2 });
    const edited = await ws().save(archivist, id, draft(id, { source: 'later' }), { ifMatch: removed.version });
    expect(edited.record).toMatchObject({ version: 4, media: [] });
    const restored = await ws().restore(archivist, id, 2, { ifMatch: 4, note: 'back to the photo' });
    expect(restored).toMatchObject({ version: 5, item: { status: 'draft' }, media: [{ id: mediaId }] });
    expect(restored.item.source).toBeUndefined();
    expect((await ws().versions(archivist, id))?.versions[0]).toMatchObject({ version: 5, action: 'restore', note: 'back to the photo' });
    expect((await archive.catalog.media.listForItem(id)).map((m) => m.id)).toEqual([mediaId]);
    expect((await ws().version(archivist, id, 3))?.media).toEqual([]);
    await expect(ws().restore(archivist, id, 99, { ifMatch: 5 })).rejects.toBeInstanceOf(NotFoundError);
  });

  it('lists my drafts, the records to review, recent changes by others and failed files with a retry', async () => {
    const mine = newId();
    await ws().create(archivist2, draft(mine));
    const waiting = newId();
    await ws().create(archivist2, draft(waiting));
    await ws().submit(archivist2, waiting, { ifMatch: 1 });
    const { mediaId } = await upload(archivist2, mine, 'hong.tif');
    await archive.catalog.media.update(mediaId, { status: 'failed', error: 'the file is damaged' });

    const work = await ws().myWork(archivist2);
    expect(work.drafts.map((w) => w.id)).toContain(mine);
    expect(work.drafts.map((w) => w.id)).not.toContain(waiting);
    expect(work.toReview).toEqual([]);
    expect(work.failedMedia).toContainEqual(expect.objectContaining({ mediaId, itemId: mine, error: 'the file is damaged', originalName: 'hong.tif' }));
    const forReviewer = await ws().myWork(reviewer);
    expect(forReviewer.toReview.map((w) => w.id)).toContain(waiting);
    expect(forReviewer.recentByOthers.map((w) => w.id)).toContain(mine);
    expect(forReviewer.recentByOthers.find((w) => w.id === mine)).toMatchObject({ updatedBy: { actor: 'user:arch-2' }, status: 'draft' });
    expect((await ws().myWork(archivist2)).recentByOthers.map((w) => w.id)).not.toContain(mine);

    const retried = await ws().media.retry(archivist2, mediaId);
    expect(retried).toMatchObject({ mediaId, status: 'pending', error: 'the file is damaged' });
    expect((await archive.catalog.media.get(mediaId))?.status).toBe('pending');
    expect(await archive.jobs.get(`image.derivatives:${mediaId}`)).toMatchObject({ status: 'queued' });
    await expect(ws().media.retry(archivist2, mediaId)).rejects.toBeInstanceOf(ConflictError);
    expect(await ws().myWork(researcher)).toEqual({ drafts: [], sentBack: [], toReview: [], recentByOthers: [], failedMedia: [] });
  });

  it('ends a revision when the command line writes the face, numbering the new version after the revision', async () => {
    const id = newId();
    await published(id);
    await ws().save(archivist, id, draft(id, { source: 'revision' }), { ifMatch: 3 });
    const imported = await archive.catalog.items.upsert({ ...draft(id, { source: 'sheet' }), status: 'published' }, { author: 'import' });
    expect(imported.item.version).toBe(5);
    const record = await ws().get(archivist, id);
    expect(record).toMatchObject({ version: 5, inRevision: false, item: { source: 'sheet' }, updatedBy: { actor: 'import' } });
    expect((await ws().versions(archivist, id))?.versions.map((v) => v.version)).toEqual([5, 4, 3, 2, 1]);
  });

  it('names people by their account', async () => {
    const account = await archive.accounts.users.create({ email: `named-${newId()}@example.org`, name: 'Thạch Sa Rên', language: 'vi', roles: ['archivist'] }, { id: 'cli' });
    const viewer: Viewer = { kind: 'user', id: account.id, roles: ['archivist'], communities: [] };
    const record = await ws().create(viewer, draft(newId()));
    expect(record.updatedBy).toEqual({ actor: `user:${account.id}`, name: 'Thạch Sa Rên' });
    const system = await ws().create(SYSTEM, draft(newId()));
    expect(system.updatedBy).toEqual({ actor: 'system', name: 'system' });
    expect(await ws().get(PUBLIC, system.item.id)).toBeNull();
  });
});
