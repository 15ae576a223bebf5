import type { Writable } from 'node:stream';

/**
 * One stream's waits, for socket room and for its pacer, over one set of listeners taken for the
 * whole stream. `events.once(output, 'drain', { signal })` and a promised timer with a signal add
 * and remove an abort listener, a promise and event listeners on every wait, and a thousand paced
 * streams wait several times a second each. A wait rejects with the signal's reason when the stream
 * is cancelled, and with an error when the output closes or fails first; only one is ever pending.
 */
export class StreamWaits {
  private pending: { resolve: () => void; reject: (reason: unknown) => void } | null = null;
  private timer: NodeJS.Timeout | null = null;
  private waitingForDrain = false;
  /** Listeners go on at the first wait: a stream starting from a cached head writes before any. */
  private listening = false;
  private readonly onDrain = (): void => {
    if (this.waitingForDrain) this.settle(null);
  };
  private readonly onAbort = (): void => this.settle(this.signal.reason);
  private readonly onClose = (): void => this.settle(new Error('the output closed'));
  private readonly onError = (error: unknown): void => this.settle(error);

  constructor(
    private readonly output: Writable,
    private readonly signal: AbortSignal,
  ) {}

  /** Resolves at the output's next 'drain'. */
  drain(): Promise<void> {
    return this.wait(() => {
      this.waitingForDrain = true;
    });
  }

  /** Resolves after `ms` milliseconds. */
  sleep(ms: number): Promise<void> {
    return this.wait(() => {
      this.timer = setTimeout(() => this.settle(null), ms);
    });
  }

  /** Takes the listeners off; a wait still pending rejects. */
  dispose(): void {
    this.settle(new Error('the stream is over'));
    if (!this.listening) return;
    this.listening = false;
    this.output.off('drain', this.onDrain);
    this.output.off('close', this.onClose);
    this.output.off('error', this.onError);
    this.signal.removeEventListener('abort', this.onAbort);
  }

  private wait(arm: () => void): Promise<void> {
    if (this.pending !== null) throw new Error('StreamWaits: one wait at a time');
    if (this.signal.aborted) return Promise.reject(this.signal.reason);
    if (this.output.destroyed) return Promise.reject(new Error('the output closed'));
    this.listen();
    return new Promise<void>((resolve, reject) => {
      this.pending = { resolve, reject };
      arm();
    });
  }

  private listen(): void {
    if (this.listening) return;
    this.listening = true;
    this.output.on('drain', this.onDrain);
    this.output.on('close', this.onClose);
    this.output.on('error', this.onError);
    this.signal.addEventListener('abort', this.onAbort, { once: true });
  }

  /** Ends the pending wait: resolved with null, rejected with anything else. */
  private settle(reason: unknown): void {
    const pending = this.pending;
    if (pending === null) return;
    this.pending = null;
    this.waitingForDrain = false;
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    if (reason === null) pending.resolve();
    else pending.reject(reason);
  }
}
