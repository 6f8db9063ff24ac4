import type { Collection, CollectionList, CollectionView } from '@disan/schemas';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiFixture, OPERATOR, type ApiFixture } from '../../../../tests/support/api-fixture.ts';

/**
 * A collection's cover, chosen in the workspace, on the public doors: shown as the chosen
 * record's picture to whoever may see that record's files, and to nobody else.
 */
describe('collection covers', () => {
  let fixture: ApiFixture;

  beforeAll(async () => {
    fixture = await apiFixture();
  });
  afterAll(async () => {
    await fixture.close();
  });

  /** Chosen as in the workspace (which also clears the public answers' cache). */
  const describeCollection = async (change: (collection: Collection) => Collection) => {
    const collection = await fixture.archive.catalog.collections.get('khmer-festivals');
    if (collection === null) throw new Error('the fixture has no khmer-festivals');
    const response = await fixture.app.inject({ method: 'PUT', url: '/api/workspace/collections/khmer-festivals', headers: OPERATOR, payload: change(collection) });
    expect(response.statusCode, response.body).toBe(200);
  };
  const coverFor = (itemId: string, mediaId?: string) => describeCollection((c) => ({ ...c, cover: { itemId, ...(mediaId === undefined ? {} : { mediaId }) } }));
  const view = async (headers: Record<string, string> = {}) => (await fixture.app.inject({ method: 'GET', url: '/api/collections/khmer-festivals', headers })).json<CollectionView>().collection.cover;
  const listed = async (headers: Record<string, string> = {}) =>
    (await fixture.app.inject({ method: 'GET', url: '/api/collections', headers })).json<CollectionList>().collections.find((c) => c.id === 'khmer-festivals')?.cover;

  it('shows a public record’s picture, in the list and on the collection, and the URL answers', async () => {
    const mediaId = await fixture.mediaOf('ok-om-bok');
    await coverFor('ok-om-bok');
    const cover = await view();
    expect(cover).toMatch(new RegExp(`^/api/media/${mediaId}/`));
    expect(await listed()).toBe(cover);
    expect((await fixture.app.inject({ method: 'GET', url: cover ?? '' })).statusCode).toBe(200);
    await coverFor('ok-om-bok', mediaId);
    expect(await view()).toBe(cover);
  });

  it('shows nothing where the viewer may not see the record’s files: a community record, a draft', async () => {
    for (const itemId of ['cong-dong', 'ban-nhap']) {
      await coverFor(itemId);
      expect(await view(), itemId).toBeNull();
      expect(await listed(), itemId).toBeNull();
    }
    // The operator may see the draft's files.
    await coverFor('ban-nhap');
    expect(await view(OPERATOR)).toMatch(/^\/api\/media\//);
  });

  it('is null when none was chosen', async () => {
    await describeCollection(({ cover: _cover, ...rest }) => rest);
    expect(await view()).toBeNull();
  });
});
