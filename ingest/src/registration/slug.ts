/**
 * Turns any name into a stable id (a-z, 0-9, -): Vietnamese is folded to ASCII,
 * other scripts fall back to a short hash so every name yields a usable id.
 * @example slugify('Lễ hội Đua ghe ngo/01') === 'le-hoi-dua-ghe-ngo-01'
 */
import { createHash } from 'node:crypto';

export function slugify(name: string): string {
  const ascii = name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 100)
    .replace(/-+$/, '');
  const hasOtherScripts = /[^\p{Script=Latin}\p{N}\p{P}\p{Z}\p{M}\s]/u.test(name);
  if (ascii && !hasOtherScripts) return ascii;
  const hash = createHash('sha256').update(name).digest('hex').slice(0, 10);
  return ascii ? `${ascii.slice(0, 80)}-${hash}` : `f-${hash}`;
}
