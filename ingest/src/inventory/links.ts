import type { ItemInput } from '@disan/schemas';
import type { Sql } from '../database/database.ts';

/** A problem with a record's element links, at its JSON Pointer (as the schema check reports them). */
export interface ElementLinkProblem {
  path: string;
  code: 'element-not-found' | 'not-an-element';
  message: string;
}

/**
 * What is wrong with the elements a record names: an id no live record has, or a record
 * that is not an inventory element (a festival's film is documentation, not heritage to
 * be counted). Coverage counts elements through these links, so a dead or wrong link
 * would silently change a province's figure. Any element counts, draft or published.
 */
export async function elementLinkProblems(sql: Sql, record: Pick<ItemInput, 'elements'>): Promise<ElementLinkProblem[]> {
  const ids = record.elements ?? [];
  if (ids.length === 0) return [];
  const rows = await sql.query<{ id: string; kind: string }>(`SELECT id, kind FROM items WHERE id = ANY($1::text[]) AND deleted_at IS NULL`, [[...new Set(ids)]]);
  const kinds = new Map(rows.map((row) => [row.id, row.kind]));
  return ids.flatMap((id, index): ElementLinkProblem[] => {
    const kind = kinds.get(id);
    const path = `/elements/${index}`;
    if (kind === undefined) return [{ path, code: 'element-not-found', message: `no inventory element has the id ${id}` }];
    if (kind !== 'element') return [{ path, code: 'not-an-element', message: `${id} is a "${kind}", not an inventory element (kind "element")` }];
    return [];
  });
}
