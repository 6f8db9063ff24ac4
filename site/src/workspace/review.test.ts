import type { FieldChange, VersionSummary } from '@disan/schemas';
import { describe, expect, it } from 'vitest';
import type { PostedForm } from '../forms/form.ts';
import { comparisonRow, defaultPair, displayValue, fieldLabel, postedStep, reviewDone, stateLabel, versionPair } from './review.ts';
import { wordDiff, wordsOf } from './word-diff.ts';

const form = (fields: Record<string, string>): PostedForm => ({
  text: (name) => (fields[name] ?? '').trim(),
  raw: (name) => fields[name] ?? '',
  all: (name) => (name in fields ? [fields[name] ?? ''] : []),
  has: (name) => name in fields,
});

describe('wordDiff', () => {
  it.each([
    ['English words', 'a red hat', 'a blue hat', 'en', [['same', 'a '], ['removed', 'red'], ['added', 'blue'], ['same', ' hat']]],
    ['Vietnamese syllables', 'Lễ hội Ok Om Bok ở Sóc Trăng', 'Lễ hội Ok Om Bok ở Trà Vinh', 'vi', [['same', 'Lễ hội Ok Om Bok ở '], ['removed', 'Sóc Trăng'], ['added', 'Trà Vinh']]],
    ['Khmer, written without spaces', 'ពិធីបុណ្យអកអំបុក', 'ពិធីបុណ្យសែនដូនតា', 'km', [['same', 'ពិធីបុណ្យ'], ['removed', 'អកអំបុក'], ['added', 'សែនដូនតា']]],
    ['Chinese, written without spaces', '中秋节的庆祝活动', '春节的庆祝活动', 'zh', [['removed', '中秋节'], ['added', '春节'], ['same', '的庆祝活动']]],
    ['a text added', '', 'new words', 'en', [['added', 'new words']]],
    ['the same text', 'same', 'same', 'en', [['same', 'same']]],
  ] as const)('marks only the changed words: %s', (_name, before, after, locale, expected) => {
    expect(wordDiff(before, after, locale).map((p) => [p.op, p.text])).toEqual(expected);
  });

  it('keeps every character of both texts', () => {
    const before = 'Người Khmer ở Sóc Trăng tổ chức lễ hội vào rằm tháng mười âm lịch, với đua ghe ngo trên sông.';
    const after = 'Người Khmer ở Trà Vinh và Sóc Trăng tổ chức lễ hội vào rằm tháng mười, với đua ghe ngo và thả đèn nước.';
    const parts = wordDiff(before, after, 'vi');
    expect(parts.filter((p) => p.op !== 'added').map((p) => p.text).join('')).toBe(before);
    expect(parts.filter((p) => p.op !== 'removed').map((p) => p.text).join('')).toBe(after);
    expect(parts.some((p) => p.op === 'same' && p.text.includes('tổ chức lễ hội vào rằm tháng mười'))).toBe(true);
  });

  it('compares texts with more distinct words than characters can name as a whole', () => {
    const many = (prefix: string) => Array.from({ length: 40_000 }, (_, i) => `${prefix}${i}`).join(' ');
    const parts = wordDiff(many('a'), many('b'), 'en');
    expect(parts.map((p) => p.op)).toEqual(['removed', 'added']);
  });

  it('splits words by the script\'s rules', () => {
    expect(wordsOf('Ok Om Bok', 'vi')).toEqual(['Ok', ' ', 'Om', ' ', 'Bok']);
    expect(wordsOf('ពិធីបុណ្យអកអំបុក', 'km').length).toBeGreaterThan(1);
  });
});

describe('the review pages\' helpers', () => {
  it.each([
    ['draft', false, 'review.state.draft'],
    ['in-review', false, 'review.state.in-review'],
    ['published', false, 'review.state.published'],
    ['withdrawn', false, 'review.state.withdrawn'],
    ['draft', true, 'review.state.revision'],
    ['in-review', true, 'review.state.revisionInReview'],
  ] as const)('names the state %s (in revision: %s)', (status, inRevision, id) => {
    expect(stateLabel(status, inRevision)).toBe(id);
  });

  it('names known fields and leaves unknown ones to the API\'s name', () => {
    expect(fieldLabel('title')).toBe('review.field.title');
    expect(fieldLabel('media')).toBe('review.field.media');
    expect(fieldLabel('constructor')).toBeNull();
  });

  it('says only known outcomes after a redirect', () => {
    expect(reviewDone(new URLSearchParams('done=withdrawn'))).toBe('review.done.withdrawn');
    expect(reviewDone(new URLSearchParams('done=<script>'))).toBeNull();
    expect(reviewDone(new URLSearchParams('done=toString'))).toBeNull();
  });

  it.each([
    [{ step: 'submit', version: '3' }, { ok: true, version: 3, step: { step: 'submit', note: undefined } }],
    [{ step: 'publish', version: '4', note: ' checked ' }, { ok: true, version: 4, step: { step: 'publish', note: 'checked' } }],
    [{ step: 'send-back', version: '4', comment: 'Sửa tên tiếng Khmer' }, { ok: true, version: 4, step: { step: 'send-back', comment: 'Sửa tên tiếng Khmer' } }],
    [{ step: 'send-back', version: '4', comment: '   ' }, { ok: false, errors: { comment: { id: 'form.required' } } }],
    [{ step: 'withdraw', version: '9', reason: '' }, { ok: false, errors: { reason: { id: 'form.required' } } }],
    [{ step: 'withdraw', version: '9', reason: 'Gia đình yêu cầu' }, { ok: true, version: 9, step: { step: 'withdraw', reason: 'Gia đình yêu cầu' } }],
    [{ step: 'delete', version: '9' }, { ok: false, errors: { form: { id: 'form.invalid' } } }],
    [{ step: 'submit', version: 'v3' }, { ok: false, errors: { form: { id: 'form.invalid' } } }],
  ])('reads the posted step %j', (fields, expected) => {
    expect(postedStep(form(fields))).toEqual(expected);
  });

  it('compares two known, different versions, the older first', () => {
    const versions = [6, 5, 4, 3, 2, 1];
    expect(versionPair(new URLSearchParams('from=5&to=2'), versions)).toEqual({ from: 2, to: 5 });
    expect(versionPair(new URLSearchParams('from=2&to=2'), versions)).toBeNull();
    expect(versionPair(new URLSearchParams('from=2&to=9'), versions)).toBeNull();
    expect(versionPair(new URLSearchParams('from=x'), versions)).toBeNull();
  });

  it('starts the comparison at the public\'s version, else the one before the newest', () => {
    const v = (version: number, published: boolean): VersionSummary => ({ version, action: 'edit', status: 'draft', author: { actor: 'import', name: 'import' }, createdAt: '2026-12-01T00:00:00Z', published });
    expect(defaultPair([v(5, false), v(4, false), v(3, true), v(2, false)])).toEqual({ from: 3, to: 5 });
    expect(defaultPair([v(5, true), v(4, false)])).toEqual({ from: 4, to: 5 });
    expect(defaultPair([v(1, false)])).toBeNull();
  });

  it.each([
    [null, ''],
    ['text', 'text'],
    [3, '3'],
    [{ lang: 'km', value: 'បុណ្យ' }, 'បុណ្យ'],
    [[{ lang: 'vi', value: 'a' }, { lang: 'en', value: 'b' }], 'a; b'],
    [{ id: 'soc-trang', name: 'Sóc Trăng' }, 'Sóc Trăng'],
    [{ id: 'm1', originalName: 'den.jpg', kind: 'image' }, 'den.jpg'],
    [{ level: 'community', communities: ['khmer'] }, 'level: community, communities: khmer'],
  ])('shows the value %j as text', (value, text) => {
    expect(displayValue(value)).toBe(text);
  });

  it.each<[string, FieldChange, [string, string][], [string, string][]]>([
    ['a changed Khmer title word by word', { field: 'title', lang: 'km', change: 'changed', before: 'ពិធីបុណ្យអកអំបុក', after: 'ពិធីបុណ្យសែនដូនតា' }, [['same', 'ពិធីបុណ្យ'], ['removed', 'អកអំបុក']], [['same', 'ពិធីបុណ្យ'], ['added', 'សែនដូនតា']]],
    ['an added language', { field: 'title', lang: 'zh', change: 'added', after: '月亮节' }, [], [['added', '月亮节']]],
    ['a removed place', { field: 'places', label: 'Sóc Trăng', change: 'removed', before: { id: 'soc-trang', name: 'Sóc Trăng' } }, [['removed', 'Sóc Trăng']], []],
    ['a moved file', { field: 'media', label: 'a.jpg', change: 'moved', before: 0, after: 2 }, [['same', 'position 1']], [['same', 'position 3']]],
    ['a changed localized text as the API sends it', { field: 'title', lang: 'vi', change: 'changed', before: { lang: 'vi', value: 'Lễ cúng trăng' }, after: { lang: 'vi', value: 'Lễ cúng trăng rằm' } }, [['same', 'Lễ cúng trăng']], [['same', 'Lễ cúng trăng'], ['added', ' rằm']]],
  ])('shows %s', (_name, change, before, after) => {
    const row = comparisonRow(change, { position: (n) => `position ${n}` });
    expect(row.before.map((p) => [p.op, p.text])).toEqual(before);
    expect(row.after.map((p) => [p.op, p.text])).toEqual(after);
  });
});
