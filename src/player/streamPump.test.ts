import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { PcmChunk, StreamDecoder } from '../decoder';
import type { AudioChunk } from '../shared/tidewaveApi';
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

/** Each slice decodes to 2 s: a 4 KiB slice of 8 kHz mono Opus at 16 kbit/s does. */
class LowBitrateDecoder extends CountingDecoder {
  override async decode(): Promise<PcmChunk> {
    return { sampleRate: RATE, channels: [new Float32Array(2 * RATE)] };
  }
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

  it('stops at the bound between the chunks of one slice that decodes to seconds', async () => {
    const emitted: AudioChunk[] = [];
    const gate = new FlowGate(1, 0.5);
    const pump = new StreamPump(
      1,
      completeSong(4 * 4096), // 8 s of audio, 2 s per slice
      new LowBitrateDecoder(),
      gate,
      { audio: (chunk) => emitted.push(chunk), event: () => {} },
      0.25,
    );
    const done = pump.run();
    await new Promise((resolve) => setTimeout(resolve, 200));
    const seconds = () => emitted.reduce((sum, c) => sum + c.channels[0].length / RATE, 0);
    // At most one chunk past the bound, though the slice held 2 s.
    expect(seconds()).toBeLessThanOrEqual(1.25);
    // The renderer drains: the rest goes out, every sample of it, in chunks of at most 0.25 s.
    while (pump.state === 'streaming') {
      gate.onReport(0, seconds());
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    expect(await done).toBe('ended');
    expect(seconds()).toBe(8);
    expect(Math.max(...emitted.map((c) => c.channels[0].length / RATE))).toBeLessThanOrEqual(0.25);
  });
});
