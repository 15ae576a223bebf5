import type { PlaybackService } from '../../../src/player';
import type { AudioChunk, StreamEvent } from '../../../src/shared/tidewaveApi';
import { DelayedChannel } from './delayedChannel';

export interface LaggingRendererOptions {
  /** How late audio and stream events reach the renderer, in ms (in order, like a MessagePort). */
  deliveryDelayMs: readonly [min: number, max: number];
  /** How late the renderer's reports reach main, in ms (in order, like ipcRenderer.send). */
  reportDelayMs: readonly [min: number, max: number];
  /** The renderer's report timer (it also reports on every chunk it queues). */
  reportEveryMs?: number;
  /** Plays in real time when true; holds everything when false (a suspended AudioContext). */
  playing: boolean;
  /**
   * Once the newest stream has ended and less than `belowSeconds` is queued, plays the next of
   * these, one after another (the real renderer's gapless advance).
   */
  next?: { songIds: readonly number[]; belowSeconds: number };
  seed?: number;
}

/**
 * Stands in for the renderer across a slow link: audio reaches it late, its reports reach main
 * late, and it plays in real time or not at all. It reports like the real one (what it holds
 * unplayed across streams, and how much of the newest stream it has received) and measures what
 * flow control must bound: the audio it holds plus the audio in flight to it, at every chunk
 * main emits.
 */
export class LaggingRenderer {
  /** The largest held + in-flight seconds seen when main emitted a chunk. */
  maxHeldAndInFlight = 0;
  readonly startedStreams: number[] = [];
  private queued = 0;
  private drainedAt = performance.now();
  private readonly emitted = new Map<number, number>();
  private readonly received = new Map<number, number>();
  private readonly ended = new Set<number>();
  private newest = 0;
  private nextIndex = 0;
  private requesting = false;
  private readonly deliveries: DelayedChannel;
  private readonly reports: DelayedChannel;
  private readonly ticker: NodeJS.Timeout;

  constructor(
    private readonly service: PlaybackService,
    private readonly options: LaggingRendererOptions,
  ) {
    const random = mulberry32(options.seed ?? 1);
    this.deliveries = new DelayedChannel(options.deliveryDelayMs, random);
    this.reports = new DelayedChannel(options.reportDelayMs, random);
    service.on('audio', this.onAudio);
    service.on('stream', this.onStream);
    this.ticker = setInterval(() => this.tick(), options.reportEveryMs ?? 250);
  }

  /** What main's play() resolved with reaches the renderer with the invoke's reply (no lag). */
  begin(streamId: number): void {
    this.newest = Math.max(this.newest, streamId);
  }

  get queuedSeconds(): number {
    this.drain();
    return this.queued;
  }

  /** Seconds main has emitted but the renderer has not received yet, over all streams. */
  get inFlightSeconds(): number {
    let seconds = 0;
    for (const [streamId, emitted] of this.emitted) {
      seconds += Math.max(0, emitted - (this.received.get(streamId) ?? 0));
    }
    return seconds;
  }

  receivedOf(streamId: number): number {
    return this.received.get(streamId) ?? 0;
  }

  close(): void {
    clearInterval(this.ticker);
    this.deliveries.close();
    this.reports.close();
    this.service.off('audio', this.onAudio);
    this.service.off('stream', this.onStream);
  }

  private readonly onAudio = (chunk: AudioChunk): void => {
    const seconds = chunk.channels[0].length / chunk.sampleRate;
    this.emitted.set(chunk.streamId, (this.emitted.get(chunk.streamId) ?? 0) + seconds);
    const held = this.queuedSeconds + this.inFlightSeconds;
    this.maxHeldAndInFlight = Math.max(this.maxHeldAndInFlight, held);
    this.deliver(() => this.receive(chunk.streamId, seconds));
  };

  private readonly onStream = (event: StreamEvent): void => {
    this.deliver(() => {
      if (event.kind === 'started') {
        this.startedStreams.push(event.streamId);
        this.begin(event.streamId);
      }
      if (event.kind === 'ended') this.ended.add(event.streamId);
    });
  };

  private receive(streamId: number, seconds: number): void {
    this.received.set(streamId, (this.received.get(streamId) ?? 0) + seconds);
    this.drain();
    this.queued += seconds;
    this.report();
  }

  private tick(): void {
    const next = this.options.next;
    const songId = next?.songIds[this.nextIndex];
    if (next && songId !== undefined && !this.requesting && this.ended.has(this.newest)) {
      if (this.queuedSeconds < next.belowSeconds) {
        this.requesting = true;
        this.nextIndex++;
        void this.service.play({ songId }).then(
          ({ streamId }) => {
            this.requesting = false;
            this.begin(streamId);
          },
          () => undefined,
        );
      }
    }
    this.report();
  }

  /** Like the real renderer: only the newest stream, and only while main still sends it. */
  private report(): void {
    const streamId = this.newest;
    if (streamId === 0 || this.ended.has(streamId)) return;
    const buffered = this.queuedSeconds;
    const received = this.receivedOf(streamId);
    this.reports.send(() => this.service.reportBuffer(streamId, buffered, received));
  }

  private deliver(action: () => void): void {
    this.deliveries.send(action);
  }

  private drain(): void {
    const now = performance.now();
    if (this.options.playing)
      this.queued = Math.max(0, this.queued - (now - this.drainedAt) / 1000);
    this.drainedAt = now;
  }
}

/** A small seeded generator, so a run's delays can be replayed. */
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
