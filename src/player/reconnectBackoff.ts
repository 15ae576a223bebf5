/** How long to wait before each reconnect attempt, and when to give up. */
export interface BackoffOptions {
  /** The wait before the first attempt (ms). */
  initialMs: number;
  /** No wait is longer than this (ms), jitter included. */
  maxMs: number;
  /** Each wait is spread by ± this fraction, so that many listeners of one server do not all
   * come back at the same instant after a restart. */
  jitter: number;
  /** Attempts before the connection is reported lost for good. */
  maxAttempts: number;
}

/** 0.5 s doubling to 10 s; 40 attempts is about six minutes of trying. */
export const DEFAULT_BACKOFF: BackoffOptions = {
  initialMs: 500,
  maxMs: 10_000,
  jitter: 0.2,
  maxAttempts: 40,
};

/**
 * The wait before attempt `attempt` (0 for the first): initialMs × 2^attempt, capped at maxMs,
 * spread by the jitter. `random` is in [0, 1), like Math.random.
 */
export function backoffDelayMs(
  attempt: number,
  options: BackoffOptions,
  random: () => number = Math.random,
): number {
  // 2^attempt overflows to Infinity past 1023: min() still caps it.
  const base = Math.min(options.maxMs, options.initialMs * 2 ** Math.max(0, attempt));
  const spread = 1 - options.jitter + 2 * options.jitter * random();
  return Math.max(0, Math.min(options.maxMs, Math.round(base * spread)));
}
