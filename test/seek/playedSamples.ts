import type { PlaybackService } from '../../src/player';
import type { AudioChunk, StreamEvent } from '../../src/shared/tidewaveApi';

/**
 * Stands in for the renderer in seek tests: keeps every chunk of every stream, reports each at
 * once as played (so flow control never holds the song back) and waits for stream events.
 */
export class PlayedSamples {
  private readonly chunks = new Map<number, AudioChunk[]>();
  private readonly events: StreamEvent[] = [];

  constructor(service: PlaybackService) {
    service.on('audio', (chunk) => {
      const list = this.chunks.get(chunk.streamId) ?? [];
      list.push(chunk);
      this.chunks.set(chunk.streamId, list);
      service.reportBuffer(chunk.streamId, 0);
    });
    service.on('stream', (event) => this.events.push(event));
  }

  /** The stream's samples so far, one array per channel. */
  samples(streamId: number): Float32Array[] {
    const list = this.chunks.get(streamId) ?? [];
    const length = list.reduce((sum, chunk) => sum + chunk.channels[0].length, 0);
    const channels = (list[0]?.channels ?? []).map(() => new Float32Array(length));
    let offset = 0;
    for (const chunk of list) {
      chunk.channels.forEach((channel, c) => channels[c].set(channel, offset));
      offset += chunk.channels[0].length;
    }
    return channels;
  }

  sampleCount(streamId: number): number {
    return (this.chunks.get(streamId) ?? []).reduce((sum, c) => sum + c.channels[0].length, 0);
  }

  /** Resolves with the stream's first event of a kind that ends it ('ended', 'error'…). */
  async until(streamId: number, test: () => boolean, timeoutMs = 15_000): Promise<StreamEvent[]> {
    const deadline = Date.now() + timeoutMs;
    while (!test()) {
      if (Date.now() > deadline) throw new Error(`stream ${streamId}: timed out`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    return this.events.filter((event) => event.streamId === streamId);
  }

  ended(streamId: number): boolean {
    return this.events.some((e) => e.streamId === streamId && e.kind !== 'started');
  }
}
