import { describe, expect, it } from 'vitest';
import { auditFilters, detailsText } from './audit.ts';
import { looksLikeEmail } from './fields.ts';
import { signInRedirect, stewardships } from './guard.ts';
import { passwordProblems } from './password.ts';
import { pageNumber } from './paging.ts';
import { qrSvg } from './qr.ts';
import { postedMemberships } from './roles.ts';
import { hasSessionCookie, pageCaching } from './session.ts';
import { VISIBILITY_MESSAGES, visibility } from './visibility.ts';

describe('the session cookie', () => {
  it.each([
    ['disan_session=abc', true],
    ['theme=dark; __Host-disan_session=abc', true],
    ['disan_session=', false],
    ['other_disan_session=abc', false],
    [null, false],
  ])('%j holds a session: %s', (cookie, expected) => {
    expect(hasSessionCookie(cookie)).toBe(expected);
  });
  it.each([
    [{ signedIn: true, sentSession: true, cacheControl: null }, 'private, no-store'],
    [{ signedIn: false, sentSession: true, cacheControl: 'public, max-age=60' }, 'private, no-store'],
    [{ signedIn: false, sentSession: false, cacheControl: 'public, max-age=60' }, 'public, max-age=60'],
    [{ signedIn: false, sentSession: false, cacheControl: null }, null],
  ])('%j → %s', (input, expected) => {
    expect(pageCaching(input)).toBe(expected);
  });
});

describe('pages for people only', () => {
  it('sends the anonymous to sign in, then back', () => {
    const answer = signInRedirect('km', new URL('http://site/km/admin/audit?page=2'));
    expect(answer.status).toBe(303);
    expect(answer.headers.get('location')).toBe('/km/sign-in?next=%2Fkm%2Fadmin%2Faudit%3Fpage%3D2');
  });
  it('links stewards to their communities', () => {
    const account = { memberships: [{ community: 'a', steward: true }, { community: 'b', steward: false }] } as Parameters<typeof stewardships>[0];
    expect(stewardships(account)).toEqual(['a']);
    expect(stewardships(null)).toEqual([]);
  });
});

describe('form values', () => {
  it.each([['sok@example.org', true], ['sok', false], ['a b@c', false], ['', false]])('%s looks like an email: %s', (value, expected) => {
    expect(looksLikeEmail(value)).toBe(expected);
  });
  it('makes a steward a member too, of known communities only', () => {
    expect(postedMemberships(['a', 'zzz'], ['b'], ['a', 'b', 'c'])).toEqual([{ community: 'a', steward: false }, { community: 'b', steward: true }]);
  });
  it.each([['page=3', 3], ['page=0', 1], ['page=x', 1], ['', 1]])('?%s is page %d', (query, expected) => {
    expect(pageNumber(new URLSearchParams(query))).toBe(expected);
  });
  it('reads the audit filters, dates only as days', () => {
    expect(auditFilters(new URLSearchParams('actor=+u1+&action=auth&from=2026-01-02&to=soon'))).toEqual({ actor: 'u1', target: undefined, action: 'auth', from: '2026-01-02', to: undefined });
    expect(detailsText({ roles: ['admin'], via: 'site' })).toBe('roles: ["admin"] · via: site');
  });
});

describe('passwordProblems', () => {
  it.each([
    [['Use at least 12 characters (this one has 5); a few words in a row make a good password.'], ['password.tooShort']],
    [['This is one of the most common passwords.'], ['password.common']],
    [['The password must not be your email or your name.'], ['password.personal']],
    [['Use at most 128 characters (this one has 130).'], ['password.tooLong']],
    [['This password is on a list of common passwords that attackers try first; choose another.'], ['password.common']],
    [['Something new'], ['password.weak']],
    [[], ['password.weak']],
    [['Use at least 12 characters.', 'too short again', 'a common one'], ['password.tooShort', 'password.common']],
  ])('%j → %j', (problems, ids) => {
    expect(passwordProblems(problems).map((m) => m.id)).toEqual(ids);
  });
  it('names the limits the engine applies (ingest/src/accounts/policy.ts)', () => {
    expect(passwordProblems(['Use at least 12 characters.'])[0]?.values).toEqual({ min: 12 });
    expect(passwordProblems(['Use at most 128 characters.'])[0]?.values).toEqual({ max: 128 });
  });
});

describe('visibility', () => {
  const record = (status: string, level: string, extra: object = {}) => ({ status, access: { level, ...extra } });
  it.each([
    [record('published', 'public'), null],
    [record('draft', 'public'), ['itemStatus.draft', 'visibility.staff']],
    [record('in-review', 'researchers'), ['itemStatus.in-review', 'visibility.staff']],
    [record('withdrawn', 'public'), ['itemStatus.withdrawn', 'visibility.staff']],
    [record('published', 'researchers'), [null, 'visibility.researchers']],
    [record('published', 'community', { communities: ['khmer-soc-trang'] }), [null, 'visibility.community']],
    [record('published', 'community'), [null, 'visibility.communityUnnamed']],
    [record('published', 'embargo', { embargoUntil: '2040-01-01' }), [null, 'visibility.embargo']],
    [record('published', 'metadata-only'), [null, 'visibility.metadataOnly']],
  ])('%j', (input, expected) => {
    const shown = visibility(input);
    expect(shown === null ? null : [shown.status, shown.who.id]).toEqual(expected);
  });
  it('names the communities and formats the embargo date', () => {
    expect(visibility(record('published', 'community', { communities: ['a', 'b'] }))?.who.values).toEqual({ communities: 'a, b' });
    expect(visibility(record('published', 'embargo', { embargoUntil: '2040-01-01' }), () => '1 Jan 2040')?.who.values).toEqual({ date: '1 Jan 2040' });
  });
  it('lists every message a badge may use, for the search island that draws badges in the browser', () => {
    const cases = ['draft', 'in-review', 'withdrawn', 'published'].flatMap((status) =>
      ['public', 'researchers', 'community', 'metadata-only', 'embargo'].flatMap((level) => [record(status, level), record(status, level, { communities: ['a'], embargoUntil: '2040-01-01' })]),
    );
    const used = cases.flatMap((input) => {
      const shown = visibility(input);
      return shown ? [shown.status, shown.who.id] : [];
    });
    expect([...new Set(used.filter((id) => id !== null))].sort()).toEqual(VISIBILITY_MESSAGES.filter((id) => id !== 'visibility.label').sort());
  });
});

describe('qrSvg', () => {
  it('draws an otpauth address as an SVG with no script or style', async () => {
    const svg = await qrSvg('otpauth://totp/Disan:sok%40example.org?secret=JBSWY3DPEHPK3PXP&issuer=Disan');
    expect(svg).toMatch(/^<svg[^>]*viewBox/);
    expect(svg).not.toMatch(/<script|style=/);
  });
  it('refuses anything else', async () => {
    await expect(qrSvg('https://evil.example')).rejects.toThrow(/otpauth/);
  });
});
