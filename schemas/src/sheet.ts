import { Type, type Static } from 'typebox';

/**
 * The metadata spreadsheet archivists fill in (CSV, UTF-8, one row per file; rows
 * sharing an `identifier` are files of one item). Every cell is text; `ingest`
 * turns a row into an ItemInput and reports the row number of anything it rejects.
 * Language-tagged columns take any BCP 47 tag after the underscore: title_vi,
 * title_km, title_zh-Hant, description_en, subjects_vi...
 */
export const SHEET_COLUMNS = [
  { name: 'file', required: true, example: 'ok-om-bok/ghe-ngo-01.jpg', doc: 'Path of the file, relative to the folder being ingested. Must stay inside it.' },
  { name: 'identifier', required: false, example: 'ok-om-bok-soc-trang', doc: 'Item id (a-z, 0-9, -). Rows with the same identifier are files of one item. Derived from the file when empty.' },
  { name: 'kind', required: true, example: 'festival', doc: 'festival, custom, ritual, belief, traditional-product, craft, cuisine, architecture, place, person, performance, music, document, recording, artefact, other' },
  { name: 'ethnic_groups', required: true, example: 'khmer', doc: 'Ethnic group codes separated by ";" (khmer; hoa; cham; kinh ...).' },
  { name: 'title_<lang>', required: true, example: 'Lễ hội Ok Om Bok', doc: 'Title in a language; at least one title column must be filled.' },
  { name: 'description_<lang>', required: false, example: 'Lễ cúng trăng của người Khmer...', doc: 'Description in a language.' },
  { name: 'subjects_<lang>', required: false, example: 'đua ghe ngo; cúng trăng', doc: 'Subjects in a language, separated by ";".' },
  { name: 'alt_names', required: false, example: 'km:បុណ្យអកអំបុក | km-Latn:Bon Ak Ambok', doc: 'Other names as lang:value, separated by "|".' },
  { name: 'place', required: false, example: 'Sông Maspero, Sóc Trăng', doc: 'Place name as shown to readers.' },
  { name: 'province', required: false, example: 'Sóc Trăng', doc: 'Province.' },
  { name: 'latitude', required: false, example: '9.6037', doc: 'Decimal degrees, WGS 84. Give both latitude and longitude or neither.' },
  { name: 'longitude', required: false, example: '105.9800', doc: 'Decimal degrees, WGS 84.' },
  { name: 'date', required: false, example: '2023-11-27', doc: 'EDTF date: 2023, 2023-11, 1930?, 19XX, 1920/1930.' },
  { name: 'recurrence', required: false, example: 'vietnamese-lunisolar:10-15', doc: 'Yearly date: calendar:MM-DD, optionally :waxing or :waning and +days; several separated by ";".' },
  { name: 'languages', required: false, example: 'km; vi', doc: 'Languages of the content, BCP 47, separated by ";".' },
  { name: 'collection', required: false, example: 'khmer-festivals', doc: 'Collection ids separated by ";"; unknown ids create the collection.' },
  { name: 'rights', required: false, example: 'http://rightsstatements.org/vocab/InC/1.0/', doc: 'rightsstatements.org or Creative Commons URI.' },
  { name: 'status', required: false, example: 'published', doc: 'draft (default), in-review, published, withdrawn.' },
  { name: 'access', required: false, example: 'public', doc: 'public (default), researchers, community, metadata-only, embargo.' },
  { name: 'communities', required: false, example: 'khmer-soc-trang', doc: 'For access=community: community codes separated by ";".' },
  { name: 'embargo_until', required: false, example: '2030-01-01', doc: 'For access=embargo: YYYY-MM-DD.' },
  { name: 'creator', required: false, example: 'Nguyễn Văn A', doc: 'Creators separated by ";".' },
  { name: 'contributor', required: false, example: 'Ban Dân tộc tỉnh Sóc Trăng', doc: 'Who contributed the file (provenance).' },
  { name: 'source', required: false, example: 'Fieldwork 2023', doc: 'Where it came from.' },
  { name: 'author', required: false, example: 'Trần Văn B; Lê Thị C', doc: 'Library records: authors separated by ";" (role author).' },
  { name: 'publisher', required: false, example: 'Nhà xuất bản Khoa học xã hội', doc: 'Library records: publisher.' },
  { name: 'publication_place', required: false, example: 'Hà Nội', doc: 'Library records: place of publication.' },
  { name: 'edition', required: false, example: 'Tái bản lần thứ 2', doc: 'Library records: edition statement.' },
  { name: 'extent', required: false, example: '215 tr. ; 24 cm', doc: 'Library records: pages and size, as catalogued.' },
  { name: 'isbn', required: false, example: '978-604-0-12345-9', doc: 'ISBNs separated by ";"; the check digit is verified.' },
  { name: 'issn', required: false, example: '1859-0543', doc: 'ISSNs separated by ";"; the check digit is verified.' },
  { name: 'doi', required: false, example: '10.1000/xyz123', doc: 'DOI, without https://doi.org/.' },
  { name: 'call_number', required: false, example: '398.09597 L250H', doc: 'Local call number (shelf mark).' },
  { name: 'subject_headings', required: false, example: 'Người Khmer -- Lễ hội; Lễ hội -- Việt Nam', doc: 'Subject headings separated by ";" (local vocabulary).' },
  { name: 'table_of_contents', required: false, example: '1. Giới thiệu @1 | 7. Trang phục truyền thống @7', doc: 'Contents entries separated by "|", each a title, then @ and its page in the document when known.' },
  { name: 'document_number', required: false, example: '45/2024/QĐ-UBND', doc: 'Legal documents: document number (số hiệu), as written.' },
  { name: 'document_type', required: false, example: 'quyet-dinh', doc: 'Legal documents: hien-phap, luat, nghi-quyet, nghi-dinh, quyet-dinh, thong-tu, chi-thi, ke-hoach, chuong-trinh, de-an, cong-van, thong-bao, huong-dan, bao-cao, other.' },
  { name: 'issuing_body', required: false, example: 'Ủy ban nhân dân tỉnh Sóc Trăng', doc: 'Legal documents: issuing body.' },
  { name: 'signer', required: false, example: 'Lâm Văn Mẫn', doc: 'Legal documents: who signed it.' },
  { name: 'date_issued', required: false, example: '2024-09-20', doc: 'Legal documents: date issued, YYYY-MM-DD.' },
  { name: 'date_in_force', required: false, example: '2024-10-01', doc: 'Legal documents: date in force, YYYY-MM-DD.' },
  { name: 'legal_status', required: false, example: 'in-force', doc: 'Legal documents: not-yet-in-force, in-force, amended, expired, replaced.' },
  { name: 'caption', required: false, example: 'Ghe ngo on the Maspero river', doc: 'Caption of this file.' },
] as const;

/** A sheet row as parsed: column name to raw cell text. */
export const SheetRow = Type.Record(Type.String(), Type.String());
export type SheetRow = Static<typeof SheetRow>;

/**
 * A province's list of heritage elements (issue 15), one row per element: told from the
 * metadata sheet by its columns (name_vi and category, no file), previewed and imported the
 * same way; new elements are drafts for review. `name_<lang>` takes the community's script
 * (name_km, name_zh-Hant, name_km-Latn for a romanisation).
 */
export const ELEMENT_SHEET_COLUMNS = [
  { name: 'identifier', required: false, example: 'ok-om-bok', doc: 'Element id (a-z, 0-9, -); made from name_vi when empty.' },
  { name: 'name_vi', required: true, example: 'Lễ hội Oóc Om Bóc', doc: 'The name in Vietnamese.' },
  { name: 'name_<lang>', required: false, example: 'បុណ្យអកអំបុក', doc: 'The name in the community’s script or a romanisation (name_km, name_zh-Hant, name_km-Latn).' },
  { name: 'category', required: true, example: 'festival', doc: 'festival, custom, ritual, belief, performing-art, craft, traditional-product, cuisine, folk-knowledge, folk-literature, language, place, or the Vietnamese name ("Lễ hội truyền thống").' },
  { name: 'ethnic_groups', required: true, example: 'khmer', doc: 'Ethnic group codes separated by ";".' },
  { name: 'provinces', required: false, example: 'Sóc Trăng; Hồ Chí Minh', doc: 'Provinces separated by ";".' },
  { name: 'localities', required: false, example: 'Sông Maspero', doc: 'Places in the first province, separated by ";".' },
  { name: 'season', required: false, example: 'Khmer 15 Kadeuk', doc: '"15/10 âm lịch", "rằm tháng 10 âm lịch", "14-15/10 âm lịch", "30/4 dương lịch", "Khmer 14 waning Photrobot", "(3 ngày)"; several separated by ";".' },
  { name: 'recognition_list', required: false, example: 'national-intangible', doc: 'national-intangible, national-relic, special-national-relic, provincial-relic, unesco-representative, unesco-urgent-safeguarding, unesco-good-practice.' },
  { name: 'recognition_decision', required: false, example: '…/QĐ-BVHTTDL', doc: 'Decision number as issued.' },
  { name: 'recognition_date', required: false, example: '2014-01-01', doc: 'Decision date, YYYY-MM-DD.' },
  { name: 'viability', required: false, example: 'stable', doc: 'thriving, stable, vulnerable, endangered, critically-endangered, dormant (or the Vietnamese words).' },
  { name: 'communities', required: false, example: 'Người Khmer ở Vĩnh Châu', doc: 'Communities that carry it, separated by ";".' },
  { name: 'sources', required: false, example: 'Cổng thông tin điện tử tỉnh Sóc Trăng | …', doc: 'Sources separated by "|".' },
  { name: 'inventory_number', required: false, example: 'ST-01', doc: 'The province’s own inventory number.' },
  { name: 'description_<lang>', required: false, example: 'Lễ cúng trăng…', doc: 'Description in a language.' },
] as const;
