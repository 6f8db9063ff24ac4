/**
 * The password policy's limits and how a length is counted, shared by the engine's check
 * (ingest/src/accounts/policy.ts), the site's hint and the browser's strength meter, so
 * what a person is told while typing is what the server counts. Plain values with no
 * TypeBox inside, so that browser code can import them.
 *
 * The issue asks for at least 10 characters; OWASP ASVS 4.0.3 (2.1.1, 2.1.2) asks for at
 * least 12, counted after runs of spaces are combined, and at most 128: both are met.
 */
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 128;

/**
 * A password's length as the policy counts it: Unicode code points (as NIST counts them,
 * not UTF-16 units, not grapheme clusters) after NFKC, with runs of spaces counted as one.
 * The password itself is never changed: only its length is counted so.
 * @example passwordLength('mùa  nước') // 8
 * @example passwordLength('ﬁ') // 2 (NFKC turns the ligature into "fi")
 */
export function passwordLength(password: string): number {
  return Array.from(password.normalize('NFKC').replace(/ {2,}/g, ' ')).length;
}
