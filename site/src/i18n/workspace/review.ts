import { dictionaryPart } from './part.ts';

/** The workspace's review strings (issue 12). */
export const review = dictionaryPart({
  vi: {
    'review.title': 'Việc của tôi',
  },
  en: {
    'review.title': 'My work',
  },
  km: {
    'review.title': 'ការងាររបស់ខ្ញុំ',
  },
  zh: {
    'review.title': '我的工作',
  },
});
