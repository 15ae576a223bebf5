import { vorbisToWaveOrder } from './channelOrder';
import { DecoderError, UNDECODABLE_MESSAGE } from './decoderError';
import { rescaleIntegers } from './integerRescale';
import type { PcmChunk } from './pcmChunk';

/** What the @wasm-audio-decoders family returns from decode(), decodeFrames() and flush(). */
export interface DecodedAudio {
  channelData: Float32Array[];
  samplesDecoded: number;
  sampleRate: number;
  bitDepth?: number;
  /** What the library reported wrong with the input (libFLAC: a CRC or a lost sync). */
  errors?: unknown[];
}

/** How a decoder's output differs from the PCM the player wants. */
export interface DecodedLayout {
  /** FLAC's samples are integers the decoder scales differently from everyone else. */
  integerSamples: boolean;
  /** Vorbis and Opus order 3+ channels their own way; FLAC already uses WAV's order. */
  vorbisChannelOrder: boolean;
}

/** Runs one step of a decoder; whatever it throws means the song cannot be decoded. */
export async function decoderStep<T>(step: () => Promise<T> | T): Promise<T> {
  try {
    return await step();
  } catch (error) {
    throw new DecoderError(`${UNDECODABLE_MESSAGE}: ${String(error)}`);
  }
}

/**
 * A step's output as the player's PCM, or null when it gave none. Integer samples are rescaled
 * in place: the libraries return new arrays on every call.
 */
export function pcmOf(decoded: DecodedAudio, layout: DecodedLayout): PcmChunk | null {
  if (decoded.samplesDecoded === 0 || decoded.channelData.length === 0) return null;
  if (layout.integerSamples && decoded.bitDepth) {
    for (const channel of decoded.channelData) rescaleIntegers(channel, decoded.bitDepth);
  }
  const channels = layout.vorbisChannelOrder
    ? vorbisToWaveOrder(decoded.channelData)
    : decoded.channelData;
  return { sampleRate: decoded.sampleRate, channels };
}
