/** Volume after the mute key, and the level to come back to (muting remembers it). */
export function toggleMute(
  volume: number,
  remembered: number,
): { volume: number; remembered: number } {
  if (volume > 0) return { volume: 0, remembered: volume };
  return { volume: remembered > 0 ? remembered : 1, remembered };
}
