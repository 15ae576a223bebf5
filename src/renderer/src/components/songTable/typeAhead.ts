/** Letters typed within this many milliseconds of each other make one search. */
export const TYPE_AHEAD_RESET_MS = 800;

export interface TypeAhead {
  buffer: string;
  /** When the last letter was typed (ms). */
  at: number;
}

export const EMPTY_TYPE_AHEAD: TypeAhead = { buffer: '', at: -Infinity };

/**
 * Keys that are shortcuts when pressed alone (play/pause, the filter, mute) and letters only
 * inside a word already begun. Q and Shift+Q follow the same rule (queueKeys.ts).
 */
const SHORTCUT_FIRST = new Set([' ', '/', 'm', 'M']);

/** Whether a key press is a letter for type-ahead: one character, no modifier; a space, a `/`
 * or an M only inside a word already begun (alone, they stay the play/pause, filter and mute
 * shortcuts). */
export function isTypeAheadKey(
  key: string,
  modifiers: { ctrlKey: boolean; metaKey: boolean; altKey: boolean },
  state: TypeAhead,
  now: number,
): boolean {
  if (key.length !== 1 || modifiers.ctrlKey || modifiers.metaKey || modifiers.altKey) return false;
  if (!SHORTCUT_FIRST.has(key)) return true;
  return state.buffer !== '' && now - state.at <= TYPE_AHEAD_RESET_MS;
}

export function extendTypeAhead(state: TypeAhead, key: string, now: number): TypeAhead {
  const fresh = now - state.at > TYPE_AHEAD_RESET_MS;
  return { buffer: (fresh ? '' : state.buffer) + key.toLowerCase(), at: now };
}

/**
 * The row (an index into `shown`) whose title starts with what was typed, searching forward
 * from the active row and wrapping; -1 when none. One letter, or the same letter repeated,
 * moves to the next title with that initial (so pressing "h" again cycles through them);
 * a longer word keeps the active row while it still matches.
 */
export function findTypeAhead(
  shown: readonly number[],
  titleKeys: readonly string[],
  buffer: string,
  active: number,
): number {
  const count = shown.length;
  if (count === 0 || buffer === '') return -1;
  const repeated = [...buffer].every((c) => c === buffer[0]);
  const prefix = repeated ? buffer[0] : buffer;
  const start = active < 0 ? 0 : repeated ? active + 1 : active;
  for (let step = 0; step < count; step++) {
    const index = (start + step) % count;
    if (titleKeys[shown[index]].startsWith(prefix)) return index;
  }
  return -1;
}
