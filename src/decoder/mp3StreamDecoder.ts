import { MPEGDecoder } from 'mpg123-decoder';
import { DecoderError, UNDECODABLE_MESSAGE } from './decoderError';
import { LibraryInstances } from './libraryInstances';
import { renewMpegHandle } from './mpegHandle';
import type { PcmChunk } from './pcmChunk';

/**
 * Streaming MP3 → planar PCM on the calling thread (mpg123 compiled to WASM, gapless trimming
 * on). Any slicing of the input gives the same samples as decoding the file at once.
 *
 * mpg123-decoder's own reset builds a new WASM instance: about 1 ms, and the old instances'
 * memories set off ~10 ms collections in the worker, all on a song's way to its first audio
 * (PERFORMANCE.md, "Session 9"). A reset here gives the song a new mpg123 handle in the same
 * instance instead (`renewMpegHandle`), so no spare instance is kept. An instance that threw
 * fails its song (mpg123's bit reservoir and stream state were in it) and is never called
 * again; the next song starts on a new instance (LibraryInstances).
 */
export class Mp3StreamDecoder {
  private bytesFed = 0;
  private samplesOut = 0;
  private freed = false;

  private constructor(private readonly instances: LibraryInstances<MPEGDecoder>) {}

  static async create(): Promise<Mp3StreamDecoder> {
    // No spare: a reset builds no instance (above), only a trap's replacement does.
    return new Mp3StreamDecoder(await LibraryInstances.create(() => new MPEGDecoder(), null));
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
      decoded = this.instances.call((mpeg) => mpeg.decode(bytes));
    } catch (error) {
      if (error instanceof DecoderError) throw error;
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
    await this.instances.startAfresh(async (mpeg) => {
      if (!renewMpegHandle(mpeg)) await mpeg.reset();
    });
  }

  free(): void {
    if (this.freed) return;
    this.freed = true;
    this.instances.free();
  }

  private assertUsable(): void {
    if (this.freed) throw new DecoderError('The decoder has been freed');
  }
}
