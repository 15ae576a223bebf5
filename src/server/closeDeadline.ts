/**
 * When a closing connection is dropped if its peer has not closed first. Asked again with a
 * shorter wait (an update's drain after the host's disconnect, PROTOCOL §18.2.1), it moves the
 * drop earlier; a longer wait never moves it later, so every bound asked for holds.
 */
export class CloseDeadline {
  private timer: NodeJS.Timeout | null = null;
  private dropAt = Infinity;

  constructor(
    private readonly drop: () => void,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** Drops the connection at most `ms` from now. */
  within(ms: number): void {
    const at = this.now() + ms;
    if (at >= this.dropAt) return;
    this.dropAt = at;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(this.drop, ms);
    this.timer.unref();
  }
}
