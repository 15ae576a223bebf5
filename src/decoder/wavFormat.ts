import { DecoderError, UNDECODABLE_MESSAGE } from './decoderError';

export interface WavFormat {
  channels: number;
  sampleRate: number;
  /** Bytes per sample frame (all channels). */
  blockAlign: number;
  encoding: { kind: 'int'; bits: 8 | 16 | 24 | 32 } | { kind: 'float'; bits: 32 | 64 };
}

const PCM = 1;
const IEEE_FLOAT = 3;
/** The real tag is then the first two bytes of the SubFormat GUID. */
const EXTENSIBLE = 0xfffe;

/** Reads a `fmt ` chunk's body; throws a DecoderError for encodings other than PCM and float. */
export function parseWavFormat(body: Uint8Array): WavFormat {
  const fail = (why: string) => new DecoderError(`${UNDECODABLE_MESSAGE}: ${why}`);
  if (body.length < 16) throw fail('the WAV format chunk is too short');
  const view = new DataView(body.buffer, body.byteOffset, body.byteLength);
  let tag = view.getUint16(0, true);
  const channels = view.getUint16(2, true);
  const sampleRate = view.getUint32(4, true);
  const blockAlign = view.getUint16(12, true);
  const bits = view.getUint16(14, true);
  if (tag === EXTENSIBLE) {
    if (body.length < 26) throw fail('the WAV format chunk is too short');
    tag = view.getUint16(24, true);
  }
  if (channels < 1 || channels > 8) throw fail(`WAV with ${channels} channels`);
  if (sampleRate < 1 || sampleRate > 768_000) throw fail(`WAV at ${sampleRate} Hz`);
  // Samples sit in containers of `bits` bytes each; a block holds one per channel.
  if (blockAlign !== channels * (bits / 8)) throw fail('a WAV block size that does not add up');
  if (tag === PCM && (bits === 8 || bits === 16 || bits === 24 || bits === 32)) {
    return { channels, sampleRate, blockAlign, encoding: { kind: 'int', bits } };
  }
  if (tag === IEEE_FLOAT && (bits === 32 || bits === 64)) {
    return { channels, sampleRate, blockAlign, encoding: { kind: 'float', bits } };
  }
  throw fail(`WAV encoding ${tag} with ${bits}-bit samples is not supported`);
}
