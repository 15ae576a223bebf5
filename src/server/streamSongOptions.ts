import type { Writable } from 'node:stream';
import type { FramePool } from './framePool';
import type { OpenedSongFile } from './openSongFile';
import type { ProvenHead } from './provenHead';
import type { ReadGate, StartClaim } from './readGate';
import type { SongHeadCache } from './songHeadCache';
import type { StreamHold } from './streamHold';
import type { StreamPacer } from './streamPacer';

/** What `streamSong` (songStreamer.ts) streams, where to, and how. */
export interface StreamSongOptions {
  output: Writable;
  /**
   * Opened by the caller, who closes it; this reads it from `byteOffset` to its size at open.
   * May still be opening: a proven head goes out meanwhile.
   */
  file: OpenedSongFile | Promise<OpenedSongFile>;
  byteOffset: number;
  /** Null streams as fast as TCP takes the bytes. */
  pacer: StreamPacer | null;
  /** Play packets per write (`packetsPerBatch`): each file read fills about one write. */
  packetsPerBatch?: number;
  /**
   * A paced stream's packets per write past its burst, while no stream of its read gate waits
   * for its first audio (`steadyPacketsPerBatch`, batchSize.ts); `packetsPerBatch` if left out.
   * One read-ahead's worth at most: a larger one is cut to what one read gives.
   */
  steadyPacketsPerBatch?: number;
  /**
   * Play packets the first read fills (default 1, at most a batch): what a player needs before
   * it starts, so that its first audio takes one read, not two, when many streams start at once.
   */
  firstReadPackets?: number;
  /** Aborting it cancels the stream: nothing more is written, even if a write was due. */
  signal: AbortSignal;
  maxQueuedBytes?: number;
  /** Called after each write with the bytes then queued in userland, for statistics. */
  onWrite?: (queuedBytes: number) => void;
  /** While it is paused, nothing more is written (the pause extension). */
  hold?: StreamHold;
  /** Limits the file reads in flight; defaults to the one the whole process shares. */
  readGate?: ReadGate;
  /**
   * Frames go into this pool's buffers and back once written. Only for an output that is done
   * with a buffer when its write callback succeeds, as a socket is (not, say, a PassThrough).
   */
  framePool?: FramePool;
  /** This stream's claim on that gate (ReadGate.claimStart), released once its first audio is out. */
  startClaim?: StartClaim;
  /** Where a stream from byte 0 finds the song's start already framed; the process's by default. */
  headCache?: SongHeadCache;
  /**
   * A stream from byte 0 starts with the cached head if there is one, else keeps the packets of
   * about this many of the file's first bytes there for the next listeners (0, the default: no
   * cache).
   */
  headBytes?: number;
  /**
   * A stream from byte 0 with `headBytes`: the cached head of the file its path was just proven
   * to name (headProvenNow, provenHead.ts), written before `file` is open. If the open finds
   * another version, the stream fails as for a song changed while it streamed.
   */
  provenHead?: ProvenHead | null;
}
