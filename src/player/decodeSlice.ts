/** Until the stream's byte rate is known, and at least: about one network packet. */
export const MIN_DECODE_SLICE_BYTES = 4096;
/** At most: 57 ms of 24-bit/192 kHz stereo WAV, the densest format played. */
export const MAX_DECODE_SLICE_BYTES = 65_536;
/** The audio one decode call should give: well under one 0.25 s chunk. */
export const DECODE_SLICE_SECONDS = 0.1;
/** Audio decoded before the byte rate is trusted: headers and tags no longer skew it. */
export const RATE_BASIS_SECONDS = 1;

/**
 * How many song bytes the pump hands the decoder at once. A fixed 4 KiB is 0.1-0.25 s of MP3 but
 * 3 ms of 24-bit/192 kHz audio, and each decode call (a worker round trip, a WASM call) has a
 * fixed cost, so dense formats spent most of their time on calls. Sized by time instead, from
 * the bytes fed and the seconds they gave so far, the flow gate's overshoot stays one slice's
 * worth of audio (about DECODE_SLICE_SECONDS) in every format, and MP3 keeps its 4 KiB slices.
 * The caller counts from the first slice that gave audio, so a large cover in the tags before it
 * (hundreds of KB) does not pass for dense audio.
 */
export function decodeSliceBytes(bytesFed: number, secondsDecoded: number): number {
  if (!(secondsDecoded >= RATE_BASIS_SECONDS) || !(bytesFed > 0)) return MIN_DECODE_SLICE_BYTES;
  const bytes = Math.round((bytesFed / secondsDecoded) * DECODE_SLICE_SECONDS);
  return Math.min(MAX_DECODE_SLICE_BYTES, Math.max(MIN_DECODE_SLICE_BYTES, bytes));
}
