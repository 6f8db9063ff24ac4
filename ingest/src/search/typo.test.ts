import { describe, expect, it } from 'vitest';
import { typoBudget, typos } from './typo.ts';

describe('typoBudget', () => {
  it.each([
    ['hoi', 0],
    ['chua', 0],
    ['pottery', 1],
    ['assembly', 1],
    ['assemblies', 2],
    ['អំបុក', 1],
  ] as const)('%s allows %i typos', (word, expected) => {
    expect(typoBudget(word)).toBe(expected);
  });
});

describe('typos', () => {
  it.each([
    ['same word', 'pottery', 'pottery', 1, 0],
    ['one missing letter', 'potery', 'pottery', 1, 1],
    ['one swap counts once', 'pottrey', 'pottery', 1, 1],
    ['first letter counts double', 'caturday', 'saturday', 1, null],
    ['first letter fits a budget of two', 'caturdays', 'saturdays', 2, 2],
    ['two typos over a budget of one', 'ptoetry', 'pottery', 1, null],
    ['too different in length', 'pot', 'pottery', 2, null],
  ] as const)('%s', (_name, query, word, max, expected) => {
    expect(typos(query, word, max)).toBe(expected);
  });
});
