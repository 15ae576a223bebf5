/** Ids of the elements keyboard shortcuts move focus to. */
export const FILTER_INPUT_ID = 'song-filter';
export const HOST_TOGGLE_ID = 'host-toggle';
export const UP_NEXT_TOGGLE_ID = 'up-next-toggle';
export const UP_NEXT_ID = 'up-next';

export function focusById(id: string, select = false): void {
  const element = document.getElementById(id);
  element?.focus();
  if (select && element instanceof HTMLInputElement) element.select();
}
