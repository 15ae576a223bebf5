/** What decides the size of a stream's next read (`nextBatchPackets`). */
export interface BatchInput {
  /** The stream's usual batch, in play packets (`packetsPerBatch`). */
  perBatch: number;
  /** The batch while a paced stream's bucket holds at least that much (its burst). */
  burstBatch: number;
  /** Bytes the pacer lets go now; null for an unpaced stream. */
  availableBytes: number | null;
  /** Audio the listener holds beyond what it has played, in ms (StreamPacer.leadMs). */
  leadMs: number;
  /** Whether other streams wait for their first audio (ReadGate.startingStreams). */
  othersStarting: boolean;
  /** Bytes waiting in the socket's userland buffer. */
  queuedBytes: number;
  /** The connection's bound on them; one packet over it is allowed. */
  maxQueuedBytes: number;
  packetBytes: number;
}

/**
 * A paced stream sends large batches only once its listener holds this much, and only while no
 * other stream waits for its first audio: until then every stream's next read must come soon,
 * and small ones let all of them have theirs in time (with 1,000 streams starting, large second
 * reads made two thirds of them run dry), and a burst under way when newcomers ask stays small.
 */
export const BURST_MIN_LEAD_MS = 2_000;

/**
 * Play packets the next read fills, never under one. A paced stream sends its burst in large
 * batches, because each read and each write costs about the same whatever its size (a thread
 * hand-off and a syscall), and the burst may go at once anyway; after it, the usual batch keeps
 * the stream smooth and what is under way at a pause or a stop small. Either way the batch
 * fits in what the connection may still queue, so its bound holds with bytes already queued.
 */
export function nextBatchPackets(input: BatchInput): number {
  const { availableBytes, packetBytes } = input;
  const inBurst =
    availableBytes !== null &&
    input.burstBatch > input.perBatch &&
    input.leadMs >= BURST_MIN_LEAD_MS &&
    !input.othersStarting &&
    availableBytes >= input.burstBatch * packetBytes;
  const wanted = inBurst ? input.burstBatch : input.perBatch;
  const room = Math.floor((input.maxQueuedBytes + packetBytes - input.queuedBytes) / packetBytes);
  return Math.max(1, Math.min(wanted, room));
}
