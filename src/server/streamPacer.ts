import { FIRST_AUDIO_SECONDS, readDueAt } from './readOrder';

/** How fast the server may send a song, relative to the song's own byte rate. */
export interface PacingOptions {
  /** Audio sent at once when a song starts, in seconds of playback. */
  burstSeconds?: number;
  /** After the burst, bytes are sent at this multiple of the song's byte rate. */
  rateFactor?: number;
  /**
   * Most the stream may run ahead of real time since it started, in seconds of audio. Without
   * it a reader that plays at 1x would fall further behind the sender by half a second every
   * second, and all of that backlog would wait ahead of a stop reply.
   */
  maxLeadSeconds?: number;
}

export const DEFAULT_BURST_SECONDS = 4;
export const DEFAULT_RATE_FACTOR = 1.5;
export const DEFAULT_MAX_LEAD_SECONDS = 10;
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
 * song's byte rate, never above the burst; and the stream never runs more than `maxLeadSeconds`
 * ahead of real time. Node cannot shrink a TCP socket's kernel send buffer, so this is what
 * bounds the bytes in flight, and so how long a stop takes over a slow link.
 */
export class StreamPacer {
  private readonly capacity: number;
  private readonly refillPerMs: number;
  private readonly bytesPerMs: number;
  private readonly maxLeadMs: number;
  private startedAt: number;
  private tokens: number;
  private lastRefill: number;
  private sent = 0;
  private readonly firstAudioBytes: number;
  private firstAudioAt: number | null = null;

  constructor(
    bytesPerSecond: number,
    options: PacingOptions = {},
    private readonly now: () => number = () => performance.now(),
  ) {
    const burstSeconds = options.burstSeconds ?? DEFAULT_BURST_SECONDS;
    const rateFactor = options.rateFactor ?? DEFAULT_RATE_FACTOR;
    this.capacity = Math.max(1, bytesPerSecond * burstSeconds);
    this.refillPerMs = (bytesPerSecond * rateFactor) / 1000;
    this.bytesPerMs = Math.max(1e-6, bytesPerSecond / 1000);
    // The lead can never be below the burst, or the burst itself would have to wait.
    this.maxLeadMs =
      Math.max(burstSeconds, options.maxLeadSeconds ?? DEFAULT_MAX_LEAD_SECONDS) * 1000;
    this.firstAudioBytes = bytesPerSecond * FIRST_AUDIO_SECONDS;
    this.tokens = this.capacity;
    this.startedAt = now();
    this.lastRefill = this.startedAt;
  }

  /**
   * Milliseconds to wait before `bytes` may be sent; 0 means now. A packet larger than the
   * whole bucket only waits for a full bucket, so a tiny rate cannot stall a stream forever.
   */
  delayMs(bytes: number): number {
    this.refill();
    const needed = Math.min(bytes, this.capacity);
    const bucketWait = this.tokens >= needed ? 0 : (needed - this.tokens) / this.refillPerMs;
    // When may `sent + bytes` go out without being more than maxLead ahead of real time?
    const leadWait = (this.sent + needed) / this.bytesPerMs - this.maxLeadMs - this.elapsedMs();
    return Math.ceil(Math.max(0, bucketWait, leadWait));
  }

  /** Records `bytes` as sent. The balance may go below zero; later sends then wait longer. */
  consume(bytes: number): void {
    this.refill();
    this.tokens -= bytes;
    this.sent += bytes;
    if (this.firstAudioAt === null && this.sent >= this.firstAudioBytes) {
      this.firstAudioAt = this.lastRefill;
    }
  }

  /** Whether the stream has sent what a player waits for before it starts. */
  get sentFirstAudio(): boolean {
    return this.firstAudioAt !== null;
  }

  /** Whether the stream has sent its whole burst: from then on the bucket spaces its writes. */
  get sentBurst(): boolean {
    return this.sent >= this.capacity;
  }

  /** When this stream's next read is due (readOrder.ts). */
  readDueAt(): number {
    return readDueAt({
      startedAt: this.startedAt,
      firstAudioAt: this.firstAudioAt,
      sentBytes: this.sent,
      firstAudioBytes: this.firstAudioBytes,
      bytesPerMs: this.bytesPerMs,
    });
  }

  /**
   * Leaves `ms` out of the stream's time, as if the stream had been created that much later:
   * a pause must not let the stream run further ahead after it. The bucket is left alone.
   */
  skip(ms: number): void {
    if (!(ms > 0)) return;
    this.startedAt += ms;
    // A paused player plays nothing: it runs dry that much later.
    if (this.firstAudioAt !== null) this.firstAudioAt += ms;
  }

  private elapsedMs(): number {
    return this.now() - this.startedAt;
  }

  private refill(): void {
    const now = this.now();
    this.tokens = Math.min(this.capacity, this.tokens + (now - this.lastRefill) * this.refillPerMs);
    this.lastRefill = now;
  }
}

/** Most play packets written at once, in bytes; see `packetsPerBatch`. */
export const MAX_BATCH_BYTES = 16 * 1024;
/**
 * The same for an unpaced stream: each read and write costs about the same whatever its size,
 * so fewer, larger ones cost less per byte. Fifteen packets (60 KiB), near what a bare
 * `createReadStream().pipe()` reads at once: sixteen (64 KiB) went over loopback's TCP segment
 * (65,483 bytes), so a reader could get a packet in two pieces, which seed-era clients cannot
 * take (test/server/seedClient.test.ts). Even fifteen can arrive in two pieces when the reader
 * falls behind on a loaded machine; paced streams (the default) write 16 KiB at most. Within
 * DEFAULT_MAX_QUEUED_BYTES and a packet (batchSize.ts shrinks a batch when replies are already
 * queued). Paced streams keep theirs small: larger burst batches were tried and let a burst
 * under way run further while newcomers waited for their first audio
 * (test/server/firstAudioFairness.test.ts).
 */
export const UNPACED_BATCH_BYTES = 15 * 4096;
/** Most audio written at once, in seconds; see `packetsPerBatch`. */
export const MAX_BATCH_SECONDS = 0.5;

/**
 * How many play packets of `packetBytes` one write may hold: at most `MAX_BATCH_BYTES` and
 * `MAX_BATCH_SECONDS` of audio at `bytesPerSecond` (null: unpaced, bytes only, and larger), never
 * under one packet. Bounding the time keeps a low-bit-rate song's batches from being seconds of audio each,
 * which would make the first burst overshoot and the stream arrive in lumps. Packets are not cut
 * smaller instead: seed-era clients rely on full 4,096-byte packets (PROTOCOL.md §13).
 */
export function packetsPerBatch(bytesPerSecond: number | null, packetBytes: number): number {
  const bound =
    bytesPerSecond === null
      ? UNPACED_BATCH_BYTES
      : Math.min(MAX_BATCH_BYTES, bytesPerSecond * MAX_BATCH_SECONDS);
  return Math.max(1, Math.floor(bound / packetBytes));
}

/**
 * Most play packets a paced stream writes at once past its burst (`steadyPacketsPerBatch`).
 * Each write costs a socket write, a gate turn and a promise chain whatever its size, so 1,000
 * paced streams cost less with fewer, larger ones. Eight packets: the song bytes of a steady
 * batch fit the stream's 32 KiB read-ahead (readAhead.ts), so one read fills one, and a stream
 * holds no more memory than before.
 */
export const STEADY_BATCH_BYTES = 32 * 1024;
/**
 * A steady batch holds at most this share of the stream's burst: what a listener is given at
 * once stays large against one write, and a host that asks for a short burst (and a short lead)
 * keeps the small batches, and with them the bytes a pause or a stop may find under way.
 */
export const STEADY_BATCH_BURST_SHARE = 1 / 4;

/**
 * Play packets per write for a paced stream once the starts are served: at most
 * `STEADY_BATCH_BYTES` and a quarter of the burst's audio, never fewer than `packetsPerBatch`.
 */
export function steadyPacketsPerBatch(
  bytesPerSecond: number,
  burstSeconds: number,
  packetBytes: number,
): number {
  const bound = Math.min(
    STEADY_BATCH_BYTES,
    bytesPerSecond * burstSeconds * STEADY_BATCH_BURST_SHARE,
  );
  return Math.max(packetsPerBatch(bytesPerSecond, packetBytes), Math.floor(bound / packetBytes));
}
