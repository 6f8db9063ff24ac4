import type { TextPassage } from '@disan/schemas';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiFixture, OPERATOR, type ApiFixture } from '../../../../tests/support/api-fixture.ts';

/** The words inside media, through the same door rules as the files. */
describe('GET /api/media/:mediaId/text', () => {
  let f: ApiFixture;
  const media: Record<string, string> = {};
  const pages = (mediaId: string, itemId: string, count: number): TextPassage[] =>
    Array.from({ length: count }, (_, i) => ({ mediaId, itemId, seq: i, source: 'pdf-text', page: i + 1, lang: 'vi', text: `Trang ${i + 1} của báo cáo` }));

  beforeAll(async () => {
    f = await apiFixture();
    for (const itemId of ['ok-om-bok', 'chi-mo-ta', 'ban-nhap', 'cong-dong']) {
      media[itemId] = await f.mediaOf(itemId);
      await f.archive.catalog.texts.replace(media[itemId], pages(media[itemId], itemId, 12));
    }
  }, 120_000);
  afterAll(async () => {
    await f.close();
  });

  const get = (url: string, headers: Record<string, string> = {}) => f.app.inject({ method: 'GET', url, headers });

  it('gives the public one page’s text of a public item, located, without catalog ids, cacheable', async () => {
    const response = await get(`/api/media/${media['ok-om-bok']}/text?page=7`);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      mediaId: media['ok-om-bok'],
      total: 1,
      offset: 0,
      limit: 100,
      passages: [{ seq: 6, source: 'pdf-text', page: 7, lang: 'vi', text: 'Trang 7 của báo cáo' }],
    });
    expect(response.headers['cache-control']).toBe('public, max-age=300, must-revalidate');
  });

  it('pages through every passage a window at a time, with the total', async () => {
    const body = (await get(`/api/media/${media['ok-om-bok']}/text?offset=10&limit=5`)).json<{ total: number; passages: { page: number }[] }>();
    expect(body.total).toBe(12);
    expect(body.passages.map((p) => p.page)).toEqual([11, 12]);
  });

  it.each(['ban-nhap', 'cong-dong', 'chi-mo-ta'])('answers 404 to the public for the media of %s, as for a medium that does not exist', async (itemId) => {
    const hidden = await get(`/api/media/${media[itemId]}/text`);
    const missing = await get('/api/media/m-khong-co/text');
    expect([hidden.statusCode, missing.statusCode]).toEqual([404, 404]);
    expect(hidden.body).not.toContain('Trang');
    const operator = await get(`/api/media/${media[itemId]}/text?page=2`, OPERATOR);
    expect(operator.statusCode).toBe(200);
    expect(operator.headers['cache-control']).toBe('private, no-store');
  });

  it.each([
    ['page=0', 'page'],
    ['limit=501', 'limit'],
    ['offset=-1', 'offset'],
    ['page=abc', 'page'],
  ])('refuses %s with a 400 that names %s', async (query, name) => {
    const response = await get(`/api/media/${media['ok-om-bok']}/text?${query}`);
    expect(response.statusCode).toBe(400);
    expect(response.json<{ error: { message: string } }>().error.message).toContain(name);
  });

  it('leaves the renditions of the same medium where they were', async () => {
    const thumb = await get(`/api/media/${media['ok-om-bok']}/thumb`);
    expect(thumb.statusCode).toBe(200);
    expect(thumb.headers['content-type']).toMatch(/^image\//);
  });
});
