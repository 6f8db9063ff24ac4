import type { ItemView, MediaView } from '@disan/schemas';
import { describe, expect, it } from 'vitest';
import { citationMeta, publicPdf, scholarDate } from './citation-meta.ts';
import { item } from './item.fixture.ts';

const base = 'https://d.org';
const pageUrl = 'https://d.org/en/item/bao-cao';
const pdf: MediaView = {
  id: 'd1', kind: 'document', mimeType: 'application/pdf', caption: null, width: null, height: null, durationSeconds: null, pageCount: 8,
  language: null, recordingId: null, original: '/api/media/d1/original', renditions: [], status: 'ready',
};
const report: ItemView = {
  ...item,
  id: 'bao-cao',
  kind: 'report',
  title: [{ lang: 'vi', value: 'Báo cáo lễ hội Ok Om Bok' }, { lang: 'km', value: 'របាយការណ៍' }],
  agents: [
    { name: 'Lâm, Sơn', role: 'author' },
    { name: 'Thạch Sa Rên', role: 'performer' },
    { name: 'Trần Văn B', role: 'compiler' },
  ],
  date: '2024-05-12',
  subjects: [{ lang: 'vi', value: 'cúng trăng' }],
  library: {
    publisher: 'Sở Văn hoá Sóc Trăng',
    series: { title: 'Báo cáo', number: 'BC-12' },
    identifiers: [{ scheme: 'doi', value: 'https://doi.org/10.1000/xyz' }, { scheme: 'isbn', value: '978-604-0-00000-0' }],
    subjectHeadings: [{ label: 'Lễ hội -- Sóc Trăng' }, { label: 'cúng trăng' }],
  },
  media: [pdf],
};
const tags = (view: ItemView) => citationMeta(view, { base, pageUrl });
const values = (view: ItemView, name: string) => tags(view).filter((t) => t.name === name).map((t) => t.content);

describe('citationMeta', () => {
  it('gives a report its title, each author, date, publisher, identifiers, report number, keywords and public PDF', () => {
    expect(tags(report)).toEqual([
      { name: 'citation_title', content: 'Báo cáo lễ hội Ok Om Bok' },
      { name: 'citation_author', content: 'Lâm, Sơn' },
      { name: 'citation_author', content: 'Trần Văn B' },
      { name: 'citation_publication_date', content: '2024/05/12' },
      { name: 'citation_publisher', content: 'Sở Văn hoá Sóc Trăng' },
      { name: 'citation_doi', content: '10.1000/xyz' },
      { name: 'citation_isbn', content: '978-604-0-00000-0' },
      { name: 'citation_language', content: 'km' },
      { name: 'citation_technical_report_number', content: 'BC-12' },
      { name: 'citation_technical_report_institution', content: 'Sở Văn hoá Sóc Trăng' },
      { name: 'citation_keywords', content: 'cúng trăng' },
      { name: 'citation_keywords', content: 'Lễ hội -- Sóc Trăng' },
      { name: 'citation_abstract_html_url', content: pageUrl },
      { name: 'citation_pdf_url', content: 'https://d.org/api/media/d1/original' },
    ]);
  });

  it.each([
    ['metadata-only', { access: { level: 'metadata-only' } }],
    ['for researchers', { access: { level: 'researchers' } }],
    ['under embargo', { access: { level: 'embargo', embargoUntil: '2099-01-01' } }],
    ['a draft seen by its archivist', { status: 'draft' }],
    ['without a file the viewer may open', { media: [{ ...pdf, original: null }] }],
    ['with a scan that is not a PDF', { media: [{ ...pdf, mimeType: 'image/tiff', original: '/api/media/d1/original' }] }],
  ] as const)('names no PDF for a record %s', (_case, changes) => {
    const view = { ...report, ...changes } as ItemView;
    expect(values(view, 'citation_pdf_url')).toEqual([]);
    expect(publicPdf(view)).toBeNull();
    expect(values(view, 'citation_title')).toEqual(['Báo cáo lễ hội Ok Om Bok']);
  });

  it('prefers a PDF rendition of a document to its original', () => {
    const scanned = { ...pdf, mimeType: 'image/tiff', renditions: [{ name: 'pdf', url: '/api/media/d1/pdf', mimeType: 'application/pdf', size: 1 }] };
    expect(publicPdf({ ...report, media: [scanned] })).toBe('/api/media/d1/pdf');
  });

  it('gives a thesis its institution and a periodical issue its journal, volume and issue', () => {
    const thesis: ItemView = { ...report, kind: 'thesis', library: { thesis: { degree: 'Thạc sĩ', institution: 'Đại học Cần Thơ' } } };
    expect(values(thesis, 'citation_dissertation_institution')).toEqual(['Đại học Cần Thơ']);
    expect(values(thesis, 'citation_technical_report_number')).toEqual([]);
    const issue: ItemView = { ...report, kind: 'periodical-issue', library: { issue: { periodicalTitle: 'Tạp chí Văn hoá', volume: '12', number: '3' }, identifiers: [{ scheme: 'issn', value: '0866-7330' }] } };
    expect(tags(issue).filter((t) => /journal|volume|issue|issn/u.test(t.name))).toEqual([
      { name: 'citation_issn', content: '0866-7330' },
      { name: 'citation_journal_title', content: 'Tạp chí Văn hoá' },
      { name: 'citation_volume', content: '12' },
      { name: 'citation_issue', content: '3' },
    ]);
  });

  it('dates a legal document by its day of issue and gives its number and issuing body', () => {
    const decision: ItemView = { ...report, kind: 'legal-document', date: '2024', library: { legal: { documentNumber: '1234/QĐ-UBND', documentType: 'quyet-dinh', issuingBody: 'UBND tỉnh Sóc Trăng', dateIssued: '2024-03-01' } } };
    expect(values(decision, 'citation_publication_date')).toEqual(['2024/03/01']);
    expect(values(decision, 'citation_technical_report_number')).toEqual(['1234/QĐ-UBND']);
    expect(values(decision, 'citation_publisher')).toEqual(['UBND tỉnh Sóc Trăng']);
  });

  it('gives festivals and other heritage records no citation tags', () => {
    expect(tags(item)).toEqual([]);
    expect(tags({ ...report, kind: 'craft' })).toEqual([]);
  });

  it('leaves out a date Google Scholar could not read', () => {
    expect(values({ ...report, date: '19XX' }, 'citation_publication_date')).toEqual([]);
    expect(scholarDate('2023-11')).toBe('2023/11');
    expect(scholarDate(null)).toBeNull();
  });
});
