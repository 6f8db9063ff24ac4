import type { Collection, StaffCollectionList } from '@disan/schemas';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiFixture, OPERATOR, type ApiFixture } from '../../../../tests/support/api-fixture.ts';

/** A collection made a dictionary word list in the workspace (issue 14): the type is kept and answered; an unknown one is refused. */
describe('word lists in the workspace', () => {
  let fixture: ApiFixture;

  beforeAll(async () => {
    fixture = await apiFixture();
  });
  afterAll(async () => {
    await fixture.close();
  });

  const put = async (change: (collection: Collection) => Record<string, unknown>) => {
    const collection = await fixture.archive.catalog.collections.get('khmer-festivals');
    if (collection === null) throw new Error('the fixture has no khmer-festivals');
    return fixture.app.inject({ method: 'PUT', url: '/api/workspace/collections/khmer-festivals', headers: OPERATOR, payload: change(collection) });
  };
  const staffType = async () => (await fixture.app.inject({ method: 'GET', url: '/api/workspace/collections', headers: OPERATOR })).json<StaffCollectionList>().collections.find((c) => c.id === 'khmer-festivals')?.type;

  it('keeps a collection\'s type word-list and answers it, and turns it back into a plain collection', async () => {
    const response = await put((c) => ({ ...c, type: 'word-list' }));
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json<Collection>().type).toBe('word-list');
    expect(await staffType()).toBe('word-list');
    expect((await put((c) => ({ ...c, type: 'collection' }))).statusCode).toBe(200);
    expect(await staffType()).toBe('collection');
  });

  it('refuses a type it does not know', async () => {
    expect((await put((c) => ({ ...c, type: 'glossary' }))).statusCode).toBe(400);
  });
});
