import { describe, expect, it } from 'vitest';
import { kindBlockProblems } from './kind-blocks.ts';

const entry = { language: 'km', headwords: [{ value: 'ទូកង', script: 'Khmr' as const }], senses: [{ glosses: [{ lang: 'vi', value: 'ghe ngo' }] }] };
const element = { category: 'festival' as const };

describe('kindBlockProblems', () => {
  it('accepts a word with its entry, an element with its block, and a record naming elements', () => {
    expect(kindBlockProblems({ kind: 'word', entry })).toEqual([]);
    expect(kindBlockProblems({ kind: 'element', element })).toEqual([]);
    expect(kindBlockProblems({ kind: 'festival', elements: ['ok-om-bok'] })).toEqual([]);
  });

  it('names the missing block of a word and of an element', () => {
    expect(kindBlockProblems({ kind: 'word' }).map((p) => [p.path, p.code])).toEqual([['/entry', 'entry-missing']]);
    expect(kindBlockProblems({ kind: 'element' }).map((p) => [p.path, p.code])).toEqual([['/element', 'element-missing']]);
  });

  it('refuses a block on the wrong kind, and element links on a word or an element', () => {
    expect(kindBlockProblems({ kind: 'festival', entry, element }).map((p) => p.code)).toEqual(['entry-not-word', 'element-not-element']);
    expect(kindBlockProblems({ kind: 'word', entry, elements: ['x'] }).map((p) => p.code)).toEqual(['elements-not-documentary']);
  });
});
