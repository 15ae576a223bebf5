import { useEffect } from 'react';
import { useHostStore } from '../stores/hostStore';
import { usePlayerStore } from '../stores/playerStore';
import { useSettings } from '../stores/settingsStore';
import { FILTER_INPUT_ID, focusById, HOST_TOGGLE_ID } from './focusTargets';
import { shortcutFor, type ShortcutAction } from './shortcutKeys';

/** A range input (the volume): no typing, no use for Space or M, but the arrows are its own. */
function isRange(target: EventTarget | null): boolean {
  return target instanceof HTMLInputElement && target.type === 'range';
}

/** Elements where a key press means typing, not a shortcut. */
function isTextEntry(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target instanceof HTMLTextAreaElement) return true;
  if (target instanceof HTMLSelectElement) return true;
  return (
    target instanceof HTMLInputElement &&
    !['checkbox', 'radio', 'button', 'range'].includes(target.type)
  );
}

/** Elements that space already activates by itself. */
function isActivatable(target: EventTarget | null): boolean {
  if (isRange(target)) return false;
  return target instanceof HTMLButtonElement || target instanceof HTMLInputElement;
}

function run(action: ShortcutAction): void {
  const player = usePlayerStore.getState();
  if (action === 'toggle-play') void player.togglePlayPause();
  if (action === 'stop') void player.stop();
  if (action === 'previous') void player.previous();
  if (action === 'next') void player.next();
  if (action === 'mute') useSettings.getState().toggleMute();
  if (action === 'focus-filter') focusById(FILTER_INPUT_ID, true);
  if (action === 'close-panel') {
    useHostStore.getState().togglePanel();
    focusById(HOST_TOGGLE_ID); // back to the button that opened it
  }
}

/**
 * Space plays, pauses and resumes; Shift+Space stops; ArrowLeft/ArrowRight go to the
 * previous/next song; M mutes; Ctrl+F and / reach the filter; Escape closes the host panel.
 */
export function useKeyboardShortcuts(): void {
  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (event.defaultPrevented) return;
      const action = shortcutFor(event, {
        typing: isTextEntry(event.target),
        activatable: isActivatable(event.target),
        panelOpen: useHostStore.getState().panelOpen,
        arrowsOwned: isRange(event.target),
      });
      if (action === null) return;
      event.preventDefault();
      run(action);
    }
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
