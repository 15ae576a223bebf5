/**
 * How long this process was kept off the CPU: a 10 ms ticker notes, for every tick that came a
 * whole period or more late, the part of its lateness the process did not spend running (its CPU
 * time over the same gap is taken off). The cluster test runs three replicas and hundreds of
 * listeners in one process, so on a loaded machine a listener's "real time" goes on while none of
 * them, servers included, may run. A busy event loop is not counted: it runs.
 */
export class StallClock {
  private static readonly PERIOD_MS = 10;
  /** [when the late tick came, ms the process was kept from running], in time order. */
  private readonly stalls: Array<[number, number]> = [];
  private last = performance.now();
  private lastCpu = process.cpuUsage();
  private readonly timer = setInterval(() => {
    const now = performance.now();
    const cpu = process.cpuUsage();
    const ranMs = (cpu.user - this.lastCpu.user + cpu.system - this.lastCpu.system) / 1000;
    const late = now - this.last - StallClock.PERIOD_MS;
    // A timer's usual millisecond or two of lateness is not a stall (it would add up to a tenth of
    // all time): only a missed period counts.
    if (late >= StallClock.PERIOD_MS) this.stalls.push([now, Math.max(0, late - ranMs)]);
    this.last = now;
    this.lastCpu = cpu;
  }, StallClock.PERIOD_MS);

  stop(): void {
    clearInterval(this.timer);
  }

  /** Milliseconds of stall that ended within [from, to] (performance.now() times). */
  stalledMsBetween(from: number, to: number): number {
    let sum = 0;
    for (const [at, stalled] of this.stalls) if (at >= from && at <= to) sum += stalled;
    return sum;
  }
}
