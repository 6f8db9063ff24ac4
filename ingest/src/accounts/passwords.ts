import { hash, verify } from '@node-rs/argon2';

/**
 * argon2id at OWASP's first recommended setting (m=19 MiB, t=2, p=1): about 20-40 ms per
 * hash on one core here, slow for a guesser, quick enough for a sign-in. Exported so the
 * bench measures the same parameters. Changing them rehashes each password at its next sign-in.
 */
export const ARGON2_MEMORY_KIB = 19_456;
export const ARGON2_TIME_COST = 2;
export const ARGON2_PARALLELISM = 1;

/** `Algorithm.Argon2id` of @node-rs/argon2, an ambient const enum that erasable TypeScript cannot name. */
const ARGON2ID = 2;
const OPTIONS = { algorithm: ARGON2ID, memoryCost: ARGON2_MEMORY_KIB, timeCost: ARGON2_TIME_COST, parallelism: ARGON2_PARALLELISM };

/** The PHC string ($argon2id$v=19$m=…,t=…,p=…$salt$hash) of a password, with a fresh salt. */
export function hashPassword(password: string): Promise<string> {
  return hash(password.normalize('NFKC'), OPTIONS);
}

/** False for a wrong password and for a stored value that is no argon2 hash at all. */
export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password.normalize('NFKC'));
  } catch {
    return false;
  }
}

/** True when a stored hash was made with other parameters (or another algorithm) than today's. */
export function needsRehash(stored: string): boolean {
  const match = /^\$(argon2(?:id|i|d))\$v=(\d+)\$m=(\d+),t=(\d+),p=(\d+)\$/.exec(stored);
  if (!match) return true;
  const [, algorithm, version, memory, time, parallelism] = match;
  return algorithm !== 'argon2id' || version !== '19' || Number(memory) !== ARGON2_MEMORY_KIB || Number(time) !== ARGON2_TIME_COST || Number(parallelism) !== ARGON2_PARALLELISM;
}

let dummy: Promise<string> | undefined;

/**
 * A hash nobody knows the password of: a sign-in with an unknown email is verified against
 * it, so that answering takes as long as for a real account and timing tells nothing.
 */
export function dummyHash(): Promise<string> {
  dummy ??= hashPassword(`no account ${Math.random()}`);
  return dummy;
}
