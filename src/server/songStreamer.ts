import { setImmediate as nextTurn } from 'node:timers/promises';
import {
  BYTES_FOR_ONE_CHUNK,
  DataChunker,
  framedLength,
  framePlayData,
  framePlayDataInto,
  MAX_DATA_BYTES,
  MAX_PLAY_PACKET_BYTES,
  serverMessages,
} from '../protocol';
import { FramePool } from './framePool';
import { songFileChange } from './openSongFile';
import { DEFAULT_MAX_ACTIVE_READS, ReadGate } from './readGate';
import { HeadKeeper, sameFileVersion, SongHeadCache, type SongHead } from './songHeadCache';
import { keepShapes } from './shapeKeeper';
import { StreamWaits } from './streamWaits';
import type { StreamSongOptions } from './streamSongOptions';
import { batchPackets, nextBatchPackets } from './batchSize';
import { PACED_READ_AHEAD_BYTES, ReadAhead } from './readAhead';
import { MAX_BATCH_BYTES } from './streamPacer';

export type { StreamSongOptions };

/**
 * Shared by every stream of the process (one server per process in practice): the bound is
 * on the thread pool and the event loop, which the process shares too.
 */
export const processReadGate = new ReadGate(DEFAULT_MAX_ACTIVE_READS);

/** The first packets of songs recently started, for the next listeners of the same song. */
export const processSongHeads = new SongHeadCache();

/** The frame buffers every socket stream of the process takes and gives back (framePool.ts). */
export const processFramePool = new FramePool(64);

/** Most a connection may have waiting in its socket's userland buffer before it waits. */
export const DEFAULT_MAX_QUEUED_BYTES = 64 * 1024;

const NOTHING = Buffer.alloc(0);

/** A batch's packets, and the pooled buffer they are a view of (null: not pooled). */
interface Framed {
  packets: Buffer;
  backing: Buffer | null;
}

export type StreamOutcome = 'ended' | 'cancelled';

/** The file was truncated, grown or rewritten while it streamed: what was sent may be mixed. */
export class SongChangedError extends Error {}

/**
 * Sends the file from `byteOffset` as play packets, then the end-of-song marker. The next piece
 * of the file is read only once the socket has room for it, so a reader that stalls costs the
 * server its socket's bounded queue and nothing else; the rest waits in the file. Rejects with
 * `SongChangedError` (instead of sending the end marker) if the file changed while it streamed,
 * and with the fs error if it cannot be read.
 */
export async function streamSong(options: StreamSongOptions): Promise<StreamOutcome> {
  const { output, signal } = options;
  const maxQueuedBytes = options.maxQueuedBytes ?? DEFAULT_MAX_QUEUED_BYTES;
  const gate = options.readGate ?? processReadGate;
  const perBatch =
    options.packetsPerBatch ?? Math.max(1, Math.floor(MAX_BATCH_BYTES / MAX_PLAY_PACKET_BYTES));
  const steadyPerBatch = options.steadyPacketsPerBatch ?? perBatch;
  /** This batch's packets: the steady batch past the burst, once the starts are served. */
  const usualBatch = (): number =>
    steadyPerBatch <= perBatch
      ? perBatch
      : batchPackets({
          perBatch,
          steadyPerBatch,
          sentFirstAudio: options.pacer?.sentFirstAudio ?? true,
          sentBurst: options.pacer?.sentBurst ?? true,
          startingStreams: gate.startingStreams,
        });

  /** The socket holds as much as this stream may queue. */
  const socketFull = (): boolean =>
    output.writableNeedDrain || output.writableLength >= maxQueuedBytes;
  /** Neither cancelled nor closed. */
  const live = (): boolean => !signal.aborted && !output.destroyed;
  /** Whether `bytes` must wait (pause, pacer or socket); most batches of a fast reader do not. */
  const mustWait = (bytes: number): boolean =>
    options.hold?.paused === true || (options.pacer?.delayMs(bytes) ?? 0) > 0 || socketFull();
  /** Waits until `bytes` may go out (pacer, then socket room); false once cancelled. */
  const waitUntilReady = async (bytes: number): Promise<boolean> => {
    // A pause does not count as time the stream may run ahead by: after it, the lead is what
    // it was before it.
    const pausedMs = (await options.hold?.whilePaused(signal)) ?? 0;
    if (pausedMs > 0) options.pacer?.skip(pausedMs);
    const wait = options.pacer?.delayMs(bytes) ?? 0;
    if (wait > 0) await waits.sleep(wait);
    while (socketFull()) await waits.drain();
    return live();
  };
  /** The same, without a promise when nothing has to wait. */
  const ready = (bytes: number): boolean | Promise<boolean> =>
    mustWait(bytes) ? waitUntilReady(bytes) : live();
  const pool = options.framePool;
  /** Frames `chunks`, into a pooled buffer (`backing`) when there is a pool. */
  const frame = (chunks: Buffer[]): Framed => {
    if (chunks.length === 0) return { packets: NOTHING, backing: null };
    if (pool === undefined) return { packets: framePlayData(chunks), backing: null };
    const backing = pool.take(framedLength(chunks));
    return { packets: backing.subarray(0, framePlayDataInto(chunks, backing)), backing };
  };
  const write = (packets: Buffer, backing: Buffer | null = null): void => {
    options.pacer?.consume(packets.length);
    // The callback means the bytes left (or failed): only then may the buffer be used again.
    if (backing === null) output.write(packets);
    else
      output.write(packets, (error) => {
        if (!error) pool?.give(backing);
      });
    options.onWrite?.(output.writableLength);
    if (options.pacer?.sentFirstAudio ?? true) options.startClaim?.release();
  };

  // Each push's chunks are framed before the next push (in `gate.run` and at the end), so the
  // chunker may reuse its buffers: no allocation per batch.
  const chunker = new DataChunker(MAX_DATA_BYTES, { reuseBuffers: true });
  /** Song bytes the next read takes: a batch that fits what may still be queued (batchSize.ts). */
  const batchBytes = (usual: number): number =>
    MAX_DATA_BYTES *
    nextBatchPackets({
      perBatch: usual,
      queuedBytes: output.writableLength,
      maxQueuedBytes,
      packetBytes: MAX_PLAY_PACKET_BYTES,
    });
  const firstPackets = Math.min(perBatch, Math.max(1, options.firstReadPackets ?? 1));
  // The chunker holds back a delimiter's length less one: one more packet's worth fills them all.
  const firstBytes = (firstPackets - 1) * MAX_DATA_BYTES + BYTES_FOR_ONE_CHUNK;
  const heads = options.headCache ?? processSongHeads;
  const headBytes = options.byteOffset === 0 ? (options.headBytes ?? 0) : 0;
  const proven = headBytes > 0 ? (options.provenHead ?? null) : null;
  /**
   * The song's start, framed for an earlier listener: the first audio and more goes out now,
   * with no read. Chunks end where the bytes say, not where reads did, so a fresh chunker from
   * the head's end makes the packets that reading on would have. Written as the first
   * listener's stream wrote them: a piece at a time, each within the queue's bound and one
   * loopback segment (a seed-era client reads a packet per read). With nothing to wait for,
   * the first piece goes out in this very turn. False once cancelled.
   */
  const writeHead = async (head: SongHead): Promise<boolean> => {
    for (const piece of head.pieces) {
      const go = ready(piece.length);
      if (go !== true && !(await go)) return false;
      write(piece);
    }
    return true;
  };
  const waits = new StreamWaits(output, signal);
  // A paced stream reads ahead (readAhead.ts) from its second read on; the first stays one
  // packet's worth, so the first audio costs what it did.
  let ahead = null as ReadAhead | null;
  let keeper = null as HeadKeeper | null;
  try {
    // A head proven on the path goes out before the open is done (provenHead.ts).
    if (proven !== null && !(await writeHead(proven.head))) return 'cancelled';
    const file = await options.file;
    if (!live()) return 'cancelled';
    if (proven !== null && !sameFileVersion(file.version, proven.version)) {
      throw new SongChangedError('changed while it was opened');
    }
    if (options.byteOffset > file.sizeBytes) {
      throw new SongChangedError(`shorter than the ${options.byteOffset} bytes sought`);
    }
    const cached = proven?.head ?? (headBytes > 0 ? heads.get(file.version) : null);
    if (cached !== null && proven === null && !(await writeHead(cached))) return 'cancelled';
    if (headBytes > 0 && cached === null) keeper = new HeadKeeper(heads, file, headBytes);
    let readTo = cached?.coveredBytes ?? options.byteOffset;
    /** Reads `want` bytes from `readTo` into the scratch buffer, or ahead into `ahead`. */
    const fill = async (want: number, scratch: Buffer): Promise<Buffer | null> => {
      const first = readTo === options.byteOffset;
      if (options.pacer && !first && ahead === null) ahead = new ReadAhead(PACED_READ_AHEAD_BYTES);
      const into = ahead;
      if (into !== null && (into.buffered >= want || readTo >= file.sizeBytes)) {
        return into.take(want);
      }
      const space = into?.space() ?? scratch;
      const length = Math.min(
        into === null ? want : space.length,
        space.length,
        file.sizeBytes - readTo,
      );
      const { bytesRead } = await file.handle.read(space, 0, length, readTo);
      // The one check that matters: after a cancel, not one more byte of this song is written.
      if (!live()) return null;
      if (bytesRead === 0) throw new SongChangedError(`ended early, at byte ${readTo}`);
      readTo += bytesRead;
      if (into === null) return scratch.subarray(0, bytesRead);
      into.added(bytesRead);
      return into.take(want);
    };
    for (let position = readTo; position < file.sizeBytes;) {
      // Wait first and read after: a stream held up by its pacer or by a full socket then
      // holds no more of the file than its read-ahead while it waits.
      const usual = usualBatch();
      const go = ready(usual * MAX_PLAY_PACKET_BYTES);
      if (go !== true && !(await go)) return 'cancelled';
      // The first read is small: it goes out (and the client's decoder starts) without waiting
      // for a whole batch to be read and framed.
      const first = position === options.byteOffset;
      const want = first ? firstBytes : batchBytes(usual);
      // A batch already read would otherwise go out in this same turn of the event loop, and a
      // burst with it, before the requests of newcomers are even read: let them in first.
      if (ahead !== null && ahead.buffered >= want) {
        await nextTurn();
        if (!live()) return 'cancelled';
      }
      // Every batch takes its turn at the gate, read ahead or not: the gate's order (newcomers'
      // first audio before bursts under way) holds; a batch already read makes no pool trip.
      // Framed while the bytes are still this turn's: the frame is the one copy.
      const read = await gate.run(
        async (scratch) => {
          // A newcomer who asked while this read waited for its turn gets a usual batch's
          // worth of wait, not a steady one's.
          const size =
            first || usual === perBatch ? want : batchBytes(Math.min(usual, usualBatch()));
          const bytes = await fill(size, scratch);
          if (bytes === null || !live()) return null;
          return { bytesRead: bytes.length, ...frame(chunker.push(bytes)) };
        },
        { deadline: options.pacer?.readDueAt(), signal },
      );
      if (read === null || !live()) return 'cancelled';
      position += read.bytesRead;
      // The keeper copies: a pooled frame goes back to the pool once written.
      keeper?.add(read.packets, position - chunker.pendingBytes);
      if (read.packets.length > 0) write(read.packets, read.backing);
    }
    // Checked before the last bytes go out, so a changed song never gets the end marker.
    const change = songFileChange(file, await file.handle.stat({ bigint: true }));
    if (change !== null) throw new SongChangedError(change);
    const last = chunker.flush();
    if (last.length > 0) {
      const { packets, backing } = frame(last);
      if (!(await ready(packets.length))) return 'cancelled';
      write(packets, backing);
    }
    const end = serverMessages.endOfSong();
    if (!(await ready(end.length))) return 'cancelled';
    write(end);
    return 'ended';
  } catch (error) {
    // Aborted sleeps and drain waits reject; that is a cancel, not a failure.
    if (!live()) return 'cancelled';
    throw error;
  } finally {
    keeper?.close();
    waits.dispose();
    // Their maps outlive this stream, and with them the code compiled for them (shapeKeeper.ts).
    keepShapes(ahead === null ? 'stream' : 'paced stream', {
      options,
      ahead,
      chunker,
      waits,
      keeper,
    });
  }
}
