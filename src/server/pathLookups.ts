import type { BigIntStats } from 'node:fs';
import { realpath, stat, statfs } from 'node:fs/promises';
import { isLocalFileSystem } from './localFileSystem';

/** What a song's path led to when it was looked up: its real path, and the stats of the file. */
export interface PathLookup {
  resolved: string;
  /** The stats of the file the path names; null if not looked at (it leads elsewhere) or gone. */
  named: BigIntStats | null;
  /** Whether the file is on a local file system (localFileSystem.ts); false if not known. */
  local: boolean;
}

export const DEFAULT_REMEMBERED_PATHS = 4096;

/**
 * The path half of a song open's checks (openSongFile.ts: realpath and stat, two trips through
 * libuv's thread pool), shared: a lookup under way is shared by every open that asks meanwhile,
 * and one that found the path leading to itself is remembered, so a thousand listeners starting
 * a song cost two trips each (open, fstat), not four. An open may rely on a lookup made before
 * it only when the file it opened is exactly the one the lookup saw (device, inode, size,
 * modification and change time): then the bytes it serves are those of a file this path was
 * seen to name, through no symlink. Moving, linking or rewriting a file changes its change time,
 * and a new file that reuses an inode number has another, so anything else is looked up afresh.
 */
export class PathLookups {
  private readonly lookups = new Map<string, Promise<PathLookup>>();
  /** What each remembered lookup found, once it has: for `settled`. */
  private readonly found = new WeakMap<Promise<PathLookup>, PathLookup>();

  constructor(
    readonly maxPaths = DEFAULT_REMEMBERED_PATHS,
    private readonly lookUp: (path: string) => Promise<PathLookup> = lookUpPath,
  ) {
    if (!(maxPaths >= 0)) throw new RangeError(`maxPaths must not be negative, got ${maxPaths}`);
  }

  get size(): number {
    return this.lookups.size;
  }

  /** The lookup of `path` under way or remembered, or undefined. */
  remembered(path: string): Promise<PathLookup> | undefined {
    const known = this.lookups.get(path);
    if (known === undefined) return undefined;
    this.lookups.delete(path);
    this.lookups.set(path, known); // now the most recently used
    return known;
  }

  /**
   * What the remembered lookup of `path` found, if it is done (and found the path leading to
   * itself, or it would not be remembered); undefined if none is remembered or it is under way.
   */
  settled(path: string): PathLookup | undefined {
    const known = this.lookups.get(path);
    return known === undefined ? undefined : this.found.get(known);
  }

  /**
   * Looks `path` up now, and shares the lookup with later opens; it stays remembered only if
   * the path led to itself and a file was there. Rejects when realpath fails.
   */
  fresh(path: string): Promise<PathLookup> {
    const lookup = this.lookUp(path);
    this.lookups.delete(path);
    this.lookups.set(path, lookup);
    for (const oldest of this.lookups.keys()) {
      if (this.lookups.size <= this.maxPaths) break;
      this.lookups.delete(oldest);
    }
    const forget = () => {
      if (this.lookups.get(path) === lookup) this.lookups.delete(path);
    };
    lookup.then((seen) => {
      if (seen.resolved !== path || seen.named === null) forget();
      else this.found.set(lookup, seen);
    }, forget);
    return lookup;
  }
}

/**
 * Realpath, stat and statfs at once; the stats count only if the path resolves to itself. The
 * file system's type costs no extra wait: it runs beside the other two.
 */
async function lookUpPath(path: string): Promise<PathLookup> {
  const [resolved, named, system] = await Promise.all([
    realpath(path),
    stat(path, { bigint: true }).catch(() => null),
    statfs(path).catch(() => null),
  ]);
  return {
    resolved,
    named: resolved === path ? named : null,
    local: isLocalFileSystem(process.platform, system?.type ?? null),
  };
}
