import type { PcmChunk } from './pcmChunk';

/**
 * A streaming decoder of any supported format as the player uses it: feed a song's bytes in any slicing, get the
 * PCM decoded so far (null when a slice completed no frame), `end()` at the end of the song,
 * `reset()` before the next song.
 */
export interface StreamDecoder {
  decode(bytes: Uint8Array): Promise<PcmChunk | null>;
  /**
   * Decodes the first `used` of `bytes`: only as many as give `minSeconds` of audio, or all of
   * them. A song's first audio in one call, where slices would each cost a round trip to the
   * decoder's thread; the bytes not used are to be given again.
   */
  decodeUntil(bytes: Uint8Array, minSeconds: number): Promise<DecodedPart>;
  /** Ends the song: returns any audio still held and rejects when the song held no audio. */
  end(): Promise<PcmChunk | null>;
  reset(): Promise<void>;
  /**
   * The current song is no longer wanted (it was stopped or replaced): a decoder on another
   * thread stops its work on it early, giving partial answers. reset() follows before more.
   * Required, so that no wrapper of a decoder loses it.
   */
  abandon(): void;
  terminate(): Promise<void>;
}

/** What decodeUntil gives: the audio of the first `used` bytes it was given. */
export interface DecodedPart {
  pcm: PcmChunk | null;
  used: number;
}

/** decodeUntil for a decoder that has no cheaper way: all the bytes in one decode. */
export async function decodeWhole(
  decoder: Pick<StreamDecoder, 'decode'>,
  bytes: Uint8Array,
): Promise<DecodedPart> {
  return { pcm: await decoder.decode(bytes), used: bytes.length };
}
