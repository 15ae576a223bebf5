/** A song that cannot be decoded, or a decoder that is no longer running. */
export class DecoderError extends Error {
  override readonly name: string = 'DecoderError';
}

export const UNDECODABLE_MESSAGE = 'Could not decode this song';
/** A song whose file had no bytes (empty, or still being copied into the library). */
export const EMPTY_SONG_MESSAGE = 'This song’s file is empty: there is nothing to play';

/** The decoder worker is gone (crashed or terminated); only a new decoder can go on. */
export class DecoderStoppedError extends DecoderError {
  override readonly name: string = 'DecoderStoppedError';
}
