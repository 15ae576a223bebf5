import { describe, expect, it } from 'vitest';
import { decodeInSlices } from '../../test/support/decodeInSlices';
import { concatPcm, type PcmChunk } from './pcmChunk';
import { WavStreamDecoder } from './wavStreamDecoder';

interface WavSpec {
  tag?: number;
  channels?: number;
  rate?: number;
  bits?: number;
  extensible?: boolean;
  /** Chunks to put between `fmt ` and `data`. */
  extra?: Buffer[];
  dataSize?: number;
}

function chunk(id: string, body: Buffer): Buffer {
  const header = Buffer.alloc(8);
  header.write(id, 0, 'latin1');
  header.writeUInt32LE(body.length, 4);
  return Buffer.concat([header, body, body.length % 2 ? Buffer.alloc(1) : Buffer.alloc(0)]);
}

function wav(samples: Buffer, spec: WavSpec = {}): Buffer {
  const { tag = 1, channels = 2, rate = 44100, bits = 16, extensible = false } = spec;
  const fmt = Buffer.alloc(extensible ? 40 : 16);
  fmt.writeUInt16LE(extensible ? 0xfffe : tag, 0);
  fmt.writeUInt16LE(channels, 2);
  fmt.writeUInt32LE(rate, 4);
  fmt.writeUInt32LE((rate * channels * bits) / 8, 8);
  fmt.writeUInt16LE((channels * bits) / 8, 12);
  fmt.writeUInt16LE(bits, 14);
  if (extensible) {
    fmt.writeUInt16LE(22, 16);
    fmt.writeUInt16LE(bits, 18);
    fmt.writeUInt16LE(tag, 24); // the SubFormat GUID starts with the real tag
  }
  const data = chunk('data', samples);
  if (spec.dataSize !== undefined) data.writeUInt32LE(spec.dataSize, 4);
  const body = Buffer.concat([
    Buffer.from('WAVE'),
    chunk('fmt ', fmt),
    ...(spec.extra ?? []),
    data,
  ]);
  return Buffer.concat([Buffer.from('RIFF'), Buffer.from([0, 0, 0, 0]), body]);
}

async function decodeIn(bytes: Buffer, slice: number): Promise<PcmChunk | null> {
  const parts = await decodeInSlices(new WavStreamDecoder(), bytes, slice);
  return parts.length > 0 ? concatPcm(parts) : null;
}

const int16 = (...values: number[]) => Buffer.from(Int16Array.from(values).buffer);

describe('WavStreamDecoder', () => {
  it('reads 16-bit stereo, scaled by 2^15, the same in any slicing', async () => {
    const bytes = wav(int16(0, -32768, 16384, 32767, -1, 1));
    for (const slice of [1, 3, 7, 44, 1000]) {
      const pcm = await decodeIn(bytes, slice);
      expect(pcm?.sampleRate).toBe(44100);
      expect(pcm?.channels.map((c) => [...c])).toEqual([
        [0, 0.5, -1 / 32768],
        [-1, 32767 / 32768, 1 / 32768],
      ]);
    }
  });

  it('reads 24-bit in WAVE_FORMAT_EXTENSIBLE, and 8-bit unsigned', async () => {
    const s24 = Buffer.from([0x00, 0x00, 0x80, 0xff, 0xff, 0x7f, 0x01, 0x00, 0x00]);
    const pcm24 = await decodeIn(wav(s24, { bits: 24, channels: 1, extensible: true }), 5);
    expect([...(pcm24?.channels[0] ?? [])]).toEqual([-1, 8388607 / 8388608, 1 / 8388608]);
    const pcm8 = await decodeIn(wav(Buffer.from([0, 128, 255]), { bits: 8, channels: 1 }), 2);
    expect([...(pcm8?.channels[0] ?? [])]).toEqual([-1, 0, 127 / 128]);
  });

  it('reads 32-bit integers and 32/64-bit floats, 6 channels, the same in any slicing', async () => {
    const frames = 5;
    const values = Array.from({ length: frames * 6 }, (_, i) => ((i * 37) % 61) / 30 - 1);
    const int32 = Buffer.from(Int32Array.from(values, (v) => Math.round(v * 2 ** 31 - 0.5)).buffer);
    const f32 = Buffer.from(Float32Array.from(values).buffer);
    const f64 = Buffer.from(Float64Array.from(values).buffer);
    const cases = [
      {
        bytes: wav(int32, { bits: 32, channels: 6 }),
        scale: (i: number) => int32.readInt32LE(i * 4) / 2 ** 31,
      },
      {
        bytes: wav(f32, { tag: 3, bits: 32, channels: 6 }),
        scale: (i: number) => f32.readFloatLE(i * 4),
      },
      {
        bytes: wav(f64, { tag: 3, bits: 64, channels: 6, extensible: true }),
        scale: (i: number) => Math.fround(values[i]),
      },
    ];
    for (const { bytes, scale } of cases) {
      const expected = Array.from({ length: 6 }, (_, c) =>
        Array.from({ length: frames }, (_, f) => Math.fround(scale(f * 6 + c))),
      );
      for (const slice of [1, 5, 13, 1000]) {
        const pcm = await decodeIn(bytes, slice);
        expect(pcm?.channels.map((c) => [...c])).toEqual(expected);
      }
    }
  });

  it('reads 24-bit stereo the same whatever frames the slices split, up to the data size', async () => {
    const frames = 500;
    const values = Array.from({ length: frames * 2 }, (_, i) => ((i * 7919) % 16777216) - 8388608);
    const samples = Buffer.alloc(values.length * 3);
    values.forEach((value, i) => samples.writeIntLE(value, i * 3, 3));
    const expected = [0, 1].map((c) =>
      values.filter((_, i) => i % 2 === c).map((v) => v / 2 ** 23),
    );
    const bytes = wav(samples, { bits: 24, rate: 192000 });
    // Slices of every phase against the 6-byte frame, the first split frame at the header.
    for (const slice of [1, 5, 7, 44, 45, 1001, 4096]) {
      const pcm = await decodeIn(bytes, slice);
      expect(pcm?.channels.map((c) => [...c])).toEqual(expected);
    }
    // A declared size that ends inside a frame which the slices also split: that frame is dropped.
    const short = wav(samples, { bits: 24, dataSize: 6 * 99 + 4 });
    for (const slice of [5, 7, 601]) {
      const pcm = await decodeIn(short, slice);
      expect(pcm?.channels.map((c) => [...c])).toEqual(expected.map((c) => c.slice(0, 99)));
    }
  });

  it('skips chunks before the data, odd-sized ones with their pad byte', async () => {
    const extra = [chunk('LIST', Buffer.from('odd')), chunk('fact', Buffer.alloc(4))];
    const pcm = await decodeIn(wav(int16(100, 200), { extra }), 5);
    expect(pcm?.channels.map((c) => c[0] * 32768)).toEqual([100, 200]);
  });

  it('stops at the declared data size and drops a trailing partial frame', async () => {
    const samples = int16(1, 2, 3, 4);
    const withTrailer = Buffer.concat([
      wav(samples, { dataSize: 8 }),
      chunk('LIST', Buffer.alloc(10, 7)),
    ]);
    expect((await decodeIn(withTrailer, 6))?.channels[0].length).toBe(2);
    const truncated = wav(samples).subarray(0, -3); // the last frame cut in half
    expect((await decodeIn(truncated, 4))?.channels[0].length).toBe(1);
  });

  it('refuses encodings it does not read, with a clear error', async () => {
    await expect(decodeIn(wav(Buffer.alloc(8), { tag: 2, bits: 4 }), 64)).rejects.toThrow(
      'WAV encoding 2 with 4-bit samples is not supported',
    );
    await expect(decodeIn(Buffer.from('RIFF\0\0\0\0AVI LIST'), 64)).rejects.toThrow(
      'not a RIFF/WAVE file',
    );
  });
});
