/** When a connection's request deadlines began; null for a deadline not running. */
export interface DeadlineState {
  /** Since the connection opened, until its first request (list, play, stop or quit). */
  awaitingFirstSince: number | null;
  /** Since the first byte of a request not yet ended by `<END;>`. */
  partialSince: number | null;
}

/** The time at which the connection is overdue, or null while nothing is awaited. */
export function overdueAt(state: DeadlineState, timeoutMs: number): number | null {
  const starts = [state.awaitingFirstSince, state.partialSince].filter(
    (start): start is number => start !== null,
  );
  return starts.length === 0 ? null : Math.min(...starts) + timeoutMs;
}

/**
 * The two request deadlines of a connection (docs/PROTOCOL.md §14). Neither is pushed back by
 * bytes that trickle in, so a peer sending a byte every few seconds is timed out all the same;
 * a connection that has made a request and has nothing unfinished has no deadline at all.
 */
export class RequestDeadline {
  private readonly state: DeadlineState;
  private timer: NodeJS.Timeout | null = null;
  private suspended = false;

  constructor(
    private readonly timeoutMs: number,
    private readonly onOverdue: () => void,
    private readonly now: () => number = Date.now,
  ) {
    this.state = { awaitingFirstSince: now(), partialSince: null };
    this.schedule();
  }

  /**
   * After requests were taken: `madeRequest` if one of them was a known request, `endedPacket`
   * if any packet ended, `partial` if bytes of an unfinished one are held now.
   */
  update(madeRequest: boolean, endedPacket: boolean, partial: boolean): void {
    if (madeRequest) this.state.awaitingFirstSince = null;
    if (endedPacket || !partial) this.state.partialSince = null;
    if (partial) this.state.partialSince ??= this.now();
    this.schedule();
  }

  /** While the server itself reads nothing (its replies wait), the peer cannot be late. */
  suspend(): void {
    this.suspended = true;
    this.state.partialSince = null;
    this.schedule();
  }

  resume(): void {
    this.suspended = false;
    this.schedule();
  }

  stop(): void {
    this.suspended = true;
    this.schedule();
  }

  private schedule(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const at = this.suspended ? null : overdueAt(this.state, this.timeoutMs);
    if (at === null) return;
    this.timer = setTimeout(this.onOverdue, Math.max(0, at - this.now()));
    this.timer.unref();
  }
}
