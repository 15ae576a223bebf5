/** What decides the size of a stream's next read (`nextBatchPackets`). */
export interface BatchInput {
  /** The stream's usual batch, in play packets (`packetsPerBatch`). */
  perBatch: number;
  /** Bytes waiting in the socket's userland buffer. */
  queuedBytes: number;
  /** The connection's bound on them; one packet over it is allowed. */
  maxQueuedBytes: number;
  packetBytes: number;
}

/**
 * Play packets the next read fills, never under one: the stream's usual batch, shrunk to what
 * the connection may still queue, so its bound holds with replies already queued (an unpaced
 * batch is a whole 64 KiB).
 */
export function nextBatchPackets(input: BatchInput): number {
  const { packetBytes } = input;
  const room = Math.floor((input.maxQueuedBytes + packetBytes - input.queuedBytes) / packetBytes);
  return Math.max(1, Math.min(input.perBatch, room));
}
