import { MPEGDecoder } from 'mpg123-decoder';
import { DecoderError, UNDECODABLE_MESSAGE } from './decoderError';
import type { PcmChunk } from './pcmChunk';

/**
 * Streaming MP3 → planar PCM on the calling thread (mpg123 compiled to WASM, gapless trimming
 * on). Any slicing of the input gives the same samples as decoding the file at once.
 */
export class Mp3StreamDecoder {
  private bytesFed = 0;
  private samplesOut = 0;
  private freed = false;

  private constructor(private readonly decoder: MPEGDecoder) {}

  static async create(): Promise<Mp3StreamDecoder> {
    const decoder = new MPEGDecoder();
    await decoder.ready;
    return new Mp3StreamDecoder(decoder);
  }

  /** Samples per channel decoded since the last reset. */
  get samplesDecoded(): number {
    return this.samplesOut;
  }

  decode(bytes: Uint8Array): PcmChunk | null {
    this.assertUsable();
    if (bytes.length === 0) return null;
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
    this.bytesFed = 0;
    this.samplesOut = 0;
    await this.decoder.reset();
  }

  free(): void {
    if (this.freed) return;
    this.freed = true;
    this.decoder.free();
  }

  private assertUsable(): void {
    if (this.freed) throw new DecoderError('The decoder has been freed');
  }
}
