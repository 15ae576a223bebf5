/** Bytes per decode until the song's byte rate is known, and never fewer: about one packet. */
export const MIN_SLICE_BYTES = 4096;
/**
 * Audio per decode once the byte rate is known. Each decode is a round trip to the decoder
 * worker, so the count per second is what costs (0.05 s kept 24-bit/192 kHz FLAC under 100x
 * real time). The renderer's bound does not limit it: StreamPump hands a slice's audio on in
 * chunks of at most a quarter second and waits for the flow gate before each.
 */
export const SLICE_SECONDS = 0.2;
/** Audio decoded before the byte rate is trusted (over that, a held frame is a small error). */
export const RATE_AFTER_SECONDS = 0.25;
/**
 * The byte rate is averaged over about this much recent audio, so it follows the song: a quiet
 * passage of FLAC takes a fraction of the bytes of a loud one.
 */
export const RATE_WINDOW_SECONDS = 0.5;
/** However high the byte rate (192 kHz 8-channel float WAV is 12 MB a second). */
export const MAX_SLICE_BYTES = 256 * 1024;

/**
 * Sizes the slices a song's bytes are decoded in by audio time rather than bytes: 4 KiB at
 * first and for compressed songs (4 KiB of MP3 is a quarter second), growing to ~50 ms of audio
 * for songs whose bytes are dense (24-bit/192 kHz WAV is 1.15 MB a second, 280 slices of 4 KiB).
 * The byte rate is measured from what the decoder gives, counted from the slice after the first
 * audio, so headers, tags and covers before it do not inflate it.
 */
export class DecodeSlicer {
  private started = false;
  private bytes = 0;
  private seconds = 0;
  private sliceBytes = MIN_SLICE_BYTES;

  /** Bytes for the next decode call. */
  get size(): number {
    return this.sliceBytes;
  }

  /** One decode call: the bytes it was given and the seconds of audio it gave back. */
  observe(bytes: number, seconds: number): void {
    if (!this.started) {
      this.started = seconds > 0;
      return;
    }
    this.bytes += bytes;
    this.seconds += seconds;
    if (this.seconds < RATE_AFTER_SECONDS) return;
    const average = this.bytes / this.seconds;
    if (this.seconds > RATE_WINDOW_SECONDS) {
      const keep = RATE_WINDOW_SECONDS / this.seconds;
      this.bytes *= keep;
      this.seconds *= keep;
    }
    // A slice that gave more audio than the average promised (the song got sparser) shrinks the
    // next one at once; one that gave less waits for the average.
    const latest = seconds > 0 ? bytes / seconds : Infinity;
    const wanted = Math.round(Math.min(average, latest) * SLICE_SECONDS);
    this.sliceBytes = Math.min(MAX_SLICE_BYTES, Math.max(MIN_SLICE_BYTES, wanted));
  }
}
