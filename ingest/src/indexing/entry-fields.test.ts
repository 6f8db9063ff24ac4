import type { Item } from '@disan/schemas';
import { describe, expect, it } from 'vitest';
import { toSearchDocument } from './search-document.ts';

const word: Item = {
  id: 'tuk-ngo', kind: 'word', ethnicGroups: ['khmer'], title: [{ lang: 'km', value: 'ទូកង' }],
  status: 'published', access: { level: 'public' }, version: 1, createdAt: '2024-01-01T00:00:00Z', updatedAt: '2024-01-01T00:00:00Z',
  entry: {
    language: 'km',
    headwords: [{ value: 'ទូកង', script: 'Khmr' }],
    romanisations: [{ value: 'tuk ngô', system: 'ungegn' }],
    ipa: ['tuːk ŋɔː'],
    senses: [{ glosses: [{ lang: 'vi', value: 'ghe ngo' }, { lang: 'en', value: 'ngo racing boat' }], definition: [{ lang: 'en', value: 'a long canoe rowed in the Ok Om Bok race' }] }],
  },
};

describe('toSearchDocument of a dictionary word', () => {
  const document = toSearchDocument(word, []);

  it.each([
    ['the headword', 'ទូកង'],
    ['the Khmer word inside it', 'ទូក'],
    ['the romanisation without marks', 'ngo'],
    ['the romanisation joined', 'tukngo'],
    ['a gloss word', 'racing'],
    ['a definition word', 'canoe'],
  ])('carries %s among its entry keys', (_name, key) => {
    expect(document.entryKeys).toContain(key);
  });

  it('leaves the IPA out of what it is searched by', () => {
    expect(document.entryKeys).not.toContain('tuːk');
  });

  it('carries its headword and romanisation as whole keys', () => {
    expect(document.headwordKeys).toEqual(['ទូកង', 'tukngo']);
  });

  it('adds nothing to a record that is not a word', () => {
    const festival = toSearchDocument({ ...word, kind: 'festival', entry: undefined }, []);
    expect(festival).not.toHaveProperty('entryKeys');
    expect(festival).not.toHaveProperty('headwordKeys');
  });
});
