/** A song that cannot be decoded, or a decoder that is no longer running. */
export class DecoderError extends Error {
  override readonly name = 'DecoderError';
}

export const UNDECODABLE_MESSAGE = 'Could not decode this song';
