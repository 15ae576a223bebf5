import { describe, expect, it } from 'vitest';
import type { PcmChunk } from '../decoder/pcmChunk';
import { planWindow, SampleWindow } from './sampleWindow';

const chunk = (from: number, length: number): PcmChunk => ({
  sampleRate: 1000,
  channels: [Float32Array.from({ length }, (_, i) => from + i)],
});

describe('planWindow', () => {
  it('drops up to the sample asked for and trims to the song length, from a start packet', () => {
    const origin = {
      kind: 'sample',
      firstSample: 900,
      sampleRate: 1000,
      totalSamples: 5000,
    } as const;
    expect(planWindow(origin, 1.2345, 1000)).toEqual({ skip: 335, keep: 3765, startSample: 1235 });
  });

  it('skips into a whole file itself (a seed-era server), without an end to trim', () => {
    expect(planWindow({ kind: 'file' }, 2, 1000)).toEqual({
      skip: 2000,
      keep: null,
      startSample: 2000,
    });
  });

  it('takes an approximate start as it comes', () => {
    expect(planWindow({ kind: 'approximate' }, 2, 1000)).toEqual({
      skip: 0,
      keep: null,
      startSample: 2000,
    });
  });

  it('never skips backwards when the data starts after the time asked for', () => {
    const origin = {
      kind: 'sample',
      firstSample: 3000,
      sampleRate: 1000,
      totalSamples: 5000,
    } as const;
    expect(planWindow(origin, 1, 1000)).toEqual({ skip: 0, keep: 2000, startSample: 3000 });
  });
});

describe('SampleWindow', () => {
  it('cuts the head and the tail across chunk boundaries', () => {
    const window = new SampleWindow({ skip: 150, keep: 120, startSample: 0 });
    const out = [chunk(0, 100), chunk(100, 100), chunk(200, 100), chunk(300, 100)].map(
      (pcm) => window.take(pcm)?.channels[0] ?? null,
    );
    expect(out[0]).toBeNull();
    expect(Array.from(out[1] ?? [])).toEqual(Array.from({ length: 50 }, (_, i) => 150 + i));
    expect(Array.from(out[2] ?? [])).toEqual(Array.from({ length: 70 }, (_, i) => 200 + i));
    expect(out[3]).toBeNull();
  });

  it('passes chunks through untouched when there is nothing to cut', () => {
    const pcm = chunk(0, 10);
    expect(new SampleWindow({ skip: 0, keep: null, startSample: 0 }).take(pcm)).toBe(pcm);
  });
});

describe('planWindow with an exact start sample (a resume)', () => {
  it('starts at that sample from a start packet that begins earlier', () => {
    const origin = {
      kind: 'sample',
      firstSample: 438_959,
      sampleRate: 44_100,
      totalSamples: 1_433_250,
    } as const;
    // 10.001 s on the wire is sample 441,044; the resume wants 441,050.
    expect(planWindow(origin, 10.001, 44_100, 441_050)).toEqual({
      skip: 441_050 - 438_959,
      keep: 1_433_250 - 441_050,
      startSample: 441_050,
    });
  });

  it('skips to it in a whole file (a seed-era server)', () => {
    expect(planWindow({ kind: 'file' }, 10.001, 44_100, 441_050)).toEqual({
      skip: 441_050,
      keep: null,
      startSample: 441_050,
    });
  });
});
