import type { FormatDecoder } from './formatDecoder';
import { Mp3StreamDecoder } from './mp3StreamDecoder';
import type { PcmChunk } from './pcmChunk';

/** The MP3 decoder (synchronous, in-thread) behind the FormatDecoder interface. */
export class Mp3FormatDecoder implements FormatDecoder {
  private constructor(private readonly decoder: Mp3StreamDecoder) {}

  static async create(): Promise<Mp3FormatDecoder> {
    return new Mp3FormatDecoder(await Mp3StreamDecoder.create());
  }

  async decode(bytes: Uint8Array): Promise<PcmChunk | null> {
    return this.decoder.decode(bytes);
  }

  async end(): Promise<PcmChunk | null> {
    return this.decoder.end();
  }

  reset(): Promise<void> {
    return this.decoder.reset();
  }

  free(): void {
    this.decoder.free();
  }
}
