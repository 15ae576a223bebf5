import type { AudioChunk } from '../../../shared/tidewaveApi';
import type { HeldRun } from './scheduleClock';

/**
 * A fresh run with a lead at least this long is held back (see holdsFirstChunk): waiting for
 * its next chunk then costs nothing unless that chunk comes after the planned start.
 */
export const HOLD_FROM_LEAD_SECONDS = 0.1;
/** A held start never waits longer than this (a stalled stream's first chunk still plays). */
export const MAX_HOLD_MS = 2_000;

/** What decides whether a fresh run's first chunk waits for its next one before it is placed. */
export interface HoldInputs {
  /** The schedule clock has seen how long a run's next chunk takes (ScheduleClock.waitSeen). */
  waitSeen: boolean;
  /** How far ahead of now the run would start if placed now (ScheduleClock.leadFor). */
  leadSeconds: number;
}

/**
 * Whether a fresh run's first chunk is held (not scheduled) until its next chunk comes. A first
 * chunk placed alone whose next one comes late plays, stops, and the song starts again a moment
 * later: a click of sound, then a gap. Held, the run starts once, whole, a little later.
 * - Until the session has seen one wait for a next chunk, it does not know how late one may be
 *   (a new context's first song also pays for cold code; at load the next chunk came 0.3 s
 *   after the first): hold. This costs the first click of a session at most the time between
 *   its first two chunks less 3 ms: 0–19 ms measured at load 6–8 (PERFORMANCE.md, session 8).
 * - Once waits were seen, the lead covers them (ScheduleClock: 1.5 times the longest of the last
 *   few) and the first chunk is meant to play while the next is on its way, so it is not held,
 *   unless the lead is long (slow deliveries seen): then holding is nearly free.
 */
export function holdsFirstChunk({ waitSeen, leadSeconds }: HoldInputs): boolean {
  return !waitSeen || leadSeconds >= HOLD_FROM_LEAD_SECONDS;
}

/** The chunks of a fresh run held back, and what the clock needs to start the run later. */
export class StartHold {
  /**
   * @param since context time the first chunk arrived
   * @param notBefore where the run would have started then
   */
  constructor(
    private readonly first: AudioChunk,
    private readonly since: number,
    private readonly notBefore: number,
  ) {}

  get streamId(): number {
    return this.first.streamId;
  }

  /** Whether `chunk` is the held run's next chunk (its stream, its rate): it releases the hold. */
  continues(chunk: AudioChunk): boolean {
    const { first } = this;
    return chunk.streamId === first.streamId && chunk.sampleRate === first.sampleRate;
  }

  /**
   * The chunks to place now, in order, and the HeldRun for the first of them. `next` is the
   * chunk that released the hold (null: the stream ended, the hold timed out, another came).
   */
  release(next: AudioChunk | null): { chunks: AudioChunk[]; run: HeldRun } {
    const chunks = next ? [this.first, next] : [this.first];
    const queuedSeconds = chunks.reduce(
      (sum, chunk) => sum + (chunk.channels[0]?.length ?? 0) / chunk.sampleRate,
      0,
    );
    const run = {
      since: this.since,
      notBefore: this.notBefore,
      queuedSeconds,
      nextArrived: !!next,
    };
    return { chunks, run };
  }
}
