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
    // 300 ms gathered: a chunk of exactly 250 ms goes, 50 ms wait for the next one.
    expect(out.map((c) => c.channels[0].length)).toEqual([250]);
    expect(rest?.channels[0].length).toBe(80);
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
    // 60 ms reaches the 50 ms first chunk; after it, 300 ms pass the 250 ms target.
    expect(out.map((c) => c.channels[0].length)).toEqual([60, 250]);
    expect(out[1].channels[0][0]).toBe(60);
  });

  it('cuts one long decoder output into chunks of at most the target length', () => {
    // A 4 KiB slice of 8 kHz mono Opus at 16 kbit/s decodes to about 2 s in one output: sent as
    // one chunk, it would pass the flow gate's bound by that much (issue 11's hand-over overshoot).
    const accumulator = new PcmAccumulator(0.25, 0.05);
    const out = [...accumulator.push(pcm(2010, 1000, 0))];
    const rest = accumulator.flush();
    expect(out.map((c) => c.channels[0].length)).toEqual([250, 250, 250, 250, 250, 250, 250, 250]);
    expect(rest?.channels[0].length).toBe(10);
    const samples = [...out, rest as PcmChunk].flatMap((c) => Array.from(c.channels[1]));
    expect(samples).toEqual(Array.from({ length: 2010 }, (_, i) => -i));
  });

  it('keeps the remainder of a cut output for the next chunk', () => {
    const accumulator = new PcmAccumulator(0.25, 0.05);
    const out = [
      ...accumulator.push(pcm(30, 1000, 0)),
      ...accumulator.push(pcm(600, 1000, 30)),
      ...accumulator.push(pcm(150, 1000, 630)),
    ];
    // The first chunk as soon as 50 ms are there (capped at 250 ms), then 250 ms each.
    expect(out.map((c) => [c.channels[0][0], c.channels[0].length])).toEqual([
      [0, 250],
      [250, 250],
      [500, 250],
    ]);
    expect(accumulator.flush()?.channels[0].length).toBe(30);
  });
});
