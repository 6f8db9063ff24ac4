import type { ItemView } from '@disan/schemas';
import { describe, expect, it } from 'vitest';
import { itemJsonLd } from './jsonld.ts';
import { pagesOfExtent } from './jsonld-library.ts';
import { item } from './item.fixture.ts';

const pageUrl = 'https://d.org/en/item/sach';
const recordUrl = (id: string) => `https://d.org/en/item/${id}`;
const jsonLd = (changes: Partial<ItemView>) => itemJsonLd({ ...item, places: [], ...changes }, { base: 'https://d.org', pageUrl, images: [], recordUrl });

describe('itemJsonLd for library records', () => {
  it('describes a book with its ISBN, edition, pages, publisher, datePublished and authors, editors and translators', () => {
    const doc = jsonLd({
      kind: 'book',
      date: '2019',
      agents: [
        { name: 'Trần Văn A', role: 'author' },
        { name: 'Lê Thị B', role: 'editor' },
        { name: 'Sơn Ngọc C', role: 'translator' },
      ],
      library: { publisher: 'NXB Văn hoá Dân tộc', edition: 'Tái bản lần 2', extent: '215 tr. ; 24 cm', identifiers: [{ scheme: 'isbn', value: '978-604-70-0000-1' }] },
    });
    expect(doc).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'Book',
      isbn: '978-604-70-0000-1',
      bookEdition: 'Tái bản lần 2',
      numberOfPages: 215,
      datePublished: '2019',
      publisher: { '@type': 'Organization', name: 'NXB Văn hoá Dân tộc' },
      author: [{ '@type': 'Person', name: 'Trần Văn A' }],
      editor: [{ '@type': 'Person', name: 'Lê Thị B' }],
      translator: [{ '@type': 'Person', name: 'Sơn Ngọc C' }],
    });
    expect(doc).not.toHaveProperty('dateCreated');
    expect(doc).not.toHaveProperty('creator');
  });

  it('gives a report its number', () => {
    const doc = jsonLd({ kind: 'report', library: { series: { title: 'Báo cáo khảo sát', number: 'BC-12' } } });
    expect(doc['@type']).toBe('Report');
    expect(doc.reportNumber).toBe('BC-12');
  });

  it('describes a legal document as Legislation: number, type, body, date, force and its relations', () => {
    const doc = jsonLd({
      kind: 'legal-document',
      date: '2024',
      library: {
        legal: {
          documentNumber: '56/KH-UBND',
          documentType: 'ke-hoach',
          issuingBody: 'UBND tỉnh Sóc Trăng',
          dateIssued: '2024-03-01',
          legalStatus: 'amended',
          relations: [
            { type: 'implements', itemId: 'quyet-dinh-1234', documentNumber: '1234/QĐ-UBND' },
            { type: 'replaces', documentNumber: '12/KH-UBND', title: 'Kế hoạch cũ' },
          ],
        },
      },
    });
    expect(doc).toMatchObject({
      '@type': 'Legislation',
      legislationIdentifier: '56/KH-UBND',
      legislationType: 'ke-hoach',
      legislationPassedBy: { '@type': 'Organization', name: 'UBND tỉnh Sóc Trăng' },
      legislationDate: '2024-03-01',
      datePublished: '2024-03-01',
      legislationLegalForce: 'https://schema.org/PartiallyInForce',
      legislationApplies: [{ '@type': 'Legislation', legislationIdentifier: '1234/QĐ-UBND', url: 'https://d.org/en/item/quyet-dinh-1234' }],
      legislationChanges: [{ '@type': 'Legislation', legislationIdentifier: '12/KH-UBND', name: 'Kế hoạch cũ' }],
    });
  });

  it('describes a thesis with the degree it supports and its institution', () => {
    const doc = jsonLd({ kind: 'thesis', library: { thesis: { degree: 'Thạc sĩ Văn hoá học', institution: 'Đại học Cần Thơ' } } });
    expect(doc).toMatchObject({ '@type': 'Thesis', inSupportOf: 'Thạc sĩ Văn hoá học', sourceOrganization: { '@type': 'Organization', name: 'Đại học Cần Thơ' } });
  });

  it('nests a periodical issue in its volume and periodical, and gives a periodical its ISSN', () => {
    const issue = jsonLd({ kind: 'periodical-issue', library: { issue: { periodicalId: 'tap-chi', periodicalTitle: 'Tạp chí Văn hoá', volume: '12', number: '3' }, identifiers: [{ scheme: 'issn', value: '0866-7330' }] } });
    expect(issue).toMatchObject({
      '@type': 'PublicationIssue',
      issueNumber: '3',
      isPartOf: { '@type': 'PublicationVolume', volumeNumber: '12', isPartOf: { '@type': 'Periodical', name: 'Tạp chí Văn hoá', url: 'https://d.org/en/item/tap-chi', issn: '0866-7330' } },
    });
    const noVolume = jsonLd({ kind: 'periodical-issue', library: { issue: { periodicalTitle: 'Tạp chí Văn hoá', number: '3' } } });
    expect(noVolume.isPartOf).toEqual({ '@type': 'Periodical', name: 'Tạp chí Văn hoá' });
    expect(jsonLd({ kind: 'periodical', library: { identifiers: [{ scheme: 'issn', value: '0866-7330' }] } })).toMatchObject({ '@type': 'Periodical', issn: '0866-7330' });
  });

  it('keeps a library record without its description valid: a type, a name and nothing invented', () => {
    const doc = jsonLd({ kind: 'book', date: '19XX' });
    expect(doc['@type']).toBe('Book');
    expect(doc.name).toEqual([{ '@value': 'Lễ hội Ok Om Bok', '@language': 'vi' }, { '@value': 'បុណ្យអកអំបុក', '@language': 'km' }]);
    for (const property of ['isbn', 'numberOfPages', 'datePublished', 'dateCreated']) expect(doc).not.toHaveProperty(property);
  });
});

describe('pagesOfExtent', () => {
  it.each([
    ['215 tr. ; 24 cm', 215],
    ['48 p.', 48],
    ['xii, 300 pages : ill.', 300],
    ['120', 120],
    ['320 页', 320],
    ['1 CD-ROM', null],
    ['24 cm', null],
    [undefined, null],
  ])('reads %s as %s pages', (extent, pages) => {
    expect(pagesOfExtent(extent)).toBe(pages);
  });
});
