import { dictionaryPart } from '../workspace/part.ts';

/** Citing a record (its Cite section) and exporting a search or a collection for reference managers. */
export const citeStrings = dictionaryPart({
  vi: {
    'cite.heading': 'Trích dẫn',
    'cite.styles': 'Trích dẫn theo các kiểu',
    'cite.copy': 'Sao chép',
    'cite.copied': 'Đã sao chép',
    'cite.download': 'Tải bản ghi về',
    'cite.forManagers': 'Cho phần mềm quản lý tài liệu tham khảo (Zotero, EndNote, Mendeley):',
    'cite.forLibraries': 'Cho hệ thống thư viện:',
    'cite.exportResults': 'Lưu các kết quả này vào phần mềm quản lý tài liệu tham khảo:',
    'cite.exportCollection': 'Lưu bộ sưu tập này vào phần mềm quản lý tài liệu tham khảo:',
  },
  en: {
    'cite.heading': 'Cite',
    'cite.styles': 'References in several styles',
    'cite.copy': 'Copy',
    'cite.copied': 'Copied',
    'cite.download': 'Download this record',
    'cite.forManagers': 'For reference managers (Zotero, EndNote, Mendeley):',
    'cite.forLibraries': 'For library systems:',
    'cite.exportResults': 'Save these results to a reference manager:',
    'cite.exportCollection': 'Save this collection to a reference manager:',
  },
  km: {
    'cite.heading': 'ការដកស្រង់',
    'cite.styles': 'ឯកសារយោងតាមរបៀបផ្សេងៗ',
    'cite.copy': 'ចម្លង',
    'cite.copied': 'បានចម្លងហើយ',
    'cite.download': 'ទាញយកកំណត់ត្រានេះ',
    'cite.forManagers': 'សម្រាប់កម្មវិធីគ្រប់គ្រងឯកសារយោង (Zotero, EndNote, Mendeley)៖',
    'cite.forLibraries': 'សម្រាប់ប្រព័ន្ធបណ្ណាល័យ៖',
    'cite.exportResults': 'រក្សាទុកលទ្ធផលទាំងនេះក្នុងកម្មវិធីគ្រប់គ្រងឯកសារយោង៖',
    'cite.exportCollection': 'រក្សាទុកបណ្តុំនេះក្នុងកម្មវិធីគ្រប់គ្រងឯកសារយោង៖',
  },
  zh: {
    'cite.heading': '引用',
    'cite.styles': '各种格式的参考文献',
    'cite.copy': '复制',
    'cite.copied': '已复制',
    'cite.download': '下载此记录',
    'cite.forManagers': '用于文献管理软件（Zotero、EndNote、Mendeley）：',
    'cite.forLibraries': '用于图书馆系统：',
    'cite.exportResults': '将这些结果保存到文献管理软件：',
    'cite.exportCollection': '将此专题收藏保存到文献管理软件：',
  },
});
