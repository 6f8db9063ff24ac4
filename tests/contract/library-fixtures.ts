import type { SearchDocument } from '@disan/schemas';
import { identifierKeysOf } from '../../ingest/src/analyzer/index.ts';

/** Library records (legal documents and a book) as the contract suite indexes them beside FIXTURES. */
const base = {
  ethnicGroups: ['khmer'],
  alternativeNames: [],
  description: [],
  subjects: [],
  places: [],
  fullText: [],
  collections: ['library'],
  province: ['soc-trang'],
  period: ['21c'],
  languages: ['vi'],
  mediaKinds: ['document'],
  status: 'published',
  access: 'public',
  communities: [],
  year: 2024,
  updatedAt: '2024-06-01T00:00:00Z',
  geo: null,
  thumbnail: null,
} satisfies Partial<SearchDocument>;

const SOC_TRANG = 'Ủy ban nhân dân tỉnh Sóc Trăng';

function legal(id: string, title: string, number: string, type: string, issuer: string, status: string, more: Partial<SearchDocument> = {}): SearchDocument {
  return {
    ...base,
    id,
    kind: 'legal-document',
    title: [{ lang: 'vi', value: title }],
    library: [number, issuer, 'Lâm Văn Mẫn'],
    identifierKeys: identifierKeysOf([number]),
    documentType: [type],
    issuer: [issuer],
    legalStatus: [status],
    publisher: [],
    subjectHeadings: [],
    ...more,
  };
}

export const LIBRARY_FIXTURES: SearchDocument[] = [
  legal('decision-45', 'Quyết định hỗ trợ tổ chức lễ hội Ok Om Bok năm 2024', '45/2024/QĐ-UBND', 'quyet-dinh', SOC_TRANG, 'in-force'),
  // The plan names the decision it implements in its text: a word match, ranked below the decision itself.
  legal('plan-12', 'Kế hoạch tổ chức lễ hội Ok Om Bok năm 2024', '12/KH-UBND', 'ke-hoach', SOC_TRANG, 'in-force', {
    library: ['12/KH-UBND', SOC_TRANG, 'Triển khai Quyết định số 45/2024/QĐ-UBND'],
  }),
  legal('decision-46', 'Quyết định về lễ hội Ok Om Bok năm 2024', '46/2024/QĐ-UBND', 'quyet-dinh', 'Ủy ban nhân dân tỉnh Trà Vinh', 'replaced'),
  legal('decision-47-draft', 'Quyết định chưa ban hành về lễ hội năm 2024', '47/2024/QĐ-UBND', 'quyet-dinh', SOC_TRANG, 'not-yet-in-force', { status: 'draft' }),
  {
    ...base,
    id: 'book-khmer-festivals',
    kind: 'book',
    title: [
      { lang: 'vi', value: 'Lễ hội truyền thống của người Khmer Nam Bộ' },
      { lang: 'km', value: 'ពិធីបុណ្យប្រពៃណីខ្មែរកម្ពុជាក្រោម' },
    ],
    library: ['Nhà xuất bản Khoa học xã hội', 'Hà Nội', 'Người Khmer -- Lễ hội', 'Chương 3. Múa rô băm', '978-604-0-12345-9'],
    identifierKeys: identifierKeysOf(['978-604-0-12345-9']),
    documentType: [],
    issuer: [],
    legalStatus: [],
    publisher: ['Nhà xuất bản Khoa học xã hội'],
    subjectHeadings: ['Người Khmer -- Lễ hội'],
  },
];
