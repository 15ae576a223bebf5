/**
 * The song after (offset 1) or before (offset -1) `fromId` in `order` (the song table's visible
 * order). A song not in the order (filtered away, or nothing yet) counts as standing before
 * the first one, so "next" starts at the top. With `wrap`, the ends join (repeat all).
 */
export function stepInOrder(
  order: readonly number[],
  fromId: number | null,
  offset: 1 | -1,
  wrap: boolean,
): number | null {
  if (order.length === 0) return null;
  const index = fromId === null ? -1 : order.indexOf(fromId);
  if (index === -1) return offset === 1 ? order[0] : null;
  const target = index + offset;
  if (target >= 0 && target < order.length) return order[target];
  return wrap ? order[(target + order.length) % order.length] : null;
}
