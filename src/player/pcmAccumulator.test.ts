import { describe, expect, it } from 'vitest';
import type { PcmChunk } from '../decoder';
import { PcmAccumulator } from './pcmAccumulator';

function pcm(samples: number, sampleRate = 1000, start = 0): PcmChunk {
  const left = Float32Array.from({ length: samples }, (_, i) => start + i);
  return { sampleRate, channels: [left, left.map((v) => -v)] };
}

describe('PcmAccumulator', () => {
  it('joins small pieces into chunks of the target length, keeping every sample in order', () => {
    const accumulator = new PcmAccumulator(0.25, 0.25);
    const out = [
      ...accumulator.push(pcm(100, 1000, 0)),
      ...accumulator.push(pcm(100, 1000, 100)),
      ...accumulator.push(pcm(100, 1000, 200)),
      ...accumulator.push(pcm(30, 1000, 300)),
    ];
    const rest = accumulator.flush();
    expect(out.map((c) => c.channels[0].length)).toEqual([300]);
    expect(rest?.channels[0].length).toBe(30);
    expect(Array.from(out[0].channels[0].subarray(95, 105))).toEqual([
      95, 96, 97, 98, 99, 100, 101, 102, 103, 104,
    ]);
    expect(out[0].channels[1][150]).toBe(-150);
    expect(accumulator.flush()).toBeNull();
  });

  it('starts a new chunk when the sample rate changes, and ignores empty input', () => {
    const accumulator = new PcmAccumulator(1, 1);
    expect(accumulator.push(pcm(100, 1000))).toEqual([]);
    expect(accumulator.push(null)).toEqual([]);
    const out = accumulator.push(pcm(100, 2000));
    expect(out.map((c) => [c.sampleRate, c.channels[0].length])).toEqual([[1000, 100]]);
    expect(accumulator.flush()?.sampleRate).toBe(2000);
  });

  it('sends the first chunk as soon as a little is decoded, then chunks of the usual size', () => {
    const accumulator = new PcmAccumulator(0.25);
    const out = [
      ...accumulator.push(pcm(30, 1000, 0)),
      ...accumulator.push(pcm(30, 1000, 30)),
      ...accumulator.push(pcm(100, 1000, 60)),
      ...accumulator.push(pcm(100, 1000, 160)),
      ...accumulator.push(pcm(100, 1000, 260)),
    ];
    // 60 ms reaches the 50 ms first chunk; after it, 300 ms reach the 250 ms target.
    expect(out.map((c) => c.channels[0].length)).toEqual([60, 300]);
    expect(out[1].channels[0][0]).toBe(60);
  });
});
