/**
 * When the shared pacer clock (pacerClock.ts) wakes a stream. Times are cut into ticks of
 * `tickMs`; a stream that may send at `dueAt` is woken at the end of the tick that holds it,
 * never before, so all streams due within one tick are woken by one timer, in one turn of the
 * event loop, instead of one timer each.
 */

/** The tick at whose end a stream due at `dueAt` is woken: never before `dueAt`. */
export function wakeTick(dueAt: number, tickMs: number): number {
  return Math.ceil(dueAt / tickMs);
}

/** When tick `tick` ends, in the clock's milliseconds. */
export function tickEnd(tick: number, tickMs: number): number {
  return tick * tickMs;
}

/**
 * Which of the waiting ticks are due at `now` (their end has come), in order, and the first
 * tick still to come (null: none). `ticks` is sorted ascending.
 */
export function dueTicks(
  ticks: readonly number[],
  now: number,
  tickMs: number,
): { due: number[]; next: number | null } {
  let count = 0;
  while (count < ticks.length && tickEnd(ticks[count], tickMs) <= now) count += 1;
  return { due: ticks.slice(0, count), next: count < ticks.length ? ticks[count] : null };
}

/** Milliseconds from `now` until tick `tick` ends: what the clock's one timer waits. */
export function msUntilTick(tick: number, now: number, tickMs: number): number {
  return Math.max(0, Math.ceil(tickEnd(tick, tickMs) - now));
}
