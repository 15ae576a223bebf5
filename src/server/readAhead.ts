/**
 * Most of a paced stream's song read ahead of its writes: two 16 KiB batches, so a paced stream
 * makes one thread-pool trip per two writes instead of one per write (the trip, not the bytes,
 * is the cost of a read). 64 KiB (four batches) measured no cheaper per stream and held twice
 * the memory; at 32 KiB, 1,000 paced streams hold at most 32 MiB this way
 * (docs/PERFORMANCE.md, "Session 5: paced CPU per stream").
 */
export const PACED_READ_AHEAD_BYTES = 32 * 1024;

/**
 * One stream's bytes read from its file and not yet sent, in file order. A piece taken is a view
 * of the buffer, good until the next `space()`: the caller copies it (frames it) before reading on.
 */
export class ReadAhead {
  private readonly buffer: Buffer;
  private start = 0;
  private end = 0;

  constructor(capacity: number) {
    if (!(capacity >= 1)) throw new RangeError(`capacity must be at least 1, got ${capacity}`);
    this.buffer = Buffer.allocUnsafeSlow(capacity);
  }

  /** Bytes read and not yet taken. */
  get buffered(): number {
    return this.end - this.start;
  }

  /** Where the next read goes: all the room left, once what is still unread is moved to the front. */
  space(): Buffer {
    if (this.start > 0) {
      this.buffer.copyWithin(0, this.start, this.end);
      this.end -= this.start;
      this.start = 0;
    }
    return this.buffer.subarray(this.end);
  }

  /** Records `bytes` read into the start of the last `space()`. */
  added(bytes: number): void {
    if (!(bytes >= 0) || this.end + bytes > this.buffer.length) {
      throw new RangeError(`${bytes} bytes do not fit the ${this.buffer.length - this.end} free`);
    }
    this.end += bytes;
  }

  /** The next `bytes` read (fewer if fewer are buffered), in order. */
  take(bytes: number): Buffer {
    const count = Math.max(0, Math.min(bytes, this.buffered));
    const piece = this.buffer.subarray(this.start, this.start + count);
    this.start += count;
    return piece;
  }
}
