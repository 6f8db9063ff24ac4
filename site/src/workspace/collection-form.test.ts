import type { Collection } from '@disan/schemas';
import { describe, expect, it } from 'vitest';
import { applyCollectionIntent, blankCollection, collectionFormOf, judgeCollection, orderFrom } from './collection-form.ts';

const collection: Collection = {
  id: 'le-hoi-khmer',
  title: [{ lang: 'vi', value: 'Lễ hội Khmer' }, { lang: 'km', value: 'ពិធីបុណ្យខ្មែរ' }],
  status: 'published',
  access: { level: 'public' },
  cover: { itemId: 'ok-om-bok' },
  itemOrder: ['ok-om-bok', 'chol-chnam-thmay'],
};

describe('the collection form', () => {
  it('describes a collection in several languages and keeps its cover and order', () => {
    const form = { ...collectionFormOf(collection), description: [{ lang: 'zh-Hans', value: '高棉族节日' }] };
    expect(judgeCollection(form, collection)).toEqual({ collection: { ...collection, description: [{ lang: 'zh-Hans', value: '高棉族节日' }] } });
  });

  it('shows the schema\'s problems beside their fields', () => {
    expect(judgeCollection({ ...blankCollection('vi'), id: 'Lễ hội' })).toEqual({ errors: { id: { id: 'editor.error.id' }, 'title-0-value': { id: 'editor.error.required' } } });
  });

  it('makes a collection a word list, and leaves a plain one without the field', () => {
    const list = judgeCollection({ ...collectionFormOf(collection), type: 'word-list' }, collection);
    expect(list).toEqual({ collection: { ...collection, type: 'word-list' } });
    expect(collectionFormOf({ ...collection, type: 'word-list' }).type).toBe('word-list');
    expect(judgeCollection(collectionFormOf(collection), collection)).toEqual({ collection });
    expect(judgeCollection({ ...collectionFormOf(collection), type: 'glossary' }, collection)).toEqual({ errors: { type: { id: 'editor.error.choice' } } });
  });

  it('adds a language row without saving', () => {
    expect(applyCollectionIntent(blankCollection('km'), 'add:description')?.description).toEqual([{ lang: '', value: '' }]);
    expect(applyCollectionIntent(blankCollection('km'), 'save')).toBeNull();
  });

  it.each([
    [{ a: '3', b: '1', c: '2' }, ['b', 'c', 'a']],
    [{ a: '2', b: '2', c: '1' }, ['c', 'a', 'b']],
    [{ a: '', b: 'x', c: '0' }, ['c', 'a', 'b']],
  ])('orders by the positions typed: %o', (positions, expected) => {
    expect(orderFrom(['a', 'b', 'c'], (id) => (positions as Record<string, string>)[id] ?? '')).toEqual(expected);
  });
});
