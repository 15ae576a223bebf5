/**
 * Bytes of each piece when decoding only until some audio has come out (SongDecoder.decodeUntil):
 * about a packet. The pieces are calls on the decoder's own thread, not round trips, so small
 * ones cost little; a large one could decode seconds past the audio asked for.
 */
export const PIECE_BYTES = 4096;
/** However few frames are still wanted: a piece smaller than this is mostly call overhead. */
export const MIN_PIECE_BYTES = 1024;

/**
 * The size of the next piece: a packet, or less when the last piece's bytes per frame say fewer
 * are enough for the frames still wanted. Never more: the piece that gave the first audio also
 * held the end of a tag or header, so its bytes per frame can be far too high (4 KiB that ended
 * a cover tag gave 47 frames), and a piece sized by it would decode a second of audio or more.
 */
export function nextPieceBytes(
  wantedFrames: number,
  last: { bytes: number; frames: number } | null,
): number {
  if (!last || last.frames === 0) return PIECE_BYTES;
  const estimate = Math.ceil((wantedFrames * last.bytes) / last.frames);
  return Math.min(PIECE_BYTES, Math.max(MIN_PIECE_BYTES, estimate));
}
