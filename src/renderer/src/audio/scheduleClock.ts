import { freshLead } from './freshLead';

export interface Placement {
  /** Context time at which the chunk's first sample plays. */
  startTime: number;
  /** True when the queue had run dry and playback restarts a little ahead of now. */
  underrun: boolean;
}

/**
 * The wait for the next chunk a fresh start covers at first: the 60 ms lead plus the 50 ms first
 * chunk that came before the lead was worked out from what is queued. 30 ms + 50 ms was tried:
 * on a busy machine the second chunk then came late and the song's start stuttered (the e2e
 * sample tests saw a restarted queue).
 */
export const EXPECTED_WAIT_SECONDS = 0.11;
/** The expected wait never grows past this after underruns. */
export const MAX_WAIT_SECONDS = 0.25;
/** Audio placed with no underrun, up to a reset, after which the expected wait halves back. */
export const CLEAN_SECONDS_TO_SHRINK = 10;
/** The least lead when the context does not say (see minimumLeadSeconds in freshLead.ts). */
export const DEFAULT_MINIMUM_LEAD_SECONDS = 0.013;

export interface ScheduleClockOptions {
  /** How long the next chunk may take to arrive, at first (seconds). */
  expectedWaitSeconds?: number;
  /** The least lead the audio thread allows (seconds). */
  minimumLeadSeconds?: number;
  /** A run ending closer to now than this counts as an underrun (seconds). */
  marginSeconds?: number;
  /** Each underrun doubles the expected wait, up to this (seconds). */
  maxWaitSeconds?: number;
}

/**
 * Works out where each chunk goes on the AudioContext timeline so chunks play back to back,
 * sample-exact. Start times are computed from a run's anchor plus an integer frame count
 * (never by adding up durations), so rounding never accumulates.
 *
 * A fresh run starts ahead of now by `freshLead`: the expected wait for the next chunk less the
 * audio the first chunk holds. The lead is time added to every click before its sound, so the
 * expected wait starts small and grows only where audio has once come too late to follow on (a
 * busy machine, a slow link): each underrun doubles it, and a reset after
 * CLEAN_SECONDS_TO_SHRINK of audio with no underrun halves it back toward where it began.
 */
export class ScheduleClock {
  private anchorTime = 0;
  private anchorRate = 0;
  private framesSinceAnchor = 0;
  /** Seconds placed since the last reset or underrun. */
  private cleanSeconds = 0;
  private waitSeconds: number;
  private readonly initialWait: number;
  private readonly minimumLead: number;
  private readonly marginSeconds: number;
  private readonly maxWait: number;

  /** @param contextRate the AudioContext's sample rate; fresh runs start on one of its frames */
  constructor(
    private readonly contextRate: number,
    options: ScheduleClockOptions = {},
  ) {
    this.initialWait = options.expectedWaitSeconds ?? EXPECTED_WAIT_SECONDS;
    this.waitSeconds = this.initialWait;
    this.minimumLead = options.minimumLeadSeconds ?? DEFAULT_MINIMUM_LEAD_SECONDS;
    this.marginSeconds = options.marginSeconds ?? 0.01;
    this.maxWait = Math.max(this.initialWait, options.maxWaitSeconds ?? MAX_WAIT_SECONDS);
  }

  /** How long the next chunk may take to arrive, as things stand (seconds). */
  get expectedWait(): number {
    return this.waitSeconds;
  }

  /** How far ahead of now a fresh run whose first chunk holds `queuedSeconds` would start. */
  leadFor(queuedSeconds: number): number {
    return freshLead({
      queuedSeconds,
      expectedWaitSeconds: this.waitSeconds,
      minimumSeconds: this.minimumLead,
    });
  }

  /** Context time at which everything scheduled so far has finished (0 when empty). */
  get endTime(): number {
    return this.anchorRate === 0 ? 0 : this.anchorTime + this.framesSinceAnchor / this.anchorRate;
  }

  get isEmpty(): boolean {
    return this.anchorRate === 0;
  }

  place(frames: number, sampleRate: number, now: number): Placement {
    let underrun = false;
    if (this.anchorRate === 0) {
      this.startRun(now, frames, sampleRate);
    } else if (this.endTime < now + this.marginSeconds) {
      underrun = true;
      this.waitSeconds = Math.min(this.maxWait, this.waitSeconds * 2);
      this.cleanSeconds = 0;
      this.startRun(now, frames, sampleRate);
    } else if (sampleRate !== this.anchorRate) {
      // A new stream at another rate continues exactly where the last sample ends.
      this.anchorTime = this.endTime;
      this.anchorRate = sampleRate;
      this.framesSinceAnchor = 0;
    }
    const startTime = this.anchorTime + this.framesSinceAnchor / this.anchorRate;
    this.framesSinceAnchor += frames;
    this.cleanSeconds += frames / sampleRate;
    return { startTime, underrun };
  }

  reset(): void {
    if (this.cleanSeconds >= CLEAN_SECONDS_TO_SHRINK) {
      this.waitSeconds = Math.max(this.initialWait, this.waitSeconds / 2);
    }
    this.cleanSeconds = 0;
    this.anchorTime = 0;
    this.anchorRate = 0;
    this.framesSinceAnchor = 0;
  }

  private startRun(now: number, frames: number, sampleRate: number): void {
    const lead = this.leadFor(frames / sampleRate);
    this.anchorTime = Math.ceil((now + lead) * this.contextRate) / this.contextRate;
    this.anchorRate = sampleRate;
    this.framesSinceAnchor = 0;
  }
}
