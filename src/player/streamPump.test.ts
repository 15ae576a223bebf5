import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { PcmChunk, StreamDecoder } from '../decoder';
import type { AudioChunk } from '../shared/tidewaveApi';
import { MAX_DECODE_SLICE_BYTES, MIN_DECODE_SLICE_BYTES } from './decodeSlice';
import { FlowGate } from './flowGate';
import { StreamPump, type SongSource } from './streamPump';

const RATE = 1000;

/** Each 4096-byte slice decodes to a quarter second of silence: easy to count. */
class CountingDecoder implements StreamDecoder {
  async decode(): Promise<PcmChunk> {
    return { sampleRate: RATE, channels: [new Float32Array(RATE / 4)] };
  }
  async end(): Promise<null> {
    return null;
  }
  async reset(): Promise<void> {}
  async terminate(): Promise<void> {}
}

/** A song whose every byte has already arrived, as when the server sent it all in one burst. */
function completeSong(bytes: number): SongSource {
  const source = new Readable({ read() {}, highWaterMark: 1 << 20 }) as SongSource;
  source.endReason = 'complete';
  source.push(Buffer.alloc(bytes));
  source.push(null);
  return source;
}

describe('StreamPump', () => {
  it('keeps pacing a song whose stream has already closed', async () => {
    const emitted: AudioChunk[] = [];
    const gate = new FlowGate(1, 0.5);
    const pump = new StreamPump(
      1,
      completeSong(64 * 4096), // 16 s of audio at this decoder's rate
      new CountingDecoder(),
      gate,
      { audio: (chunk) => emitted.push(chunk), event: () => {} },
      0.25,
    );
    const done = pump.run();
    await new Promise((resolve) => setTimeout(resolve, 200));
    const seconds = emitted.reduce((sum, c) => sum + c.channels[0].length / RATE, 0);
    // The renderer never reported, so no more than the gate's bound (plus one chunk) went out.
    expect(seconds).toBeLessThanOrEqual(1.25);
    pump.cancel();
    expect(await done).toBe('stopped');
  });

  it('decodes dense audio in slices sized by time, MP3-rate audio in 4 KiB ones', async () => {
    /** Gives one frame at 48 kHz per `bytesPerFrame` bytes, and records what it was handed. */
    class ByteRateDecoder extends CountingDecoder {
      readonly slices: number[] = [];
      constructor(private readonly bytesPerFrame: number) {
        super();
      }
      override async decode(bytes?: Uint8Array): Promise<PcmChunk> {
        this.slices.push(bytes?.length ?? 0);
        const frames = Math.floor((bytes?.length ?? 0) / this.bytesPerFrame);
        return { sampleRate: 48000, channels: [new Float32Array(frames)] };
      }
    }
    const play = async (bytesPerSecond: number) => {
      const decoder = new ByteRateDecoder(bytesPerSecond / 48000);
      const pump = new StreamPump(
        1,
        completeSong(bytesPerSecond * 3),
        decoder,
        new FlowGate(1000, 999), // never closes: only the slicing is under test
        { audio: () => {}, event: () => {} },
        0.25,
      );
      expect(await pump.run()).toBe('ended');
      return decoder.slices;
    };
    // 24-bit/192 kHz stereo: 1.15 MB a second; 4 KiB slices would be 844 decode calls.
    const dense = await play(1_152_000);
    const firstSecond = Math.ceil(1_152_000 / MIN_DECODE_SLICE_BYTES);
    expect(dense.slice(0, firstSecond).every((size) => size === MIN_DECODE_SLICE_BYTES)).toBe(true);
    expect(dense[firstSecond + 1]).toBe(MAX_DECODE_SLICE_BYTES);
    expect(dense.length).toBeLessThan(
      firstSecond + Math.ceil((2 * 1_152_000) / MAX_DECODE_SLICE_BYTES) + 2,
    );
    // 192 kbit/s: a tenth of a second is under 4 KiB, so nothing changes for MP3.
    expect((await play(24_000)).slice(0, -1).every((size) => size === MIN_DECODE_SLICE_BYTES)).toBe(
      true,
    );
  });
});
