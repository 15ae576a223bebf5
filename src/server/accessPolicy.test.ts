import { describe, expect, it } from 'vitest';
import { AccessLedger } from './accessLedger';
import {
  DEFAULT_ACCESS_POLICY,
  decideAttempt,
  recentFailures,
  resolveAccessPolicy,
  wrongCodeDelayMs,
} from './accessPolicy';

const policy = { windowMs: 60_000, maxFailuresPerWindow: 3, baseDelayMs: 500, maxDelayMs: 3_000 };

describe('accessPolicy', () => {
  it('doubles the delay with each failure in the window, up to the bound', () => {
    expect([1, 2, 3, 4, 5, 40].map((n) => wrongCodeDelayMs(n, policy))).toEqual([
      500, 1_000, 2_000, 3_000, 3_000, 3_000,
    ]);
  });

  it('forgets failures once they leave the window', () => {
    expect(recentFailures([0, 10_000, 59_999], 60_000, policy)).toEqual([10_000, 59_999]);
  });

  it('refuses attempts past the cap until the oldest failure leaves the window', () => {
    expect(decideAttempt([1_000, 2_000], 3_000, policy)).toEqual({ allowed: true });
    expect(decideAttempt([1_000, 2_000, 3_000], 4_000, policy)).toEqual({
      allowed: false,
      retryInMs: 57_000,
    });
  });

  it('rejects policies that are not positive integers', () => {
    expect(() => resolveAccessPolicy({ maxFailuresPerWindow: 0 })).toThrow(RangeError);
    expect(() => resolveAccessPolicy({ windowMs: 1.5 })).toThrow(/windowMs/);
    expect(resolveAccessPolicy({ baseDelayMs: 0 }).baseDelayMs).toBe(0);
    expect(resolveAccessPolicy()).toEqual(DEFAULT_ACCESS_POLICY);
  });
});

describe('AccessLedger', () => {
  it('counts failures per address and lets the cap lapse with time', () => {
    let now = 0;
    const ledger = new AccessLedger(policy, () => now);
    expect(ledger.recordFailure('10.0.0.1')).toEqual({ failures: 1, delayMs: 500 });
    now = 1_000;
    expect(ledger.recordFailure('10.0.0.1')).toEqual({ failures: 2, delayMs: 1_000 });
    ledger.recordFailure('10.0.0.1');
    expect(ledger.check('10.0.0.1')).toEqual({ allowed: false, retryInMs: 59_000 });
    expect(ledger.check('10.0.0.2')).toEqual({ allowed: true });
    now = 60_500; // the first failure has left the window
    expect(ledger.check('10.0.0.1')).toEqual({ allowed: true });
    expect(ledger.recordFailure('10.0.0.1')).toEqual({ failures: 3, delayMs: 2_000 });
  });

  it('remembers a bounded number of addresses', () => {
    const ledger = new AccessLedger(policy, () => 0);
    for (let i = 0; i < 5_000; i++) ledger.recordFailure(`10.0.${i >> 8}.${i & 255}`);
    expect(ledger.addressCount).toBeLessThanOrEqual(4_096);
    // The most recent addresses are the ones kept.
    expect(ledger.check('10.0.19.135')).toEqual({ allowed: true });
    ledger.recordFailure('10.0.19.135');
    ledger.recordFailure('10.0.19.135');
    expect(ledger.check('10.0.19.135').allowed).toBe(false);
  });
});
