import { describe, expect, it } from 'vitest';
import { printable } from './printable.ts';

describe('printable', () => {
  it.each([
    ['a clear-screen escape in a file name', 'ảnh\u001b[2J.jpg', 'ảnh\\u001b[2J.jpg'],
    ['a carriage return that would overwrite the line', 'ok\rFAKE', 'ok\\u000dFAKE'],
    ['a C1 control (CSI)', 'x\u009b31m', 'x\\u009b31m'],
    ['a right-to-left override that reorders what is read', 'photo\u202egpj.exe', 'photo\\u202egpj.exe'],
    ['DEL and NUL', 'a\u007fb\u0000c', 'a\\u007fb\\u0000c'],
  ])('escapes %s', (_, raw, shown) => {
    expect(printable(raw)).toBe(shown);
  });

  it('keeps line breaks, tabs and every script the archive holds', () => {
    const text = 'Lễ hội Ok Om Bok\tបុណ្យអុំទូក\n關帝廟 · Chăm\n';
    expect(printable(text)).toBe(text);
  });
});
