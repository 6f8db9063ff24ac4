import { Value } from 'typebox/value';
import { describe, expect, it } from 'vitest';
import { EdtfDate, ItemInput, LanguageTag, RightsUri } from './index.ts';

const valid: ItemInput = {
  id: 'ok-om-bok',
  kind: 'festival',
  ethnicGroups: ['khmer'],
  title: [
    { lang: 'vi', value: 'Lễ hội Ok Om Bok' },
    { lang: 'km', value: 'បុណ្យអកអំបុក' },
  ],
  status: 'published',
  access: { level: 'public' },
};

describe('ItemInput', () => {
  it('accepts a festival described in Vietnamese and Khmer', () => {
    expect(Value.Check(ItemInput, valid)).toBe(true);
  });

  it.each([
    ['an unknown ethnic group code', { ethnicGroups: ['martian'] }, '/ethnicGroups/0'],
    ['an unknown kind', { kind: 'party' }, '/kind'],
    ['no title', { title: [] }, '/title'],
    ['an id with capitals and spaces', { id: 'Ok Om Bok' }, '/id'],
    ['an unknown status', { status: 'public' }, '/status'],
    ['an unknown access level', { access: { level: 'secret' } }, '/access/level'],
    ['an unknown field', { colour: 'red' }, ''],
  ])('refuses %s', (_name, patch, path) => {
    const errors = [...Value.Errors(ItemInput, { ...valid, ...patch })];
    expect(errors.map((e) => e.instancePath)).toContain(path);
  });
});

describe('EDTF dates', () => {
  it.each(['1930', '1930-04', '1930-04-13', '1930?', '1930~', '193X', '19XX', '1920/1930', '1920/..', '2024-04-13/2024-04-16'])('accepts %s', (date) => {
    expect(Value.Check(EdtfDate, date)).toBe(true);
  });
  it.each(['30', 'April 1930', '1930-4-13', '1930//1940', ''])('refuses %s', (date) => {
    expect(Value.Check(EdtfDate, date)).toBe(false);
  });
});

describe('language tags', () => {
  it.each(['vi', 'en', 'km', 'zh-Hans', 'zh-Hant', 'cjm', 'km-Latn', 'zh-Latn'])('accepts %s', (tag) => {
    expect(Value.Check(LanguageTag, tag)).toBe(true);
  });
  it.each(['vietnamese', 'v', 'zh_Hans', 'km-latn-'])('refuses %s', (tag) => {
    expect(Value.Check(LanguageTag, tag)).toBe(false);
  });
});

describe('rights URIs', () => {
  it.each(['http://rightsstatements.org/vocab/InC/1.0/', 'http://rightsstatements.org/vocab/InC-EDU/1.0/', 'https://creativecommons.org/licenses/by-sa/4.0/', 'https://creativecommons.org/publicdomain/zero/1.0/'])(
    'accepts %s',
    (uri) => {
      expect(Value.Check(RightsUri, uri)).toBe(true);
    },
  );
  it.each(['all rights reserved', 'https://example.org/licence'])('refuses %s', (uri) => {
    expect(Value.Check(RightsUri, uri)).toBe(false);
  });
});
