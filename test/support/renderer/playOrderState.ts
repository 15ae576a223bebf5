import type { PlayOrderState } from '../../../src/renderer/src/queue/playOrder';

/** Nothing queued or played, shuffle and repeat off: what a play-order test starts from. */
export const EMPTY_PLAY_ORDER: PlayOrderState = {
  upNext: [],
  shuffle: false,
  repeat: 'off',
  cursor: null,
  round: [],
  history: [],
};

/** The random source for a choice that must not draw: it fails the test if it does. */
export const noRandomness = (): number => {
  throw new Error('no randomness expected');
};
