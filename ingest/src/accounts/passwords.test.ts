import { hash } from '@node-rs/argon2';
import { describe, expect, it } from 'vitest';
import { ARGON2_MEMORY_KIB, hashPassword, needsRehash, verifyPassword } from './passwords.ts';

describe('password hashing', () => {
  it('hashes with argon2id at the exported parameters and verifies', async () => {
    const stored = await hashPassword('tàu đi qua cầu cũ');
    expect(stored).toMatch(new RegExp(`^\\$argon2id\\$v=19\\$m=${ARGON2_MEMORY_KIB},t=2,p=1\\$`));
    expect(await verifyPassword(stored, 'tàu đi qua cầu cũ')).toBe(true);
    expect(await verifyPassword(stored, 'tau di qua cau cu')).toBe(false);
    expect(needsRehash(stored)).toBe(false);
  });

  it('verifies the NFKC form, so a password typed composed or decomposed is the same', async () => {
    const stored = await hashPassword('cầu cũ cầu mới'.normalize('NFC'));
    expect(await verifyPassword(stored, 'cầu cũ cầu mới'.normalize('NFD'))).toBe(true);
  });

  it('asks for a rehash when the parameters or the algorithm differ', async () => {
    expect(needsRehash(await hash('x', { memoryCost: 8192, timeCost: 2, parallelism: 1 }))).toBe(true);
    expect(needsRehash('$argon2i$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ$aGFzaA')).toBe(true);
    expect(needsRehash('plain text')).toBe(true);
  });

  it('never truncates: two 128-character passwords differing only in the last one do not match', async () => {
    const long = `${'dòng sông '.repeat(12)}abcdefgx`.slice(0, 128);
    const stored = await hashPassword(long);
    expect(await verifyPassword(stored, `${long.slice(0, 127)}y`)).toBe(false);
    expect(await verifyPassword(stored, long)).toBe(true);
  });

  it('answers false, not an error, for a stored value that is no hash', async () => {
    expect(await verifyPassword('not a hash', 'whatever')).toBe(false);
  });
});
