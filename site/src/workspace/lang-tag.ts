import { LanguageTag } from '@disan/schemas';

const TAG = new RegExp((LanguageTag as unknown as { pattern: string }).pattern);

/**
 * The `lang` attribute for text typed in a language row: the tag when it is one (the
 * schema's pattern), else none, so a half-typed tag never makes the page invalid.
 * @example langAttribute('km') // 'km'
 * @example langAttribute('k m') // undefined
 */
export function langAttribute(tag: string | undefined): string | undefined {
  return tag !== undefined && tag !== '' && TAG.test(tag) ? tag : undefined;
}
