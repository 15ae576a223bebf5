/**
 * How long this process could not run its timers: a 10 ms ticker notes every tick that came a
 * whole period or more late. The cluster test runs three replicas and hundreds of listeners in one process, so on a
 * loaded machine a listener's "real time" goes on while none of them, servers included, may run.
 */
export class StallClock {
  private static readonly PERIOD_MS = 10;
  /** [when the late tick came, how late it was] (ms), in time order. */
  private readonly stalls: Array<[number, number]> = [];
  private last = performance.now();
  private readonly timer = setInterval(() => {
    const now = performance.now();
    const late = now - this.last - StallClock.PERIOD_MS;
    // A timer's usual millisecond or two of lateness is not a stall (it would add up to a tenth of
    // all time): only a missed period counts, and then all of its lateness.
    if (late >= StallClock.PERIOD_MS) this.stalls.push([now, late]);
    this.last = now;
  }, StallClock.PERIOD_MS);

  stop(): void {
    clearInterval(this.timer);
  }

  /** Milliseconds of stall that ended within [from, to] (performance.now() times). */
  stalledMsBetween(from: number, to: number): number {
    let sum = 0;
    for (const [at, late] of this.stalls) if (at >= from && at <= to) sum += late;
    return sum;
  }
}
