import { describe, expect, it } from 'vitest';
import { ScheduleClock } from './scheduleClock';
import { StreamRegistry } from './streamRegistry';
import { StreamTimeline } from './streamTimeline';

const RATE = 44_100;
const STREAMS = 1000;
const CHUNKS_PER_STREAM = 5;
const CHUNK_FRAMES = 8820; // 0.2 s
const CHUNK_SECONDS = CHUNK_FRAMES / RATE;
/** Flow control as main applies it: no more audio while this much is queued. */
const MAX_QUEUED_SECONDS = 3;
const TICK_SECONDS = 0.05;

/**
 * The per-stream bookkeeping the audio engine keeps, driven as AudioEngine drives it (admit,
 * place, add to the timeline; a snapshot on every tick), with a fake clock instead of an
 * AudioContext. Many short songs back to back must leave it no bigger than the queue needs.
 */
class BookkeepingRig {
  readonly registry = new StreamRegistry();
  readonly timeline = new StreamTimeline();
  readonly clock = new ScheduleClock(RATE);
  now = 0;
  largestRegistry = 0;
  largestTimeline = 0;

  begin(streamId: number): void {
    this.registry.touch(streamId, { songId: streamId % 7, startSeconds: 0 });
    this.registry.touch(streamId, { coverUrl: `data:image/png;base64,${'A'.repeat(64)}` });
  }

  enqueue(streamId: number): void {
    if (!this.registry.admitAudio(streamId, CHUNK_SECONDS)) throw new Error('refused');
    const { startTime } = this.clock.place(CHUNK_FRAMES, RATE, this.now);
    this.timeline.add(streamId, startTime, CHUNK_SECONDS);
  }

  end(streamId: number): void {
    this.registry.touch(streamId, { ended: true });
  }

  /** What AudioEngine.snapshot does, plus noting the largest sizes seen. */
  tick(): { streamId: number; position: number; buffered: number } | null {
    this.now += TICK_SECONDS;
    const current =
      this.registry.get(this.timeline.streamAt(this.now)) ?? this.registry.newest() ?? null;
    if (current) this.registry.forgetBefore(current.streamId);
    const buffered = this.timeline.bufferedAhead(this.now);
    this.largestRegistry = Math.max(this.largestRegistry, this.registry.size);
    this.largestTimeline = Math.max(this.largestTimeline, this.timeline.size);
    if (!current) return null;
    return {
      streamId: current.streamId,
      position: this.timeline.played(current.streamId, this.now),
      buffered,
    };
  }
}

describe('the audio bookkeeping over many songs back to back', () => {
  it('stays as small as the queue: finished streams are forgotten, not accumulated', () => {
    const rig = new BookkeepingRig();
    const songSeconds = CHUNKS_PER_STREAM * CHUNK_SECONDS;
    const audible = new Set<number>();
    let positions = { lowest: Infinity, highest: -Infinity };
    for (let streamId = 1; streamId <= STREAMS; streamId++) {
      rig.begin(streamId);
      for (let chunk = 0; chunk < CHUNKS_PER_STREAM; chunk++) {
        while (rig.timeline.bufferedAhead(rig.now) >= MAX_QUEUED_SECONDS) {
          const seen = rig.tick();
          if (!seen) continue;
          audible.add(seen.streamId);
          positions = {
            lowest: Math.min(positions.lowest, seen.position),
            highest: Math.max(positions.highest, seen.position),
          };
        }
        rig.enqueue(streamId);
      }
      rig.end(streamId);
    }
    // Drain: play out everything still queued.
    while (rig.timeline.bufferedAhead(rig.now) > 0) rig.tick();
    const last = rig.tick();

    // Every song was heard, gaplessly, in order; the last one played to its end.
    expect(audible.size).toBeGreaterThan(STREAMS - MAX_QUEUED_SECONDS / songSeconds - 2);
    expect(last?.streamId).toBe(STREAMS);
    expect(last?.position).toBeCloseTo(songSeconds, 9);
    // The clock shown for the audible song always stays within that song.
    expect(positions.lowest).toBeGreaterThanOrEqual(0);
    expect(positions.highest).toBeLessThanOrEqual(songSeconds + 1e-9);

    // A 3 s queue of 0.2 s chunks spans at most 16 chunks of 4 songs (1 s each).
    const queuedChunks = Math.ceil(MAX_QUEUED_SECONDS / CHUNK_SECONDS) + 1;
    const queuedSongs = Math.ceil(MAX_QUEUED_SECONDS / songSeconds) + 1;
    console.log(
      `bookkeeping soak: ${STREAMS} streams, ${STREAMS * CHUNKS_PER_STREAM} chunks; ` +
        `largest registry ${rig.largestRegistry}, largest timeline ${rig.largestTimeline}; ` +
        `at the end: registry ${rig.registry.size}, timeline ${rig.timeline.size}`,
    );
    expect(rig.largestRegistry).toBeLessThanOrEqual(queuedSongs + 1);
    expect(rig.largestTimeline).toBeLessThanOrEqual(queuedChunks + queuedSongs);
    expect(rig.registry.size).toBe(1);
    expect(rig.timeline.size).toBeLessThanOrEqual(1);
  });

  it('forgets everything on a stop, however many streams came before', () => {
    const rig = new BookkeepingRig();
    for (let streamId = 1; streamId <= STREAMS; streamId++) {
      rig.begin(streamId);
      rig.enqueue(streamId);
      rig.tick();
      if (streamId % 10 === 0) {
        rig.timeline.clear();
        rig.clock.reset();
        rig.registry.refuseAll();
      }
    }
    expect(rig.registry.size).toBe(0);
    expect(rig.timeline.size).toBe(0);
    expect(rig.largestRegistry).toBeLessThanOrEqual(10);
    expect(rig.largestTimeline).toBeLessThanOrEqual(20);
  });
});
