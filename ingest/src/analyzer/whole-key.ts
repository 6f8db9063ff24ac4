import { analyze } from './analyzer.ts';

/**
 * A whole text as one matching key: the analyzer's keys (tones and marks removed, Han folded
 * to simplified, lower case) joined without spaces, so "Tuk-ngô", "tuk ngo" and "tukngo"
 * are one key, and 龍舟 and 龙舟 are another. A dictionary entry's headwords and
 * romanisations are stored this way, and a query whose key equals one of them is that word
 * exactly (ranked first in both engines). Empty when the text has no word.
 * @example wholeKey('Tuk-ngô') === 'tukngo'
 * @example wholeKey('龍舟') === wholeKey('龙舟')
 */
export function wholeKey(text: string): string {
  return analyze(text)
    .map((token) => token.key)
    .join('');
}
