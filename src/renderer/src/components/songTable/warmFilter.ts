import { filterPositions } from './filterPositions';

/**
 * Runs the filter once over the whole list when the page is next idle, and drops the answer:
 * the first keystroke after a new list then runs compiled code, not the filter's loop cold
 * (interpreted over 20,000 songs, compiled on the way). Returns what cancels it.
 */
export function warmFilterWhenIdle(
  order: readonly number[],
  searchKeys: readonly string[],
): () => void {
  if (order.length === 0 || typeof requestIdleCallback !== 'function') return () => undefined;
  const handle = requestIdleCallback(() => filterPositions(order, searchKeys, 'e'), {
    timeout: 2000,
  });
  return () => cancelIdleCallback(handle);
}
