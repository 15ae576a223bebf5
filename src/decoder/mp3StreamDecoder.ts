import { MPEGDecoder } from 'mpg123-decoder';
import { DecoderError, UNDECODABLE_MESSAGE } from './decoderError';
import type { PcmChunk } from './pcmChunk';
import { resetPlan } from './resetPlan';

/**
 * How long after a song's first bytes the spare instance for the next song is made. Not at once:
 * a new instance allocates a WASM memory, which can set off a full garbage collection of the
 * old ones in the worker (about 10 ms, 20–40 ms at load), and a song's first chunks must not
 * wait for it. By half a second the player has decoded a second or more ahead (the server's
 * first write alone is 0.5–1.5 s of audio), so the pause costs no sound; a song switched away
 * from sooner finds no spare and rebuilds as before.
 */
export const SPARE_AFTER_MS = 500;

/**
 * Streaming MP3 → planar PCM on the calling thread (mpg123 compiled to WASM, gapless trimming
 * on). Any slicing of the input gives the same samples as decoding the file at once.
 *
 * mpg123-decoder's own reset builds a new WASM instance: 0.5–1 ms, and one song in four also
 * pays that garbage collection, all between a click's first song bytes and its first audio
 * (PERFORMANCE.md, "Session 9"). So a spare instance is made while a song plays, and the next
 * song's reset swaps it in (resetPlan).
 */
export class Mp3StreamDecoder {
  private bytesFed = 0;
  private samplesOut = 0;
  private freed = false;
  private spare: MPEGDecoder | null = null;
  private spareTimer: ReturnType<typeof setTimeout> | null = null;

  private constructor(
    private decoder: MPEGDecoder,
    private readonly spareAfterMs: number,
  ) {}

  /** @param spareAfterMs when the spare for the next song is made (tests make it at once) */
  static async create({ spareAfterMs = SPARE_AFTER_MS } = {}): Promise<Mp3StreamDecoder> {
    const decoder = new MPEGDecoder();
    await decoder.ready;
    return new Mp3StreamDecoder(decoder, spareAfterMs);
  }

  /** Whether the next song's reset finds a spare instance ready. */
  get spareReady(): boolean {
    return this.spare !== null;
  }

  /** Samples per channel decoded since the last reset. */
  get samplesDecoded(): number {
    return this.samplesOut;
  }

  decode(bytes: Uint8Array): PcmChunk | null {
    this.assertUsable();
    if (bytes.length === 0) return null;
    if (this.bytesFed === 0) this.makeSpareLater();
    this.bytesFed += bytes.length;
    let decoded;
    try {
      decoded = this.decoder.decode(bytes);
    } catch (error) {
      throw new DecoderError(`${UNDECODABLE_MESSAGE}: ${String(error)}`);
    }
    if (decoded.samplesDecoded === 0) return null;
    this.samplesOut += decoded.samplesDecoded;
    return { sampleRate: decoded.sampleRate, channels: decoded.channelData };
  }

  /**
   * The end of the song. mpg123 in feed mode holds no complete frame back, so there is nothing
   * left to emit; a song whose bytes produced no audio at all is an error.
   */
  end(): PcmChunk | null {
    this.assertUsable();
    if (this.bytesFed > 0 && this.samplesOut === 0) throw new DecoderError(UNDECODABLE_MESSAGE);
    return null;
  }

  async reset(): Promise<void> {
    this.assertUsable();
    const plan = resetPlan({ fedSinceReset: this.bytesFed > 0, spareReady: this.spareReady });
    this.bytesFed = 0;
    this.samplesOut = 0;
    if (plan === 'keep') return;
    if (plan === 'rebuild' || !this.spare) {
      await this.decoder.reset();
      return;
    }
    const old = this.decoder;
    this.decoder = this.spare;
    this.spare = null;
    old.free();
  }

  free(): void {
    if (this.freed) return;
    this.freed = true;
    if (this.spareTimer) clearTimeout(this.spareTimer);
    this.spare?.free();
    this.spare = null;
    this.decoder.free();
  }

  private makeSpareLater(): void {
    if (this.spare || this.spareTimer) return;
    this.spareTimer = setTimeout(() => void this.makeSpare(), this.spareAfterMs);
    this.spareTimer.unref(); // a process or worker may end with no spare made
  }

  private async makeSpare(): Promise<void> {
    this.spareTimer = null;
    if (this.freed) return;
    const spare = new MPEGDecoder();
    try {
      await spare.ready;
    } catch {
      return; // no spare: the next song rebuilds its instance, as without one
    }
    if (this.freed || this.spare) spare.free();
    else this.spare = spare;
  }

  private assertUsable(): void {
    if (this.freed) throw new DecoderError('The decoder has been freed');
  }
}
