/** The words of a filter query, lowercase; empty for a blank query. */
export function queryWords(query: string): string[] {
  return query.toLowerCase().split(/\s+/).filter(Boolean);
}

/**
 * The positions of `order` whose search key holds every word of the query, in `order`'s order.
 * Search keys are precomputed lowercase text (see buildSongIndex), so a keystroke at 20,000
 * songs costs a few `includes` per song and no allocation per song.
 */
export function filterPositions(
  order: readonly number[],
  searchKeys: readonly string[],
  query: string,
): readonly number[] {
  const words = queryWords(query);
  if (words.length === 0) return order;
  const kept: number[] = [];
  for (const position of order) {
    const key = searchKeys[position];
    let all = true;
    for (const word of words) {
      if (!key.includes(word)) {
        all = false;
        break;
      }
    }
    if (all) kept.push(position);
  }
  return kept;
}
