/**
 * Where the words the archive's search found on a page (as the page spells them, see
 * /api/media/{id}/find) sit in one piece of the page's text layer, for marking. Case
 * is ignored and both sides are compared in NFC; a term must stand as a whole word,
 * except in scripts written without spaces (Han, Khmer), whose words are segmented
 * by dictionary and may touch their neighbours.
 * @example termRanges('Mặc Sampot, sampot.', ['Sampot']) // [[4, 10], [12, 18]]
 */
export function termRanges(text: string, terms: readonly string[]): [number, number][] {
  const folded = fold(text);
  // A case change that alters the length (rare: 'İ') would shift every offset: mark nothing rather than the wrong letters.
  if (folded.length !== text.length) return [];
  const ranges: [number, number][] = [];
  for (const term of new Set(terms.map(fold).filter((t) => t !== ''))) {
    const spaced = !UNSPACED.test(term);
    for (let at = folded.indexOf(term); at !== -1; at = folded.indexOf(term, at + term.length)) {
      const end = at + term.length;
      if (spaced && (LETTER.test(folded[at - 1] ?? '') || LETTER.test(folded[end] ?? ''))) continue;
      ranges.push([at, end]);
    }
  }
  return merged(ranges);
}

const fold = (text: string) => text.normalize('NFC').toLowerCase();
const UNSPACED = /[\p{Script=Han}\p{Script=Khmer}]/u;
const LETTER = /[\p{L}\p{M}\p{N}]/u;

/** Sorted, overlapping ranges joined: "Sam" and "Sampot" mark "Sampot" once. */
function merged(ranges: [number, number][]): [number, number][] {
  const sorted = ranges.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const out: [number, number][] = [];
  for (const range of sorted) {
    const last = out.at(-1);
    if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
    else out.push([...range]);
  }
  return out;
}
