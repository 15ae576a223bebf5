/**
 * Tells the decoder's thread, while it decodes, that a song is no longer wanted. A message would
 * wait behind the decode it means to stop, so the mark is shared memory the decoder reads between
 * pieces of its input: a stopped song's slice stops within a piece, and the next song's bytes do
 * not wait for the rest of it (PERFORMANCE.md, "Session 12: a stopped song's slice").
 *
 * Each song's requests carry its epoch (one per reset). Epochs only grow, and a song is replaced
 * only after its own, so marking one marks every older one too.
 */
export class AbandonMark {
  constructor(readonly shared = new Int32Array(new SharedArrayBuffer(4))) {}

  /** The song of `epoch`, and every earlier one, is no longer wanted. */
  abandonThrough(epoch: number): void {
    if (epoch > Atomics.load(this.shared, 0)) Atomics.store(this.shared, 0, epoch);
  }

  isAbandoned(epoch: number): boolean {
    return Atomics.load(this.shared, 0) >= epoch;
  }
}

/** However short the input: a smaller piece is mostly call overhead. */
export const MIN_ABANDON_PIECE_BYTES = 1024;
/** A slice is fed in about this many pieces, so it stops within an eighth of its decode time. */
export const ABANDON_PIECES = 8;

/** The size of the pieces an abandonable decode feeds `length` bytes in. */
export function abandonPieceBytes(length: number): number {
  return Math.max(MIN_ABANDON_PIECE_BYTES, Math.ceil(length / ABANDON_PIECES));
}
