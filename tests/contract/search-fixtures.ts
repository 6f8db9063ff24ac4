import type { SearchDocument } from '@disan/schemas';

/** Heritage of the Mekong delta, as the contract suite and unit tests index it. */
const base = {
  alternativeNames: [],
  subjects: [],
  places: [],
  fullText: [],
  collections: ['festivals'],
  period: ['2000s'],
  languages: ['vi'],
  mediaKinds: ['image'],
  status: 'published',
  access: 'public',
  communities: [],
  updatedAt: '2024-01-01T00:00:00Z',
  thumbnail: null,
} satisfies Partial<SearchDocument>;

const SOC_TRANG = { lat: 9.6025, lon: 105.9739 };

export const FIXTURES: SearchDocument[] = [
  {
    ...base,
    id: 'ok-om-bok',
    kind: 'festival',
    ethnicGroups: ['khmer'],
    title: [
      { lang: 'vi', value: 'Lễ hội Ok Om Bok và đua ghe ngo' },
      { lang: 'km', value: 'បុណ្យអកអំបុក' },
      { lang: 'en', value: 'Ok Om Bok festival and ngo boat race' },
    ],
    alternativeNames: ['Oóc Om Bóc'],
    description: [
      { lang: 'vi', value: 'Lễ hội cúng trăng của đồng bào Khmer Sóc Trăng vào rằm tháng mười âm lịch, với cuộc đua ghe ngo trên sông Maspero.' },
      // ICU keeps the compounds ទូកង (ngo boat) and ទូកអុំ (rowing boat) whole: ទូក (boat) is inside.
      { lang: 'km', value: 'ការប្រណាំងទូកង និងទូកអុំ' },
    ],
    province: ['soc-trang'],
    languages: ['vi', 'km'],
    mediaKinds: ['image', 'video'],
    year: 2019,
    updatedAt: '2024-05-01T00:00:00Z',
    geo: SOC_TRANG,
  },
  {
    ...base,
    id: 'chol-chnam-thmay',
    kind: 'festival',
    ethnicGroups: ['khmer'],
    title: [
      { lang: 'vi', value: 'Tết Chôl Chnăm Thmây' },
      { lang: 'km', value: 'ចូលឆ្នាំថ្មី' },
    ],
    description: [{ lang: 'vi', value: 'Tết mừng năm mới của người Khmer Trà Vinh vào tháng tư dương lịch, đắp núi cát trong chùa.' }],
    province: ['tra-vinh'],
    year: 2020,
    updatedAt: '2024-03-01T00:00:00Z',
    geo: { lat: 9.9347, lon: 106.3453 },
  },
  {
    ...base,
    id: 'sene-dolta',
    kind: 'ritual',
    ethnicGroups: ['khmer'],
    title: [
      { lang: 'vi', value: 'Lễ Sene Dolta cúng ông bà' },
      { lang: 'km', value: 'សែនដូនតា' },
    ],
    description: [{ lang: 'vi', value: 'Lễ báo hiếu tổ tiên của người Khmer vào cuối tháng tám âm lịch.' }],
    province: ['soc-trang'],
    year: 2018,
    geo: { lat: 9.58, lon: 105.95 },
  },
  {
    ...base,
    id: 'nguyen-tieu',
    kind: 'festival',
    ethnicGroups: ['hoa'],
    title: [
      { lang: 'vi', value: 'Lễ hội Nguyên Tiêu của người Hoa' },
      { lang: 'zh-Hant', value: '元宵節' },
      { lang: 'en', value: 'Hoa lantern festival' },
    ],
    description: [{ lang: 'vi', value: 'Rước đèn lồng đêm rằm tháng giêng quanh hội quán Ông Bổn ở Sóc Trăng.' }],
    province: ['soc-trang'],
    period: ['1900s'],
    year: 1990,
    updatedAt: '2024-06-01T00:00:00Z',
    geo: { lat: 9.603, lon: 105.98 },
  },
  {
    ...base,
    id: 'quan-de-temple',
    kind: 'architecture',
    ethnicGroups: ['hoa'],
    title: [
      { lang: 'vi', value: 'Miếu Quan Đế' },
      { lang: 'zh-Hant', value: '關帝廟' },
    ],
    description: [{ lang: 'vi', value: 'Ngôi miếu thờ Quan Công của cộng đồng người Hoa ở Cần Thơ.' }],
    collections: ['temples'],
    province: ['can-tho'],
    period: ['1900s'],
    year: 1918,
    geo: { lat: 10.0341, lon: 105.788 },
  },
  {
    ...base,
    id: 'ong-bon-hall',
    kind: 'architecture',
    ethnicGroups: ['hoa'],
    title: [
      { lang: 'vi', value: 'Hội quán Ông Bổn' },
      { lang: 'zh-Hans', value: '本头公会馆' },
    ],
    description: [{ lang: 'vi', value: 'Hội quán của người Hoa Triều Châu ở Trà Vinh.' }],
    collections: ['temples'],
    province: ['tra-vinh'],
    year: null,
    geo: null,
  },
  {
    ...base,
    id: 'khmer-pottery',
    kind: 'craft',
    ethnicGroups: ['khmer'],
    title: [
      { lang: 'vi', value: 'Gốm Khmer Sóc Trăng' },
      { lang: 'en', value: 'Khmer pottery' },
    ],
    description: [{ lang: 'vi', value: 'Nghề làm gốm thủ công của phụ nữ Khmer, nung ngoài trời.' }],
    collections: ['crafts'],
    province: ['soc-trang'],
    status: 'draft',
    year: 2021,
    geo: SOC_TRANG,
  },
  {
    ...base,
    id: 'palm-sugar',
    kind: 'traditional-product',
    ethnicGroups: ['khmer'],
    title: [
      { lang: 'vi', value: 'Đường thốt nốt An Giang' },
      { lang: 'en', value: 'Palm sugar' },
    ],
    description: [{ lang: 'vi', value: 'Đường thốt nốt <b>Tri Tôn</b> & Tịnh Biên, nấu từ nước hoa thốt nốt.' }],
    collections: ['crafts'],
    province: ['an-giang'],
    access: 'community',
    communities: ['khmer-an-giang'],
    year: 2015,
    updatedAt: '2024-02-01T00:00:00Z',
    geo: { lat: 10.4167, lon: 104.9983 },
  },
  {
    ...base,
    id: 'le-hoi-net-maker',
    kind: 'person',
    ethnicGroups: ['kinh'],
    title: [{ lang: 'vi', value: 'Ông Lê Hồi, thợ đan lưới' }],
    description: [{ lang: 'vi', value: 'Người đan lưới bắt cá ở Cà Mau.' }],
    collections: ['people'],
    province: ['ca-mau'],
    year: 2022,
    geo: { lat: 9.1769, lon: 105.1524 },
  },
];

export const fixture = (id: string): SearchDocument => {
  const found = FIXTURES.find((document) => document.id === id);
  if (!found) throw new Error(`No fixture ${id}`);
  return found;
};
