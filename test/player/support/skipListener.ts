import { concatPcm, type PcmChunk } from '../../../src/decoder';
import type { PlaybackService } from '../../../src/player';
import type { AudioChunk, StreamEvent } from '../../../src/shared/tidewaveApi';

type Entry = { kind: 'audio'; chunk: AudioChunk } | { kind: 'event'; event: StreamEvent };

/**
 * Stands in for the renderer while a test skips through songs: hears every audio chunk and
 * stream event in the order they come, reports each chunk played at once (flow control never
 * holds a song back), and runs a hook synchronously inside the listener call that satisfies it,
 * so an action can land exactly at a song's first audio or at its end.
 */
export class SkipListener {
  readonly entries: Entry[] = [];
  /** Where in `entries` each stream was replaced or stopped: nothing of it may come after. */
  private readonly goneAt = new Map<number, number>();
  private readonly received = new Map<number, number>();
  private hooks: Array<() => boolean> = [];

  constructor(private readonly service: PlaybackService) {
    service.on('audio', (chunk) => {
      this.entries.push({ kind: 'audio', chunk });
      const seconds = chunk.channels[0].length / chunk.sampleRate;
      const received = (this.received.get(chunk.streamId) ?? 0) + seconds;
      this.received.set(chunk.streamId, received);
      service.reportBuffer(chunk.streamId, 0, received);
      this.runHooks();
    });
    service.on('stream', (event) => {
      this.entries.push({ kind: 'event', event });
      this.runHooks();
    });
  }

  /** The stream started by the last play (its 'started' event came inside the call). */
  get lastStarted(): number {
    for (let i = this.entries.length - 1; i >= 0; i--) {
      const entry = this.entries[i];
      if (entry.kind === 'event' && entry.event.kind === 'started') return entry.event.streamId;
    }
    throw new Error('no stream was started');
  }

  /** From now on `streamId` must be silent. */
  gone(streamId: number): void {
    if (!this.goneAt.has(streamId)) this.goneAt.set(streamId, this.entries.length);
  }

  secondsOf(streamId: number): number {
    return this.received.get(streamId) ?? 0;
  }

  /** The stream's last event that ends it ('ended', 'stopped', 'error'), if any. */
  over(streamId: number): StreamEvent['kind'] | null {
    const ends = this.eventsOf(streamId).filter((e) => e.kind !== 'started' && e.kind !== 'cover');
    return ends.at(-1)?.kind ?? null;
  }

  eventsOf(streamId: number): StreamEvent[] {
    return this.entries.flatMap((e) =>
      e.kind === 'event' && e.event.streamId === streamId ? [e.event] : [],
    );
  }

  audioOf(streamId: number): PcmChunk | null {
    const chunks = this.entries.flatMap((e) =>
      e.kind === 'audio' && e.chunk.streamId === streamId ? [e.chunk] : [],
    );
    return chunks.length === 0 ? null : concatPcm(chunks);
  }

  /** What came for a stream after it was replaced or stopped. */
  lateEntries(): string[] {
    return this.entries.flatMap((entry, index) => {
      const streamId = entry.kind === 'audio' ? entry.chunk.streamId : entry.event.streamId;
      const goneAt = this.goneAt.get(streamId);
      if (goneAt === undefined || index < goneAt) return [];
      const what = entry.kind === 'audio' ? 'audio' : `a '${entry.event.kind}' event`;
      return [`stream ${streamId}: ${what} after it was replaced or stopped`];
    });
  }

  /**
   * Runs `action` inside the first listener call after which `ready()` holds (at once if it
   * holds now); rejects after `ms` with `what`, which then names a wedged player.
   */
  at(ready: () => boolean, action: () => void, ms: number, what: string): Promise<void> {
    if (ready()) {
      action();
      return Promise.resolve();
    }
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.hooks = this.hooks.filter((hook) => hook !== run);
        reject(new Error(`no ${what} within ${ms} ms`));
      }, ms);
      const run = (): boolean => {
        if (!ready()) return false;
        clearTimeout(timer);
        action();
        resolve();
        return true;
      };
      this.hooks.push(run);
    });
  }

  private runHooks(): void {
    const hooks = this.hooks;
    this.hooks = [];
    const waiting = hooks.filter((hook) => !hook());
    this.hooks.push(...waiting);
  }
}
