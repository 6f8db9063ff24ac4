import { describe, expect, it } from 'vitest';
import { ApiNotFoundError, ApiRefusal } from '../api/errors.ts';
import type { Visitor } from '../api/transport.ts';
import { doneMessage, messagesOf, readForm, refusalErrors, refusalMessage, safeNext, seeOther } from './form.ts';
import { isOwnForm } from './origin.ts';

describe('safeNext', () => {
  it.each([
    ['/en/account', '/en/account'],
    ['/admin/audit?action=auth&page=2', '/admin/audit?action=auth&page=2'],
    ['//evil.example/x', '/'],
    ['/\\evil.example', '/'],
    ['https://evil.example/', '/'],
    ['javascript:alert(1)', '/'],
    ['/\tevil', '/'],
    ['', '/'],
    [null, '/'],
  ])('%j → %s', (raw, expected) => {
    expect(safeNext(raw, '/')).toBe(expected);
  });
});

describe('seeOther and the status it carries', () => {
  it('answers 303 with a known status key in the address, never text', () => {
    const answer = seeOther('/en/account', 'saved');
    expect(answer.status).toBe(303);
    expect(answer.headers.get('location')).toBe('/en/account?done=saved');
    expect(seeOther('/x?y=1', 'password').headers.get('location')).toBe('/x?y=1&done=password');
  });
  it.each([
    ['done=saved', 'done.saved'],
    ['done=<script>', null],
    ['done=constructor', null],
    ['', null],
  ])('?%s shows %s', (query, expected) => {
    expect(doneMessage(new URLSearchParams(query))).toBe(expected);
  });
});

describe('readForm', () => {
  it('reads the fields and hands the form\'s CSRF token to the visitor', async () => {
    const visitor: Visitor = {};
    const request = new Request('http://site/sign-in', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'email=+sok%40example.org+&password=+two+words+&roles=admin&roles=researcher&csrf=tok-1' });
    const form = await readForm(request, visitor);
    expect(form.text('email')).toBe('sok@example.org');
    expect(form.raw('password')).toBe(' two words ');
    expect(form.all('roles')).toEqual(['admin', 'researcher']);
    expect(form.has('code')).toBe(false);
    expect(visitor.csrfToken).toBe('tok-1');
  });
  it('reads a chosen file from a multipart form, and an empty file field as none', async () => {
    const visitor: Visitor = {};
    const body = new FormData();
    body.append('csrf', 'tok-2');
    body.append('file', new File(['00042nam a2200025 a 4500'], 'sach.mrc'));
    body.append('empty', new File([], ''));
    body.append('sheet', 'encoded-sheet');
    const form = await readForm(new Request('http://site/workspace/import-marc', { method: 'POST', body }), visitor);
    expect(form.file('file')?.name).toBe('sach.mrc');
    expect(form.file('empty')).toBeNull();
    expect(form.file('sheet')).toBeNull();
    expect(form.raw('sheet')).toBe('encoded-sheet');
    expect(visitor.csrfToken).toBe('tok-2');
  });
  it('reads a body that is not a form as an empty form', async () => {
    const form = await readForm(new Request('http://site/x', { method: 'POST', body: '{' }), {});
    expect(form.text('email')).toBe('');
  });
});

describe('refusalMessage', () => {
  const refusal = (status: number, code = 'x', retryAfterSeconds?: number) => new ApiRefusal('refused', status, { code, retryAfterSeconds: retryAfterSeconds ?? null });
  it.each([
    [refusal(401, 'invalid_credentials'), { id: 'signIn.invalid' }],
    [refusal(403, 'csrf'), { id: 'form.expired' }],
    [refusal(409), { id: 'form.conflict' }],
    [refusal(429, 'rate_limited', 90), { id: 'form.rateLimited', values: { minutes: 2 } }],
    [refusal(422), { id: 'form.invalid' }],
    [new ApiNotFoundError('/api/users/x'), { id: 'form.gone' }],
  ])('%s', (error, expected) => {
    expect(refusalMessage(error)).toEqual(expected);
  });
  it('puts a wrong current password beside its field, and any other refusal above the form', () => {
    expect(refusalErrors(refusal(403, 'wrong_password'))).toEqual({ password: { id: 'password.currentWrong' } });
    expect(refusalErrors(refusal(403, 'wrong_password'), 'current')).toEqual({ current: { id: 'password.currentWrong' } });
    expect(refusalErrors(refusal(403, 'csrf'))).toEqual({ form: { id: 'form.expired' } });
    expect(refusalErrors(refusal(429, 'rate_limited', 30))).toEqual({ form: { id: 'form.rateLimited', values: { minutes: 1 } } });
  });
  it('reads the API error body: code, problems and Retry-After', () => {
    const error = ApiRefusal.from(422, JSON.stringify({ error: { status: 422, code: 'invalid', message: 'm', requestId: 'r', problems: ['too short', 'common'] } }), '12', 'refused');
    expect([error.code, error.problems, error.retryAfterSeconds]).toEqual(['invalid', ['too short', 'common'], 12]);
    expect(ApiRefusal.from(400, '<html>', null, 'x').code).toBe('400');
  });
  it('lists one message or several', () => {
    expect(messagesOf({ id: 'form.required' })).toHaveLength(1);
    expect(messagesOf([{ id: 'form.required' }, { id: 'form.invalid' }])).toHaveLength(2);
    expect(messagesOf(undefined)).toEqual([]);
  });
});

describe('isOwnForm', () => {
  const check = (headers: Record<string, string>, method = 'POST') => isOwnForm(method, new Headers(headers), 'http://127.0.0.1:4321', 'https://disan.example.org');
  it.each([
    ['a GET', {}, 'GET', true],
    ['Sec-Fetch-Site same-origin', { 'sec-fetch-site': 'same-origin' }, 'POST', true],
    ['Sec-Fetch-Site cross-site, whatever the Origin', { 'sec-fetch-site': 'cross-site', origin: 'https://disan.example.org' }, 'POST', false],
    ['Origin of the public address (behind a TLS proxy)', { origin: 'https://disan.example.org' }, 'POST', true],
    ['Origin of the address asked', { origin: 'http://127.0.0.1:4321' }, 'POST', true],
    ['another Origin', { origin: 'https://evil.example' }, 'POST', false],
    ['no Origin at all', {}, 'POST', false],
  ])('%s', (_name, headers, method, expected) => {
    expect(check(headers, method)).toBe(expected);
  });
});
