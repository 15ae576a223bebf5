import { useEffect, useRef, type RefObject } from 'react';
import type { LibraryScope } from './groupSongs';

/**
 * Opening an album or an artist, or closing it with its ×, removes the button that had the
 * focus (it fell to <body>): the song table takes it, so a keyboard user goes on from the
 * songs now shown instead of from the top of the window.
 */
export function useFocusAfterScope(
  root: RefObject<HTMLElement | null>,
  scope: LibraryScope | null,
): void {
  const seen = useRef(scope);
  useEffect(() => {
    if (seen.current === scope) return;
    seen.current = scope;
    const focused = document.activeElement;
    if (focused && focused !== document.body) return;
    root.current?.querySelector<HTMLElement>('[role="grid"]')?.focus();
  }, [root, scope]);
}
