import { readFile } from 'node:fs/promises';
import { Mp3StreamDecoder } from '../../../src/decoder/mp3StreamDecoder';
import { Fnv1aSamples } from './fnv1aSamples';

const SLICE_BYTES = 4072;

export interface ReferenceAudio {
  frames: number;
  sampleRate: number;
  checksum: string;
  /** Checksum of the first `frames` samples (for a stream's first chunk). */
  checksumOfFirst(frames: number): string;
}

/**
 * Decodes a song file in Node with the app's own decoder, in wire-sized slices, and hashes
 * the samples the way the page's test hooks do: what the page's queue must have received.
 */
export async function decodeReference(file: string): Promise<ReferenceAudio> {
  const bytes = await readFile(file);
  const decoder = await Mp3StreamDecoder.create();
  const pieces: Float32Array[][] = [];
  let sampleRate = 0;
  try {
    for (let offset = 0; offset < bytes.length; offset += SLICE_BYTES) {
      const pcm = decoder.decode(bytes.subarray(offset, offset + SLICE_BYTES));
      if (!pcm) continue;
      sampleRate = pcm.sampleRate;
      pieces.push(pcm.channels.map((channel) => channel.slice()));
    }
  } finally {
    decoder.free();
  }
  const whole = new Fnv1aSamples();
  for (const channels of pieces) whole.update(channels);
  return {
    frames: whole.frames,
    sampleRate,
    checksum: whole.hex,
    checksumOfFirst(frames) {
      const partial = new Fnv1aSamples();
      let left = frames;
      for (const channels of pieces) {
        if (left <= 0) break;
        const take = Math.min(left, channels[0].length);
        partial.update(channels.map((channel) => channel.subarray(0, take)));
        left -= take;
      }
      return partial.hex;
    },
  };
}
