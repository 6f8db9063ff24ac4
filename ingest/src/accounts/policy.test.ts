import { describe, expect, it } from 'vitest';
import { checkPassword } from './policy.ts';

describe('the password policy', () => {
  it.each([
    ['a long passphrase', 'tàu đi qua cầu cũ', []],
    ['ten characters exactly', 'x7#kq2!pzr', []],
    ['nine characters', 'x7#kq2!pz', [/at least 10 characters \(this one has 9\)/]],
    ['ten Khmer code points, whatever their UTF-16 length', 'សួស្តីអ្នក', []],
    ['a common password', 'password123', [/common passwords/]],
    ['a common password in other case', 'PASSWORD123', [/common passwords/]],
    ['longer than 256', 'a'.repeat(257), [/at most 256 characters/]],
  ])('%s', (_name, password, expected) => {
    const problems = checkPassword(password);
    expect(problems).toHaveLength(expected.length);
    expected.forEach((pattern, i) => {
      expect(problems[i]).toMatch(pattern);
    });
  });

  it('counts characters after NFKC: full-width letters count as one each', () => {
    expect(checkPassword('ｆｕｌｌｗｉｄｔｈ９')).toEqual([]);
    expect(Array.from('ｆｕｌｌｗｉｄｔｈ９'.normalize('NFKC')).length).toBe(10);
  });

  it('refuses the person\'s own email, its local part, or name', () => {
    expect(checkPassword('ana.nguyen@example.org', { email: 'Ana.Nguyen@example.org' })).toEqual([expect.stringMatching(/email address or your name/)]);
    expect(checkPassword('ana.nguyen.tv', { email: 'ana.nguyen.tv@example.org' })).toEqual([expect.stringMatching(/email address or your name/)]);
    expect(checkPassword('Nguyễn Thị Ana', { name: 'nguyễn thị ana' })).toEqual([expect.stringMatching(/email address or your name/)]);
  });

  it('has no composition rules: lower-case letters only are fine', () => {
    expect(checkPassword('rivermarketlantern')).toEqual([]);
  });
});
