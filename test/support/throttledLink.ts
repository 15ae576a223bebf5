import type { Readable, Writable } from 'node:stream';

export interface LinkOptions {
  bitsPerSecond: number;
  /** One-way propagation delay. */
  delayMs: number;
}

/** Pieces the link serializes one at a time; small enough for smooth pacing. */
const PIECE_BYTES = 4096;
/** Room in the link's queue beyond one bandwidth-delay product, like a router's small buffer. */
const QUEUE_SLACK_BYTES = 16 * 1024;

/**
 * One direction of a slow link: bytes from `source` are serialized at the bandwidth, arrive at
 * `destination` after the delay, and the link holds at most a bandwidth-delay product plus a
 * little. Past that it stops reading `source`, so backpressure reaches the sender as it would
 * at a real bottleneck. A destination that stops reading stalls the link too.
 */
export class ThrottledLink {
  private readonly queue: Buffer[] = [];
  private readonly limitBytes: number;
  private heldBytes = 0;
  private inPropagation = 0;
  private linkFreeAt = 0;
  private transmitting = false;
  private destinationBlocked = false;
  private sourceEnded = false;
  private readonly timers = new Set<NodeJS.Timeout>();

  constructor(
    private readonly source: Readable,
    private readonly destination: Writable,
    private readonly options: LinkOptions,
  ) {
    this.limitBytes = (options.bitsPerSecond / 8) * (options.delayMs / 1000) + QUEUE_SLACK_BYTES;
    source.on('data', (chunk: Buffer) => this.arrive(chunk));
    source.on('end', () => {
      this.sourceEnded = true;
      this.finishIfDone();
    });
    destination.on('drain', () => {
      this.destinationBlocked = false;
      this.transmitNext();
    });
  }

  /** Bytes taken from the source and not yet handed to the destination. */
  get bufferedBytes(): number {
    return this.heldBytes;
  }

  stop(): void {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
  }

  private arrive(chunk: Buffer): void {
    for (let at = 0; at < chunk.length; at += PIECE_BYTES) {
      this.queue.push(chunk.subarray(at, at + PIECE_BYTES));
    }
    this.heldBytes += chunk.length;
    if (this.heldBytes >= this.limitBytes) this.source.pause();
    this.transmitNext();
  }

  private transmitNext(): void {
    if (this.transmitting || this.destinationBlocked) return;
    const piece = this.queue.shift();
    if (!piece) return this.finishIfDone();
    this.transmitting = true;
    // A virtual clock keeps timer lateness from adding up into a slower link.
    const now = performance.now();
    this.linkFreeAt =
      Math.max(now, this.linkFreeAt) + (piece.length * 8_000) / this.options.bitsPerSecond;
    this.after(this.linkFreeAt - now, () => {
      this.transmitting = false;
      this.inPropagation += 1;
      this.after(this.options.delayMs, () => this.deliver(piece));
      this.transmitNext();
    });
  }

  private deliver(piece: Buffer): void {
    this.inPropagation -= 1;
    this.heldBytes -= piece.length;
    if (this.destination.destroyed) return;
    if (!this.destination.write(piece)) this.destinationBlocked = true;
    if (this.heldBytes < this.limitBytes && this.source.isPaused()) this.source.resume();
    this.finishIfDone();
  }

  private finishIfDone(): void {
    const idle = this.queue.length === 0 && !this.transmitting && this.inPropagation === 0;
    if (this.sourceEnded && idle && !this.destination.destroyed) this.destination.end();
  }

  private after(ms: number, action: () => void): void {
    const timer = setTimeout(
      () => {
        this.timers.delete(timer);
        action();
      },
      Math.max(0, ms),
    );
    this.timers.add(timer);
  }
}
