import { TYPE_AHEAD_RESET_MS, type TypeAhead } from './typeAhead';

/** Where a song goes in the queue: after the others, or first. */
export type QueuePlacement = 'end' | 'next';

/**
 * The table's queue keys on the active row: Q adds it to the queue, Shift+Q plays it next.
 * They win over type-ahead only as the first letter: inside a word being typed, "q" is a letter.
 */
export function queueKeyAction(
  key: string,
  modifiers: { shiftKey: boolean; ctrlKey: boolean; metaKey: boolean; altKey: boolean },
  typeAhead: TypeAhead,
  now: number,
): QueuePlacement | null {
  if (key.toLowerCase() !== 'q') return null;
  if (modifiers.ctrlKey || modifiers.metaKey || modifiers.altKey) return null;
  if (typeAhead.buffer !== '' && now - typeAhead.at <= TYPE_AHEAD_RESET_MS) return null;
  return modifiers.shiftKey ? 'next' : 'end';
}
