import { describe, expect, it } from 'vitest';
import { multilingualItem } from '../../../tests/support/library-items.ts';
import { bibtex, formattedReference, parseCitations, ris, toCsl } from './index.ts';

const KHMER = 'សេចក្តីសម្រេចស្តីពីការអភិរក្សពិធីបុណ្យអកអំបុក';
const CHINESE = '潮州會館保護決定';
const khmerItem = multilingualItem({ kind: 'report', title: [{ lang: 'km', value: KHMER }], library: { publisher: 'Sở Văn hoá Sóc Trăng', identifiers: [{ scheme: 'isbn', value: '9786047012345' }] } });
const chineseItem = multilingualItem({ id: 'hoi-quan', kind: 'book', title: [{ lang: 'zh', value: CHINESE }] });

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
});
