/**
 * Typo rules as Meilisearch documents them
 * (https://www.meilisearch.com/docs/learn/relevancy/typo_tolerance_calculations and
 * https://www.meilisearch.com/docs/resources/internals/typo_tolerance):
 * - words of 1-4 characters allow no typo, 5-8 allow one, 9 or more allow two
 *   (the default minWordSizeForTypos { oneTypo: 5, twoTypos: 9 });
 * - distance is Damerau-Levenshtein: swapping two neighbouring letters is one typo;
 * - a typo on the first letter counts as two ("caturday" does not find "saturday").
 */
export type TypoCount = 0 | 1 | 2;

export const MIN_WORD_SIZE_FOR_TYPOS = { oneTypo: 5, twoTypos: 9 } as const;

/** @example typoBudget('hoi') === 0; typoBudget('pottery') === 1; typoBudget('assemblies') === 2 */
export function typoBudget(word: string): TypoCount {
  const length = Array.from(word).length;
  if (length >= MIN_WORD_SIZE_FOR_TYPOS.twoTypos) return 2;
  if (length >= MIN_WORD_SIZE_FOR_TYPOS.oneTypo) return 1;
  return 0;
}

/**
 * Typos between a query word and an indexed word, or null when over `max`.
 * @example typos('potery', 'pottery', 1) === 1; typos('caturday', 'saturday', 1) === null
 */
export function typos(query: string, word: string, max: number): TypoCount | null {
  const a = Array.from(query);
  const b = Array.from(word);
  if (Math.abs(a.length - b.length) > max) return null;
  const firstLetterPenalty = a[0] === b[0] ? 0 : 1;
  const distance = boundedDamerau(a, b, max - firstLetterPenalty);
  if (distance === null) return null;
  const total = distance + firstLetterPenalty;
  return total <= max ? (total as TypoCount) : null;
}

/** Optimal string alignment distance, giving up (null) once every path exceeds `max`. */
function boundedDamerau(a: string[], b: string[], max: number): number | null {
  if (max < 0) return null;
  let before: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, before[j - 2]! + 1);
      current.push(value);
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > max) return null;
    before = previous;
    previous = current;
  }
  const distance = previous[b.length]!;
  return distance <= max ? distance : null;
}
