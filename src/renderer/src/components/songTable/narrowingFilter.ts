import { filterPositions, queryWords } from './filterPositions';

/**
 * Whether every song that matches `next` also matches `previous`: each word of `previous` lies
 * inside some word of `next` (typing on, or adding a word, narrows; deleting does not).
 */
export function narrows(previous: string, next: string): boolean {
  const after = queryWords(next);
  return queryWords(previous).every((word) => after.some((longer) => longer.includes(word)));
}

/** filterPositions with a memory of its last answer. */
export type NarrowingFilter = (
  order: readonly number[],
  searchKeys: readonly string[],
  query: string,
) => readonly number[];

/**
 * A filter that answers a query which narrows the last one from the last answer, not from every
 * song: after "h" matched 13,000 of 20,000 songs, "ha" looks at those 13,000 only. The answer is
 * filterPositions' exactly, in the same order: the last answer is a subsequence of the same
 * `order`, and a song outside it cannot match the narrower query.
 */
export function createNarrowingFilter(): NarrowingFilter {
  let last: {
    order: readonly number[];
    searchKeys: readonly string[];
    query: string;
    kept: readonly number[];
  } | null = null;
  return (order, searchKeys, query) => {
    const from =
      last && last.order === order && last.searchKeys === searchKeys && narrows(last.query, query)
        ? last.kept
        : order;
    // A blank query narrows only a blank one, whose answer was `order` itself.
    const kept = filterPositions(from, searchKeys, query);
    last = { order, searchKeys, query, kept };
    return kept;
  };
}
