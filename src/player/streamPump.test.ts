import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { DecodedPart, PcmChunk, StreamDecoder } from '../decoder';
import type { AudioChunk } from '../shared/tidewaveApi';
import { FlowGate } from './flowGate';
import { SLICE_SECONDS } from './decodeSlicer';
import { FIRST_CHUNK_SECONDS } from './pcmAccumulator';
import { StreamPump, type SongSource } from './streamPump';

const RATE = 1000;

/** Each 4096-byte slice decodes to a quarter second of silence: easy to count. */
class CountingDecoder implements StreamDecoder {
  async decode(): Promise<PcmChunk> {
    return { sampleRate: RATE, channels: [new Float32Array(RATE / 4)] };
  }
  async decodeUntil(bytes: Uint8Array): Promise<DecodedPart> {
    return { pcm: await this.decode(), used: Math.min(4096, bytes.length) };
  }
  async end(): Promise<null> {
    return null;
  }
  async reset(): Promise<void> {}
  abandon(): void {} // each decode here is done by the time it returns: nothing to stop
  async terminate(): Promise<void> {}
}

/** Each slice decodes to 2 s: a 4 KiB slice of 8 kHz mono Opus at 16 kbit/s does. */
class LowBitrateDecoder extends CountingDecoder {
  override async decode(): Promise<PcmChunk> {
    return { sampleRate: RATE, channels: [new Float32Array(2 * RATE)] };
  }
}

/** Audio at a fixed byte rate (whole sample frames, the rest carried): records every slice. */
class ByteRateDecoder implements StreamDecoder {
  readonly slices: number[] = [];
  private carried = 0;
  constructor(private readonly bytesPerFrame: number) {}
  async decode(bytes: Uint8Array): Promise<PcmChunk> {
    this.slices.push(bytes.length);
    const frames = Math.floor((this.carried + bytes.length) / this.bytesPerFrame);
    this.carried = (this.carried + bytes.length) % this.bytesPerFrame;
    return { sampleRate: 192_000, channels: [new Float32Array(frames)] };
  }
  /** Like a real decoder: whole frames, just enough of them. */
  async decodeUntil(bytes: Uint8Array, minSeconds: number): Promise<DecodedPart> {
    const wanted = Math.ceil(minSeconds * 192_000) * this.bytesPerFrame - this.carried;
    const used = Math.min(bytes.length, Math.max(1, wanted));
    return { pcm: await this.decode(bytes.subarray(0, used)), used };
  }
  async end(): Promise<null> {
    return null;
  }
  async reset(): Promise<void> {}
  abandon(): void {} // each decode here is done by the time it returns: nothing to stop
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

  it('decodes a dense song (24-bit/192 kHz stereo) in slices of SLICE_SECONDS of audio, not 4 KiB', async () => {
    const bytesPerFrame = 6; // 2 channels of 3 bytes
    const song = 192_000 * bytesPerFrame * 3; // 3 s, 3.5 MB
    const decoder = new ByteRateDecoder(bytesPerFrame);
    const emitted: AudioChunk[] = [];
    const pump = new StreamPump(
      1,
      completeSong(song),
      decoder,
      new FlowGate(1000, 999),
      { audio: (chunk) => emitted.push(chunk), event: () => {} },
      0.25,
    );
    expect(await pump.run()).toBe('ended');
    // Every byte once, in order; every frame out.
    expect(decoder.slices.reduce((sum, bytes) => sum + bytes, 0)).toBe(song);
    expect(emitted.reduce((sum, c) => sum + c.channels[0].length, 0)).toBe(192_000 * 3);
    // The first chunk's audio in one decode (FIRST_CHUNK_SECONDS), then 4 KiB until 0.25 s of
    // audio shows the byte rate (~70), then SLICE_SECONDS of audio each: under a hundred decodes
    // instead of 844.
    expect(decoder.slices[0]).toBe(192_000 * FIRST_CHUNK_SECONDS * bytesPerFrame);
    expect(decoder.slices[1]).toBe(4096);
    const wanted = 192_000 * bytesPerFrame * SLICE_SECONDS;
    expect(Math.abs(Math.max(...decoder.slices) - wanted)).toBeLessThanOrEqual(bytesPerFrame);
    expect(decoder.slices.length).toBeLessThan(100);
  });

  it('gives the decoder the first bytes without waiting for its reset to answer', async () => {
    // A decoder whose reset answers only once bytes have come: a pump that waits for the answer
    // first never gets there.
    const order: string[] = [];
    let bytesCame: () => void = () => undefined;
    const decoder = new (class extends CountingDecoder {
      override async reset(): Promise<void> {
        await new Promise<void>((resolve, reject) => {
          bytesCame = resolve;
          setTimeout(() => reject(new Error('the pump waited for the reset')), 2_000);
        });
        order.push('reset answered');
      }
      override async decodeUntil(bytes: Uint8Array): Promise<DecodedPart> {
        order.push('first bytes');
        bytesCame();
        return super.decodeUntil(bytes);
      }
    })();
    const pump = new StreamPump(
      1,
      completeSong(4 * 4096),
      decoder,
      new FlowGate(1000, 999),
      { audio: () => order.push('audio'), event: () => {} },
      0.25,
    );
    expect(await pump.run()).toBe('ended');
    expect(order.slice(0, 3)).toEqual(['first bytes', 'reset answered', 'audio']);
  });

  it('fails the song, with none of its audio out, when the reset fails', async () => {
    const decoder = new (class extends CountingDecoder {
      override async reset(): Promise<void> {
        await new Promise((resolve) => setTimeout(resolve, 20)); // after the first decode
        throw new Error('no decoder for this song');
      }
    })();
    const emitted: AudioChunk[] = [];
    const events: string[] = [];
    const pump = new StreamPump(
      1,
      completeSong(4 * 4096),
      decoder,
      new FlowGate(1000, 999),
      { audio: (chunk) => emitted.push(chunk), event: (event) => events.push(event.kind) },
      0.25,
    );
    expect(await pump.run()).toBe('failed');
    expect(emitted).toHaveLength(0);
    expect(events).toContain('error');
  });

  it('abandons its decoding when cancelled while streaming, but not once ended', async () => {
    class AbandonCounting extends CountingDecoder {
      abandoned = 0;
      override abandon(): void {
        this.abandoned++;
      }
    }
    const streaming = new AbandonCounting();
    const cut = new StreamPump(
      1,
      completeSong(64 * 4096),
      streaming,
      new FlowGate(1, 0.5), // never reported on: it stays streaming at the bound
      { audio: () => {}, event: () => {} },
      0.25,
    );
    const cutDone = cut.run();
    await new Promise((resolve) => setTimeout(resolve, 20));
    cut.cancel();
    expect(await cutDone).toBe('stopped');
    expect(streaming.abandoned).toBe(1);

    // Ended: the decoder may be a newer song's by the time the listener stops this one.
    const done = new AbandonCounting();
    const ended = new StreamPump(
      2,
      completeSong(4 * 4096),
      done,
      new FlowGate(1000, 999),
      { audio: () => {}, event: () => {} },
      0.25,
    );
    expect(await ended.run()).toBe('ended');
    ended.cancel();
    expect(done.abandoned).toBe(0);
  });
});
