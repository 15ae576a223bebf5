import type { PlaybackEngine } from './playbackEngine';

/** The audio engine the player store drives; unit tests install a fake. */
let installed: PlaybackEngine | null = null;

export function installEngine(engine: PlaybackEngine): void {
  installed = engine;
}

export function engine(): PlaybackEngine {
  if (!installed) throw new Error('The audio engine is not installed');
  return installed;
}
