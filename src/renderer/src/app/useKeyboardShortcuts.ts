import { useEffect } from 'react';
import { usePlayerStore } from '../stores/playerStore';

/** Elements where a key press means typing, not a shortcut. */
function isTextEntry(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target instanceof HTMLTextAreaElement) return true;
  if (target instanceof HTMLSelectElement) return true;
  return (
    target instanceof HTMLInputElement && !['checkbox', 'radio', 'button'].includes(target.type)
  );
}

/** Elements that space already activates by itself. */
function isActivatable(target: EventTarget | null): boolean {
  return target instanceof HTMLButtonElement || target instanceof HTMLInputElement;
}

/**
 * Space plays, pauses and resumes; Shift+Space stops (silence and a flushed queue);
 * ArrowLeft/ArrowRight go to the previous/next song.
 */
export function useKeyboardShortcuts(): void {
  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return;
      if (isTextEntry(event.target)) return;
      const player = usePlayerStore.getState();
      if (event.key === ' ' && event.shiftKey) {
        event.preventDefault();
        void player.stop();
      } else if (event.key === ' ' && !isActivatable(event.target)) {
        event.preventDefault();
        void player.togglePlayPause();
      } else if (event.key === 'ArrowLeft') {
        event.preventDefault();
        void player.previous();
      } else if (event.key === 'ArrowRight') {
        event.preventDefault();
        void player.next();
      }
    }
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
