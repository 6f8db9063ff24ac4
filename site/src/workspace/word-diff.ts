import { DIFF_DELETE, DIFF_INSERT, diff_match_patch } from '@dmsnell/diff-match-patch';

/** A run of text as a word-level comparison shows it. */
export interface DiffPart {
  op: 'same' | 'removed' | 'added';
  text: string;
}

/**
 * Words, spaces and punctuation as separate tokens. Intl.Segmenter knows where words end
 * in scripts written without spaces (Khmer, Chinese), so a changed Khmer word is marked
 * alone rather than the whole line.
 * @example wordsOf('Lễ hội Ok Om Bok', 'vi') // ['Lễ', ' ', 'hội', ' ', 'Ok', ' ', 'Om', ' ', 'Bok']
 */
export function wordsOf(text: string, locale: string | undefined): string[] {
  return Array.from(new Intl.Segmenter(locale, { granularity: 'word' }).segment(text), (s) => s.segment);
}

// Each distinct token becomes one character, so diff-match-patch compares words, not letters
// (its documented "word mode"); the surrogate range is skipped to keep each token one code unit.
const FIRST_CODE = 0x100;
const LAST_CODE = 0xffef;
const SURROGATES: readonly [number, number] = [0xd800, 0xdfff];

function encoder(): { encode: (tokens: readonly string[]) => string | null; decode: (chars: string) => string } {
  const codes = new Map<string, number>();
  const tokens: string[] = [];
  let next = FIRST_CODE;
  const encode = (words: readonly string[]): string | null => {
    let out = '';
    for (const word of words) {
      let code = codes.get(word);
      if (code === undefined) {
        if (next === SURROGATES[0]) next = SURROGATES[1] + 1;
        if (next > LAST_CODE) return null;
        code = next++;
        codes.set(word, code);
        tokens[code] = word;
      }
      out += String.fromCharCode(code);
    }
    return out;
  };
  const decode = (chars: string): string => Array.from(chars, (c) => tokens[c.charCodeAt(0)] ?? '').join('');
  return { encode, decode };
}

/**
 * Two texts compared word by word: the runs both share, those removed and those added,
 * in reading order. Texts with more distinct words than one character can name are shown
 * as one removal and one addition.
 * @example wordDiff('a red hat', 'a blue hat', 'en') // [{op:'same',text:'a '},{op:'removed',text:'red'},{op:'added',text:'blue'},{op:'same',text:' hat'}]
 */
export function wordDiff(before: string, after: string, locale?: string): DiffPart[] {
  if (before === after) return before === '' ? [] : [{ op: 'same', text: before }];
  const { encode, decode } = encoder();
  const a = encode(wordsOf(before, locale));
  const b = a === null ? null : encode(wordsOf(after, locale));
  if (a === null || b === null) return [...(before ? [{ op: 'removed' as const, text: before }] : []), ...(after ? [{ op: 'added' as const, text: after }] : [])];
  const dmp = new diff_match_patch();
  dmp.Diff_Timeout = 1;
  const diffs = dmp.diff_main(a, b, false);
  // Merges "the / quick" edits split by a single shared space into readable phrases.
  dmp.diff_cleanupSemantic(diffs);
  const parts: DiffPart[] = [];
  for (const [op, chars] of diffs) {
    const text = decode(chars);
    if (text === '') continue;
    const kind = op === DIFF_DELETE ? 'removed' : op === DIFF_INSERT ? 'added' : 'same';
    const last = parts.at(-1);
    if (last?.op === kind) last.text += text;
    else parts.push({ op: kind, text });
  }
  return parts;
}
