import { describe, expect, it } from 'vitest';
import { joinDecoded, type DecodedAudio } from './decodedAudio';

function piece(values: number[][], errors: unknown[] = []): DecodedAudio {
  const channelData = values.map((channel) => Float32Array.from(channel));
  return {
    channelData,
    samplesDecoded: values[0]?.length ?? 0,
    sampleRate: 44100,
    bitDepth: 16,
    errors,
  };
}

describe('joinDecoded', () => {
  it('puts the pieces of one stream back to back, with every error', () => {
    const joined = joinDecoded([
      piece([
        [1, 2],
        [3, 4],
      ]),
      piece([], ['crc']), // a frame that gave nothing
      piece([[5], [6]], ['sync']),
    ]);
    expect(joined?.samplesDecoded).toBe(3);
    expect(joined?.channelData.map((channel) => [...channel])).toEqual([
      [1, 2, 5],
      [3, 4, 6],
    ]);
    expect(joined?.errors).toEqual(['crc', 'sync']);
    expect(joined?.sampleRate).toBe(44100);
    expect(joined?.bitDepth).toBe(16);
  });

  it('gives no audio for pieces with none, and null for no pieces', () => {
    expect(joinDecoded([piece([], ['crc'])])).toMatchObject({ samplesDecoded: 0, channelData: [] });
    expect(joinDecoded([])).toBeNull();
  });
});
