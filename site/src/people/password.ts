import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '@disan/schemas/password-policy';
import type { FormMessage } from '../forms/form.ts';

/** The policy's limits (NIST SP 800-63B and ASVS 2.1.1-2.1.2, as the engine applies them): said to the person before they type. */
export const PASSWORD_MIN = PASSWORD_MIN_LENGTH;
export const PASSWORD_MAX = PASSWORD_MAX_LENGTH;

const KINDS: readonly (readonly [RegExp, FormMessage])[] = [
  [/common|guess|known|breach/i, { id: 'password.common' }],
  [/e-?mail|name/i, { id: 'password.personal' }],
  [/at most|long|128/i, { id: 'password.tooLong', values: { max: PASSWORD_MAX } }],
  [/at least|short|characters|12/i, { id: 'password.tooShort', values: { min: PASSWORD_MIN } }],
];

/**
 * The password policy's problems, as the API names them, in the reader's language: each
 * is recognised by what it speaks of (length, common passwords, the person's own name or
 * email); anything else reads as "choose another".
 * @example passwordProblems(['must be at least 10 characters']) // [{ id: 'password.tooShort', values: { min: 10 } }]
 */
export function passwordProblems(problems: readonly string[]): FormMessage[] {
  const found = problems.map((problem) => KINDS.find(([pattern]) => pattern.test(problem))?.[1] ?? { id: 'password.weak' } as const);
  const unique = new Map(found.map((m) => [m.id, m]));
  return unique.size > 0 ? [...unique.values()] : [{ id: 'password.weak' }];
}
