/**
 * How hard a wrong access code is punished (docs/PROTOCOL.md §15.4): pure decisions over the
 * times of one address's recent failures, so they are tested without sockets or clocks.
 */
export interface AccessPolicy {
  /** Failures older than this are forgotten. */
  windowMs: number;
  /** Wrong codes an address may try per window; past it, no response is even checked. */
  maxFailuresPerWindow: number;
  /** The wait before the first wrong code's error; it doubles with each further failure. */
  baseDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_ACCESS_POLICY: AccessPolicy = {
  windowMs: 60_000,
  maxFailuresPerWindow: 10,
  baseDelayMs: 500,
  maxDelayMs: 8_000,
};

export type AttemptDecision = { allowed: true } | { allowed: false; retryInMs: number };

/** The failures (times in ms) still counted at `now`. */
export function recentFailures(
  times: readonly number[],
  now: number,
  policy: AccessPolicy,
): number[] {
  return times.filter((time) => now - time < policy.windowMs);
}

/** Whether an address with these recent failures may try a code now. */
export function decideAttempt(
  recent: readonly number[],
  now: number,
  policy: AccessPolicy,
): AttemptDecision {
  if (recent.length < policy.maxFailuresPerWindow) return { allowed: true };
  // The oldest failure leaving the window frees one attempt.
  const oldest = Math.min(...recent);
  return { allowed: false, retryInMs: Math.max(1, oldest + policy.windowMs - now) };
}

/** The wait before answering the `failures`-th wrong code in the window (1 for the first). */
export function wrongCodeDelayMs(failures: number, policy: AccessPolicy): number {
  const doublings = Math.min(Math.max(failures - 1, 0), 30);
  return Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** doublings);
}

/** Checks a partial policy's numbers; throws RangeError naming the bad one. */
export function resolveAccessPolicy(given: Partial<AccessPolicy> = {}): AccessPolicy {
  const policy = { ...DEFAULT_ACCESS_POLICY, ...given };
  for (const [name, value] of Object.entries(policy)) {
    if (!Number.isInteger(value) || value < (name === 'baseDelayMs' ? 0 : 1)) {
      throw new RangeError(`access policy ${name} must be a positive integer, not ${value}`);
    }
  }
  return policy;
}
