/** How a decoder whose library builds a new WASM instance on reset starts its next song. */
export type ResetPlan =
  /** Nothing was fed since it was made or reset, and it never failed: it is fresh already. */
  | 'keep'
  /** A spare instance made while the last song played takes over. */
  | 'swap'
  /** No spare is ready (songs changed quickly): the library resets, on the song's path. */
  | 'rebuild'
  /** The instance failed and no spare is ready: a new one is made; the failed one is never called. */
  | 'replace';

export function resetPlan({
  fedSinceReset,
  spareReady,
  failed,
}: {
  fedSinceReset: boolean;
  spareReady: boolean;
  /** A call into the instance threw (a WASM trap, say): its memory may be anything now. */
  failed: boolean;
}): ResetPlan {
  if (failed) return spareReady ? 'swap' : 'replace';
  if (!fedSinceReset) return 'keep';
  return spareReady ? 'swap' : 'rebuild';
}
