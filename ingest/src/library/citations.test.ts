import { describe, expect, it } from 'vitest';
import { multilingualItem } from '../../../tests/support/library-items.ts';
import { CITATION_STYLES } from '@disan/schemas';
import { bibtex, CITATION_STYLE_LABELS, cslLocale, formattedReference, formattedReferences, parseCitations, ris, toCsl } from './index.ts';

const KHMER = 'សេចក្តីសម្រេចស្តីពីការអភិរក្សពិធីបុណ្យអកអំបុក';
const CHINESE = '潮州會館保護決定';
const khmerItem = multilingualItem({ kind: 'report', title: [{ lang: 'km', value: KHMER }], library: { publisher: 'Sở Văn hoá Sóc Trăng', identifiers: [{ scheme: 'isbn', value: '9786047012345' }] } });
const chineseItem = multilingualItem({ id: 'hoi-quan', kind: 'book', title: [{ lang: 'zh', value: CHINESE }] });
/** A book whose author and publisher are written in Khmer and Chinese script, not only its title. */
const scriptsItem = multilingualItem({
  id: 'sach-song-ngu',
  kind: 'book',
  title: [{ lang: 'km', value: KHMER }],
  agents: [{ name: 'សុខ ចាន់', role: 'author' }, { name: '林, 國華', role: 'author' }],
  library: { publisher: '潮州會館出版社', publicationPlace: 'ភ្នំពេញ' },
});

describe('citations', () => {
  it('files each kind under its CSL type and keeps authors, year, publisher and identifiers', () => {
    const csl = toCsl(multilingualItem(), { recordUrl: 'https://disan.example/vi/item/qd-45-2024' });
    expect(csl).toMatchObject({ type: 'legislation', number: '45/2024/QĐ-UBND', ISBN: '9786047012345', DOI: '10.1234/disan.45', URL: 'https://disan.example/vi/item/qd-45-2024', issued: { 'date-parts': [[2024]] } });
    expect(csl.author).toEqual([{ family: 'Trần', given: 'Văn Bình' }]);
    expect(csl.editor).toEqual([{ literal: 'Lâm Sóc Kha' }]);
    expect(toCsl(khmerItem).type).toBe('report');
  });

  it('exports BibTeX that citation-js reads back into the same record, Khmer and Chinese titles intact', () => {
    const text = bibtex([toCsl(khmerItem), toCsl(chineseItem)]);
    expect(text).toContain(KHMER);
    const back = parseCitations(text);
    expect(back.map((entry) => entry.title)).toEqual([KHMER, CHINESE]);
    expect(back[0]).toMatchObject({ type: 'report', publisher: 'Sở Văn hoá Sóc Trăng', ISBN: '9786047012345' });
  });

  it('exports RIS that citation-js reads back into the same record, Khmer and Chinese titles intact', () => {
    const text = ris([toCsl(khmerItem), toCsl(chineseItem)]);
    expect(text).toMatch(/^TY {2}- RPRT/m);
    const back = parseCitations(text);
    expect(back.map((entry) => entry.title)).toEqual([KHMER, CHINESE]);
    expect(back[0]).toMatchObject({ type: 'report', publisher: 'Sở Văn hoá Sóc Trăng' });
  });

  // The first reference loads the style and locale: slow on a busy machine.
  it('formats an APA reference with the author, year and title', { timeout: 60_000 }, () => {
    const reference = formattedReference(toCsl(multilingualItem({ kind: 'report' })), { style: 'apa', lang: 'vi' });
    expect(reference).toMatch(/^Trần,? V\. B\. \(2024\)\. Quyết định/);
    expect(reference).toContain('Quyết định về bảo tồn lễ hội Ok Om Bok');
    expect(formattedReference(toCsl(chineseItem), { style: 'apa', format: 'html' })).toContain(CHINESE);
  });

  it('keeps Khmer and Chinese authors, publisher and place through BibTeX and RIS, with the record id as the BibTeX key', () => {
    for (const text of [bibtex([toCsl(scriptsItem)]), ris([toCsl(scriptsItem)])]) {
      const [back] = parseCitations(text);
      expect(back).toMatchObject({ title: KHMER, publisher: '潮州會館出版社', 'publisher-place': 'ភ្នំពេញ' });
      // A name without a comma (kept whole by toCsl) comes back as a family name: its text is what must survive.
      const names = (back?.author as { family?: string; given?: string; literal?: string }[]).map((name) => name.literal ?? [name.family, name.given].filter(Boolean).join(', '));
      expect(names).toEqual(['សុខ ចាន់', '林, 國華']);
    }
    const keys = parseCitations(bibtex([toCsl(khmerItem), toCsl(chineseItem), toCsl(scriptsItem)])).map((entry) => entry['citation-key']);
    expect(keys).toEqual(['qd_45_2024', 'hoi_quan', 'sach_song_ngu']);
  });

  // Chicago is not bundled with citation-js: it is Debian's chicago-author-date.csl (CSL_DATA_DIR).
  it('formats every style, Chicago (author-date) included, each with its label', { timeout: 120_000 }, () => {
    const csl = toCsl(multilingualItem({ kind: 'report' }));
    const chicago = formattedReference(csl, { style: 'chicago', lang: 'en' });
    expect(chicago).toMatch(/^Trần,? Văn Bình\. 2024\. “?Quyết định về bảo tồn lễ hội Ok Om Bok/);
    expect(chicago).toContain('Edited by Lâm Sóc Kha');
    for (const style of CITATION_STYLES) {
      expect(CITATION_STYLE_LABELS[style].length).toBeGreaterThan(2);
      expect(formattedReference(csl, { style, lang: 'en' }), style).toContain('Quyết định về bảo tồn lễ hội Ok Om Bok');
    }
    expect(CITATION_STYLE_LABELS.chicago).toBe('Chicago (author-date)');
    // All styles at once (the citations route): the same references, and HTML beside the text.
    const all = formattedReferences(csl, 'en');
    expect(all.map((entry) => [entry.style, entry.label, entry.text])).toEqual(CITATION_STYLES.map((style) => [style, CITATION_STYLE_LABELS[style], formattedReference(csl, { style, lang: 'en' })]));
    expect(all.every((entry) => entry.html.startsWith('<div class="csl-bib-body">'))).toBe(true);
  });

  it("uses the CSL project's vi-VN, km-KH and zh-CN locales for the reader's language, and en-US where CSL has none", { timeout: 120_000 }, () => {
    expect([cslLocale('vi'), cslLocale('km'), cslLocale('zh'), cslLocale('zh-Hans'), cslLocale('en'), cslLocale('ja'), cslLocale()]).toEqual(['vi-VN', 'km-KH', 'zh-CN', 'zh-CN', 'en-US', 'en-US', 'en-US']);
    const csl = toCsl(multilingualItem({ kind: 'report' }));
    expect(formattedReference(csl, { style: 'chicago', lang: 'vi' })).toContain('Biên tập bởi Lâm Sóc Kha');
    expect(formattedReference(csl, { style: 'chicago', lang: 'zh' })).toContain('编辑 Lâm Sóc Kha');
    // km-KH is registered, but upstream has not translated its terms yet: its dates are Khmer, its words English.
    expect(formattedReference(csl, { style: 'chicago', lang: 'km' })).toContain('Edited by Lâm Sóc Kha');
    // Japanese has a CSL locale upstream, but Disan does not vendor it: the reference is the en-US one.
    expect(formattedReference(csl, { style: 'harvard1', lang: 'ja' })).toBe(formattedReference(csl, { style: 'harvard1', lang: 'en' }));
  });

  it("gives citeproc the title's language when the record names none, so a Vietnamese title is not Title-Cased as English", { timeout: 120_000 }, () => {
    const csl = toCsl(multilingualItem({ kind: 'report', languages: [], title: [{ lang: 'vi', value: 'Lễ hội của người Khmer' }] }));
    expect(csl.language).toBe('vi');
    expect(formattedReference(csl, { style: 'chicago', lang: 'en' })).toContain('Lễ hội của người Khmer');
    expect(formattedReference({ ...csl, language: 'en' }, { style: 'chicago', lang: 'en' })).toContain('Lễ Hội Của Người Khmer');
  });
});
