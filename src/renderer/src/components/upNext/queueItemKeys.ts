/** What a key press on an Up next entry does. */
export type QueueItemAction = { kind: 'move'; to: number } | { kind: 'remove' } | null;

/**
 * Alt+ArrowUp/Alt+ArrowDown move the entry one place (Alt+Home/Alt+End to either end);
 * Delete or Backspace takes it out of the queue.
 */
export function queueItemKeyAction(
  key: string,
  altKey: boolean,
  index: number,
  count: number,
): QueueItemAction {
  if (key === 'Delete' || key === 'Backspace') return altKey ? null : { kind: 'remove' };
  if (!altKey) return null;
  const to =
    key === 'ArrowUp'
      ? index - 1
      : key === 'ArrowDown'
        ? index + 1
        : key === 'Home'
          ? 0
          : key === 'End'
            ? count - 1
            : null;
  if (to === null || to < 0 || to >= count || to === index) return null;
  return { kind: 'move', to };
}
