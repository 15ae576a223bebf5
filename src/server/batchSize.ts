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

/** What decides whether a paced stream's next batch is a steady one (`batchPackets`). */
export interface BatchChoice {
  /** The stream's usual batch, in play packets. */
  perBatch: number;
  /** Its batch once the starts are served (`steadyPacketsPerBatch`; `perBatch` if none). */
  steadyPerBatch: number;
  /** Whether this stream has sent its own first audio. */
  sentFirstAudio: boolean;
  /** Whether it has sent its whole burst (StreamPacer.sentBurst). */
  sentBurst: boolean;
  /** Streams of the process now waiting for their first audio (ReadGate.startingStreams). */
  startingStreams: number;
}

/**
 * The steady batch once this stream has sent its first audio and its burst, and no other stream
 * waits for its first audio; the usual one before. During a burst a stream writes as fast as
 * the gate lets it, and what it has under way when newcomers ask goes out ahead of their first
 * audio: that stays one usual batch (test/server/firstAudioFairness.test.ts). After the burst
 * its writes are spaced by the pacer, and a larger one costs the others nothing.
 */
export function batchPackets(choice: BatchChoice): number {
  const steady = choice.sentFirstAudio && choice.sentBurst && choice.startingStreams === 0;
  return steady ? Math.max(choice.perBatch, choice.steadyPerBatch) : choice.perBatch;
}
