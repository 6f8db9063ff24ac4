/**
 * Identifier keys: how a document number (số hiệu) or an ISBN is matched whatever way it
 * is typed. Users copy "45/2024/QĐ-UBND" from a paper, or type "45 2024 QD UBND", or
 * "45/2024/qđ-ubnd"; all are one key, 452024qdubnd: letters folded as the analyzer folds
 * them (tones and marks removed, đ read as d, lower case), and everything that is not a
 * letter or a digit dropped. Both search engines compare these keys, so they agree.
 */

const COMBINING_MARKS = /\p{M}/gu;
const NOT_LETTER_OR_DIGIT = /[^\p{L}\p{N}]/gu;
const DIGIT = /\p{Nd}/u;
/** Shorter keys ("12", "a1") would find records by chance, not by their number. */
const MIN_KEY_LENGTH = 4;

/**
 * @example identifierKey('45/2024/QĐ-UBND') === '452024qdubnd'
 * @example identifierKey('978-604-0-00000-0') === '9786040000000'
 */
export function identifierKey(value: string): string {
  return value
    .normalize('NFKD')
    .replace(COMBINING_MARKS, '')
    .toLowerCase()
    .replaceAll('đ', 'd')
    .replace(NOT_LETTER_OR_DIGIT, '')
    .normalize('NFC');
}

/** Whether a key can stand for an identifier: long enough, and with a digit in it. */
export function isIdentifierKey(key: string): boolean {
  return key.length >= MIN_KEY_LENGTH && DIGIT.test(key);
}

/**
 * The identifier keys a query may mean: the whole query's key ("45 2024 QĐ UBND"), and
 * the key of each space-separated part that holds a digit, so "quyết định 45/2024/QĐ-UBND"
 * also finds the decision by its number.
 * @example queryIdentifierKeys('quyết định 45/2024/QĐ-UBND') // ['quyetdinh452024qdubnd', '452024qdubnd']
 */
export function queryIdentifierKeys(q: string): string[] {
  const keys = [q, ...q.split(/\s+/u)].map(identifierKey).filter(isIdentifierKey);
  return [...new Set(keys)];
}

/** The keys a record is found by: each value's key, when it can stand for an identifier. */
export function identifierKeysOf(values: readonly string[]): string[] {
  return [...new Set(values.map(identifierKey).filter(isIdentifierKey))];
}
