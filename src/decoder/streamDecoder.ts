import type { PcmChunk } from './pcmChunk';

/**
 * A streaming decoder of any supported format as the player uses it: feed a song's bytes in any slicing, get the
 * PCM decoded so far (null when a slice completed no frame), `end()` at the end of the song,
 * `reset()` before the next song.
 */
export interface StreamDecoder {
  decode(bytes: Uint8Array): Promise<PcmChunk | null>;
  /** Ends the song: returns any audio still held and rejects when the song held no audio. */
  end(): Promise<PcmChunk | null>;
  reset(): Promise<void>;
  terminate(): Promise<void>;
}
