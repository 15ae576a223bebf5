import {
  decideAttempt,
  recentFailures,
  wrongCodeDelayMs,
  type AccessPolicy,
  type AttemptDecision,
} from './accessPolicy';

/** Addresses remembered at once; a flood of new addresses cannot grow the server without bound. */
const MAX_ADDRESSES = 4_096;

/**
 * The server-wide memory of wrong access codes per address (IPv4-mapped IPv6 counted as IPv4),
 * shared by all connections so that parallel connections share one address's budget.
 */
export class AccessLedger {
  private readonly failures = new Map<string, number[]>();

  constructor(
    readonly policy: AccessPolicy,
    private readonly now: () => number = Date.now,
  ) {}

  /** Whether `address` may have a code checked now. */
  check(address: string): AttemptDecision {
    return decideAttempt(this.recent(address), this.now(), this.policy);
  }

  /** Notes a wrong code; returns the failures in the window and how long to wait before answering. */
  recordFailure(address: string): { failures: number; delayMs: number } {
    const now = this.now();
    const recent = [...this.recent(address), now];
    this.failures.delete(address); // re-inserted last: the Map's order is oldest activity first
    this.failures.set(address, recent);
    if (this.failures.size > MAX_ADDRESSES) this.forgetQuietest();
    return { failures: recent.length, delayMs: wrongCodeDelayMs(recent.length, this.policy) };
  }

  get addressCount(): number {
    return this.failures.size;
  }

  private recent(address: string): number[] {
    const times = this.failures.get(address);
    if (!times) return [];
    const recent = recentFailures(times, this.now(), this.policy);
    if (recent.length === 0) this.failures.delete(address);
    return recent;
  }

  /** Forgets the address quiet the longest (the Map keeps addresses by last failure). */
  private forgetQuietest(): void {
    const quietest = this.failures.keys().next();
    if (!quietest.done) this.failures.delete(quietest.value);
  }
}
