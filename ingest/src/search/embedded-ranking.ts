import { allWords, tonedWords, wordWithin } from './fts-query.ts';
import type { WordAlternatives } from './vocabulary.ts';

type Param = string;

/**
 * One statement that finds every document holding all the words and computes its rank
 * buckets, in Meilisearch's spirit: tone-exact words, then typos, then the attribute
 * (names above body above full text), then bm25 with the same column preference.
 */
export function rankingSql(words: readonly WordAlternatives[]): { sql: string; params: Param[] } {
  const params: Param[] = [];
  const matches = (expression: string): string => {
    params.push(expression);
    return 'rowid IN (SELECT rowid FROM fts WHERE fts MATCH ?)';
  };
  const toned = tonedWords(words.map((entry) => entry.word));
  const exact = toned === null ? '0' : `(${matches(toned)})`;
  const typos = typoSql(words, matches);
  const attribute = `CASE WHEN ${matches(allWords(words, ['names']))} THEN 0 WHEN ${matches(allWords(words, ['names', 'body']))} THEN 1 ELSE 2 END`;
  params.push(allWords(words));
  const sql = `SELECT rowid, ${exact} AS exact, ${typos} AS typos, ${attribute} AS attribute, bm25(fts, 10.0, 3.0, 1.0, 0.0) AS score FROM fts WHERE fts MATCH ?`;
  return { sql, params };
}

/** Sum over words of the fewest typos that word matched with; words without typo alternatives add 0. */
function typoSql(words: readonly WordAlternatives[], matches: (expression: string) => string): string {
  const parts = words.flatMap((entry) => {
    if (entry.oneTypo.length === 0 && entry.twoTypos.length === 0) return [];
    const exactly = matches(wordWithin(entry, 0));
    if (entry.twoTypos.length === 0) return [`CASE WHEN ${exactly} THEN 0 ELSE 1 END`];
    return [`CASE WHEN ${exactly} THEN 0 WHEN ${matches(wordWithin(entry, 1))} THEN 1 ELSE 2 END`];
  });
  return parts.length === 0 ? '0' : `(${parts.join(' + ')})`;
}
