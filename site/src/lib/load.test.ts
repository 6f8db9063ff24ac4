import { describe, expect, it, vi } from 'vitest';
import { ApiError, ApiNotFoundError, ApiUnavailableError } from '../api/errors.ts';
import { load } from './load.ts';

describe('load', () => {
  it.each([
    ['the API found nothing (404)', new ApiNotFoundError('/api/items/x'), 404],
    ['the API refused the request as malformed (400, e.g. /collection/%00)', new ApiError('The API refused /api/collections/%00 with 400', 400), 404],
    ['the API is down or slow', new ApiUnavailableError('down'), 503],
    ['a bug in the page', new TypeError('x is undefined'), 503],
  ])('when %s the page answers %s', async (_name, error, status) => {
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    expect(await load(() => Promise.reject(error))).toEqual({ ok: false, status });
    quiet.mockRestore();
  });

  it('hands the data on when the calls succeed', async () => {
    expect(await load(() => Promise.resolve(7))).toEqual({ ok: true, data: 7 });
  });
});
