import { describe, expect, it } from 'vitest';
import { refusalKey } from './refusal.ts';

describe('refusalKey', () => {
  it.each([
    [413, 'too_large', 'uploads.refused.tooLarge'],
    [413, 'quota_exceeded', 'uploads.refused.quota'],
    [0, '', 'uploads.refused.network'],
    [502, 'api_unavailable', 'uploads.refused.network'],
    [401, 'unauthenticated', 'uploads.refused.expired'],
    [403, 'csrf', 'uploads.refused.expired'],
    [403, 'forbidden', 'uploads.refused.other'],
    [404, 'not_found', 'uploads.refused.other'],
  ])('%i %s: %s', (status, code, key) => {
    expect(refusalKey(status, code)).toBe(key);
  });
});
