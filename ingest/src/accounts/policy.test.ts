import { describe, expect, it } from 'vitest';
import { checkPassword } from './policy.ts';

describe('the password policy', () => {
  it.each([
    ['a long passphrase', 'tàu đi qua cầu cũ', []],
    ['twelve characters exactly', 'x7#kq2!pzr4m', []],
    ['eleven characters', 'x7#kq2!pzr4', [/at least 12 characters \(this one has 11\)/]],
    ['twelve once runs of spaces are combined', 'x7#kq2    !pzr', [/at least 12 characters \(this one has 11\)/]],
    ['twelve Khmer code points, whatever their UTF-16 length', 'សួស្តីអ្នកទាំង', []],
    ['128 characters, the most', 'a1'.repeat(64), []],
    ['a common password', 'qwerty123456', [/common passwords/]],
    ['a common password in other case', 'QWERTY123456', [/common passwords/]],
    ['longer than 128', 'a'.repeat(129), [/at most 128 characters/]],
  ])('%s', (_name, password, expected) => {
    const problems = checkPassword(password);
    expect(problems).toHaveLength(expected.length);
    expected.forEach((pattern, i) => {
      expect(problems[i]).toMatch(pattern);
    });
  });

  it('counts characters after NFKC: full-width letters count as one each', () => {
    expect(checkPassword('ｆｕｌｌｗｉｄｔｈ９８７')).toEqual([]);
    expect(Array.from('ｆｕｌｌｗｉｄｔｈ９８７'.normalize('NFKC')).length).toBe(12);
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
