/** How a decoder whose reset builds a new WASM instance starts its next song (Mp3StreamDecoder). */
export type ResetPlan =
  /** Nothing was fed since it was made or reset: it is fresh already. */
  | 'keep'
  /** A spare instance made while the last song played takes over; the old one is freed. */
  | 'swap'
  /** No spare is ready (songs changed quickly): the instance is rebuilt on the song's path. */
  | 'rebuild';

export function resetPlan({
  fedSinceReset,
  spareReady,
}: {
  fedSinceReset: boolean;
  spareReady: boolean;
}): ResetPlan {
  if (!fedSinceReset) return 'keep';
  return spareReady ? 'swap' : 'rebuild';
}
