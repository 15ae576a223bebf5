import type { PcmChunk } from './pcmChunk';

/**
 * One format's streaming decoder, on the calling thread: feed a song's bytes in any slicing, get
 * the PCM decoded so far; `end()` returns what the decoder still held and throws a DecoderError
 * when the song gave no audio at all; `reset()` before the next song.
 */
export interface FormatDecoder {
  decode(bytes: Uint8Array): Promise<PcmChunk | null>;
  end(): Promise<PcmChunk | null>;
  reset(): Promise<void>;
  free(): void;
}
