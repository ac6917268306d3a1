/**
 * The first `limit` items in `order` (the largest `size` first, ties as
 * `order` breaks them): only the items at or above the limit-th largest size
 * are put in order. Thousands of bodies, many of the same size, at each
 * change of filters: ordering them all made the change slow.
 */
export function topBySize<T>(items: readonly T[], size: (item: T) => number, order: (a: T, b: T) => number, limit: number): T[] {
  const sizes = Float64Array.from(items, size).sort();
  const cut = sizes[Math.max(0, sizes.length - limit)];
  return items.filter((item) => size(item) >= cut).sort(order).slice(0, limit);
}
