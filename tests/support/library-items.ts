import type { Item } from '@disan/schemas';

/** A legal document with Vietnamese, Khmer and Chinese titles and most library fields filled. */
export function multilingualItem(overrides: Partial<Item> = {}): Item {
  return {
    id: 'qd-45-2024',
    kind: 'legal-document',
    ethnicGroups: ['khmer', 'hoa'],
    title: [
      { lang: 'vi', value: 'Quyết định về bảo tồn lễ hội Ok Om Bok của đồng bào Khmer' },
      { lang: 'km', value: 'សេចក្តីសម្រេចស្តីពីការអភិរក្សពិធីបុណ្យអកអំបុក' },
      { lang: 'zh', value: '潮州會館保護決定' },
      { lang: 'en', value: 'Decision on safeguarding the Ok Om Bok festival' },
    ],
    description: [{ lang: 'vi', value: 'Kế hoạch bảo tồn và phát huy giá trị văn hoá.' }],
    subjects: [{ lang: 'vi', value: 'lễ hội' }],
    agents: [
      { name: 'Trần, Văn Bình', role: 'author' },
      { name: 'Lâm Sóc Kha', role: 'editor' },
      { name: 'Nhà xuất bản Văn hoá Dân tộc', role: 'publisher' },
    ],
    date: '2024-05-10',
    places: [{ name: 'Sóc Trăng', province: 'Sóc Trăng' }],
    languages: ['vi', 'km', 'zh'],
    rights: 'https://creativecommons.org/licenses/by/4.0/',
    status: 'published',
    access: { level: 'public' },
    library: {
      subtitle: [{ lang: 'vi', value: 'giai đoạn 2024–2030' }],
      publisher: 'Nhà xuất bản Văn hoá Dân tộc',
      publicationPlace: 'Hà Nội',
      edition: 'Tái bản lần 2',
      series: { title: 'Văn bản pháp quy', number: '12' },
      extent: '48 tr. ; 24 cm',
      identifiers: [
        { scheme: 'isbn', value: '9786047012345' },
        { scheme: 'doi', value: '10.1234/disan.45' },
        { scheme: 'handle', value: '20.500.12345/678' },
        { scheme: 'call-number', value: 'KPV 45 .Q8 2024' },
      ],
      subjectHeadings: [
        { label: 'Festivals -- Vietnam', source: 'lcsh', uri: 'http://id.loc.gov/authorities/subjects/sh85047855' },
        { label: 'Lễ hội', source: 'local' },
      ],
      tableOfContents: [
        { title: 'Chương I. Quy định chung', page: 1 },
        { title: 'Chương II. ការអភិរក្ស', page: 7 },
      ],
      notes: [{ lang: 'vi', value: 'Bản dịch tiếng Khmer kèm theo.' }],
      holdings: [{ location: 'Thư viện tỉnh Sóc Trăng', callNumber: 'VB 45', copies: 2 }],
      legal: {
        documentNumber: '45/2024/QĐ-UBND',
        documentType: 'quyet-dinh',
        issuingBody: 'Ủy ban nhân dân tỉnh Sóc Trăng',
        signer: 'Nguyễn Văn Khởi',
        dateIssued: '2024-05-10',
        dateInForce: '2024-06-01',
        legalStatus: 'in-force',
        relations: [{ type: 'implements', documentNumber: '12/2023/NQ-HĐND', title: 'Nghị quyết về văn hoá' }],
      },
    },
    version: 3,
    createdAt: '2024-05-11T08:00:00.000Z',
    updatedAt: '2024-06-02T09:30:15.000Z',
    ...overrides,
  };
}
