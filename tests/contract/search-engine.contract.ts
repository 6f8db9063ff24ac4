import { FACETS, type SearchFilters, type SearchQuery, type SearchResult } from '@disan/schemas';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ValidationError } from '@disan/ingest';
import type { SearchEngine, SearchScope } from '@disan/ingest/search';
import { facetValues } from '../../ingest/src/search/filters.ts';
import { FIXTURES, fixture } from './search-fixtures.ts';
import { DICTIONARY_FIXTURES } from './dictionary-fixtures.ts';
import { LIBRARY_FIXTURES } from './library-fixtures.ts';

export type EngineFactory = () => Promise<SearchEngine>;

const ids = (result: SearchResult): string[] => result.hits.map((hit) => hit.id);

/**
 * The behaviour every search engine must show, run against the embedded engine always and
 * against Meilisearch when a server is configured.
 */
export function describeSearchEngineContract(label: string, createEngine: EngineFactory): void {
  describe(`${label}: search`, () => {
    let engine: SearchEngine;
    const search = (query: Partial<SearchQuery>, scope?: SearchScope): Promise<SearchResult> =>
      engine.search({ q: '', pageSize: 100, ...query }, scope);

    beforeAll(async () => {
      engine = await createEngine();
      await engine.clear();
      await engine.upsert(FIXTURES);
    });
    afterAll(async () => {
      await engine.close();
    });

    it.each([
      ['Vietnamese with tones', 'lễ hội đua ghe ngo', 'ok-om-bok'],
      ['Vietnamese without tones', 'le hoi dua ghe ngo', 'ok-om-bok'],
      ['mixed tones', 'lễ hoi ngo', 'ok-om-bok'],
      ['đ typed as d', 'duong thot not', 'palm-sugar'],
      ['Khmer word', 'អកអំបុក', 'ok-om-bok'],
      ['Khmer new year', 'ចូលឆ្នាំថ្មី', 'chol-chnam-thmay'],
      ['Khmer ancestors', 'សែនដូនតា', 'sene-dolta'],
      ['a Khmer word inside a compound the segmenter keeps whole', 'ទូក', 'ok-om-bok'],
      ['the other part of a Khmer compound', 'អុំ', 'ok-om-bok'],
      ['a Khmer compound by itself', 'ទូកង', 'ok-om-bok'],
      ['a Khmer word inside a compound of a title', 'ឆ្នាំ', 'chol-chnam-thmay'],
      ['simplified Han finds traditional', '关帝庙', 'quan-de-temple'],
      ['traditional Han finds traditional', '關帝廟', 'quan-de-temple'],
      ['traditional Han finds simplified', '本頭公會館', 'ong-bon-hall'],
      ['simplified lantern festival', '元宵节', 'nguyen-tieu'],
      ['one typo on a 5-8 letter word', 'lantren', 'nguyen-tieu'],
      ['one missing letter', 'lanten festival', 'nguyen-tieu'],
      ['prefix on the last word', 'ok om bo', 'ok-om-bok'],
      ['prefix while typing Vietnamese', 'đua gh', 'ok-om-bok'],
      ['alternative names', 'ooc om boc', 'ok-om-bok'],
      ['description words', 'cung trang maspero', 'ok-om-bok'],
    ])('%s: "%s" finds %s', async (_name, q, expected) => {
      expect(ids(await search({ q }))).toContain(expected);
    });

    it.each([
      ['two typos on a short word', 'ngp'],
      ['two typos on a 5-8 letter word', 'lntren'],
      ['a typo on the first letter counts twice', 'kantern'],
      ['every word is required', 'ok om bok lantern'],
      ['a finished last word is no prefix', 'ok om bo '],
    ])('%s: "%s" finds nothing', async (_name, q) => {
      expect((await search({ q })).total).toBe(0);
    });

    it('ranks the exact tones typed above folded matches', async () => {
      const found = ids(await search({ q: 'lễ hội' }));
      expect(found.slice(0, 2).sort()).toEqual(['nguyen-tieu', 'ok-om-bok']);
      expect(found).toContain('le-hoi-net-maker');
      expect(found.indexOf('le-hoi-net-maker')).toBeGreaterThan(found.indexOf('ok-om-bok'));
    });

    it('matches every tone variant when the query has no tones', async () => {
      expect(ids(await search({ q: 'le hoi' }))).toEqual(expect.arrayContaining(['ok-om-bok', 'nguyen-tieu', 'le-hoi-net-maker']));
    });

    it('ranks title matches above description matches', async () => {
      const found = ids(await search({ q: 'ong bon' }));
      expect(found[0]).toBe('ong-bon-hall');
      expect(found).toContain('nguyen-tieu');
    });

    it('counts facets over the whole filtered result set', async () => {
      const result = await search({ q: 'le', facets: [...FACETS], pageSize: 2 });
      const all = await search({ q: 'le' });
      for (const facet of FACETS) {
        const expected: Record<string, number> = {};
        for (const id of ids(all)) for (const value of facetValues(fixture(id))[facet]) expected[value] = (expected[value] ?? 0) + 1;
        expect(result.facets[facet], facet).toEqual(expected);
      }
      expect(result.hits).toHaveLength(2);
      expect(result.total).toBe(all.total);
    });

    it.each([
      ['one field', { ethnicGroups: ['hoa'] }, ['nguyen-tieu', 'ong-bon-hall', 'quan-de-temple']],
      ['AND across fields', { ethnicGroups: ['hoa'], kind: ['architecture'] }, ['ong-bon-hall', 'quan-de-temple']],
      ['OR within a field', { province: ['can-tho', 'an-giang'] }, ['palm-sugar', 'quan-de-temple']],
      ['no match', { kind: ['music'] }, []],
    ])('filters by %s', async (_name, filters, expected) => {
      expect(ids(await search({ filters })).sort()).toEqual(expected);
    });

    it.each([
      ['hides drafts', [{ status: ['published'] }], 'gom khmer', []],
      ['shows drafts without a scope', undefined, 'gom khmer', ['khmer-pottery']],
      ['ORs filter sets', [{ status: ['published'] }, { collections: ['crafts'] }], 'gom khmer', ['khmer-pottery']],
      ['hides everything with an empty scope', [], 'le hoi', []],
      ['shows a community record to its community', [{ access: ['public'] }, { access: ['community'], communities: ['khmer-an-giang'] }], 'thot not', ['palm-sugar']],
      ['hides a community record from another community', [{ access: ['public'] }, { access: ['community'], communities: ['hoa-can-tho'] }], 'thot not', []],
    ] as [string, SearchScope, string, string[]][])('scope %s', async (_name, scope, q, expected) => {
      expect(ids(await search({ q }, scope))).toEqual(expected);
    });

    it('applies the scope and the filters together', async () => {
      const result = await search({ filters: { province: ['soc-trang'] } }, [{ status: ['published'] }]);
      expect(ids(result).sort()).toEqual(['nguyen-tieu', 'ok-om-bok', 'sene-dolta']);
    });

    it.each([
      ['date:asc', ['quan-de-temple', 'nguyen-tieu', 'ong-bon-hall']],
      ['date:desc', ['nguyen-tieu', 'quan-de-temple', 'ong-bon-hall']],
      ['title', ['ong-bon-hall', 'nguyen-tieu', 'quan-de-temple']],
    ] as const)('sorts by %s (a missing year comes last)', async (sort, expected) => {
      expect(ids(await search({ filters: { ethnicGroups: ['hoa'] }, sort, lang: 'vi' }))).toEqual(expected);
    });

    it('sorts by last update, newest first', async () => {
      const found = ids(await search({ q: 'le hoi', sort: 'updated:desc' }));
      expect(found.slice(0, 2)).toEqual(['nguyen-tieu', 'ok-om-bok']);
    });

    it('finds documents within a radius', async () => {
      const result = await search({ geo: { lat: 9.6025, lon: 105.9739, radiusMeters: 10_000 } });
      expect(ids(result).sort()).toEqual(['khmer-pottery', 'nguyen-tieu', 'ok-om-bok', 'sene-dolta']);
    });

    it('pages through results without overlap', async () => {
      const first = await search({ filters: { ethnicGroups: ['khmer'] }, sort: 'date:asc', pageSize: 2, page: 1 });
      const second = await search({ filters: { ethnicGroups: ['khmer'] }, sort: 'date:asc', pageSize: 2, page: 2 });
      const whole = await search({ filters: { ethnicGroups: ['khmer'] }, sort: 'date:asc', pageSize: 4 });
      expect([...ids(first), ...ids(second)]).toEqual(ids(whole));
      expect([first.total, first.page, first.pageSize, second.page]).toEqual([5, 1, 2, 2]);
    });

    it('defaults to 20 hits a page', async () => {
      const result = await engine.search({ q: '' });
      expect([result.pageSize, result.total, result.hits.length]).toEqual([20, FIXTURES.length, FIXTURES.length]);
    });

    it.each([
      ['tones', 'le hoi dua ghe', '<mark>Lễ</mark> <mark>hội</mark>'],
      ['Khmer', 'អកអំបុក', '<mark>អកអំបុក</mark>'],
      ['a Khmer word inside a compound', 'ទូក', 'ការប្រណាំង<mark>ទូកង</mark> និង<mark>ទូកអុំ</mark>'],
      ['traditional Han', '关帝庙', '<mark>關帝廟</mark>'],
      ['HTML escaped', 'tri ton', '&lt;b&gt;<mark>Tri</mark> <mark>Tôn</mark>&lt;/b&gt; &amp;'],
    ])('marks the original spelling in snippets (%s)', async (_name, q, expected) => {
      const [hit] = (await search({ q })).hits;
      expect(hit?.snippet?.html).toContain(expected);
    });

    it('builds hits in the shared shape', async () => {
      const result = await search({ q: 'ok om bok' });
      expect(result.engine).toBe(engine.name);
      expect(result.tookMs).toBeGreaterThanOrEqual(0);
      expect(result.hits[0]).toMatchObject({ id: 'ok-om-bok', kind: 'festival', ethnicGroups: ['khmer'], geo: { lat: 9.6025, lon: 105.9739 }, thumbnail: null });
      expect(result.hits[0]?.snippet).toMatchObject({ field: 'title', lang: 'vi' });
    });

    it.each([
      'x'.repeat(10_000),
      '"unbalanced',
      'le* hoi*',
      'NEAR(le hoi, 2)',
      '-le ^hoi',
      "'; DROP TABLE docs; --",
      'title:lễ OR body:hội AND NOT',
      '{names}: "x"',
      '*',
      '()[]{}<>',
      'a b c d e f g h i j k l m n o p q r s t u v w x y z',
    ])('never fails on hostile query %#', async (q) => {
      const result = await search({ q });
      expect(result.total).toBeGreaterThanOrEqual(0);
    });

    it('rejects an unknown facet with a ValidationError', async () => {
      await expect(search({ facets: ['colour' as never] })).rejects.toBeInstanceOf(ValidationError);
    });
  });

  describe(`${label}: library records`, () => {
    let engine: SearchEngine;
    const search = (query: Partial<SearchQuery>, scope?: SearchScope): Promise<SearchResult> =>
      engine.search({ q: '', pageSize: 100, ...query }, scope);
    const PUBLISHED: SearchScope = [{ status: ['published'] }];

    beforeAll(async () => {
      engine = await createEngine();
      await engine.clear();
      await engine.upsert([...FIXTURES, ...LIBRARY_FIXTURES]);
    });
    afterAll(async () => {
      await engine.close();
    });

    it.each([
      ['as written', '45/2024/QĐ-UBND'],
      ['without diacritics', '45/2024/QD-UBND'],
      ['with spaces for the slashes', '45 2024 QĐ UBND'],
      ['in lower case', '45/2024/qđ-ubnd'],
      ['with no separator at all', '452024qdubnd'],
      ['after words', 'quyết định 45/2024/QĐ-UBND'],
    ])('finds a document by its number %s ("%s") first', async (_name, q) => {
      const found = ids(await search({ q }, PUBLISHED));
      expect(found[0]).toBe('decision-45');
      expect(found).not.toContain('decision-46');
    });

    it('ranks the document holding the number above one that cites it', async () => {
      const found = ids(await search({ q: '45/2024/QĐ-UBND' }, PUBLISHED));
      expect(found.slice(0, 2)).toEqual(['decision-45', 'plan-12']);
    });

    it.each([
      ['with hyphens', '978-604-0-12345-9'],
      ['without hyphens', '9786040123459'],
      ['with spaces', '978 604 0 12345 9'],
    ])('finds a book by its ISBN %s', async (_name, q) => {
      expect(ids(await search({ q }, PUBLISHED))[0]).toBe('book-khmer-festivals');
    });

    it('never names a hidden record found by its number', async () => {
      expect(ids(await search({ q: '47/2024/QĐ-UBND' }, PUBLISHED))).toEqual([]);
      expect(ids(await search({ q: '47/2024/QĐ-UBND' }))[0]).toBe('decision-47-draft');
    });

    it('applies filters to records found by their number', async () => {
      expect(ids(await search({ q: '452024qdubnd', filters: { documentType: ['ke-hoach'] } }, PUBLISHED))).toEqual([]);
    });

    it.each([
      ['publisher', 'khoa hoc xa hoi', 'book-khmer-festivals'],
      ['subject heading', 'nguoi khmer le hoi', 'book-khmer-festivals'],
      ['table of contents', 'mua ro bam', 'book-khmer-festivals'],
      ['signer', 'Lâm Văn Mẫn', 'decision-45'],
      ['issuing body', 'uy ban nhan dan tra vinh', 'decision-46'],
    ])('searches the catalogued text: %s', async (_name, q, expected) => {
      expect(ids(await search({ q }, PUBLISHED))).toContain(expected);
    });

    it('counts the library facets', async () => {
      const result = await search({ filters: { kind: ['legal-document'] }, facets: ['documentType', 'issuer', 'legalStatus'] }, PUBLISHED);
      expect(result.total).toBe(3);
      expect(result.facets).toEqual({
        documentType: { 'quyet-dinh': 2, 'ke-hoach': 1 },
        issuer: { 'Ủy ban nhân dân tỉnh Sóc Trăng': 2, 'Ủy ban nhân dân tỉnh Trà Vinh': 1 },
        legalStatus: { 'in-force': 2, replaced: 1 },
      });
    });

    it.each([
      [{ documentType: ['ke-hoach'] }, ['plan-12']],
      [{ legalStatus: ['replaced'] }, ['decision-46']],
      [{ issuer: ['Ủy ban nhân dân tỉnh Trà Vinh'] }, ['decision-46']],
      [{ publisher: ['Nhà xuất bản Khoa học xã hội'] }, ['book-khmer-festivals']],
      [{ subjectHeadings: ['Người Khmer -- Lễ hội'] }, ['book-khmer-festivals']],
    ] as [SearchFilters, string[]][])('filters by %j', async (filters, expected) => {
      expect(ids(await search({ filters }, PUBLISHED)).sort()).toEqual(expected);
    });
  });

  describe(`${label}: dictionary words`, () => {
    let engine: SearchEngine;
    const search = (q: string): Promise<SearchResult> => engine.search({ q, pageSize: 100 });
    beforeAll(async () => {
      engine = await createEngine();
      await engine.clear();
      await engine.upsert([...FIXTURES, ...DICTIONARY_FIXTURES]);
    });
    afterAll(async () => {
      await engine.close();
    });

    // The cross-script table (issue 14): every way a user types a word finds it.
    it.each([
      ['the Khmer headword', 'ទូកង', 'word-tuk-ngo'],
      ['the Khmer word inside a compound', 'ទូក', 'word-tuk-ngo'],
      ['the romanisation typed without marks', 'tuk ngo', 'word-tuk-ngo'],
      ['the romanisation with its marks', 'tuk ngô', 'word-tuk-ngo'],
      ['the romanisation with a hyphen', 'tuk-ngo', 'word-tuk-ngo'],
      ['the Vietnamese gloss', 'ghe ngo', 'word-tuk-ngo'],
      ['the English gloss', 'racing boat', 'word-tuk-ngo'],
      ['the Han character', '船', 'word-chuan'],
      ['pinyin without tones', 'chuan', 'word-chuan'],
      ['pinyin with its tone mark', 'chuán', 'word-chuan'],
      ['pinyin with its tone number', 'chuan2', 'word-chuan'],
      ['Jyutping without its tone number', 'syun', 'word-chuan'],
      ['the Vietnamese gloss without tones', 'thuyen', 'word-chuan'],
      ['traditional Han', '龍舟', 'word-long-zhou'],
      ['simplified Han', '龙舟', 'word-long-zhou'],
      ['pinyin with tone marks', 'lóngzhōu', 'word-long-zhou'],
      ['pinyin without tones, joined', 'longzhou', 'word-long-zhou'],
      ['pinyin without tones, syllables apart', 'long zhou', 'word-long-zhou'],
      ['Jyutping with tone numbers', 'lung4 zau1', 'word-long-zhou'],
      ['Jyutping without them', 'lung zau', 'word-long-zhou'],
      ['a Vietnamese gloss with tones', 'thuyền rồng', 'word-long-zhou'],
      ['the same gloss without tones', 'thuyen rong', 'word-long-zhou'],
      ['an English gloss', 'dragon boat', 'word-long-zhou'],
      ['an English gloss with a typo', 'dragn boat', 'word-long-zhou'],
      ['Cham in Akhar Thrah', 'ꨆꨓꨬ', 'word-kate'],
      ['Cham in Rumi', 'Katê', 'word-kate'],
      ['Cham in Rumi without marks', 'kate', 'word-kate'],
      ['Cham with a final consonant sign', 'ꨌꩌ', 'word-cam'],
      ['a Vietnamese gloss of a Cham word, without tones', 'nguoi cham', 'word-cam'],
      ['a typo in an English gloss', 'festivl', 'word-kate'],
      ['a one-character Khmer prefix', 'ទ', 'word-tuk-ngo'],
      ['a two-character Khmer prefix', 'ទូ', 'word-tuk'],
      ['a one-letter prefix', 'k', 'word-kate'],
      ['a two-letter prefix', 'ka', 'word-kate'],
      ['a two-letter prefix of a gloss', 'dr', 'word-long-zhou'],
      ['a one-character Cham prefix', 'ꨆ', 'word-kate'],
    ])('finds a word by %s: "%s"', async (_name, q, expected) => {
      expect(ids(await search(q))).toContain(expected);
    });

    it.each([
      ['its Khmer headword, above the compound holding it', 'ទូក', 'word-tuk'],
      ['its romanisation, above the compound holding it', 'tuk', 'word-tuk'],
      ['the compound itself', 'ទូកង', 'word-tuk-ngo'],
      ['the compound\'s romanisation', 'tuk ngo', 'word-tuk-ngo'],
      ['the Han character', '船', 'word-chuan'],
      ['simplified Han of a traditional headword', '龙舟', 'word-long-zhou'],
      ['pinyin syllables apart', 'long zhou', 'word-long-zhou'],
      ['Jyutping without tones', 'lung zau', 'word-long-zhou'],
      ['Akhar Thrah', 'ꨆꨓꨬ', 'word-kate'],
      ['Rumi', 'kate', 'word-kate'],
    ])('ranks the word named exactly by %s ("%s") first', async (_name, q, expected) => {
      expect(ids(await search(q))[0]).toBe(expected);
    });

    it('lists the exact word first and the compound holding it after it', async () => {
      const found = ids(await search('ទូក'));
      expect(found.indexOf('word-tuk')).toBe(0);
      expect(found).toContain('word-tuk-ngo');
      expect(found).toContain('ok-om-bok');
    });

    it('keeps an exact word out of reach of a scope that excludes it', async () => {
      const found = ids(await engine.search({ q: 'ទូក', pageSize: 100 }, [{ kind: ['festival'] }]));
      expect(found).toContain('ok-om-bok');
      expect(found).not.toContain('word-tuk');
    });

    it('narrows to words by the kind facet, as the dictionary searches', async () => {
      const result = await engine.search({ q: 'ghe', filters: { kind: ['word'] }, pageSize: 100 });
      expect(ids(result).sort()).toEqual(['word-tuk', 'word-tuk-ngo']);
    });
  });

  describe(`${label}: writes`, () => {
    let engine: SearchEngine;
    beforeAll(async () => {
      engine = await createEngine();
    });
    beforeEach(async () => {
      await engine.clear();
      await engine.upsert(FIXTURES);
    });
    afterAll(async () => {
      await engine.close();
    });

    it('counts documents', async () => {
      expect(await engine.count()).toBe(FIXTURES.length);
    });

    it('replaces a document on upsert', async () => {
      await engine.upsert([{ ...fixture('palm-sugar'), title: [{ lang: 'vi', value: 'Mật thốt nốt Tri Tôn' }], description: [] }]);
      expect(await engine.count()).toBe(FIXTURES.length);
      expect((await engine.search({ q: 'duong thot not' })).total).toBe(0);
      expect((await engine.search({ q: 'mat thot not' })).hits.map((hit) => hit.id)).toEqual(['palm-sugar']);
    });

    it('removes documents', async () => {
      await engine.remove(['palm-sugar', 'no-such-id']);
      expect(await engine.count()).toBe(FIXTURES.length - 1);
      expect((await engine.search({ q: 'thot not' })).total).toBe(0);
    });

    it('empties the index on clear', async () => {
      await engine.clear();
      expect(await engine.count()).toBe(0);
      expect((await engine.search({ q: '' })).total).toBe(0);
    });

    it('answers ping', async () => {
      await expect(engine.ping()).resolves.toBeUndefined();
    });
  });
}
