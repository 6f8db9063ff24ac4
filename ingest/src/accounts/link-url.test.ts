import { describe, expect, it } from 'vitest';
import { linkUrl } from './link-url.ts';

describe('linkUrl', () => {
  it.each([
    [undefined, 'vi', 'invitation', 'http://localhost:4321/welcome/tok'],
    ['https://heritage.example.org/', 'en', 'reset', 'https://heritage.example.org/en/reset-password/tok'],
    ['https://heritage.example.org', 'km', 'invitation', 'https://heritage.example.org/km/welcome/tok'],
    ['https://heritage.example.org', 'zh', 'reset', 'https://heritage.example.org/zh/reset-password/tok'],
  ] as const)('%s, %s, %s → %s', (base, language, purpose, expected) => {
    expect(linkUrl(base, language, purpose, 'tok')).toBe(expected);
  });
});
