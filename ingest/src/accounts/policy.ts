import { dictionary } from '@zxcvbn-ts/language-common';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, passwordLength } from '@disan/schemas';

export { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH };

/**
 * The password policy of NIST SP 800-63B: long enough, not a known common password, not
 * the person's own email or name, and no composition rules (they make passwords harder to
 * remember, not to guess). Lengths count Unicode code points after NFKC, so a Vietnamese,
 * Khmer or Chinese passphrase counts what a person sees and types.
 *
 * The limits and the count are @disan/schemas' password-policy.ts, which the site's meter
 * shares. The password itself is never changed (no truncation, spaces kept).
 */

let common: Set<string> | undefined;
/** zxcvbn's list of common passwords (about 49,000), lower-cased; loaded at first use. */
function commonPasswords(): Set<string> {
  common ??= new Set(dictionary['passwords-common'].map((word) => word.toLowerCase()));
  return common;
}

/** Problems in plain words, each saying what to do; empty when the password is fine. */
export function checkPassword(password: string, context: { email?: string | undefined; name?: string | undefined } = {}): string[] {
  const normalized = password.normalize('NFKC');
  const length = passwordLength(password);
  if (length < PASSWORD_MIN_LENGTH) return [`Use at least ${PASSWORD_MIN_LENGTH} characters (this one has ${length}); a few words in a row make a good password.`];
  if (length > PASSWORD_MAX_LENGTH) return [`Use at most ${PASSWORD_MAX_LENGTH} characters (this one has ${length}).`];
  const lower = normalized.toLowerCase();
  const problems: string[] = [];
  if (commonPasswords().has(lower)) problems.push('This password is on a list of common passwords that attackers try first; choose another.');
  const own = [context.email, context.email?.split('@')[0], context.name].filter((value): value is string => !!value && value.length > 0);
  if (own.some((value) => value.normalize('NFKC').toLowerCase() === lower)) problems.push('Do not use your email address or your name as your password.');
  return problems;
}
