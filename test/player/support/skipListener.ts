import { concatPcm, type PcmChunk } from '../../../src/decoder';
import type { PlaybackService } from '../../../src/player';
import type { AudioChunk, StreamEvent } from '../../../src/shared/tidewaveApi';

type Entry = { kind: 'audio'; chunk: AudioChunk } | { kind: 'event'; event: StreamEvent };

/**
 * Stands in for the renderer while a test skips through songs: hears every audio chunk and
 * stream event in the order they come, and runs a hook synchronously inside the listener call
 * that satisfies it, so an action can land exactly at a song's first audio or at its end.
 * It plays what it receives at once (`speed` Infinity: flow control never holds a song back),
 * or at `speed` times real time, reporting every few ms (the pump then waits at its gate).
 */
export class SkipListener {
  readonly entries: Entry[] = [];
  /** Where in `entries` each stream was replaced or stopped: nothing of it may come after. */
  private readonly goneAt = new Map<number, number>();
  private readonly received = new Map<number, number>();
  private hooks: Array<() => boolean> = [];
  private queued = 0;
  private newest: number | null = null;
  private ticker: NodeJS.Timeout | null = null;

  constructor(
    service: PlaybackService,
    private readonly speed = Infinity,
  ) {
    service.on('audio', (chunk) => {
      this.entries.push({ kind: 'audio', chunk });
      const seconds = chunk.channels[0].length / chunk.sampleRate;
      const received = (this.received.get(chunk.streamId) ?? 0) + seconds;
      this.received.set(chunk.streamId, received);
      if (speed === Infinity) service.reportBuffer(chunk.streamId, 0, received);
      else this.queued += seconds;
      this.runHooks();
    });
    service.on('stream', (event) => {
      this.entries.push({ kind: 'event', event });
      if (event.kind === 'started') this.newest = event.streamId;
      if (event.kind === 'stopped') this.queued = 0; // a stopped song's audio is dropped
      this.runHooks();
    });
    if (speed === Infinity) return;
    let last = performance.now();
    this.ticker = setInterval(() => {
      const now = performance.now();
      this.queued = Math.max(0, this.queued - ((now - last) / 1000) * speed);
      last = now;
      const newest = this.newest;
      if (newest !== null) service.reportBuffer(newest, this.queued, this.secondsOf(newest));
    }, 4);
  }

  close(): void {
    if (this.ticker) clearInterval(this.ticker);
  }

  /** The stream started by the last play (its 'started' event came inside the call). */
  get lastStarted(): number {
    if (this.newest === null) throw new Error('no stream was started');
    return this.newest;
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
