import { constants, fstatSync, type BigIntStats } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { PathLookups } from './pathLookups';
import { SharedOpens } from './sharedOpens';
import { fileVersionOf, sameFileVersion, type FileVersion } from './songHeadCache';

/** A song file opened for streaming, with what it looked like when it was opened. */
export interface OpenedSongFile {
  handle: FileHandle;
  sizeBytes: number;
  /** Modification time in nanoseconds, to tell a file rewritten in place at the same size. */
  mtimeNs: bigint;
  /** The opened file's identity and times, for caches keyed by content (songHeadCache.ts). */
  version: FileVersion;
  /** Wall-clock time (ms) just before the file was looked at for `version`. */
  statAtMs: number;
}

/** The song's file is no longer the one that was scanned, or not one the server may serve. */
export class SongFileRefusedError extends Error {}

// Non-blocking, so that a FIFO or a device put in a song's place cannot hold a thread of Node's
// file pool in open(). Windows has no such flag (and no FIFOs in the file system).
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

/** The path lookups every song open of the process shares (pathLookups.ts). */
export const processPathLookups = new PathLookups();

/**
 * The song opens every stream of the process shares while under way (sharedOpens.ts): streams
 * that start the same song in the same instant read it through one descriptor, closed by the
 * last of them.
 */
export const processSongOpens = new SharedOpens<OpenedSongFile>(
  (realPath) => openSongFile(realPath),
  (file) => file.handle.close(),
);

/**
 * Opens the song at `realPath` (its real path when the library was scanned) only if it still is
 * a regular file at that very path: no symlink may have appeared on the way to it (a song or a
 * folder replaced by a link to outside the library), and the file opened must be the one the
 * path names now (the path cannot have been swapped while it was opened).
 * @throws SongFileRefusedError when the file may not be served; fs errors when it cannot be read.
 */
export async function openSongFile(
  realPath: string,
  lookups: PathLookups = processPathLookups,
): Promise<OpenedSongFile> {
  const handle = await open(realPath, OPEN_FLAGS);
  try {
    const statAtMs = Date.now();
    // Only after the open: the checks then speak about the file actually opened. The file's
    // own stats are read at once, on this thread: fstat of a file just opened is answered from
    // memory (even over NFS, whose open has just revalidated it), while a trip through libuv's
    // thread pool, where a thousand starting streams queue, costs a stream far more. The path's
    // lookup does go through the pool, and counts, if it was made before (or is under way),
    // only for exactly the file it saw.
    const opened = fstatSync(handle.fd, { bigint: true });
    const earlier = lookups.remembered(realPath);
    // An earlier lookup that failed says nothing about this open: it looks again below.
    const seen = await (earlier === undefined
      ? lookups.fresh(realPath)
      : earlier.catch(() => null));
    let problem =
      seen === null
        ? 'not looked up'
        : songFileProblem(realPath, opened, seen.resolved, seen.named);
    if (earlier !== undefined && (problem !== null || !sameStats(seen?.named ?? null, opened))) {
      const now = await lookups.fresh(realPath);
      problem = songFileProblem(realPath, opened, now.resolved, now.named);
    }
    if (problem !== null) throw new SongFileRefusedError(problem);
    return {
      handle,
      sizeBytes: Number(opened.size),
      mtimeNs: opened.mtimeNs,
      version: fileVersionOf(opened),
      statAtMs,
    };
  } catch (error) {
    await handle.close();
    throw error;
  }
}

/** Whether two stats are of the same version of the same file (songHeadCache.ts). */
function sameStats(a: BigIntStats | null, b: BigIntStats): boolean {
  return a !== null && sameFileVersion(a, b);
}

type FileIdentity = Pick<BigIntStats, 'dev' | 'ino' | 'isFile'>;

/**
 * Why the file opened for `realPath` may not be served, or null if it may. `resolved` is the
 * path's real path after opening, and `named` the stats of the file it names (null if it was
 * not looked up because the path no longer resolves to itself).
 */
export function songFileProblem(
  realPath: string,
  opened: FileIdentity,
  resolved: string,
  named: Pick<BigIntStats, 'dev' | 'ino'> | null,
): string | null {
  if (!opened.isFile()) return 'not a regular file';
  if (resolved !== realPath || named === null) return `its path now leads to ${resolved}`;
  if (named.dev !== opened.dev || named.ino !== opened.ino) return 'replaced while opened';
  return null;
}

/** What changed in a song file since it was opened, or null if its size and time are the same. */
export function songFileChange(
  opened: Pick<OpenedSongFile, 'sizeBytes' | 'mtimeNs'>,
  now: Pick<BigIntStats, 'size' | 'mtimeNs'>,
): string | null {
  if (Number(now.size) !== opened.sizeBytes) {
    return `size changed from ${opened.sizeBytes} to ${now.size} bytes`;
  }
  if (now.mtimeNs !== opened.mtimeNs) return 'modified';
  return null;
}
