import { dictionaryPart } from './part.ts';

/** The workspace's uploads strings (issue 12). */
export const uploads = dictionaryPart({
  vi: {
    'uploads.title': 'Tải tệp lên',
  },
  en: {
    'uploads.title': 'Upload files',
  },
  km: {
    'uploads.title': 'ផ្ទុកឯកសារឡើង',
  },
  zh: {
    'uploads.title': '上传文件',
  },
});
