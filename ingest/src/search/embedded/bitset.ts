/**
 * A fixed-size set of small non-negative integers (document rowids), 32 to a word, so
 * filters, scopes and match sets combine with word-wide AND/OR and are counted with
 * popcount instead of walking one JS object per document.
 */
export class Bitset {
  readonly words: Uint32Array;

  /** An empty set for integers below `size`, or a set over existing words. */
  constructor(size: number | Uint32Array) {
    this.words = typeof size === 'number' ? new Uint32Array(Math.ceil(Math.max(size, 0) / 32)) : size;
  }

  /** How many integers fit (a multiple of 32). */
  get capacity(): number {
    return this.words.length * 32;
  }

  /** @example Bitset.of(64, [1, 40]).has(40) === true */
  static of(size: number, members: Iterable<number>): Bitset {
    const set = new Bitset(size);
    for (const member of members) set.add(member);
    return set;
  }

  /** Every integer below `size`. */
  static full(size: number): Bitset {
    const set = new Bitset(size);
    set.words.fill(0xffffffff);
    const extra = set.capacity - size;
    if (extra > 0) set.words[set.words.length - 1] = 0xffffffff >>> extra;
    return set;
  }

  /**
   * Reads SQLite's `group_concat(rowid)` ("3,17,42") straight into a set, with no array
   * of numbers in between; rowids beyond the capacity are ignored.
   * @example Bitset.fromList(64, '3,17').count() === 2
   */
  static fromList(size: number, list: string | null): Bitset {
    const set = new Bitset(size);
    if (list === null) return set;
    const words = set.words;
    const last = words.length * 32;
    let value = 0;
    let digits = false;
    for (let index = 0; index < list.length; index++) {
      const code = list.charCodeAt(index);
      if (code !== 44) {
        value = value * 10 + code - 48;
        digits = true;
      } else {
        if (digits && value < last) words[value >>> 5]! |= 1 << (value & 31);
        value = 0;
        digits = false;
      }
    }
    if (digits && value < last) words[value >>> 5]! |= 1 << (value & 31);
    return set;
  }

  has(member: number): boolean {
    return ((this.words[member >>> 5] ?? 0) & (1 << (member & 31))) !== 0;
  }

  add(member: number): void {
    if (member >>> 5 < this.words.length) this.words[member >>> 5]! |= 1 << (member & 31);
  }

  delete(member: number): void {
    if (member >>> 5 < this.words.length) this.words[member >>> 5]! &= ~(1 << (member & 31));
  }

  clone(): Bitset {
    return new Bitset(this.words.slice());
  }

  /** A copy with room for `size` members. */
  resized(size: number): Bitset {
    const copy = new Bitset(size);
    copy.words.set(this.words.subarray(0, copy.words.length));
    return copy;
  }

  /** Keeps only the members also in `other` (in place, returns this). */
  and(other: Bitset): this {
    const [a, b] = [this.words, other.words];
    const shared = Math.min(a.length, b.length);
    for (let index = 0; index < shared; index++) a[index]! &= b[index]!;
    a.fill(0, shared);
    return this;
  }

  /** Adds the members of `other` (in place, returns this). */
  or(other: Bitset): this {
    const [a, b] = [this.words, other.words];
    const shared = Math.min(a.length, b.length);
    for (let index = 0; index < shared; index++) a[index]! |= b[index]!;
    return this;
  }

  count(): number {
    let total = 0;
    for (const word of this.words) total += popcount(word);
    return total;
  }

  /** Members in both sets, without building the intersection. */
  countAnd(other: Bitset): number {
    const [a, b] = [this.words, other.words];
    const shared = Math.min(a.length, b.length);
    let total = 0;
    for (let index = 0; index < shared; index++) total += popcount(a[index]! & b[index]!);
    return total;
  }

  /** The smallest member in both sets, or -1. */
  firstAnd(other: Bitset): number {
    const [a, b] = [this.words, other.words];
    const shared = Math.min(a.length, b.length);
    for (let index = 0; index < shared; index++) {
      const word = a[index]! & b[index]!;
      if (word !== 0) return index * 32 + (31 - Math.clz32(word & -word));
    }
    return -1;
  }

  /** The first `limit` members in ascending order: reads only as far as they reach. */
  first(limit: number): Uint32Array {
    const out = new Uint32Array(limit);
    let next = 0;
    const words = this.words;
    for (let index = 0; index < words.length && next < limit; index++) {
      let word = words[index]!;
      while (word !== 0 && next < limit) {
        const low = word & -word;
        out[next++] = index * 32 + (31 - Math.clz32(low));
        word ^= low;
      }
    }
    return next === limit ? out : out.subarray(0, next);
  }

  /** Members in ascending order. */
  toArray(): Uint32Array {
    const out = new Uint32Array(this.count());
    let next = 0;
    const words = this.words;
    for (let index = 0; index < words.length; index++) {
      let word = words[index]!;
      while (word !== 0) {
        const low = word & -word;
        out[next++] = index * 32 + (31 - Math.clz32(low));
        word ^= low;
      }
    }
    return out;
  }
}

/** Set bits in a 32-bit word. @example popcount(0b1011) === 3 */
export function popcount(word: number): number {
  let bits = word - ((word >>> 1) & 0x55555555);
  bits = (bits & 0x33333333) + ((bits >>> 2) & 0x33333333);
  return Math.imul((bits + (bits >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24;
}
