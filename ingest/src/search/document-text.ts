import type { SearchDocument } from '@disan/schemas';
import { analyzeForIndex, type Token } from '../analyzer/index.ts';

/**
 * A document's searchable text as both engines index it, each text analyzed once; Khmer
 * compounds are followed by the words inside them (analyzeForIndex).
 */
export interface DocumentText {
  /** Titles, alternative names and a dictionary entry's search keys: keys joined by spaces. */
  names: string;
  /** Descriptions, subjects, places and a library record's catalogued text. */
  body: string;
  /** Text found inside media. */
  full: string;
  /** Distinct words written with tones (exact forms), for tone-exact ranking. */
  toned: string[];
}

export function documentText(document: SearchDocument): DocumentText {
  const toned = new Set<string>();
  const keysOf = (texts: readonly string[]): string =>
    texts
      .map((text) => {
        const tokens = analyzeForIndex(text);
        for (const token of tokens) if (isToned(token)) toned.add(token.exact);
        return tokens.map((token) => token.key).join(' ');
      })
      .join(' ');
  return {
    // A word's entry keys are analyzer keys already (see entrySearchKeys): indexed as they are.
    names: [keysOf([...document.title.map((title) => title.value), ...document.alternativeNames]), ...(document.entryKeys ?? [])].join(' '),
    body: keysOf([...document.description.map((text) => text.value), ...document.subjects, ...document.places, ...(document.library ?? [])]),
    full: keysOf(document.fullText),
    toned: [...toned],
  };
}

function isToned(token: Token): boolean {
  return token.exact !== token.key && token.script !== 'han';
}
