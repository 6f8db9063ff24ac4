import { exactWord, foldHan, foldWord, scriptOf, type Script } from './fold.ts';
import { khmerSubwords } from './khmer-compound.ts';

/**
 * One word of a text. `start`/`end` are UTF-16 offsets into the original text, so
 * highlights can show the original spelling (tones, Khmer marks, traditional Han).
 */
export interface Token {
  /** Matching form: lower case, tones removed for Latin; Han folded to simplified. */
  key: string;
  /** Exact form: lower case NFC with tones; equals `key` for Khmer and Han. */
  exact: string;
  script: Script;
  start: number;
  end: number;
}

// A run of letters, marks and digits; everything else (white space, punctuation,
// symbols, the Khmer full stop ។) separates words.
const WORD_RUN = /[\p{L}\p{M}\p{N}]+/gu;
const NEEDS_SEGMENTER = /[\p{Script=Khmer}\p{Script=Han}]/u;

// ICU's word break dictionaries (Khmer, Chinese) are the ones Meilisearch's tokenizer uses.
const segmenter = new Intl.Segmenter('km', { granularity: 'word' });

/**
 * Splits a text into words the way both search engines see them.
 * @example analyze('Lễ hội đua ghe ngo').map((t) => t.key) // ['le', 'hoi', 'dua', 'ghe', 'ngo']
 */
export function analyze(text: string): Token[] {
  const tokens: Token[] = [];
  for (const run of text.matchAll(WORD_RUN)) {
    if (NEEDS_SEGMENTER.test(run[0])) pushSegmented(tokens, run[0], run.index);
    else pushToken(tokens, run[0], run.index);
  }
  return tokens;
}

function pushSegmented(tokens: Token[], run: string, offset: number): void {
  // Segment the folded run: ICU splits simplified and traditional Han differently, and
  // both spellings must give the same words. Folding keeps offsets (see foldHan).
  for (const part of segmenter.segment(foldHan(run))) {
    if (part.isWordLike !== true) continue;
    const start = offset + part.index;
    pushToken(tokens, text(run, part.index, part.segment.length), start);
  }
}

function text(run: string, index: number, length: number): string {
  return run.slice(index, index + length);
}

// Most words of an archive in Vietnamese and English are plain ASCII: skip the folding work.
const ASCII_WORD = /^[A-Za-z0-9]+$/;

// Words repeat (a language has a few thousand syllables): fold each spelling once. Bounded,
// so a stream of distinct words (ids, numbers) cannot grow it without end.
const MAX_REMEMBERED_WORDS = 50_000;
const folded = new Map<string, Pick<Token, 'key' | 'exact' | 'script'>>();

function pushToken(tokens: Token[], original: string, start: number): void {
  let forms = folded.get(original);
  if (forms === undefined) {
    forms = foldForms(original);
    if (folded.size >= MAX_REMEMBERED_WORDS) folded.clear();
    folded.set(original, forms);
  }
  tokens.push({ key: forms.key, exact: forms.exact, script: forms.script, start, end: start + original.length });
}

function foldForms(original: string): Pick<Token, 'key' | 'exact' | 'script'> {
  if (ASCII_WORD.test(original)) {
    const lower = original.toLowerCase();
    return { key: lower, exact: lower, script: /^[0-9]+$/.test(original) ? 'other' : 'latin' };
  }
  const script = scriptOf(original);
  return { key: foldWord(original, script), exact: exactWord(original), script };
}

/**
 * The words an index stores for a text: analyze()'s words, each Khmer compound followed by
 * the dictionary words written inside it (see khmer-compound.ts), so ទូក finds ទូកង in
 * either engine. Queries are not expanded: a query word matches a compound or its parts.
 * @example analyzeForIndex('ទូកង').map((t) => t.key) // ['ទូកង', 'ទូក', 'ង']
 */
export function analyzeForIndex(text: string): Token[] {
  const tokens: Token[] = [];
  for (const token of analyze(text)) {
    tokens.push(token);
    if (token.script !== 'khmer') continue;
    for (const part of khmerSubwords(token.key)) {
      const start = token.start + part.start;
      tokens.push({ key: part.word, exact: part.word, script: 'khmer', start, end: token.start + part.end });
    }
  }
  return tokens;
}

/**
 * The text an index stores: matching keys joined by spaces.
 * @example indexText('Lễ hội') === 'le hoi'
 */
export function indexText(value: string): string {
  return analyze(value)
    .map((token) => token.key)
    .join(' ');
}

/**
 * The exact forms that differ from their keys (words written with tones), joined by
 * spaces: what tone-exact ranking looks for.
 * @example tonedText('Lễ hội Ok Om Bok') === 'lễ hội'
 */
export function tonedText(value: string): string {
  return analyze(value)
    .filter((token) => token.exact !== token.key)
    .map((token) => token.exact)
    .join(' ');
}
