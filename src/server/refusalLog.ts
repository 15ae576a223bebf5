import { EventEmitter } from 'node:events';
import type { RefusalInfo, RefusalReason } from '../shared/refusalInfo';

/** Addresses remembered at once; a flood of new addresses cannot grow the log without bound. */
export const MAX_REFUSED_ADDRESSES = 256;

export interface Refusal {
  reason: RefusalReason;
  /** How long the answer is held back. */
  delayMs: number;
  /** Until when the address may not try again (ms since the epoch), or null. */
  cappedUntil: number | null;
}

/**
 * The access-code refusals of a server, per address, for the host (the app's host panel, the
 * CLI's status report): every refusal is visible to the host (issue 13), not only logged. One row
 * per address, the oldest dropped past MAX_REFUSED_ADDRESSES. Emits `changed` on each refusal.
 */
export class RefusalLog extends EventEmitter<{ changed: [] }> {
  private readonly rows = new Map<string, RefusalInfo>();

  constructor(
    private readonly maxAddresses = MAX_REFUSED_ADDRESSES,
    private readonly now: () => number = Date.now,
  ) {
    super();
  }

  get size(): number {
    return this.rows.size;
  }

  record(address: string, refusal: Refusal): void {
    const count = (this.rows.get(address)?.count ?? 0) + 1;
    // Re-inserted last: the Map's order is oldest refusal first.
    this.rows.delete(address);
    this.rows.set(address, { address, count, lastAt: this.now(), ...refusal });
    if (this.rows.size > this.maxAddresses) {
      const oldest = this.rows.keys().next();
      if (!oldest.done) this.rows.delete(oldest.value);
    }
    this.emit('changed');
  }

  /** Every remembered address, the latest refusal first. */
  list(): RefusalInfo[] {
    return [...this.rows.values()].reverse().map((row) => ({ ...row }));
  }
}
