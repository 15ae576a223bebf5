/**
 * Pooled frame sizes: powers of two from one packet to twice a 64 KiB batch (a batch of song
 * bytes holding delimiters is cut into more, shorter packets, and frames a little over 64 KiB).
 */
const SMALLEST_CLASS = 4096;
const LARGEST_CLASS = 128 * 1024;

/**
 * Frame buffers used again once the socket has sent them. A batch is framed into a fresh buffer
 * otherwise, and at thousands of batches a second those allocations (each its own ArrayBuffer
 * outside the heap) cost collections. A buffer comes back only after a successful write to a
 * socket, whose callback means the kernel has the bytes; a failed write's buffer is left to the
 * collector, since it may still be referenced. Buffers come in powers of two, so a stalled
 * connection's queued frame wastes at most half of it, and each size keeps at most `maxSpare`.
 */
export class FramePool {
  private readonly spare = new Map<number, Buffer[]>();

  constructor(private readonly maxSpare: number) {}

  /** Spare buffers held, of every size. */
  get spareCount(): number {
    let count = 0;
    for (const buffers of this.spare.values()) count += buffers.length;
    return count;
  }

  /** A buffer of at least `bytes`, its contents arbitrary. */
  take(bytes: number): Buffer {
    if (bytes > LARGEST_CLASS) return Buffer.allocUnsafe(bytes);
    const size = sizeClass(bytes);
    return this.spare.get(size)?.pop() ?? Buffer.allocUnsafeSlow(size);
  }

  /** Gives back a buffer from take() that nothing references any more. */
  give(buffer: Buffer): void {
    const size = buffer.length;
    if (size > LARGEST_CLASS || sizeClass(size) !== size || buffer.byteOffset !== 0) return;
    let buffers = this.spare.get(size);
    if (buffers === undefined) this.spare.set(size, (buffers = []));
    if (buffers.length < this.maxSpare) buffers.push(buffer);
  }
}

function sizeClass(bytes: number): number {
  let size = SMALLEST_CLASS;
  while (size < bytes) size *= 2;
  return size;
}
