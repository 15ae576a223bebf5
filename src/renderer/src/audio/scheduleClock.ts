export interface Placement {
  /** Context time at which the chunk's first sample plays. */
  startTime: number;
  /** True when the queue had run dry and playback restarts a little ahead of now. */
  underrun: boolean;
}

/**
 * How far ahead of now a fresh run starts unless told: enough for the audio thread's next
 * render (a quantum is 3 ms; 'balanced' output buffers are 10 ms) plus the first chunk's
 * 50 ms covering the wait for the second. It was 0.1 s: all of it added to every click. 30 ms
 * was tried: on a busy machine the second chunk then came late and the song's start stuttered
 * (the e2e sample tests saw a restarted queue), so 60 ms: a clean start is worth 30 ms.
 */
export const FRESH_LEAD_SECONDS = 0.06;
/** The lead never grows past this after underruns (the old fixed lead was half of it). */
export const MAX_LEAD_SECONDS = 0.2;
/** Audio placed with no underrun, up to a reset, after which the lead halves back (seconds). */
export const CLEAN_SECONDS_TO_SHRINK = 10;

/**
 * Works out where each chunk goes on the AudioContext timeline so chunks play back to back,
 * sample-exact. Start times are computed from a run's anchor plus an integer frame count
 * (never by adding up durations), so rounding never accumulates.
 */
export class ScheduleClock {
  private anchorTime = 0;
  private anchorRate = 0;
  private framesSinceAnchor = 0;
  /** Seconds placed since the last reset or underrun. */
  private cleanSeconds = 0;
  private readonly initialLead: number;

  /**
   * @param contextRate the AudioContext's sample rate; fresh runs start on one of its frames
   * @param leadSeconds how far ahead of now a fresh run starts, at first
   * @param marginSeconds a run ending closer to now than this counts as an underrun
   * @param maxLeadSeconds each underrun doubles the lead of later runs, up to this: the lead is
   *   time added to every click before its sound, so it starts small and grows only where the
   *   audio has once come too late to follow on (a busy machine, a slow link); a reset after
   *   CLEAN_SECONDS_TO_SHRINK of audio with no underrun halves it back toward where it began
   */
  constructor(
    private readonly contextRate: number,
    private leadSeconds = FRESH_LEAD_SECONDS,
    private readonly marginSeconds = 0.01,
    private readonly maxLeadSeconds = Math.max(leadSeconds, MAX_LEAD_SECONDS),
  ) {
    this.initialLead = leadSeconds;
  }

  /** How far ahead of now the next fresh run will start (seconds). */
  get lead(): number {
    return this.leadSeconds;
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
      this.startRun(now, sampleRate);
    } else if (this.endTime < now + this.marginSeconds) {
      underrun = true;
      this.startRun(now, sampleRate);
      this.leadSeconds = Math.min(this.maxLeadSeconds, this.leadSeconds * 2);
      this.cleanSeconds = 0;
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
      this.leadSeconds = Math.max(this.initialLead, this.leadSeconds / 2);
    }
    this.cleanSeconds = 0;
    this.anchorTime = 0;
    this.anchorRate = 0;
    this.framesSinceAnchor = 0;
  }

  private startRun(now: number, sampleRate: number): void {
    this.anchorTime = Math.ceil((now + this.leadSeconds) * this.contextRate) / this.contextRate;
    this.anchorRate = sampleRate;
    this.framesSinceAnchor = 0;
  }
}
