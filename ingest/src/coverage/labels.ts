import { ETHNIC_GROUPS, type CoverageShortfall, type CoverageState, type DigitisationRule, type ElementCategory, type LocalizedText, type ViabilityLevel } from '@disan/schemas';

/**
 * The words of the yearly report, which the engine writes as a document for the province:
 * in Vietnamese (the report the plans ask for) and in English. The site says the same
 * things through its own dictionaries.
 */
export const REPORT_LANGUAGES = ['vi', 'en'] as const;
export type ReportLanguage = (typeof REPORT_LANGUAGES)[number];

const WORDS = {
  vi: {
    title: 'Báo cáo kết quả số hoá di sản văn hoá',
    year: 'Năm báo cáo',
    made: 'Ngày lập',
    target: 'Mục tiêu',
    basis: 'Căn cứ',
    scope: 'Phạm vi',
    provinces: 'Tỉnh, thành phố',
    groups: 'Dân tộc',
    categories: 'Loại hình',
    all: 'tất cả',
    rule: 'Tiêu chí "đã số hoá"',
    deadline: 'Thời hạn',
    goal: 'Tỉ lệ phải đạt (%)',
    summary: 'Tổng hợp',
    total: 'Tổng số di sản trong danh mục kiểm kê',
    notDocumented: 'Chưa có tư liệu',
    described: 'Đã có tư liệu mô tả, chưa đủ tiêu chí',
    digitised: 'Đã số hoá (chưa công bố)',
    published: 'Đã số hoá và công bố',
    percentage: 'Tỉ lệ đã số hoá (%)',
    pace: 'Tiến độ',
    neededPerMonth: 'Cần tăng mỗi tháng (điểm %)',
    lastYearPerMonth: 'Mức tăng bình quân mỗi tháng trong 12 tháng qua (điểm %)',
    status: 'Đánh giá',
    byYear: 'Theo năm',
    yearColumn: 'Năm (số liệu cuối năm)',
    gaps: 'Di sản chưa số hoá',
    id: 'Mã',
    name: 'Tên',
    category: 'Loại hình',
    state: 'Tình trạng',
    viability: 'Mức độ tồn tại',
    nextDate: 'Lần tổ chức tới',
    daysUntil: 'Còn (ngày)',
    missing: 'Còn thiếu',
    added: 'Bổ sung trong năm',
    kind: 'Loại',
    addedAt: 'Ngày bổ sung',
    hiddenGaps: 'Di sản hạn chế tiếp cận (không nêu tên)',
    none: 'không có',
    minRecords: 'ít nhất {n} hồ sơ tư liệu',
    descriptionIn: 'mô tả bằng {langs}',
    minImages: 'ít nhất {n} ảnh',
    minAudioVisual: 'ít nhất {n} phim hoặc bản ghi âm',
    minDocuments: 'ít nhất {n} tài liệu số',
    lang_vi: 'tiếng Việt',
    lang_en: 'tiếng Anh',
    lang_group: 'tiếng của dân tộc',
    shortRecords: '{n} hồ sơ',
    shortImages: '{n} ảnh',
    shortAudioVisual: '{n} phim/ghi âm',
    shortDocuments: '{n} tài liệu',
    shortLangs: 'mô tả bằng {langs}',
    met: 'Đã đạt',
    'on-track': 'Đúng tiến độ',
    behind: 'Chậm tiến độ',
    missed: 'Không đạt đúng hạn',
  },
  en: {
    title: 'Heritage digitisation report',
    year: 'Year reported',
    made: 'Made on',
    target: 'Target',
    basis: 'Basis',
    scope: 'Scope',
    provinces: 'Provinces',
    groups: 'Ethnic groups',
    categories: 'Categories',
    all: 'all',
    rule: 'What counts as digitised',
    deadline: 'Deadline',
    goal: 'Target share (%)',
    summary: 'Summary',
    total: 'Heritage elements in the inventory',
    notDocumented: 'Not documented',
    described: 'Described, rule not yet met',
    digitised: 'Digitised (not published)',
    published: 'Digitised and published',
    percentage: 'Share digitised (%)',
    pace: 'Pace',
    neededPerMonth: 'Needed per month (points)',
    lastYearPerMonth: 'Gained per month over the last 12 months (points)',
    status: 'Assessment',
    byYear: 'By year',
    yearColumn: 'Year (figures at year end)',
    gaps: 'Not yet digitised',
    id: 'Id',
    name: 'Name',
    category: 'Category',
    state: 'State',
    viability: 'Viability',
    nextDate: 'Next held',
    daysUntil: 'In (days)',
    missing: 'Missing',
    added: 'Added in the year',
    kind: 'Kind',
    addedAt: 'Added on',
    hiddenGaps: 'Restricted elements (not named)',
    none: 'none',
    minRecords: 'at least {n} records',
    descriptionIn: 'described in {langs}',
    minImages: 'at least {n} photographs',
    minAudioVisual: 'at least {n} films or recordings',
    minDocuments: 'at least {n} documents',
    lang_vi: 'Vietnamese',
    lang_en: 'English',
    lang_group: "the group's language",
    shortRecords: '{n} records',
    shortImages: '{n} photographs',
    shortAudioVisual: '{n} films/recordings',
    shortDocuments: '{n} documents',
    shortLangs: 'description in {langs}',
    met: 'Met',
    'on-track': 'On track',
    behind: 'Behind',
    missed: 'Missed',
  },
} as const;

export type ReportWord = keyof (typeof WORDS)['vi'];

const CATEGORIES: Record<ElementCategory, { vi: string; en: string }> = {
  festival: { vi: 'Lễ hội truyền thống', en: 'Traditional festival' },
  custom: { vi: 'Tập quán xã hội', en: 'Social custom' },
  ritual: { vi: 'Nghi lễ', en: 'Ritual' },
  belief: { vi: 'Tín ngưỡng', en: 'Belief' },
  'performing-art': { vi: 'Nghệ thuật trình diễn dân gian', en: 'Performing art' },
  craft: { vi: 'Nghề thủ công truyền thống', en: 'Traditional craft' },
  'traditional-product': { vi: 'Sản phẩm truyền thống', en: 'Traditional product' },
  cuisine: { vi: 'Ẩm thực', en: 'Cuisine' },
  'folk-knowledge': { vi: 'Tri thức dân gian', en: 'Folk knowledge' },
  'folk-literature': { vi: 'Ngữ văn dân gian', en: 'Folk literature' },
  language: { vi: 'Tiếng nói, chữ viết', en: 'Language and script' },
  place: { vi: 'Địa điểm, di tích', en: 'Place or site' },
};

const VIABILITY: Record<ViabilityLevel, { vi: string; en: string }> = {
  thriving: { vi: 'Phát triển mạnh', en: 'Thriving' },
  stable: { vi: 'Ổn định', en: 'Stable' },
  vulnerable: { vi: 'Dễ bị tổn thương', en: 'Vulnerable' },
  endangered: { vi: 'Có nguy cơ mai một', en: 'Endangered' },
  'critically-endangered': { vi: 'Có nguy cơ mai một cao', en: 'Critically endangered' },
  dormant: { vi: 'Không còn thực hành', en: 'Dormant' },
};

const STATES: Record<CoverageState, { vi: string; en: string }> = {
  'not-documented': { vi: WORDS.vi.notDocumented, en: WORDS.en.notDocumented },
  described: { vi: WORDS.vi.described, en: WORDS.en.described },
  digitised: { vi: WORDS.vi.digitised, en: WORDS.en.digitised },
  published: { vi: WORDS.vi.published, en: WORDS.en.published },
};

export interface ReportWords {
  word(key: ReportWord, values?: Record<string, string | number>): string;
  category(code: ElementCategory): string;
  viability(code: ViabilityLevel | null): string;
  state(code: CoverageState): string;
  group(code: string): string;
  /** The title in the report's language, else English, else Vietnamese, else the first. */
  title(title: readonly LocalizedText[]): string;
  rule(rule: DigitisationRule): string;
  shortfall(missing: CoverageShortfall): string;
}

export function reportWords(lang: ReportLanguage): ReportWords {
  const word = (key: ReportWord, values: Record<string, string | number> = {}): string =>
    WORDS[lang][key].replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? ''));
  return {
    word,
    category: (code) => CATEGORIES[code][lang],
    viability: (code) => (code === null ? '' : VIABILITY[code][lang]),
    state: (code) => STATES[code][lang],
    group: (code) => (ETHNIC_GROUPS as Record<string, { vi: string; en: string } | undefined>)[code]?.[lang] ?? code,
    title: (title) => (title.find((t) => t.lang === lang) ?? title.find((t) => t.lang === 'en') ?? title.find((t) => t.lang === 'vi') ?? title[0])?.value ?? '',
    rule(rule) {
      const parts = [word('minRecords', { n: rule.minRecords ?? 1 })];
      if (rule.descriptionIn?.length) parts.push(word('descriptionIn', { langs: rule.descriptionIn.map((l) => word(`lang_${l}`)).join(', ') }));
      if (rule.minImages) parts.push(word('minImages', { n: rule.minImages }));
      if (rule.minAudioVisual) parts.push(word('minAudioVisual', { n: rule.minAudioVisual }));
      if (rule.minDocuments) parts.push(word('minDocuments', { n: rule.minDocuments }));
      return parts.join('; ');
    },
    shortfall(missing) {
      const parts: string[] = [];
      if (missing.records) parts.push(word('shortRecords', { n: missing.records }));
      if (missing.images) parts.push(word('shortImages', { n: missing.images }));
      if (missing.audioVisual) parts.push(word('shortAudioVisual', { n: missing.audioVisual }));
      if (missing.documents) parts.push(word('shortDocuments', { n: missing.documents }));
      if (missing.descriptionIn.length) parts.push(word('shortLangs', { langs: missing.descriptionIn.join(', ') }));
      return parts.join('; ');
    },
  };
}
