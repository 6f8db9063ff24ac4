import { ITEM_KINDS, type ItemKind, type SearchFilters } from '@disan/schemas';

/**
 * Dictionary words (issue 14) and inventory elements (issue 15) are the archive's own
 * reference data, not catalogue records: OAI-PMH and SRU never disseminate them (issue 14:
 * "OAI-PMH is not needed for entries"). The archive's own search still finds them (kind facet).
 */
export const NOT_HARVESTED_KINDS: readonly ItemKind[] = ['word', 'element'];

export const isHarvestedKind = (kind: string): boolean => !(NOT_HARVESTED_KINDS as readonly string[]).includes(kind);

/**
 * A search's filters narrowed to the kinds harvesters see; null when the kinds asked for
 * are all left out (an empty kind filter would mean every kind, so it cannot be sent).
 * @example harvestedFilters({ kind: ['word'] }) === null
 */
export function harvestedFilters(filters: SearchFilters = {}): SearchFilters | null {
  const kinds = (filters.kind ?? ITEM_KINDS).filter(isHarvestedKind);
  return kinds.length === 0 ? null : { ...filters, kind: kinds };
}
