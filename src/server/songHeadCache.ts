/**
 * The first play packets of recently started songs, framed once and written to every listener
 * who starts the same song after: a thousand listeners asking for the same few songs at once
 * then cost one file read each song, not one each listener, and their first audio waits for
 * no read at all. Bounded in bytes (least recently used out first), and keyed by the file's
 * version, so a file that changed in any way is read again, never served stale.
 */

import { HEAD_WRITE_BYTES, joinPieces, trimHead } from './headWrites';

/** What identifies one version of a file's bytes: any write or rename changes one of these. */
export interface FileVersion {
  dev: bigint;
  ino: bigint;
  size: bigint;
  mtimeNs: bigint;
  /** Set by the kernel on every change and never settable by a user (unlike mtime). */
  ctimeNs: bigint;
}

/**
 * A song's first reads, framed: the play packets as the first stream wrote them (each piece one
 * write, so within a write's bound and on packet boundaries), and the file bytes they hold.
 */
export interface SongHead {
  pieces: readonly Buffer[];
  /** File bytes the packets carry, from byte 0; a stream goes on reading from here. */
  coveredBytes: number;
}

export const DEFAULT_HEAD_CACHE_BYTES = 4 * 1024 * 1024;
/**
 * Audio a cached head holds: a listener started from it next needs a read only after the
 * read-ahead (readOrder.ts: 0.75 s early, 0.25 s horizon) has passed, so its reads wait behind
 * the other listeners still starting instead of going before them.
 */
export const HEAD_SECONDS = 1.5;
/** Most file bytes one head holds, whatever the song's rate. */
export const MAX_HEAD_BYTES = 64 * 1024;

/** File bytes to keep as a song's head at `bytesPerSecond`. */
export function headBytesFor(bytesPerSecond: number): number {
  return Math.max(1, Math.min(MAX_HEAD_BYTES, Math.ceil(bytesPerSecond * HEAD_SECONDS)));
}
/**
 * A file changed less than this long before it was looked at is not cached: file times tick
 * coarsely (a few ms, or a second on some file systems), so a second write within the same tick
 * as the one before would leave the version the same with other bytes (git's "racy" files).
 */
export const SETTLE_MS = 2_000;
/**
 * How long one stream may be the only one gathering a file's head; past it (a reader that
 * stalled before its head was complete) the next listener's stream gathers it instead.
 */
export const FILL_TIMEOUT_MS = 5_000;
/** Bookkeeping counted per entry on top of its packets, so many tiny heads stay bounded too. */
const ENTRY_OVERHEAD_BYTES = 256;

/** The version a file's stats describe (dropping the rest of the stats). */
export function fileVersionOf({ dev, ino, size, mtimeNs, ctimeNs }: FileVersion): FileVersion {
  return { dev, ino, size, mtimeNs, ctimeNs };
}

/** Whether two stats describe the same bytes of the same file. */
export function sameFileVersion(a: FileVersion, b: FileVersion): boolean {
  return (
    a.dev === b.dev &&
    a.ino === b.ino &&
    a.size === b.size &&
    a.mtimeNs === b.mtimeNs &&
    a.ctimeNs === b.ctimeNs
  );
}

/**
 * Whether a file in `version`, looked at (stat) at wall time `statAtMs`, had stopped changing
 * then: its last change at least SETTLE_MS before. A change time in the future (a skewed
 * network file system) is not settled either.
 */
export function versionSettled(version: FileVersion, statAtMs: number): boolean {
  const latestNs = version.ctimeNs > version.mtimeNs ? version.ctimeNs : version.mtimeNs;
  return Number(latestNs / 1_000_000n) <= statAtMs - SETTLE_MS;
}

interface Entry {
  version: FileVersion;
  head: SongHead;
  bytes: number;
}

export class SongHeadCache {
  private readonly entries = new Map<string, Entry>();
  private bytes = 0;
  /** Files whose head one stream is gathering now, and since when (ms); see beginFill. */
  private readonly filling = new Map<string, number>();

  constructor(readonly maxBytes = DEFAULT_HEAD_CACHE_BYTES) {
    if (!(maxBytes >= 0)) throw new RangeError(`maxBytes must not be negative, got ${maxBytes}`);
  }

  get size(): number {
    return this.entries.size;
  }

  /** Files whose head a stream is gathering now. */
  get fills(): number {
    return this.filling.size;
  }

  /**
   * Whether the stream asking should gather the head of the file in `version`, at `nowMs`: one
   * at a time does, so a thousand listeners starting a song nobody played lately copy its head
   * once, not a thousand times (and hold it once). Returns the claim's time, to end it with, or
   * null when another stream's claim, younger than FILL_TIMEOUT_MS, holds it.
   */
  beginFill(version: FileVersion, nowMs: number): number | null {
    const key = keyOf(version);
    const since = this.filling.get(key);
    if (since !== undefined && nowMs - since < FILL_TIMEOUT_MS) return null;
    this.filling.set(key, nowMs);
    return nowMs;
  }

  /** Ends the claim beginFill gave at `since` (a claim taken over since is left alone). */
  endFill(version: FileVersion, since: number): void {
    const key = keyOf(version);
    if (this.filling.get(key) === since) this.filling.delete(key);
  }

  /** Bytes held, bookkeeping included; never above maxBytes. */
  get heldBytes(): number {
    return this.bytes;
  }

  /** The head of the file in `version`, or null; one of the same file in another version is dropped. */
  get(version: FileVersion): SongHead | null {
    const key = keyOf(version);
    const entry = this.entries.get(key);
    if (entry === undefined) return null;
    this.entries.delete(key);
    if (!sameFileVersion(entry.version, version)) {
      this.bytes -= entry.bytes;
      return null;
    }
    this.entries.set(key, entry); // now the most recently used
    return entry.head;
  }

  /**
   * Keeps `head` for the file in `version` (stat at wall time `statAtMs`) if that version had
   * settled and the head fits; the least recently used go to make room. The cache owns the
   * packets from then on: nobody may change them. Returns whether it was kept.
   */
  put(version: FileVersion, statAtMs: number, head: SongHead): boolean {
    const bytes = headLength(head) + ENTRY_OVERHEAD_BYTES;
    if (bytes > this.maxBytes || !versionSettled(version, statAtMs)) return false;
    const key = keyOf(version);
    const old = this.entries.get(key);
    if (old !== undefined) {
      this.entries.delete(key);
      this.bytes -= old.bytes;
    }
    for (const [oldest, entry] of this.entries) {
      if (this.bytes + bytes <= this.maxBytes) break;
      this.entries.delete(oldest);
      this.bytes -= entry.bytes;
    }
    this.entries.set(key, { version, head, bytes });
    this.bytes += bytes;
    return true;
  }
}

/** The bytes of a head's packets. */
export function headLength(head: SongHead): number {
  return head.pieces.reduce((sum, piece) => sum + piece.length, 0);
}

/** One entry per file: a newer version replaces the older one. */
function keyOf(version: FileVersion): string {
  return `${version.dev}:${version.ino}`;
}

/**
 * Gathers the packets a stream from byte 0 writes until they cover `headBytes` of the file,
 * then keeps them in `cache`. Only for a settled version, and only the one stream holding the
 * cache's fill claim: nothing is copied that would not be kept. close() once the stream is over.
 */
export class HeadKeeper {
  private pieces: Buffer[] | null = null;
  private readonly claim: number | null;

  constructor(
    private readonly cache: SongHeadCache,
    private readonly file: { version: FileVersion; statAtMs: number },
    private readonly headBytes: number,
    now: () => number = () => performance.now(),
  ) {
    const settled = versionSettled(file.version, file.statAtMs);
    this.claim = settled ? cache.beginFill(file.version, now()) : null;
    if (this.claim !== null) this.pieces = [];
  }

  /** Gives up the claim if the head was not complete (the stream ended or was cancelled). */
  close(): void {
    this.pieces = null;
    if (this.claim !== null) this.cache.endFill(this.file.version, this.claim);
  }

  /** `packets` were just written; with them the stream's packets cover `coveredBytes` from 0. */
  add(packets: Buffer, coveredBytes: number): void {
    if (this.pieces === null || packets.length === 0) return;
    // A copy: the writer's buffers are its own to reuse.
    this.pieces.push(Buffer.from(packets));
    if (coveredBytes < this.headBytes) return;
    // The packets the head needs, in as few writes as a write may hold (headWrites.ts), not
    // one per batch the gathering stream wrote.
    const needed = trimHead({ pieces: this.pieces, coveredBytes }, this.headBytes);
    const head = {
      pieces: joinPieces(needed.pieces, HEAD_WRITE_BYTES),
      coveredBytes: needed.coveredBytes,
    };
    this.close();
    this.cache.put(this.file.version, this.file.statAtMs, head);
  }
}
