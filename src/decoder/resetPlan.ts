/** How a decoder whose library builds a new WASM instance on reset starts its next song. */
export type ResetPlan =
  /** Nothing was fed since it was made or reset, and it never failed: it is fresh already. */
  | 'keep'
  /** A spare instance made while the last song played takes over. */
  | 'swap'
  /**
   * No spare is ready (songs changed quickly, or the format keeps none): the decoder's own reset
   * runs (a new instance for FLAC and Vorbis; a new handle in the same instance for MP3).
   */
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
