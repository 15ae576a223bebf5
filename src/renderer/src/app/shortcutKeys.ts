/** What a key press asks for, decided without the DOM (see useKeyboardShortcuts). */
export type ShortcutAction =
  'toggle-play' | 'stop' | 'previous' | 'next' | 'mute' | 'focus-filter' | 'close-panel';

export interface KeyPress {
  key: string;
  shiftKey: boolean;
  altKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
}

export interface KeyContext {
  /** The key goes to a text field (typing, not a shortcut). */
  typing: boolean;
  /** The focused element is a button or input that space activates by itself. */
  activatable: boolean;
  /** A panel (the host panel) is open and Escape should close it. */
  panelOpen: boolean;
  /** The focused element moves by Left and Right itself (the volume slider). */
  arrowsOwned: boolean;
}

/** The shortcut a key press means here, or null to let the page handle it. */
export function shortcutFor(press: KeyPress, context: KeyContext): ShortcutAction | null {
  const { key, shiftKey, altKey, ctrlKey, metaKey } = press;
  // Escape and Ctrl/Cmd+F work from inside text fields too: they leave or reach one.
  if (key === 'Escape' && context.panelOpen) return 'close-panel';
  if ((ctrlKey || metaKey) && !altKey && !shiftKey && key.toLowerCase() === 'f') {
    return 'focus-filter';
  }
  if (altKey || ctrlKey || metaKey || context.typing) return null;
  if (key === ' ') return shiftKey ? 'stop' : context.activatable ? null : 'toggle-play';
  if ((key === 'ArrowLeft' || key === 'ArrowRight') && context.arrowsOwned) return null;
  if (key === 'ArrowLeft') return 'previous';
  if (key === 'ArrowRight') return 'next';
  if (key === '/') return 'focus-filter';
  if (key === 'm' || key === 'M') return 'mute';
  return null;
}
