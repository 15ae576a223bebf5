import { createHash } from 'node:crypto';
import type { PlaybackService } from '../../../src/player';
import type { AudioChunk, StreamEvent } from '../../../src/shared/tidewaveApi';

/**
 * Stands in for the renderer: records every audio chunk and stream event of a PlaybackService.
 * With `consume: 'instantly'` it reports an empty buffer after each chunk, with all of the
 * stream received (a consumer that never falls behind); with 'never' it reports nothing at all.
 */
export class StreamRecorder {
  readonly chunks: AudioChunk[] = [];
  readonly events: StreamEvent[] = [];
  private waiters: Array<() => void> = [];
  private readonly received = new Map<number, number>();

  constructor(
    private readonly service: PlaybackService,
    /** May change during a test: a renderer that starts draining its buffer, for example. */
    public consume: 'instantly' | 'never' = 'instantly',
  ) {
    service.on('audio', (chunk) => {
      this.chunks.push(chunk);
      const seconds = chunk.channels[0].length / chunk.sampleRate;
      const received = (this.received.get(chunk.streamId) ?? 0) + seconds;
      this.received.set(chunk.streamId, received);
      if (this.consume === 'instantly') service.reportBuffer(chunk.streamId, 0, received);
      this.wake();
    });
    service.on('stream', (event) => {
      this.events.push(event);
      this.wake();
    });
  }

  chunksOf(streamId: number): AudioChunk[] {
    return this.chunks.filter((chunk) => chunk.streamId === streamId);
  }

  samplesOf(streamId: number): number {
    return this.chunksOf(streamId).reduce((sum, chunk) => sum + chunk.channels[0].length, 0);
  }

  secondsOf(streamId: number): number {
    return this.chunksOf(streamId).reduce((s, c) => s + c.channels[0].length / c.sampleRate, 0);
  }

  eventsOf(streamId: number): StreamEvent[] {
    return this.events.filter((event) => event.streamId === streamId);
  }

  /** Waits for the stream's event of `kind`; rejects after `timeoutMs`. */
  async waitForEvent(streamId: number, kind: StreamEvent['kind'], timeoutMs = 10_000) {
    const find = () => this.events.find((e) => e.streamId === streamId && e.kind === kind);
    await this.waitUntil(() => find() !== undefined, timeoutMs, `${kind} for stream ${streamId}`);
    return find() as StreamEvent;
  }

  async waitUntil(condition: () => boolean, timeoutMs: number, what: string): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!condition()) {
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`Timed out waiting for ${what}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, Math.min(left, 50));
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  /** SHA-256 of the stream's concatenated samples, channel by channel. */
  checksumOf(streamId: number): string {
    return pcmChecksum(this.chunksOf(streamId).map((chunk) => chunk.channels));
  }

  private wake(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const wake of waiters) wake();
  }
}

/** SHA-256 over each channel's samples in order, for chunks of any slicing. */
export function pcmChecksum(chunks: Float32Array[][]): string {
  const channelCount = chunks[0]?.length ?? 0;
  const hashes = Array.from({ length: channelCount }, () => createHash('sha256'));
  for (const channels of chunks) {
    channels.forEach((samples, i) => {
      hashes[i].update(Buffer.from(samples.buffer, samples.byteOffset, samples.byteLength));
    });
  }
  return hashes.map((hash) => hash.digest('hex')).join(':');
}
