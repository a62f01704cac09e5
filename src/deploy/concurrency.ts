import pLimit from 'p-limit';

/**
 * Runs `fn` over `items` with at most `limit` in flight (p-limit); results in input order. The first
 * rejection rejects the whole, as Promise.all does; a limit below 1 runs one at a time.
 */
export function mapLimit<T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  return pLimit(Math.max(1, Math.floor(limit))).map(items, fn);
}
