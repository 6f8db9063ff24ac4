import type { ItemInput } from '@disan/schemas';
import { describe, expect, it } from 'vitest';
import { rowToItem } from './sheet.ts';
import { libraryCells } from './sheet-library.ts';

const BASE = { identifier: 'qd-45', ethnic_groups: 'khmer', title_vi: 'Quyết định' };

describe('library columns of the metadata sheet', () => {
  it('builds a legal document with its number, authors and identifiers', () => {
    const built = rowToItem({
      ...BASE,
      kind: 'legal-document',
      document_number: '45/2024/QĐ-UBND',
      document_type: 'quyet-dinh',
      issuing_body: 'Ủy ban nhân dân tỉnh Sóc Trăng',
      signer: 'Lâm Văn Mẫn',
      date_issued: '2024-09-20',
      date_in_force: '2024-10-01',
      legal_status: 'in-force',
      call_number: 'VB 45',
    });
    expect('item' in built && built.item.kind).toBe('legal-document');
    expect('item' in built && built.item.library).toEqual(
        {
          identifiers: [{ scheme: 'call-number', value: 'VB 45' }],
          legal: { documentNumber: '45/2024/QĐ-UBND', documentType: 'quyet-dinh', issuingBody: 'Ủy ban nhân dân tỉnh Sóc Trăng', signer: 'Lâm Văn Mẫn', dateIssued: '2024-09-20', dateInForce: '2024-10-01', legalStatus: 'in-force' },
        },
    );
  });

  it.each([
    ['a wrong ISBN check digit', { kind: 'book', isbn: '978-604-0-12345-0' }, 'isbn/issn/doi/call_number: ISBN 978-604-0-12345-0 has a wrong check digit'],
    ['a legal document without its issuing body', { kind: 'legal-document', document_number: '1/QĐ', document_type: 'quyet-dinh' }, 'document_number/document_type/issuing_body'],
    ['an unknown legal status', { kind: 'legal-document', document_number: '1/QĐ', document_type: 'quyet-dinh', issuing_body: 'UBND', legal_status: 'valid' }, 'legal_status'],
    ['a legal document with no legal column', { kind: 'legal-document' }, 'library: a legal document needs'],
  ])('reports %s by column', (_name, cells, expected) => {
    const built = rowToItem({ ...BASE, ...cells });
    expect('problems' in built ? built.problems.join('\n') : '').toContain(expected);
  });

  it('writes back the cells it reads', () => {
    const row = { ...BASE, kind: 'book', author: 'Trần Văn B; Lê Thị C', publisher: 'Nxb. Khoa học xã hội', publication_place: 'Hà Nội', extent: '215 tr.', isbn: '978-604-0-12345-9', subject_headings: 'Người Khmer -- Lễ hội' };
    const built = rowToItem(row);
    expect('item' in built).toBe(true);
    const cells = libraryCells((built as { item: ItemInput }).item);
    expect(cells).toMatchObject({ author: row.author, publisher: row.publisher, publication_place: row.publication_place, extent: row.extent, isbn: row.isbn, subject_headings: row.subject_headings });
  });
});
