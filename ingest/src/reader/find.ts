import type { DocumentWords, FoundPage, PageBox, TextPassage, WordBox } from '@disan/schemas';
import { analyze, type Token } from '../analyzer/index.ts';
import { probesFor, wordMatches } from '../search/highlight.ts';
import { queryWords, type QueryWord } from '../search/query.ts';

/**
 * Search inside one document for its reader: the pages holding the words, with the
 * words as each page spells them and, on scanned pages, the boxes of the OCR words that
 * matched. Matching is the search engines' own (the shared analyzer and the
 * highlighter's rule), so "le hoi" finds "Lễ hội" here as it does in the archive search.
 * Pages holding every query word are listed; when none does, pages holding any.
 */
export function findInDocument(passages: readonly TextPassage[], words: DocumentWords, q: string): FoundPage[] {
  const query = queryWords(q);
  if (query.length === 0) return [];
  const ocrWords = new Map(words.pages.map((page) => [page.page, page.lines]));
  // A page no word could match (not even with a typo) costs a regex test, not a tokenization.
  const probes = probesFor(query);
  const found: (FoundPage & { complete: boolean })[] = [];
  for (const passage of passages) {
    if (passage.page === undefined || passage.source === 'captions') continue;
    if (!probes.some((probe) => probe.any.test(passage.text))) continue;
    const lines = passage.source === 'ocr' ? ocrWords.get(passage.page) : undefined;
    const page = lines ? findInOcrLines(lines, query) : findInText(passage.text, query);
    if (page.hits > 0) found.push({ page: passage.page, source: passage.source, ...page });
  }
  const complete = found.filter((page) => page.complete);
  return (complete.length > 0 ? complete : found).map(({ complete: _complete, ...page }) => page).sort((a, b) => a.page - b.page);
}

interface PageMatches {
  terms: string[];
  hits: number;
  boxes: PageBox[];
  complete: boolean;
}

function findInText(text: string, query: readonly QueryWord[]): PageMatches {
  const matched = matchTokens(text, query);
  return { terms: spellings(text, matched.tokens), hits: matched.tokens.length, boxes: [], complete: matched.complete };
}

/**
 * OCR words are matched through their line's text, so a Chinese or Khmer word the
 * analyzer finds across several OCR words (tesseract reads Han one character at a time)
 * still lights up every box it covers.
 */
function findInOcrLines(lines: readonly (readonly WordBox[])[], query: readonly QueryWord[]): PageMatches {
  const terms = new Set<string>();
  const boxes: PageBox[] = [];
  const keys = new Set<string>();
  let hits = 0;
  for (const line of lines) {
    const { text, offsets } = lineText(line);
    const matched = matchTokens(text, query);
    matched.keys.forEach((key) => keys.add(key));
    hits += matched.tokens.length;
    spellings(text, matched.tokens).forEach((term) => terms.add(term));
    line.forEach((word, index) => {
      const [start, end] = offsets[index]!;
      if (matched.tokens.some((token) => token.start < end && token.end > start)) boxes.push({ x: word.x, y: word.y, w: word.w, h: word.h });
    });
  }
  return { terms: [...terms], hits, boxes, complete: keys.size === new Set(query.map((w) => w.key)).size };
}

/** A line's words joined as the page text joins them (no space between Han characters), with each word's offsets. */
export function lineText(line: readonly WordBox[]): { text: string; offsets: [number, number][] } {
  let text = '';
  const offsets: [number, number][] = [];
  for (const word of line) {
    if (text !== '' && !(/\p{Script=Han}$/u.test(text) && /^\p{Script=Han}/u.test(word.text))) text += ' ';
    offsets.push([text.length, text.length + word.text.length]);
    text += word.text;
  }
  return { text, offsets };
}

function matchTokens(text: string, query: readonly QueryWord[]): { tokens: Token[]; keys: Set<string>; complete: boolean } {
  const keys = new Set<string>();
  const tokens = analyze(text).filter((token) => {
    const words = query.filter((word) => wordMatches(word, token.key));
    words.forEach((word) => keys.add(word.key));
    return words.length > 0;
  });
  return { tokens, keys, complete: keys.size === new Set(query.map((w) => w.key)).size };
}

function spellings(text: string, tokens: readonly Token[]): string[] {
  return [...new Set(tokens.map((token) => text.slice(token.start, token.end)))];
}
