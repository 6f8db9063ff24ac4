/**
 * The first `k` of the items 0..n-1 in `compare` order, as indices. Only a page of
 * results is shown, so a heap of `k` items (n log k) replaces sorting them all; a large
 * share of the items is sorted outright. `compare` must be a total order.
 * @example Array.from(firstInOrder(5, 2, (a, b) => b - a)) // [4, 3]
 */
export function firstInOrder(n: number, k: number, compare: (a: number, b: number) => number): Uint32Array {
  const wanted = Math.max(0, Math.min(k, n));
  if (wanted * 8 >= n) {
    const all = new Uint32Array(n);
    for (let index = 0; index < n; index++) all[index] = index;
    return all.sort(compare).subarray(0, wanted);
  }
  // A max-heap on `compare`: the root is the worst item kept so far.
  const heap = new Uint32Array(wanted);
  let size = 0;
  for (let item = 0; item < n; item++) {
    if (size < wanted) {
      siftUp(heap, size++, item, compare);
    } else if (compare(item, heap[0]!) < 0) {
      siftDown(heap, size, item, compare);
    }
  }
  return heap.sort(compare);
}

function siftUp(heap: Uint32Array, at: number, item: number, compare: (a: number, b: number) => number): void {
  let index = at;
  while (index > 0) {
    const parent = (index - 1) >>> 1;
    if (compare(heap[parent]!, item) >= 0) break;
    heap[index] = heap[parent]!;
    index = parent;
  }
  heap[index] = item;
}

/** Puts `item` in place of the root and restores the heap. */
function siftDown(heap: Uint32Array, size: number, item: number, compare: (a: number, b: number) => number): void {
  let index = 0;
  for (;;) {
    let child = index * 2 + 1;
    if (child >= size) break;
    if (child + 1 < size && compare(heap[child + 1]!, heap[child]!) > 0) child++;
    if (compare(heap[child]!, item) <= 0) break;
    heap[index] = heap[child]!;
    index = child;
  }
  heap[index] = item;
}
