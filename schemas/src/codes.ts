/**
 * Stable code lists. Codes never change once published (other systems store them);
 * labels can be corrected freely. The 54 ethnic groups follow the official list of
 * the General Statistics Office of Viet Nam.
 */

/** @example ETHNIC_GROUPS.khmer.vi === 'Khmer' */
export const ETHNIC_GROUPS = {
  kinh: { vi: 'Kinh', en: 'Kinh (Viet)' },
  khmer: { vi: 'Khmer', en: 'Khmer' },
  hoa: { vi: 'Hoa', en: 'Hoa (Chinese Vietnamese)' },
  cham: { vi: 'Chăm', en: 'Cham' },
  tay: { vi: 'Tày', en: 'Tay' },
  thai: { vi: 'Thái', en: 'Thai' },
  muong: { vi: 'Mường', en: 'Muong' },
  nung: { vi: 'Nùng', en: 'Nung' },
  hmong: { vi: 'Mông', en: 'Hmong' },
  dao: { vi: 'Dao', en: 'Dao (Yao)' },
  'gia-rai': { vi: 'Gia Rai', en: 'Jarai' },
  'e-de': { vi: 'Ê Đê', en: 'Rhade (Ede)' },
  'ba-na': { vi: 'Ba Na', en: 'Bahnar' },
  'san-chay': { vi: 'Sán Chay', en: 'San Chay' },
  'co-ho': { vi: 'Cơ Ho', en: 'Koho' },
  'xo-dang': { vi: 'Xơ Đăng', en: 'Sedang' },
  'san-diu': { vi: 'Sán Dìu', en: 'San Diu' },
  hre: { vi: 'Hrê', en: 'Hre' },
  'ra-glai': { vi: 'Ra Glai', en: 'Roglai' },
  mnong: { vi: 'Mnông', en: 'Mnong' },
  tho: { vi: 'Thổ', en: 'Tho' },
  xtieng: { vi: 'Xtiêng', en: 'Stieng' },
  'kho-mu': { vi: 'Khơ Mú', en: 'Khmu' },
  'bru-van-kieu': { vi: 'Bru-Vân Kiều', en: 'Bru-Van Kieu' },
  'co-tu': { vi: 'Cơ Tu', en: 'Katu' },
  giay: { vi: 'Giáy', en: 'Giay' },
  'ta-oi': { vi: 'Tà Ôi', en: 'Ta Oi' },
  ma: { vi: 'Mạ', en: 'Ma' },
  'gie-trieng': { vi: 'Giẻ Triêng', en: 'Gie Trieng' },
  co: { vi: 'Co', en: 'Co' },
  'cho-ro': { vi: 'Chơ Ro', en: 'Cho Ro' },
  'xinh-mun': { vi: 'Xinh Mun', en: 'Xinh Mun' },
  'ha-nhi': { vi: 'Hà Nhì', en: 'Hani' },
  'chu-ru': { vi: 'Chu Ru', en: 'Churu' },
  lao: { vi: 'Lào', en: 'Lao' },
  'la-chi': { vi: 'La Chí', en: 'La Chi' },
  khang: { vi: 'Kháng', en: 'Khang' },
  'phu-la': { vi: 'Phù Lá', en: 'Phu La' },
  'la-hu': { vi: 'La Hủ', en: 'Lahu' },
  'la-ha': { vi: 'La Ha', en: 'La Ha' },
  'pa-then': { vi: 'Pà Thẻn', en: 'Pa Then' },
  lu: { vi: 'Lự', en: 'Lu' },
  ngai: { vi: 'Ngái', en: 'Ngai' },
  chut: { vi: 'Chứt', en: 'Chut' },
  'lo-lo': { vi: 'Lô Lô', en: 'Lolo' },
  mang: { vi: 'Mảng', en: 'Mang' },
  'co-lao': { vi: 'Cờ Lao', en: 'Gelao' },
  'bo-y': { vi: 'Bố Y', en: 'Bouyei' },
  cong: { vi: 'Cống', en: 'Cong' },
  'si-la': { vi: 'Si La', en: 'Si La' },
  'pu-peo': { vi: 'Pu Péo', en: 'Pu Peo' },
  'ro-mam': { vi: 'Rơ Măm', en: 'Ro Mam' },
  brau: { vi: 'Brâu', en: 'Brao' },
  'o-du': { vi: 'Ơ Đu', en: 'O Du' },
} as const satisfies Record<string, { vi: string; en: string }>;

export type EthnicGroupCode = keyof typeof ETHNIC_GROUPS;
export const ETHNIC_GROUP_CODES = Object.keys(ETHNIC_GROUPS) as EthnicGroupCode[];

/** Kinds of record the e-library catalogues (issue 13); their fields are in library.ts. */
export const LIBRARY_KINDS = ['book', 'report', 'thesis', 'periodical', 'periodical-issue', 'legal-document'] as const;
export type LibraryKind = (typeof LIBRARY_KINDS)[number];

/** What a heritage item is. Media type (photo, video...) is separate: a festival can have both. */
export const ITEM_KINDS = [
  'festival',
  'custom',
  'ritual',
  'belief',
  'traditional-product',
  'craft',
  'cuisine',
  'architecture',
  'place',
  'person',
  'performance',
  'music',
  'document',
  'recording',
  'artefact',
  'other',
  ...LIBRARY_KINDS,
  /** A dictionary entry (issue 14): its `entry` block is in dictionary.ts. */
  'word',
  /** An inventory element (issue 15): known heritage, whether or not documented; its `element` block is in inventory.ts. */
  'element',
] as const;

/** Editorial life cycle; only `published` ever reaches the public. */
export const ITEM_STATUSES = ['draft', 'in-review', 'published', 'withdrawn'] as const;
export type ItemStatus = (typeof ITEM_STATUSES)[number];

/**
 * Who may see a record. `community` names the communities in `access.communities`
 * (cultural protocols); `metadata-only` shows the description but never the media;
 * `embargo` is public from `access.embargoUntil` on.
 */
export const ACCESS_LEVELS = ['public', 'researchers', 'community', 'metadata-only', 'embargo'] as const;
export type AccessLevel = (typeof ACCESS_LEVELS)[number];

/** `captions`: a WebVTT caption or transcript file attached to a recording. */
export const MEDIA_KINDS = ['image', 'video', 'audio', 'document', 'captions', 'other'] as const;
export type MediaKind = (typeof MEDIA_KINDS)[number];

export const MEDIA_STATUSES = ['pending', 'processing', 'ready', 'failed'] as const;
export type MediaStatus = (typeof MEDIA_STATUSES)[number];

/** Calendars a recurring festival date can be stated in (computed to Gregorian in a later issue). */
export const CALENDARS = ['vietnamese-lunisolar', 'khmer-lunisolar', 'chinese-lunisolar', 'gregorian'] as const;
export type Calendar = (typeof CALENDARS)[number];

/** Languages the interface and the analyzer know best; any BCP 47 tag is accepted in data. */
export const KNOWN_LANGUAGES = ['vi', 'en', 'km', 'zh-Hans', 'zh-Hant', 'cjm', 'fr'] as const;
