import type { AudioChunk, PlayStarted, StreamEvent } from '../../../shared/tidewaveApi';
import { AudioOutput } from './audioOutput';
import type { DropOutcome, EngineSnapshot, PlaybackEngine } from './playbackEngine';
import { minimumLeadSeconds } from './freshLead';
import { ScheduleClock, type HeldRun } from './scheduleClock';
import { holdsFirstChunk, MAX_HOLD_MS, StartHold } from './startHold';
import { SourcePlayer } from './sourcePlayer';
import { StreamRegistry, type StreamInfo } from './streamRegistry';
import { StreamTimeline } from './streamTimeline';

/** Flow control: unplayed seconds queued (all streams), and seconds of `streamId` received. */
export type BufferReporter = (
  streamId: number,
  bufferedSeconds: number,
  receivedSeconds: number,
) => void;
/**
 * Sees each accepted chunk and the context time its first sample plays at, when it is queued;
 * `heldMs`: how long it was held for its next chunk first (startHold.ts), 0 when it was not;
 * `placedAt`: the clock the engine placed it from (read right before its `start()`), so a lead
 * read here is the one the engine planned, not one a burst of the audio thread later.
 */
export type ChunkTap = (
  chunk: AudioChunk,
  startTime: number,
  heldMs: number,
  placedAt: number,
) => void;

/** A read-only view of the engine's insides, for the end-to-end tests' hooks (testHooks.ts). */
export interface EngineInspector {
  /** The AudioContext, once the first chunk has created it. */
  context(): AudioContext | null;
  /** The context's clock, in seconds (0 before there is one). */
  now(): number;
  /** Loudness of what is playing now. */
  rms(): number;
  /** Scheduled sources not yet played and released. */
  liveSources(): number;
  /** Sizes of the per-stream records, which must stay bounded by the queue. */
  records(): { registry: number; timeline: number };
  /** Observes every chunk that enters the queue (one observer; null removes it). */
  tap(observer: ChunkTap | null): void;
}

/**
 * The Web Audio buffer queue: accepted chunks are scheduled back to back on one AudioContext,
 * across song boundaries, while the timeline keeps track of which stream is audible.
 */
export class AudioEngine implements PlaybackEngine {
  private readonly output = new AudioOutput();
  private readonly sources = new SourcePlayer(this.output);
  private readonly timeline = new StreamTimeline();
  private readonly registry = new StreamRegistry();
  private clock: ScheduleClock | null = null;
  private tap: ChunkTap | null = null;
  /** A fresh run's first chunk, held until its next one comes (startHold.ts). */
  private hold: {
    start: StartHold;
    timer: ReturnType<typeof setTimeout>;
    /** performance.now() when the hold began, for the test hooks' tap only. */
    heldAt: number;
  } | null = null;
  /** Counts play and pause requests, so a resume that waited knows a pause came after it. */
  private playIntent = 0;

  constructor(private readonly report: BufferReporter) {}

  async resume(): Promise<void> {
    const asked = ++this.playIntent;
    // Making the context blocks the page (hundreds of ms on a busy machine): on the first play
    // it waits a task, so the play request the same click sends goes out first.
    if (!this.output.created) await new Promise((resolve) => setTimeout(resolve, 0));
    // A pause clicked during that task is the listener's last word.
    if (asked !== this.playIntent) return;
    return this.output.resume();
  }

  pause(): Promise<void> {
    this.playIntent++;
    return this.output.suspend();
  }

  begin({ streamId, songId, startSeconds }: PlayStarted): void {
    this.registry.touch(streamId, { songId, startSeconds });
  }

  enqueue(chunk: AudioChunk): void {
    const frames = chunk.channels[0]?.length ?? 0;
    if (frames === 0) return;
    // Counted as main counts what it sent, so main can tell what is still in flight.
    if (!this.registry.admitAudio(chunk.streamId, frames / chunk.sampleRate)) return;
    const context = this.output.ensure();
    this.clock ??= new ScheduleClock(context.sampleRate, {
      minimumLeadSeconds: minimumLeadSeconds(context.baseLatency, context.sampleRate),
    });
    const clock = this.clock;
    const now = context.currentTime;
    if (this.hold) {
      const next = this.hold.start.continues(chunk) ? chunk : null;
      this.releaseHold(next);
      if (next) return;
    }
    const lead = clock.leadFor(frames / chunk.sampleRate);
    if (
      clock.startsFresh(now) &&
      holdsFirstChunk({ waitSeen: clock.waitSeen, leadSeconds: lead })
    ) {
      const start = new StartHold(chunk, now, now + lead);
      const timer = setTimeout(() => this.releaseHold(null), MAX_HOLD_MS);
      this.hold = { start, timer, heldAt: performance.now() };
      this.reportBuffer();
      return;
    }
    this.schedule(chunk);
    this.reportBuffer();
  }

  /** Places a held run's chunks, with `next` when it is the chunk that came for it. */
  private releaseHold(next: AudioChunk | null): void {
    if (!this.hold) return;
    clearTimeout(this.hold.timer);
    const { chunks, run } = this.hold.start.release(next);
    const heldMs = performance.now() - this.hold.heldAt;
    this.hold = null;
    chunks.forEach((chunk, index) =>
      index === 0 ? this.schedule(chunk, run, heldMs) : this.schedule(chunk),
    );
    this.reportBuffer();
  }

  private schedule(chunk: AudioChunk, held?: HeldRun, heldMs = 0): void {
    const { clock } = this;
    const frames = chunk.channels[0]?.length ?? 0;
    if (!clock) return; // made by enqueue before anything is scheduled
    let placedAt = 0;
    const placeAt = (now: number) => {
      placedAt = now;
      return clock.place(frames, chunk.sampleRate, now, held).startTime;
    };
    const startTime = this.sources.schedule(chunk.channels, chunk.sampleRate, placeAt);
    if (startTime === null) return;
    this.timeline.add(chunk.streamId, startTime, frames / chunk.sampleRate);
    this.tap?.(chunk, startTime, heldMs, placedAt);
  }

  renameSongs(newId: (songId: number) => number): void {
    this.registry.renameSongs(newId);
  }

  handleStreamEvent(event: StreamEvent): void {
    if (event.kind === 'started') this.registry.touch(event.streamId, { songId: event.songId });
    if (event.kind === 'cover') this.registry.touch(event.streamId, { coverUrl: event.dataUrl });
    // A failed stream sends no more audio either: a song queued to follow that failed ends
    // the sequence after the one before it plays out (failsAhead).
    if (event.kind === 'ended' || event.kind === 'error') {
      this.registry.touch(event.streamId, { ended: true });
    }
    // No next chunk comes for a held run whose stream is over: what it holds plays now.
    const over = event.kind === 'ended' || event.kind === 'stopped' || event.kind === 'error';
    if (over && this.hold?.start.streamId === event.streamId) this.releaseHold(null);
  }

  flush(): void {
    if (this.hold) clearTimeout(this.hold.timer);
    this.hold = null;
    this.sources.stopAll();
    this.timeline.clear();
    this.clock?.reset();
    this.registry.refuseAll();
  }

  dropAfter(keep: number): DropOutcome {
    const now = this.output.now;
    const end = this.timeline.endOf(keep, now);
    if (end === null || !this.clock?.rewindTo(end, now)) return 'too late';
    if (this.hold && this.hold.start.streamId > keep) {
      clearTimeout(this.hold.timer);
      this.hold = null;
    }
    this.sources.stopFrom(end);
    this.timeline.dropAfter(keep);
    return this.registry.refuseAfter(keep) ? 'dropped' : 'nothing after';
  }

  setVolume(volume: number): void {
    this.output.setVolume(volume);
  }

  snapshot(): EngineSnapshot {
    const now = this.output.now;
    const newest = this.registry.newest();
    const current = this.registry.get(this.timeline.streamAt(now)) ?? newest;
    if (current) this.registry.forgetBefore(current.streamId);
    return {
      current,
      positionSeconds: this.position(current, now),
      bufferedAheadSeconds: this.timeline.bufferedAhead(now),
      sounding: this.timeline.isPlayingAt(now),
      newest,
    };
  }

  /** Null while the stream's start is not known (its 'started' event came before the answer). */
  private position(current: StreamInfo | null, now: number): number | null {
    if (!current) return 0;
    if (current.startSeconds === null) return null;
    return current.startSeconds + this.timeline.played(current.streamId, now);
  }

  inspect(): EngineInspector {
    const { output } = this;
    return {
      context: () => (output.created ? output.ensure() : null),
      now: () => output.now,
      rms: () => output.rms(),
      liveSources: () => this.sources.liveCount,
      records: () => ({ registry: this.registry.size, timeline: this.timeline.size }),
      tap: (observer) => {
        this.tap = observer;
      },
    };
  }

  reportBuffer(): void {
    const newest = this.registry.newest();
    if (newest && !newest.ended) {
      const { streamId } = newest;
      const buffered = this.timeline.bufferedAhead(this.output.now);
      this.report(streamId, buffered, this.registry.receivedSeconds(streamId));
    }
  }
}
