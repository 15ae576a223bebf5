import type { QueueEntry } from '../../queue/queueList';

/**
 * Where the focus goes when entries leave Up next (played, removed, or all cleared): to the
 * entry that takes the place of the first one leaving, else the one before it, else (null) the
 * panel itself. Never nowhere: a focused button that goes, or turns disabled (Clear), would drop
 * a keyboard user's focus to the page's start.
 */
export function focusAfterLeaving(
  list: readonly QueueEntry[],
  leaving: ReadonlySet<number>,
): number | null {
  const first = list.findIndex((entry) => leaving.has(entry.key));
  if (first < 0) return null;
  const stays = (entry: QueueEntry) => !leaving.has(entry.key);
  const after = list.slice(first + 1).find(stays);
  const before = list.slice(0, first).findLast(stays);
  return (after ?? before)?.key ?? null;
}
