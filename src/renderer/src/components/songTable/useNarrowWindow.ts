import { useSyncExternalStore } from 'react';

/** Narrower than the window's minimum (760 px): only zoom makes it; narrowLayout.css's width. */
const NARROW = '(max-width: 700px)';

function subscribe(changed: () => void): () => void {
  const query = window.matchMedia(NARROW);
  query.addEventListener('change', changed);
  return () => query.removeEventListener('change', changed);
}

/** Whether the page is laid out narrower than the window's minimum (zoomed, e.g. to 200%). */
export function useNarrowWindow(): boolean {
  return useSyncExternalStore(subscribe, () => window.matchMedia(NARROW).matches);
}
