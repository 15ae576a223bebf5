/**
 * Why a seek may need to start a few frames earlier than the bit reservoir asks: the MP3
 * synthesis filterbank of mpg123 (and of ffmpeg) writes each call's 32 output samples through a
 * ring of 16 slots, and which slot a call uses decides the order its float sums are rounded in.
 * A decode that starts k synthesis calls later than a full play is in another phase of that ring
 * unless k is a multiple of 16, and then differs from the full play by float rounding (about
 * 2·10⁻⁷) on most samples up to the song's end. Starting on a frame whose number of calls from
 * the first audio frame is a multiple of 16 keeps every sample bit for bit.
 */
const RING_SLOTS = 16;
const SAMPLES_PER_CALL = 32;

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}

/** Frames between starts that share the full play's ring phase: 4 for 1152-sample frames,
 * 8 for 576 (MPEG-2/2.5 Layer III), 4 for 384 (Layer I). */
export function synthPhasePeriod(samplesPerFrame: number): number {
  const calls = Math.round(samplesPerFrame / SAMPLES_PER_CALL);
  return RING_SLOTS / gcd(RING_SLOTS, calls);
}

/** The latest frame at or before `frame` (counted from the first audio frame) in that phase. */
export function alignToSynthPhase(frame: number, samplesPerFrame: number): number {
  return frame - (frame % synthPhasePeriod(samplesPerFrame));
}
