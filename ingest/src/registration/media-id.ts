import { createHash } from 'node:crypto';

/** One id per (item, content): the same file twice on one item is one media; on two items, two media sharing one original. */
export function mediaIdFor(itemId: string, sha256: string): string {
  return `m-${createHash('sha256').update(`${itemId}\n${sha256}`).digest('hex').slice(0, 24)}`;
}
