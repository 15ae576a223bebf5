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
});
