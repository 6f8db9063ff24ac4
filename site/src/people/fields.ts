/**
 * Checks the site makes before asking the API (which checks again): enough to say what
 * is wrong beside the field without a round trip.
 */

/**
 * @example looksLikeEmail('sok@example.org') // true
 * @example looksLikeEmail('sok') // false
 */
export function looksLikeEmail(value: string): boolean {
  return value.length >= 3 && value.length <= 254 && /^[^\s@]+@[^\s@]+$/.test(value);
}
