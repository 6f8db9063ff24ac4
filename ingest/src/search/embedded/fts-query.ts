import type { QueryWord } from '../query.ts';
import type { WordAlternatives } from './vocabulary.ts';

/**
 * FTS5 MATCH expressions, built only from quoted analyzer tokens: no user text reaches
 * the FTS5 query syntax, so `"`, `*`, `NEAR(`, `-` or `^` in a query are plain words or
 * separators, never syntax.
 */
export const TEXT_COLUMNS = ['names', 'body', 'full'] as const;
export type TextColumn = (typeof TEXT_COLUMNS)[number];
/** The FTS5 tables: all text columns, or the names alone (see embedded-schema.ts). */
export type FtsTable = 'fts' | 'fts_names';

/** @example quote('lễ') === '"lễ"' */
export function quote(token: string): string {
  return `"${token.replaceAll('"', '""')}"`;
}

/** The word itself (and the words it begins, for the last word): the zero-typo match. */
export function exactTerm(word: QueryWord): string {
  return word.prefix ? `${quote(word.key)} *` : quote(word.key);
}

/** Any of the word's forms up to `maxTypos`. */
export function wordExpression(alternatives: WordAlternatives, maxTypos: number): string {
  const terms = [exactTerm(alternatives.word)];
  if (maxTypos >= 1) terms.push(...alternatives.oneTypo.map(quote));
  if (maxTypos >= 2) terms.push(...alternatives.twoTypos.map(quote));
  return terms.length === 1 ? terms[0]! : `(${terms.join(' OR ')})`;
}

/** Every word must match (Meilisearch's matchingStrategy "all"), in the given columns. */
export function allWords(alternatives: readonly WordAlternatives[], columns: readonly TextColumn[] = TEXT_COLUMNS): string {
  const words = alternatives.map((entry) => wordExpression(entry, 2)).join(' AND ');
  return `{${columns.join(' ')}}: (${words})`;
}

/** Words typed with tones, each found with exactly those tones. */
export function tonedWords(words: readonly QueryWord[]): string | null {
  const toned = words.filter((word) => word.toned);
  return toned.length === 0 ? null : `{exact}: (${toned.map((word) => quote(word.exact)).join(' AND ')})`;
}

/** One word matched with at most `maxTypos`, in any text column. */
export function wordWithin(alternatives: WordAlternatives, maxTypos: number): string {
  return `{${TEXT_COLUMNS.join(' ')}}: ${wordExpression(alternatives, maxTypos)}`;
}
