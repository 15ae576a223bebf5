/** A song that cannot be decoded, or a decoder that is no longer running. */
export class DecoderError extends Error {
  override readonly name: string = 'DecoderError';
}

export const UNDECODABLE_MESSAGE = 'Could not decode this song';

/** The decoder worker is gone (crashed or terminated); only a new decoder can go on. */
export class DecoderStoppedError extends DecoderError {
  override readonly name: string = 'DecoderStoppedError';
}
