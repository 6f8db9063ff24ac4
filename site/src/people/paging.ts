/**
 * The page number of a list from the address (`?page=3`), 1 when missing or odd.
 * @example pageNumber(new URLSearchParams('page=3')) // 3
 * @example pageNumber(new URLSearchParams('page=-1')) // 1
 */
export function pageNumber(params: URLSearchParams): number {
  const page = Number(params.get('page') ?? '1');
  return Number.isInteger(page) && page >= 1 && page <= 100_000 ? page : 1;
}
