import { vorbisToWaveOrder } from './channelOrder';
import { DecoderError, UNDECODABLE_MESSAGE } from './decoderError';
import { rescaleIntegers } from './integerRescale';
import { concatPcm, type PcmChunk } from './pcmChunk';

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
    if (error instanceof DecoderError) throw error;
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

/**
 * Pieces one stream gave call by call (frames decoded one at a time) as one result: their
 * samples back to back, every error reported; null when there were no pieces.
 */
export function joinDecoded(parts: readonly DecodedAudio[]): DecodedAudio | null {
  const audible = parts.filter((part) => part.samplesDecoded > 0 && part.channelData.length > 0);
  const last = audible.at(-1) ?? parts.at(-1);
  if (!last) return null;
  const samplesDecoded = audible.reduce((sum, part) => sum + part.samplesDecoded, 0);
  const channelData =
    audible.length === 0
      ? []
      : concatPcm(
          audible.map((part) => ({
            sampleRate: part.sampleRate,
            channels: part.channelData.map((channel) => channel.subarray(0, part.samplesDecoded)),
          })),
        ).channels;
  const errors = parts.flatMap((part) => part.errors ?? []);
  return {
    channelData,
    samplesDecoded,
    sampleRate: last.sampleRate,
    bitDepth: last.bitDepth,
    errors,
  };
}
