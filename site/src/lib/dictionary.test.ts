import type { EntryView } from '@disan/schemas';
import { describe, expect, it } from 'vitest';
import { useTranslations } from '../i18n/translate.ts';
import { dictionaryLabels, entryJsonLd, glossesFor, headwordLang, isBrowseOrder, recordingSources, romanisationLang, sectionRuns, selectedLanguages } from './dictionary.ts';

describe('headwordLang', () => {
  it.each([
    ['ទូកង', 'Khmr', 'km', 'km'],
    ['龍舟', 'Hant', 'yue', 'zh-Hant'],
    ['龙舟', 'Hans', 'cmn', 'zh-Hans'],
    ['ꨓꨯꨕ', 'Cham', 'cjm', 'cjm'],
    ['tuk ngo', 'Latn', 'km', 'km-Latn'],
    ['ghe', 'Latn', 'cjm', 'cjm-Latn'],
  ] as const)('%s in %s (%s) is lang %s', (value, script, language, expected) => {
    expect(headwordLang({ value, script }, language)).toBe(expected);
  });

  it('writes a romanisation in the Latin script of the entry’s language', () => {
    expect(romanisationLang('km')).toBe('km-Latn');
    expect(romanisationLang('yue')).toBe('yue-Latn');
    expect(romanisationLang('zh-Hant')).toBe('zh-Latn');
  });
});

describe('recordingSources', () => {
  const recording = { mediaId: 'm', opus: '/api/media/m/audio-opus', mp3: '/api/media/m/audio-mp3', waveform: null, durationSeconds: 1, caption: null, speaker: null, locality: null, dialect: null, generated: false, access: { level: 'public' as const } };

  it('offers Opus first and MP3 for the browsers without it', () => {
    expect(recordingSources(recording)).toEqual([
      { src: '/api/media/m/audio-opus', type: 'audio/ogg; codecs=opus' },
      { src: '/api/media/m/audio-mp3', type: 'audio/mpeg' },
    ]);
  });

  it('leaves out a rendition still being made', () => {
    expect(recordingSources({ ...recording, opus: null })).toEqual([{ src: '/api/media/m/audio-mp3', type: 'audio/mpeg' }]);
    expect(recordingSources({ ...recording, opus: null, mp3: null })).toEqual([]);
  });
});

describe('dictionary labels', () => {
  it.each([
    ['en', 'Khmer', 'classifier', 'boats', 'Cham order'],
    ['vi', 'Tiếng Khmer', 'loại từ', 'ghe thuyền', 'Thứ tự chữ Chăm'],
    ['km', 'ភាសាខ្មែរ', 'ឯកតានាម', 'ទូក', 'លំដាប់អក្សរចាម'],
    ['zh', '高棉语', '量词', '船只', '占文字母顺序'],
  ] as const)('names the codes in %s', (lang, km, classifier, boat, cham) => {
    const labels = dictionaryLabels(useTranslations(lang));
    expect([labels.language('km'), labels.partOfSpeech('classifier'), labels.domain('boat'), labels.order('cham')]).toEqual([km, classifier, boat, cham]);
  });

  it('shows a code the site does not know as written, rather than failing', () => {
    const labels = dictionaryLabels(useTranslations('en'));
    expect(labels.language('th')).toBe('th');
    expect(labels.partOfSpeech('auxiliary')).toBe('auxiliary');
  });

  it('names a relation as seen from each side', () => {
    const labels = dictionaryLabels(useTranslations('en'));
    expect(labels.relation('compound-of', 'forward')).toBe('Compound of');
    expect(labels.relation('compound-of', 'inverse')).toBe('Compounds with this word');
    expect(labels.relation('synonym', 'inverse')).toBe('Synonyms');
  });
});

describe('query helpers', () => {
  it('keeps only known languages, each once', () => {
    expect(selectedLanguages(new URLSearchParams('language=km&language=xx&language=km&language=cjm'))).toEqual(['km', 'cjm']);
    expect(selectedLanguages(new URLSearchParams('language='))).toEqual([]);
  });

  it('knows the browse orders', () => {
    expect(['khmer', 'pinyin', 'radical', 'cham', 'vietnamese-gloss'].every(isBrowseOrder)).toBe(true);
    expect(isBrowseOrder('alphabetical')).toBe(false);
  });

  it('cuts a browse page where the section changes', () => {
    const runs = sectionRuns([{ section: 'ក', id: 1 }, { section: 'ក', id: 2 }, { section: 'ខ', id: 3 }, { section: 'ក', id: 4 }]);
    expect(runs.map((r) => [r.index, r.section, r.entries.map((e) => e.id)])).toEqual([[0, 'ក', [1, 2]], [1, 'ខ', [3]], [2, 'ក', [4]]]);
  });
});

describe('glossesFor', () => {
  const glosses = [{ lang: 'vi', value: 'ghe ngo' }, { lang: 'en', value: 'racing boat' }, { lang: 'en', value: 'long boat' }];

  it('joins the glosses in the reader’s language', () => {
    expect(glossesFor(glosses, 'en')).toEqual({ value: 'racing boat; long boat', lang: 'en', fallback: false });
  });

  it('falls back to Vietnamese, saying so', () => {
    expect(glossesFor(glosses, 'km')).toEqual({ value: 'ghe ngo', lang: 'vi', fallback: true });
    expect(glossesFor([], 'km')).toBeNull();
  });
});

describe('entryJsonLd', () => {
  const view: EntryView = {
    id: 'tuk-ngo',
    title: [{ lang: 'km', value: 'ទូកង' }],
    entry: {
      language: 'km',
      headwords: [{ value: 'ទូកង', script: 'Khmr' }],
      romanisations: [{ value: 'tuk ngo', system: 'other' }, { value: 'tuk ng', system: 'ungegn' }],
      senses: [{ glosses: [{ lang: 'vi', value: 'ghe ngo' }] }],
    },
    recordings: [],
    records: [],
    related: [],
    wordLists: [],
    status: 'published',
    access: { level: 'public' },
    version: 1,
    updatedAt: '2026-12-01T00:00:00Z',
  };

  it('describes the entry as a DefinedTerm in the dictionary’s term set', () => {
    expect(entryJsonLd(view, { pageUrl: 'https://d.org/en/dictionary/tuk-ngo', termSetUrl: 'https://d.org/en/dictionary', termSetName: 'Disan', description: 'racing boat' })).toEqual({
      '@context': 'https://schema.org',
      '@type': 'DefinedTerm',
      name: 'ទូកង',
      alternateName: ['tuk ngo', 'tuk ng'],
      description: 'racing boat',
      termCode: 'tuk-ngo',
      url: 'https://d.org/en/dictionary/tuk-ngo',
      inLanguage: 'km',
      inDefinedTermSet: { '@type': 'DefinedTermSet', name: 'Disan', url: 'https://d.org/en/dictionary' },
    });
  });

  it('leaves out what the entry does not have', () => {
    const bare = entryJsonLd({ ...view, entry: { ...view.entry, romanisations: [] } }, { pageUrl: 'u', termSetUrl: 's', termSetName: 'n', description: null });
    expect(bare).not.toHaveProperty('alternateName');
    expect(bare).not.toHaveProperty('description');
  });
});
