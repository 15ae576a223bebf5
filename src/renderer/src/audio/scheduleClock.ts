import { freshLead } from './freshLead';

export interface Placement {
  /** Context time at which the chunk's first sample plays. */
  startTime: number;
  /** True when the queue had run dry and playback restarts a little ahead of now. */
  underrun: boolean;
}

/**
 * The wait for the next chunk a fresh start covers before any wait was seen (a new context: its
 * first song also pays for cold code). 0.11 s was tried (the old 60 ms lead plus a 50 ms first
 * chunk): at load 15 the e2e sample tests then saw a restarted queue on a first play.
 */
export const COLD_WAIT_SECONDS = 0.2;
/** Once waits were seen: the longest of the last few, with this much headroom… */
export const WAIT_HEADROOM = 1.5;
export const WAITS_REMEMBERED = 4;
/** …and never less than this (nor less than what underruns grew it to). */
export const MIN_WAIT_SECONDS = 0.05;
/** The expected wait never grows past this after underruns. */
export const MAX_WAIT_SECONDS = 0.25;
/** Audio placed with no underrun, up to a reset, after which the expected wait halves back. */
export const CLEAN_SECONDS_TO_SHRINK = 10;
/** The least lead when the context does not say (see minimumLeadSeconds in freshLead.ts). */
export const DEFAULT_MINIMUM_LEAD_SECONDS = 0.013;

/** A fresh run whose first chunk was held back (startHold.ts) until the next one came. */
export interface HeldRun {
  /** Context time the run's first chunk arrived. */
  since: number;
  /** Where the run would have started then: it never starts earlier. */
  notBefore: number;
  /** Seconds of audio placed now, back to back, as this run's start. */
  queuedSeconds: number;
  /** The run's next chunk came: the time since `since` is a wait seen. */
  nextArrived: boolean;
}

export interface ScheduleClockOptions {
  /** How long the next chunk may take to arrive before any wait was seen (seconds). */
  coldWaitSeconds?: number;
  /** The least expected wait once waits were seen, and where underruns grow it from (seconds). */
  minWaitSeconds?: number;
  /** The least lead the audio thread allows (seconds). */
  minimumLeadSeconds?: number;
  /**
   * A run ending closer to now than this counts as an underrun (seconds). By default the least
   * lead: a follow-on chunk placed at a queue's end nearer than that may already lie inside the
   * output buffer being rendered, so it restarts a run ahead of now instead.
   */
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
 * expected wait follows what is seen: the longest wait (on the context's clock, which stands
 * still while suspended) between a run's first and second chunk over the last few runs, with
 * headroom. Where audio has once come too late to follow on anyway (a busy machine, a slow
 * link), each underrun doubles a floor under it, and a reset after CLEAN_SECONDS_TO_SHRINK of
 * audio with no underrun halves that floor back.
 */
export class ScheduleClock {
  private anchorTime = 0;
  private anchorRate = 0;
  private framesSinceAnchor = 0;
  /** Seconds placed since the last reset or underrun. */
  private cleanSeconds = 0;
  /** Grown by underruns; the expected wait is at least this. */
  private floorWait: number;
  private readonly minWait: number;
  private readonly coldWait: number;
  private readonly minimumLead: number;
  private readonly marginSeconds: number;
  private readonly maxWait: number;
  /** Waits seen between a run's first and second chunk (context seconds), newest last. */
  private readonly waits: number[] = [];
  /** When the current run's first chunk was placed, until its second comes. */
  private runStartedAt: number | null = null;

  /** @param contextRate the AudioContext's sample rate; fresh runs start on one of its frames */
  constructor(
    private readonly contextRate: number,
    options: ScheduleClockOptions = {},
  ) {
    this.coldWait = options.coldWaitSeconds ?? COLD_WAIT_SECONDS;
    this.minWait = options.minWaitSeconds ?? MIN_WAIT_SECONDS;
    this.floorWait = this.minWait;
    this.minimumLead = options.minimumLeadSeconds ?? DEFAULT_MINIMUM_LEAD_SECONDS;
    this.marginSeconds = options.marginSeconds ?? this.minimumLead;
    this.maxWait = Math.max(this.coldWait, options.maxWaitSeconds ?? MAX_WAIT_SECONDS);
  }

  /** How long the next chunk may take to arrive, as things stand (seconds). */
  get expectedWait(): number {
    const seen = this.waits.length > 0 ? WAIT_HEADROOM * Math.max(...this.waits) : this.coldWait;
    return Math.min(this.maxWait, Math.max(this.floorWait, seen));
  }

  /** Whether a wait between a run's first and second chunk has been seen yet. */
  get waitSeen(): boolean {
    return this.waits.length > 0;
  }

  /** How far ahead of now a fresh run whose first chunk holds `queuedSeconds` would start. */
  leadFor(queuedSeconds: number): number {
    return freshLead({
      queuedSeconds,
      expectedWaitSeconds: this.expectedWait,
      minimumSeconds: this.minimumLead,
    });
  }

  /** Whether a chunk placed now would start a fresh run (the queue is empty or has run dry). */
  startsFresh(now: number): boolean {
    return this.isEmpty || this.endTime < now + this.marginSeconds;
  }

  /** Context time at which everything scheduled so far has finished (0 when empty). */
  get endTime(): number {
    return this.anchorRate === 0 ? 0 : this.anchorTime + this.framesSinceAnchor / this.anchorRate;
  }

  get isEmpty(): boolean {
    return this.anchorRate === 0;
  }

  /** @param held given for the first chunk of a run that was held back (see HeldRun) */
  place(frames: number, sampleRate: number, now: number, held?: HeldRun): Placement {
    let underrun = false;
    if (this.anchorRate === 0) {
      this.startRun(now, frames, sampleRate, held);
    } else if (this.endTime < now + this.marginSeconds) {
      underrun = true;
      this.floorWait = Math.min(this.maxWait, this.expectedWait * 2);
      this.cleanSeconds = 0;
      this.startRun(now, frames, sampleRate, held);
    } else if (this.runStartedAt !== null) {
      this.noteWait(now - this.runStartedAt);
    }
    if (sampleRate !== this.anchorRate) {
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

  /**
   * Takes back everything placed after `endTime` (the last sample of a stream whose followers
   * are dropped), so the next chunk follows on from there, sample-exact. False, changing
   * nothing, when that is nearer `now` than the margin: too late to follow on from it.
   */
  rewindTo(endTime: number, now: number): boolean {
    if (this.isEmpty || endTime < now + this.marginSeconds) return false;
    // The rate stays: a chunk at another rate re-anchors at endTime as place() does.
    this.anchorTime = endTime;
    this.framesSinceAnchor = 0;
    return true;
  }

  reset(): void {
    if (this.cleanSeconds >= CLEAN_SECONDS_TO_SHRINK) {
      this.floorWait = Math.max(this.minWait, this.floorWait / 2);
    }
    this.runStartedAt = null;
    this.cleanSeconds = 0;
    this.anchorTime = 0;
    this.anchorRate = 0;
    this.framesSinceAnchor = 0;
  }

  private noteWait(seconds: number): void {
    this.runStartedAt = null;
    this.waits.push(seconds);
    if (this.waits.length > WAITS_REMEMBERED) this.waits.shift();
  }

  private startRun(now: number, frames: number, sampleRate: number, held?: HeldRun): void {
    let start = now + this.leadFor(frames / sampleRate);
    this.runStartedAt = now;
    if (held) {
      // The wait for the next chunk was seen while holding: the run goes on from what it holds.
      this.runStartedAt = null;
      if (held.nextArrived) this.noteWait(now - held.since);
      start = Math.max(held.notBefore, now + this.leadFor(held.queuedSeconds));
    }
    this.anchorTime = Math.ceil(start * this.contextRate) / this.contextRate;
    this.anchorRate = sampleRate;
    this.framesSinceAnchor = 0;
  }
}
