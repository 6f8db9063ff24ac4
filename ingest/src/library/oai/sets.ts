import { ETHNIC_GROUPS, ITEM_KINDS, type Collection, type Item } from '@disan/schemas';

/**
 * The sets a harvester can ask for: `collection:<id>`, `ethnic:<code>`, `kind:<kind>`, and
 * their three parents (`collection` is every record in a collection the public may read).
 * The colon is OAI-PMH's hierarchy separator, so a harvester that knows sets sees the tree.
 */
export type SetFamily = 'collection' | 'ethnic' | 'kind';
export interface SetSpec {
  family: SetFamily;
  value?: string;
}

const FAMILIES: readonly SetFamily[] = ['collection', 'ethnic', 'kind'];

/** @example parseSetSpec('ethnic:khmer') // { family: 'ethnic', value: 'khmer' } */
export function parseSetSpec(spec: string): SetSpec | null {
  const [family, value, extra] = spec.split(':');
  if (!FAMILIES.includes(family as SetFamily) || extra !== undefined || value === '') return null;
  return value === undefined ? { family: family as SetFamily } : { family: family as SetFamily, value };
}

/** The sets a record is in, as its header lists them; only collections the public may read. */
export function setSpecsOf(item: Pick<Item, 'kind' | 'ethnicGroups' | 'collections'>, readableCollections: ReadonlySet<string>): string[] {
  return [
    `kind:${item.kind}`,
    ...item.ethnicGroups.map((code) => `ethnic:${code}`),
    ...(item.collections ?? []).filter((id) => readableCollections.has(id)).map((id) => `collection:${id}`),
  ];
}

export interface OaiSet {
  spec: string;
  name: string;
}

const FAMILY_NAMES: Record<SetFamily, string> = {
  collection: 'Collections',
  ethnic: 'Ethnic groups',
  kind: 'Kinds of record',
};

/** ListSets: the three parents, then each set that has at least one record the public may read. */
export function describeSets(present: { kinds: string[]; ethnicGroups: string[]; collections: Collection[] }): OaiSet[] {
  const groups = ETHNIC_GROUPS as Record<string, { vi: string; en: string } | undefined>;
  return [
    ...FAMILIES.map((family) => ({ spec: family, name: FAMILY_NAMES[family] })),
    ...present.collections.map((c) => ({ spec: `collection:${c.id}`, name: c.title[0]?.value ?? c.id })),
    ...present.ethnicGroups.map((code) => ({ spec: `ethnic:${code}`, name: groups[code] ? `${groups[code].vi} (${groups[code].en})` : code })),
    ...present.kinds.filter((kind) => (ITEM_KINDS as readonly string[]).includes(kind)).map((kind) => ({ spec: `kind:${kind}`, name: `Kind: ${kind}` })),
  ];
}
