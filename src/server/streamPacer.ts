/** How fast the server may send a song, relative to the song's own byte rate. */
export interface PacingOptions {
  /** Audio sent at once when a song starts, in seconds of playback. */
  burstSeconds?: number;
  /** After the burst, bytes are sent at this multiple of the song's byte rate. */
  rateFactor?: number;
}

export const DEFAULT_BURST_SECONDS = 4;
export const DEFAULT_RATE_FACTOR = 1.5;
/** Used when a song's duration is unknown: about 320 kbit/s, the top MP3 bitrate. */
export const FALLBACK_BYTES_PER_SECOND = 40_000;

/** A song's byte rate: its size over its duration, or the fallback when either is unknown. */
export function songBytesPerSecond(sizeBytes: number, durationSeconds: number | null): number {
  if (durationSeconds === null || !(durationSeconds > 0) || !(sizeBytes > 0)) {
    return FALLBACK_BYTES_PER_SECOND;
  }
  return sizeBytes / durationSeconds;
}

/**
 * Token bucket: starts full with `burstSeconds` of audio and refills at `rateFactor` times the
 * song's byte rate, never above the burst. Node cannot shrink a TCP socket's kernel send buffer,
 * so this is what bounds the bytes in flight, and so how long a stop takes over a slow link.
 */
export class StreamPacer {
  private readonly capacity: number;
  private readonly refillPerMs: number;
  private tokens: number;
  private lastRefill: number;

  constructor(
    bytesPerSecond: number,
    options: PacingOptions = {},
    private readonly now: () => number = () => performance.now(),
  ) {
    const burstSeconds = options.burstSeconds ?? DEFAULT_BURST_SECONDS;
    const rateFactor = options.rateFactor ?? DEFAULT_RATE_FACTOR;
    this.capacity = Math.max(1, bytesPerSecond * burstSeconds);
    this.refillPerMs = (bytesPerSecond * rateFactor) / 1000;
    this.tokens = this.capacity;
    this.lastRefill = now();
  }

  /**
   * Milliseconds to wait before `bytes` may be sent; 0 means now. A packet larger than the
   * whole bucket only waits for a full bucket, so a tiny rate cannot stall a stream forever.
   */
  delayMs(bytes: number): number {
    this.refill();
    const needed = Math.min(bytes, this.capacity);
    if (this.tokens >= needed) return 0;
    return Math.ceil((needed - this.tokens) / this.refillPerMs);
  }

  /** Records `bytes` as sent. The balance may go below zero; later sends then wait longer. */
  consume(bytes: number): void {
    this.refill();
    this.tokens -= bytes;
  }

  private refill(): void {
    const now = this.now();
    this.tokens = Math.min(this.capacity, this.tokens + (now - this.lastRefill) * this.refillPerMs);
    this.lastRefill = now;
  }
}
