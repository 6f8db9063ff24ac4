import { describe, expect, it } from 'vitest';
import { canSeeUpload, PUBLIC, SYSTEM, type Viewer } from './index.ts';

const user = (id: string, ...roles: ('admin' | 'archivist' | 'reviewer')[]): Viewer => ({ kind: 'user', id, roles, communities: [] });

describe('canSeeUpload', () => {
  it.each([
    ['its uploader', user('a1', 'archivist'), true],
    ['another archivist', user('a2', 'archivist'), false],
    ['a reviewer', user('r1', 'reviewer'), false],
    ['an admin', user('ad', 'admin'), true],
    ['the operator', SYSTEM, true],
    ['the public', PUBLIC, false],
  ] as const)('%s: %s', (_who, viewer, expected) => {
    expect(canSeeUpload(viewer, { accountId: 'a1' })).toBe(expected);
  });
});
