import type { GlobalShortcut } from 'electron';
import type { MediaKey } from '../shared/tidewaveApi';

/** Keyboard media keys and what the renderer should do for each. */
export const MEDIA_KEY_ACCELERATORS: ReadonlyArray<[accelerator: string, key: MediaKey]> = [
  ['MediaPlayPause', 'play-pause'],
  ['MediaNextTrack', 'next'],
  ['MediaPreviousTrack', 'previous'],
  ['MediaStop', 'stop'],
];

/**
 * Registers the media keys system-wide; returns the function that unregisters them. A key
 * another program holds is skipped (the menu and the window's own shortcuts still work).
 */
export function registerMediaKeys(
  globalShortcut: Pick<GlobalShortcut, 'register' | 'unregister'>,
  onKey: (key: MediaKey) => void,
  log: (message: string) => void = () => {},
): () => void {
  const registered: string[] = [];
  for (const [accelerator, key] of MEDIA_KEY_ACCELERATORS) {
    let ok = false;
    try {
      ok = globalShortcut.register(accelerator, () => onKey(key));
    } catch (error) {
      log(`Media key ${accelerator}: ${String(error)}`);
    }
    if (ok) registered.push(accelerator);
    else log(`Media key ${accelerator} is taken by another program`);
  }
  return () => {
    for (const accelerator of registered.splice(0)) globalShortcut.unregister(accelerator);
  };
}
