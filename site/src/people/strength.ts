import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, passwordLength } from '@disan/schemas/password-policy';

/**
 * A rough estimate of how hard a new password is to guess, shown as the person types
 * (OWASP ASVS 4.0.3, 2.1.8). It only guides: the server's check (length and the list of
 * common passwords, ingest/src/accounts/policy.ts) decides. Deliberately simple, so it
 * can be explained in one paragraph and never contradicts the policy:
 *
 * - the length is the policy's own count (passwordLength); under the minimum or over the
 *   maximum the level says so, whatever the estimate;
 * - each character is worth log2 of the alphabet the password draws from (the classes of
 *   character present: a-z, A-Z, digits, other letters such as Vietnamese, Khmer or Han,
 *   spaces and symbols), as an attacker trying those classes would have to;
 * - a character that repeats the one before ("aaaa") or continues a run ("abcd", "4321")
 *   adds a quarter of that: such patterns are the first an attacker tries;
 * - a password that is one piece said again ("passwordpassword") is worth that piece once.
 *
 * The bits are then cut into four levels at 40, 60 and 80 bits. A passphrase of a few
 * words is strong. Words and common passwords are beyond it ("Password1234" reads fair):
 * the server's list of common passwords catches those.
 */
export const STRENGTH_LEVELS = ['tooShort', 'tooLong', 'weak', 'fair', 'good', 'strong'] as const;
export type StrengthLevel = (typeof STRENGTH_LEVELS)[number];

export interface Strength {
  /** The policy's count of the password's characters. */
  length: number;
  /** Estimated guess resistance in bits, rounded; 0 for an empty password. */
  bits: number;
  level: StrengthLevel;
}

/** Where the meter's colours change and where the estimate reads as plenty (the meter's low, high and max). */
export const STRENGTH_BITS = { fair: 40, good: 60, strong: 80, max: 100 } as const;

/** Character classes and the size of each, as an attacker's alphabet. */
const CLASSES: readonly (readonly [RegExp, number])[] = [
  [/[a-z]/u, 26],
  [/[A-Z]/u, 26],
  [/[0-9]/u, 10],
  // Letters and marks beyond ASCII: Vietnamese tones, Khmer, Han. Counted as one modest
  // alphabet: a phrase in one script draws on far fewer than the script holds.
  [/[^\p{ASCII}]/u, 100],
  [/[ \p{P}\p{S}]/u, 33],
];

/** How much a character adds, when it repeats or continues what came before. */
const PATTERN_WEIGHT = 0.25;

/**
 * @example passwordStrength('mùa nước nổi ở Sóc Trăng').level // 'strong'
 * @example passwordStrength('123456789012').level // 'weak'
 * @example passwordStrength('short').level // 'tooShort'
 */
export function passwordStrength(password: string): Strength {
  const length = passwordLength(password);
  const chars = Array.from(password.normalize('NFKC').replace(/ {2,}/g, ' '));
  const bits = Math.round(effectiveLength(chars) * Math.log2(alphabetSize(chars) || 1));
  return { length, bits, level: levelOf(length, bits) };
}

function levelOf(length: number, bits: number): StrengthLevel {
  if (length < PASSWORD_MIN_LENGTH) return 'tooShort';
  if (length > PASSWORD_MAX_LENGTH) return 'tooLong';
  if (bits < STRENGTH_BITS.fair) return 'weak';
  if (bits < STRENGTH_BITS.good) return 'fair';
  if (bits < STRENGTH_BITS.strong) return 'good';
  return 'strong';
}

function alphabetSize(chars: readonly string[]): number {
  return CLASSES.filter(([pattern]) => chars.some((c) => pattern.test(c))).reduce((sum, [, size]) => sum + size, 0);
}

/** Characters that count, with repeats and runs worth a quarter, and a repeated piece counted once. */
function effectiveLength(chars: readonly string[]): number {
  const piece = repeatedPiece(chars);
  let total = 0;
  let step: number | null = null;
  for (let i = 0; i < piece.length; i++) {
    const previous = i > 0 ? piece[i - 1]!.codePointAt(0)! : null;
    const current = piece[i]!.codePointAt(0)!;
    const delta = previous === null ? null : current - previous;
    // A repeat (delta 0), or a run going on in the same direction as the step before it.
    const patterned = delta === 0 || (delta !== null && Math.abs(delta) === 1 && (step === null || step === delta));
    total += patterned ? PATTERN_WEIGHT : 1;
    step = delta !== null && Math.abs(delta) === 1 ? delta : null;
  }
  return total;
}

/** The shortest piece the password is made of, said again and again; the whole password when there is none. */
function repeatedPiece(chars: readonly string[]): readonly string[] {
  for (let size = 1; size <= chars.length / 2; size++) {
    if (chars.length % size !== 0) continue;
    if (chars.every((c, i) => c === chars[i % size])) return chars.slice(0, size);
  }
  return chars;
}
