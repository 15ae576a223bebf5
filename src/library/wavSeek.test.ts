import { describe, expect, it } from 'vitest';
import { PastEndError } from './seekPlan';
import { planWavLayoutSeek, wavHeader, type WavLayout } from './wavSeek';

/** 24-bit stereo at 48 kHz, an 18-byte fmt body. */
function layout(): WavLayout {
  const formatBody = Buffer.alloc(18);
  formatBody.writeUInt16LE(1, 0);
  formatBody.writeUInt16LE(2, 2);
  formatBody.writeUInt32LE(48000, 4);
  formatBody.writeUInt32LE(48000 * 6, 8);
  formatBody.writeUInt16LE(6, 12);
  formatBody.writeUInt16LE(24, 14);
  return { formatBody, sampleRate: 48000, blockAlign: 6, dataOffset: 100, totalSamples: 96000 };
}

describe('WAV seek planning', () => {
  it('starts at the requested sample frame itself, on a block boundary', () => {
    const plan = planWavLayoutSeek(layout(), 1.2345);
    expect(plan.firstSample).toBe(Math.round(1.2345 * 48000));
    expect(plan.byteOffset).toBe(100 + plan.firstSample * 6);
    expect(plan.totalSamples).toBe(96000);
    expect(plan.sampleRate).toBe(48000);
  });

  it('sends a header declaring just the bytes left, with the file fmt body', () => {
    const plan = planWavLayoutSeek(layout(), 0.5);
    const header = plan.prefix;
    expect(header.toString('latin1', 0, 4)).toBe('RIFF');
    expect(header.toString('latin1', 8, 16)).toBe('WAVEfmt ');
    expect(header.readUInt32LE(16)).toBe(18);
    expect(header.subarray(20, 38).equals(layout().formatBody)).toBe(true);
    expect(header.toString('latin1', 38, 42)).toBe('data');
    const left = (96000 - 24000) * 6;
    expect(header.readUInt32LE(42)).toBe(left);
    expect(header.readUInt32LE(4)).toBe(header.length - 8 + left);
  });

  it('refuses a start at or past the last sample', () => {
    expect(() => planWavLayoutSeek(layout(), 2)).toThrow(PastEndError);
    expect(() => planWavLayoutSeek(layout(), 1.9999)).not.toThrow();
  });

  it('an odd-sized fmt body gets a pad byte, as RIFF requires', () => {
    expect(wavHeader(Buffer.alloc(17), 10).toString('latin1', 38, 42)).toBe('data');
  });
});
