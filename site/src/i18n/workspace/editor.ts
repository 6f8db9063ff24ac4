import { dictionaryPart } from './part.ts';

/** The workspace's editor strings (issue 12). */
export const editor = dictionaryPart({
  vi: {
    'editor.title': 'Soạn hồ sơ',
  },
  en: {
    'editor.title': 'Edit record',
  },
  km: {
    'editor.title': 'កែសម្រួលកំណត់ត្រា',
  },
  zh: {
    'editor.title': '编辑记录',
  },
});
