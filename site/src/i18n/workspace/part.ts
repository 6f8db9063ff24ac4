/**
 * A part of the dictionaries kept beside the pages that use it (the workspace has many
 * strings, written by several hands): the Vietnamese reference and the three others with
 * exactly its ids. vi.ts, en.ts, km.ts and zh.ts spread every part, so i18n.test.ts checks
 * them like the rest.
 */
export function dictionaryPart<const V extends Record<string, string>>(part: {
  vi: V;
  en: Record<keyof V, string>;
  km: Record<keyof V, string>;
  zh: Record<keyof V, string>;
}) {
  return part;
}
