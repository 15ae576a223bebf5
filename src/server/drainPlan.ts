/**
 * Draining a replica (docs/DEPLOY.md): it stops accepting, then closes its connections one by
 * one over a spread of time, each between whole packets. A Tidewave player whose connection
 * closes reconnects (through the balancer, to another replica) and resumes its song at the next
 * sample (PROTOCOL §7.3), so nobody hears the drain; spreading the closes keeps those reconnects
 * from arriving on the other replicas all in the same instant.
 */
export interface DrainCandidate {
  /** Whether a song is being sent on it now. */
  streaming: boolean;
}

/** Default spread: short enough for an update, long enough to smooth 1,000 reconnects. */
export const DEFAULT_DRAIN_SPREAD_MS = 5_000;

/**
 * When to close each connection, in ms from the start of the drain, by index. Idle ones
 * first (nothing is at stake), then the streaming ones, evenly over the spread: the last one
 * closes at `spreadMs` (or at once when there is no spread).
 */
export function drainSchedule(candidates: readonly DrainCandidate[], spreadMs: number): number[] {
  if (!(spreadMs >= 0) || !Number.isFinite(spreadMs)) {
    throw new RangeError(`drain spread must be a finite number of ms >= 0, not ${spreadMs}`);
  }
  const order = candidates
    .map((candidate, index) => ({ index, streaming: candidate.streaming }))
    .sort((a, b) => Number(a.streaming) - Number(b.streaming) || a.index - b.index);
  const delays = new Array<number>(candidates.length);
  const steps = Math.max(1, order.length - 1);
  order.forEach((entry, position) => {
    delays[entry.index] = order.length === 1 ? 0 : Math.round((position * spreadMs) / steps);
  });
  return delays;
}
