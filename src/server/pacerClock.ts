import { dueTicks, msUntilTick, wakeTick } from './pacerTicks';

/**
 * How finely the shared clock cuts time. A paced batch is 0.2–0.5 s of audio, so waking a
 * stream up to this much late changes nothing a listener hears, while a thousand streams then
 * share about 1000 / DEFAULT_TICK_MS timer turns a second instead of a timer each per batch.
 */
export const DEFAULT_TICK_MS = 20;

/** A wake asked of the clock; cancel() takes it off (a cancelled or closed stream). */
export interface ClockWake {
  cancel(): void;
}

interface Entry extends ClockWake {
  readonly wake: () => void;
}

/**
 * One timer for every paced stream's waits (pacerTicks.ts says when each is woken): the streams
 * due within a tick are woken in one timer turn, in the order they asked. A wake cancelled
 * leaves nothing behind, and with nothing waiting the clock holds no timer.
 */
export class PacerClock {
  /** Waiting wakes by tick; each set keeps the order the wakes were asked in. */
  private readonly byTick = new Map<number, Set<Entry>>();
  /** The ticks of `byTick`, ascending. */
  private ticks: number[] = [];
  private count = 0;
  private timer: NodeJS.Timeout | null = null;
  /** The tick the timer is armed for. */
  private armedFor: number | null = null;

  constructor(
    readonly tickMs: number = DEFAULT_TICK_MS,
    private readonly now: () => number = () => performance.now(),
  ) {
    if (!(tickMs > 0)) throw new RangeError(`tickMs must be above 0, got ${tickMs}`);
  }

  /** Wakes still to come. */
  get waiting(): number {
    return this.count;
  }

  /** Calls `wake` once `ms` milliseconds have passed, at the end of their tick. */
  wakeAfter(ms: number, wake: () => void): ClockWake {
    const tick = wakeTick(this.now() + Math.max(0, ms), this.tickMs);
    let set = this.byTick.get(tick);
    if (set === undefined) {
      set = new Set();
      this.byTick.set(tick, set);
      this.insertTick(tick);
    }
    const entries = set;
    const entry: Entry = {
      wake,
      cancel: () => {
        if (!entries.delete(entry)) return;
        this.count -= 1;
        if (entries.size === 0) this.dropTick(tick);
      },
    };
    entries.add(entry);
    this.count += 1;
    this.arm();
    return entry;
  }

  private insertTick(tick: number): void {
    // New wakes are nearly always for the latest tick: search from the end.
    let at = this.ticks.length;
    while (at > 0 && this.ticks[at - 1] > tick) at -= 1;
    this.ticks.splice(at, 0, tick);
  }

  private dropTick(tick: number): void {
    this.byTick.delete(tick);
    const at = this.ticks.indexOf(tick);
    if (at >= 0) this.ticks.splice(at, 1);
    this.arm();
  }

  /** Keeps the one timer armed for the first waiting tick, and none when nothing waits. */
  private arm(): void {
    const first = this.ticks.length > 0 ? this.ticks[0] : null;
    if (first === this.armedFor) return;
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    this.armedFor = first;
    if (first === null) return;
    this.timer = setTimeout(() => this.fire(), msUntilTick(first, this.now(), this.tickMs));
  }

  private fire(): void {
    this.timer = null;
    this.armedFor = null;
    const { due } = dueTicks(this.ticks, this.now(), this.tickMs);
    this.ticks.splice(0, due.length);
    const woken: Entry[] = [];
    for (const tick of due) {
      const set = this.byTick.get(tick);
      this.byTick.delete(tick);
      if (set === undefined) continue;
      woken.push(...set);
      // A wake already woken is no longer the clock's to cancel.
      set.clear();
    }
    this.count -= woken.length;
    this.arm();
    for (const entry of woken) entry.wake();
  }
}
