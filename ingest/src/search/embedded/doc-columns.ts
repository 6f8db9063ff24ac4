import { FACETS, type Facet, type SearchDocument, type SearchFilters } from '@disan/schemas';
import { Bitset } from './bitset.ts';
import type { SearchScope } from '../engine.ts';
import { activeFilters, facetValues, type FacetValues } from '../filters.ts';
import { withinRadius, type GeoCircle } from './geo.ts';
import type { FacetCounts } from '../result.ts';
import { titleSortKeys } from '../sort.ts';

/** What the embedded engine filters, counts and sorts by, stored per document as JSON. */
export interface DocMeta {
  facets: FacetValues;
  year: number | null;
  updatedAt: string;
  geo: { lat: number; lon: number } | null;
  titleSort: Record<string, string>;
  /** Document numbers and identifiers as identifier keys (absent on records without any). */
  identifierKeys?: string[];
  /** A dictionary entry's headwords and romanisations as whole keys (absent on other records). */
  headwordKeys?: string[];
}

export function docMeta(document: SearchDocument): DocMeta {
  const meta: DocMeta = { facets: facetValues(document), year: document.year, updatedAt: document.updatedAt, geo: document.geo, titleSort: titleSortKeys(document.title) };
  if (document.identifierKeys && document.identifierKeys.length > 0) meta.identifierKeys = document.identifierKeys;
  if (document.headwordKeys && document.headwordKeys.length > 0) meta.headwordKeys = document.headwordKeys;
  return meta;
}

/** Facet values interned to small ints, each with the set of documents holding it. */
interface FacetColumn {
  ids: Map<string, number>;
  names: string[];
  members: Bitset[];
}

const MIN_CAPACITY = 1024;

/**
 * Document metadata as columns indexed by rowid: a bitset per facet value, years and
 * coordinates in typed arrays. Filters and scopes become bitset ANDs/ORs and facet
 * counts popcounts, so a query costs a few passes over words, not one object per document.
 */
export class DocColumns {
  #capacity = 0;
  #live = new Bitset(0);
  #metas: (DocMeta | undefined)[] = [];
  #years: Float64Array = new Float64Array(0);
  #lats: Float64Array = new Float64Array(0);
  #lons: Float64Array = new Float64Array(0);
  #facets = emptyFacets();
  /** Rowids by identifier key: few records have one, so a map of small sets, not bitsets. */
  #identifiers: KeyHolders = new Map();
  /** Rowids by headword key: words only, so again a map of small sets. */
  #headwords: KeyHolders = new Map();

  /** Room for every rowid below the capacity; match sets are made this size. */
  get capacity(): number {
    return this.#capacity;
  }

  meta(rowid: number): DocMeta | undefined {
    return this.#metas[rowid];
  }

  /** Null years as NaN: compare with `compareYears`. */
  year(rowid: number): number {
    return this.#years[rowid] ?? Number.NaN;
  }

  set(rowid: number, meta: DocMeta): void {
    if (this.#metas[rowid] !== undefined) this.delete(rowid);
    this.reserve(rowid + 1);
    this.#metas[rowid] = meta;
    this.#live.add(rowid);
    this.#years[rowid] = meta.year ?? Number.NaN;
    this.#lats[rowid] = meta.geo?.lat ?? Number.NaN;
    this.#lons[rowid] = meta.geo?.lon ?? Number.NaN;
    for (const facet of FACETS) {
      const column = this.#facets[facet];
      for (const value of meta.facets[facet]) column.members[this.#intern(column, value)]!.add(rowid);
    }
    addHolder(this.#identifiers, meta.identifierKeys, rowid);
    addHolder(this.#headwords, meta.headwordKeys, rowid);
  }

  delete(rowid: number): void {
    const meta = this.#metas[rowid];
    if (meta === undefined) return;
    this.#metas[rowid] = undefined;
    this.#live.delete(rowid);
    for (const facet of FACETS) {
      const column = this.#facets[facet];
      for (const value of meta.facets[facet]) column.members[column.ids.get(value)!]!.delete(rowid);
    }
    deleteHolder(this.#identifiers, meta.identifierKeys, rowid);
    deleteHolder(this.#headwords, meta.headwordKeys, rowid);
  }

  clear(): void {
    this.#capacity = 0;
    this.#live = new Bitset(0);
    this.#metas = [];
    this.#years = this.#lats = this.#lons = new Float64Array(0);
    this.#facets = emptyFacets();
    this.#identifiers = new Map();
    this.#headwords = new Map();
  }

  /** Grows every column to hold rowids below `size` (doubling, so loading stays linear). */
  reserve(size: number): void {
    if (size <= this.#capacity) return;
    const capacity = Math.ceil(Math.max(size, this.#capacity * 2, MIN_CAPACITY) / 32) * 32;
    this.#live = this.#live.resized(capacity);
    this.#years = grow(this.#years, capacity);
    this.#lats = grow(this.#lats, capacity);
    this.#lons = grow(this.#lons, capacity);
    for (const facet of FACETS) {
      const column = this.#facets[facet];
      column.members = column.members.map((members) => members.resized(capacity));
    }
    this.#capacity = capacity;
  }

  /** Every stored document. */
  all(): Bitset {
    return this.#live.clone();
  }

  /** Documents passing the filters and the scope (an OR of filter sets), as a new set. */
  matching(filters: SearchFilters, scope: SearchScope): Bitset {
    const result = this.#passing(filters);
    if (scope === undefined) return result;
    const allowed = new Bitset(this.#capacity);
    for (const set of scope) allowed.or(this.#passing(set));
    return result.and(allowed);
  }

  /** Documents holding any of the identifier keys, as a new set. */
  withIdentifier(keys: readonly string[]): Bitset {
    return this.#holding(this.#identifiers, keys);
  }

  /** Dictionary entries with one of the headword keys, as a new set. */
  withHeadword(keys: readonly string[]): Bitset {
    return this.#holding(this.#headwords, keys);
  }

  #holding(holders: KeyHolders, keys: readonly string[]): Bitset {
    const found = new Bitset(this.#capacity);
    for (const key of keys) for (const rowid of holders.get(key) ?? []) found.add(rowid);
    return found;
  }

  /** Drops the members of `set` outside the circle (and those without coordinates). */
  keepWithin(set: Bitset, circle: GeoCircle): void {
    for (const rowid of set.toArray()) {
      const [lat, lon] = [this.#lats[rowid]!, this.#lons[rowid]!];
      if (Number.isNaN(lat) || !withinRadius(circle, lat, lon)) set.delete(rowid);
    }
  }

  /**
   * Counts facet values over a result set, like facetDistribution. Values are listed in
   * the order their first document (lowest rowid) appears, as a scan of the set would.
   * A small set is scanned; a large one is popcounted against each value's bitset.
   */
  /** `candidates.rowids` is read only when scanning them is cheaper than popcounts (few candidates). */
  countFacets(set: Bitset, candidates: { total: number; rowids: Uint32Array }, facets: readonly Facet[]): FacetCounts {
    const counts: FacetCounts = {};
    for (const facet of facets) {
      const column = this.#facets[facet];
      const scan = candidates.total * 4 < column.names.length * set.words.length;
      counts[facet] = scan ? this.#scanFacet(facet, candidates.rowids) : this.#popcountFacet(facet, set);
    }
    return counts;
  }

  #scanFacet(facet: Facet, rowids: Uint32Array): Record<string, number> {
    const bucket: Record<string, number> = {};
    for (const rowid of rowids) {
      const values = this.#metas[rowid]?.facets[facet] ?? [];
      for (const value of values.length > 1 ? new Set(values) : values) bucket[value] = (bucket[value] ?? 0) + 1;
    }
    return bucket;
  }

  #popcountFacet(facet: Facet, set: Bitset): Record<string, number> {
    const column = this.#facets[facet];
    const found: { value: string; count: number; first: number; position: number }[] = [];
    column.members.forEach((members, id) => {
      const count = set.countAnd(members);
      if (count === 0) return;
      const value = column.names[id]!;
      const first = set.firstAnd(members);
      found.push({ value, count, first, position: this.#metas[first]?.facets[facet].indexOf(value) ?? 0 });
    });
    found.sort((a, b) => a.first - b.first || a.position - b.position);
    return Object.fromEntries(found.map((entry) => [entry.value, entry.count]));
  }

  /** Live documents matching one filter set: AND across fields, OR within a field. */
  #passing(filters: SearchFilters): Bitset {
    const result = this.#live.clone();
    for (const [facet, wanted] of activeFilters(filters)) {
      const column = this.#facets[facet];
      const any = new Bitset(this.#capacity);
      for (const value of wanted) {
        const id = column.ids.get(value);
        if (id !== undefined) any.or(column.members[id]!);
      }
      result.and(any);
    }
    return result;
  }

  #intern(column: FacetColumn, value: string): number {
    let id = column.ids.get(value);
    if (id === undefined) {
      id = column.names.length;
      column.ids.set(value, id);
      column.names.push(value);
      column.members.push(new Bitset(this.#capacity));
    }
    return id;
  }
}

type KeyHolders = Map<string, Set<number>>;

function addHolder(holders: KeyHolders, keys: readonly string[] | undefined, rowid: number): void {
  for (const key of keys ?? []) {
    let rowids = holders.get(key);
    if (!rowids) holders.set(key, (rowids = new Set()));
    rowids.add(rowid);
  }
}

function deleteHolder(holders: KeyHolders, keys: readonly string[] | undefined, rowid: number): void {
  for (const key of keys ?? []) {
    const rowids = holders.get(key);
    rowids?.delete(rowid);
    if (rowids?.size === 0) holders.delete(key);
  }
}

function emptyFacets(): Record<Facet, FacetColumn> {
  return Object.fromEntries(FACETS.map((facet) => [facet, { ids: new Map(), names: [], members: [] }])) as unknown as Record<Facet, FacetColumn>;
}

function grow(column: Float64Array, capacity: number): Float64Array {
  const grown = new Float64Array(capacity).fill(Number.NaN);
  grown.set(column);
  return grown;
}
