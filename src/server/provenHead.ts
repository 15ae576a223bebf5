import { statSync, type BigIntStats } from 'node:fs';
import type { PathLookups } from './pathLookups';
import {
  fileVersionOf,
  sameFileVersion,
  type FileVersion,
  type SongHead,
  type SongHeadCache,
} from './songHeadCache';

/** A song's cached head, and the version of the file its path was just seen to name. */
export interface ProvenHead {
  version: FileVersion;
  head: SongHead;
}

/** The stats of the file a path names, or undefined if there is none (no throw for that). */
export type StatNow = (path: string) => BigIntStats | undefined;

const statOnLoop: StatNow = (path) => statSync(path, { bigint: true, throwIfNoEntry: false });

/**
 * The cached head of the song at `realPath`, if the file the path names right now is exactly the
 * version (device, inode, size, modification and change time) that a finished, remembered lookup
 * saw the path name through no symlink (pathLookups.ts), and that version's head is cached; else
 * null. It proves what `openSongFile` proves with a remembered lookup, on the same terms, for the
 * bytes of that version, which the cache holds: so they may go out before the stream's own open
 * is done, and the open's trip through libuv's pool is not on the way to a first audio. The
 * stream checks that its open found the same version before it sends anything more.
 *
 * One `stat` on the event loop's thread, so only where the lookup found a local file system
 * (localFileSystem.ts), whose `stat` of a path looked up lately is answered from the kernel's
 * caches; elsewhere (a network mount) null, and the stream waits for its open as before.
 */
export function headProvenNow(
  realPath: string,
  lookups: PathLookups,
  heads: SongHeadCache,
  statNow: StatNow = statOnLoop,
): ProvenHead | null {
  const seen = lookups.settled(realPath);
  if (seen === undefined || !seen.local || seen.named === null) return null;
  let named: BigIntStats | undefined;
  try {
    named = statNow(realPath);
  } catch {
    return null; // say, a folder on the way is gone or unreadable: the open will tell
  }
  if (named === undefined || !named.isFile() || !sameFileVersion(named, seen.named)) return null;
  const version = fileVersionOf(named);
  const head = heads.get(version);
  return head === null ? null : { version, head };
}
