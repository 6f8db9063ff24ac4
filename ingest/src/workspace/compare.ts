import { create, type Delta } from 'jsondiffpatch';
import type { FieldChange, ItemInput, MediaSnapshot } from '@disan/schemas';

/**
 * Values inside a list are matched by what they are about, not by their place: a
 * multilingual text by its language, a name variant by language and spelling, a place by
 * its name, an agent by name and role, a file by its id. A reordered list then reads as
 * moves, and a changed Khmer title as one change of `title[km]`.
 */
function identityOf(value: object, index?: number): string {
  const v = value as Record<string, unknown>;
  if (typeof v.sha256 === 'string' && typeof v.id === 'string') return `media:${v.id}`;
  if (typeof v.name === 'string' && typeof v.role === 'string') return `agent:${v.name}|${v.role}`;
  if (typeof v.name === 'string') return `place:${v.name}`;
  if (typeof v.lang === 'string' && typeof v.type === 'string' && typeof v.value === 'string') return `variant:${v.lang}|${v.value}`;
  if (typeof v.lang === 'string' && typeof v.value === 'string') return `text:${v.lang}`;
  return JSON.stringify(value) || String(index);
}

const differ = create({ objectHash: identityOf, arrays: { detectMove: true, includeValueOnMove: false } });

/** What the comparison looks at: the fields and the files (their order is their place in the list). */
export interface Compared {
  item: ItemInput;
  media: readonly MediaSnapshot[];
}

const comparable = (side: Compared) => ({
  item: side.item,
  media: [...side.media].sort((a, b) => a.position - b.position).map(({ position: _position, ...rest }) => rest),
});

/** The jsondiffpatch delta from `from` to `to`, and the same read field by field and language by language. */
export function compareVersions(from: Compared, to: Compared): { changes: FieldChange[]; delta: unknown } {
  const left = comparable(from);
  const right = comparable(to);
  const delta = differ.diff(left, right) as Record<string, Delta> | undefined;
  if (!delta) return { changes: [], delta: null };
  const changes: FieldChange[] = [];
  const itemDelta = (delta.item ?? {}) as Record<string, Delta>;
  const leftItem = left.item as unknown as Record<string, unknown>;
  const rightItem = right.item as unknown as Record<string, unknown>;
  for (const field of Object.keys(itemDelta).sort()) changes.push(...fieldChanges(field, itemDelta[field], leftItem[field], rightItem[field]));
  if (delta.media !== undefined) changes.push(...fieldChanges('media', delta.media, left.media, right.media));
  return { changes, delta };
}

type Json = Record<string, unknown>;

function fieldChanges(field: string, delta: Delta, before: unknown, after: unknown): FieldChange[] {
  if (isArrayDelta(delta) && Array.isArray(before) && Array.isArray(after)) return listChanges(field, delta as unknown as Json, before, after);
  if (Array.isArray(delta)) {
    if (delta.length === 1) return spread(field, 'added', delta[0]);
    if (delta.length === 3 && delta[2] === 0) return spread(field, 'removed', delta[0]);
  }
  return [{ field, change: 'changed', ...(before === undefined ? {} : { before }), ...(after === undefined ? {} : { after }) }];
}

const isArrayDelta = (delta: Delta): boolean => typeof delta === 'object' && !Array.isArray(delta) && (delta as unknown as Json)._t === 'a';

/** A whole list added or removed still reads element by element (each language of a new description). */
function spread(field: string, change: 'added' | 'removed', value: unknown): FieldChange[] {
  const side = change === 'added' ? 'after' : 'before';
  if (!Array.isArray(value)) return [{ field, change, [side]: value }];
  return value.map((element: unknown) => ({ field, ...where(element), change, [side]: element }));
}

function listChanges(field: string, delta: Json, before: readonly unknown[], after: readonly unknown[]): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const [key, inner] of Object.entries(delta)) {
    if (key === '_t' || !Array.isArray(inner)) continue;
    if (key.startsWith('_')) {
      const element = before[Number(key.slice(1))];
      if (inner.length === 3 && inner[2] === 0) changes.push({ field, ...where(element), change: 'removed', before: element });
      // Moves count where order means something (files, places, agents), not between languages.
      else if (inner.length === 3 && inner[2] === 3 && !isText(element)) changes.push({ field, ...where(element), change: 'moved', before: Number(key.slice(1)), after: inner[1] });
    } else if (inner.length === 1) {
      changes.push({ field, ...where(inner[0]), change: 'added', after: inner[0] });
    }
  }
  for (const [key, inner] of Object.entries(delta)) {
    if (key === '_t' || key.startsWith('_') || Array.isArray(inner)) continue;
    const element = after[Number(key)];
    const previous = before.find((candidate) => typeof candidate === 'object' && candidate !== null && identityOf(candidate) === identityOf(element as object));
    changes.push({ field, ...where(element), change: 'changed', ...(previous === undefined ? {} : { before: previous }), after: element });
  }
  return changes;
}

const isText = (element: unknown): boolean => typeof element === 'object' && element !== null && 'lang' in element && 'value' in element;

/** The language and the label that tell a value apart inside its list. */
function where(element: unknown): { lang?: string; label?: string } {
  if (typeof element !== 'object' || element === null) return typeof element === 'string' ? { label: element } : {};
  const v = element as Json;
  if (typeof v.originalName === 'string') return { label: v.originalName };
  if (typeof v.name === 'string') return { label: v.name };
  if (typeof v.lang === 'string' && typeof v.type === 'string') return { lang: v.lang, label: String(v.value) };
  if (typeof v.lang === 'string') return { lang: v.lang };
  return {};
}
