import { once } from 'node:events';
import { createReadStream } from 'node:fs';
import type { Writable } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import { DataChunker, framePlayData, MAX_PLAY_PACKET_BYTES, serverMessages } from '../protocol';
import type { StreamPacer } from './streamPacer';

/** File reads of this size keep a song's memory cost per connection small and fixed. */
export const READ_CHUNK_BYTES = 64 * 1024;
/** Most a connection may have waiting in its socket's userland buffer before it waits. */
export const DEFAULT_MAX_QUEUED_BYTES = 64 * 1024;
/**
 * Play packets are framed and written together up to this size, to save a write and a pacer
 * wait per packet. Kept small: with pacing, bytes written just before a stop delay its reply.
 */
export const MAX_BATCH_BYTES = 16 * 1024;

export interface StreamSongOptions {
  output: Writable;
  path: string;
  byteOffset: number;
  /** Null streams as fast as TCP takes the bytes. */
  pacer: StreamPacer | null;
  /** Aborting it cancels the stream: nothing more is written, even if a write was due. */
  signal: AbortSignal;
  maxQueuedBytes?: number;
  /** Called after each write with the bytes then queued in userland, for statistics. */
  onWrite?: (queuedBytes: number) => void;
}

export type StreamOutcome = 'ended' | 'cancelled';

/**
 * Sends the file from `byteOffset` as play packets, then the end-of-song marker. Waits for the
 * pacer and for the socket to drain, so a slow reader never makes the server hold more than
 * one read chunk and a bounded write queue. Rejects only if the file cannot be read.
 */
export async function streamSong(options: StreamSongOptions): Promise<StreamOutcome> {
  const { output, signal } = options;
  const maxQueuedBytes = options.maxQueuedBytes ?? DEFAULT_MAX_QUEUED_BYTES;

  const send = async (packet: Buffer): Promise<boolean> => {
    const wait = options.pacer?.delayMs(packet.length) ?? 0;
    if (wait > 0) await sleep(wait, undefined, { signal });
    while (output.writableNeedDrain || output.writableLength >= maxQueuedBytes) {
      await once(output, 'drain', { signal });
    }
    // The one check that matters: after a cancel, not one more byte of this song is written.
    if (signal.aborted || output.destroyed) return false;
    options.pacer?.consume(packet.length);
    output.write(packet);
    options.onWrite?.(output.writableLength);
    return true;
  };

  const file = createReadStream(options.path, {
    start: options.byteOffset,
    highWaterMark: READ_CHUNK_BYTES,
  });
  const chunker = new DataChunker();
  try {
    for await (const chunk of file) {
      for (const batch of framedBatches(chunker.push(chunk as Buffer))) {
        if (!(await send(batch))) return 'cancelled';
      }
    }
    for (const batch of framedBatches(chunker.flush())) {
      if (!(await send(batch))) return 'cancelled';
    }
    return (await send(serverMessages.endOfSong())) ? 'ended' : 'cancelled';
  } catch (error) {
    // Aborted sleeps and drain waits reject; that is a cancel, not a failure.
    if (signal.aborted || output.destroyed) return 'cancelled';
    throw error;
  } finally {
    file.destroy();
  }
}

/** Frames chunker output as play packets, a few to a buffer, none over `MAX_BATCH_BYTES`. */
function framedBatches(chunks: Buffer[]): Buffer[] {
  const perBatch = Math.max(1, Math.floor(MAX_BATCH_BYTES / MAX_PLAY_PACKET_BYTES));
  const batches: Buffer[] = [];
  for (let start = 0; start < chunks.length; start += perBatch) {
    batches.push(framePlayData(chunks.slice(start, start + perBatch)));
  }
  return batches;
}
