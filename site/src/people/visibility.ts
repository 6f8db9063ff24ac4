import type { MessageId } from '../i18n/vi.ts';

/** What a record says about who may see it: every item answer, list entry and search hit carries it. */
export interface RecordState {
  status: string;
  access: { level: string; embargoUntil?: string | undefined; communities?: readonly string[] | undefined };
}

export interface Visibility {
  /** The record's state when it is not published (draft, in review, withdrawn). */
  status: MessageId | null;
  /** Who besides staff may see it. */
  who: { id: MessageId; values?: Record<string, string> };
}

/** Every message a badge may use, for the search island, which draws badges in the browser. */
export const VISIBILITY_MESSAGES = [
  'visibility.label',
  'visibility.staff',
  'visibility.researchers',
  'visibility.community',
  'visibility.communityUnnamed',
  'visibility.embargo',
  'visibility.metadataOnly',
  'itemStatus.draft',
  'itemStatus.in-review',
  'itemStatus.withdrawn',
] as const satisfies readonly MessageId[];

const STATUS: Record<string, MessageId> = { draft: 'itemStatus.draft', 'in-review': 'itemStatus.in-review', withdrawn: 'itemStatus.withdrawn' };

/**
 * The badge a signed-in viewer sees on a record the public cannot see as it is, or null
 * for a published public record. Only staff see unpublished records, whatever the level.
 * @example visibility({ status: 'published', access: { level: 'researchers' } })?.who.id // 'visibility.researchers'
 * @example visibility({ status: 'draft', access: { level: 'public' } })?.who.id // 'visibility.staff'
 * @example visibility({ status: 'published', access: { level: 'public' } }) // null
 */
export function visibility(record: RecordState, formatDate: (iso: string) => string = (iso) => iso): Visibility | null {
  const status = STATUS[record.status] ?? null;
  if (status !== null) return { status, who: { id: 'visibility.staff' } };
  const { level, embargoUntil, communities } = record.access;
  switch (level) {
    case 'researchers':
      return { status, who: { id: 'visibility.researchers' } };
    case 'community':
      return communities && communities.length > 0
        ? { status, who: { id: 'visibility.community', values: { communities: communities.join(', ') } } }
        : { status, who: { id: 'visibility.communityUnnamed' } };
    case 'embargo':
      return { status, who: embargoUntil ? { id: 'visibility.embargo', values: { date: formatDate(embargoUntil) } } : { id: 'visibility.staff' } };
    case 'metadata-only':
      return { status, who: { id: 'visibility.metadataOnly' } };
    default:
      return null;
  }
}
