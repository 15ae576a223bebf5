import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import { Mp3StreamDecoder } from '../../../src/decoder/mp3StreamDecoder';
import { largestDifference, SAME_SAMPLE_TOLERANCE } from '../../support/referenceMp3';
import { pcmChecksum, type StreamRecorder } from './streamRecorder';

/** The full play of a file (copied out of the decoder's memory). */
export async function fullPlay(path: string): Promise<Float32Array[]> {
  const decoder = await Mp3StreamDecoder.create();
  try {
    const pcm = decoder.decode(readFileSync(path));
    if (!pcm) throw new Error(`Nothing decoded from ${path}`);
    return pcm.channels.map((channel) => channel.slice());
  } finally {
    decoder.free();
  }
}

/** One array per channel of everything the stream emitted. */
export function played(recorder: StreamRecorder, streamId: number): Float32Array[] {
  const chunks = recorder.chunksOf(streamId);
  const out = chunks[0].channels.map(() => new Float32Array(recorder.samplesOf(streamId)));
  let offset = 0;
  for (const chunk of chunks) {
    chunk.channels.forEach((channel, c) => out[c].set(channel, offset));
    offset += chunk.channels[0].length;
  }
  return out;
}

/**
 * Asserts that the stream is the full play from sample `from`: as many samples, the ones
 * before the resume (`cutAt` of the stream) bit for bit when it played from the start, and the rest within the rounding by
 * which a decode that enters the file later differs (PROTOCOL §7.1; ~2e-6). A sample lost or
 * doubled shifts everything after it, which this music turns into differences of ~1e-2: the
 * test checks that a one-sample shift is caught at the resume point.
 */
export function expectFullPlay(
  stream: Float32Array[],
  full: Float32Array[],
  from: number,
  cutAt: number,
) {
  expect(stream[0].length).toBe(full[0].length - from);
  full.forEach((channel, c) => {
    const reference = channel.subarray(from);
    // A play from the start is the full play bit for bit; a seek is within the rounding too.
    const head = stream[c].subarray(0, cutAt);
    if (from === 0)
      expect(pcmChecksum([[head]])).toBe(pcmChecksum([[reference.subarray(0, cutAt)]]));
    else expect(largestDifference(head, reference, 0)).toBeLessThan(SAME_SAMPLE_TOLERANCE);
    const rest = stream[c].subarray(cutAt);
    expect(largestDifference(rest, reference, cutAt)).toBeLessThan(SAME_SAMPLE_TOLERANCE);
    if (rest.length === 0) return;
    expect(largestDifference(rest, reference, cutAt + 1)).toBeGreaterThan(SAME_SAMPLE_TOLERANCE);
    expect(largestDifference(rest, reference, cutAt - 1)).toBeGreaterThan(SAME_SAMPLE_TOLERANCE);
  });
}
