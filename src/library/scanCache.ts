import { parseCoverRef, type CoverRef } from './coverRef';
import type { SongDetails, SongDetailsResult } from './readSongMetadata';
import type { AudioFormat } from './sniffFormat';

/** What a scan learned about one file, kept while its size and modification time stay. */
export interface ScanCacheEntry {
  sizeBytes: number;
  mtimeMs: number;
  format: AudioFormat;
  /** The song's details without the paths (those come from the folder walk). */
  song: Omit<SongDetails, 'relativePath' | 'absolutePath' | 'realPath'>;
  warning: string | null;
  /** The image beside the file that the last scan took as its cover (its hash is reused). */
  sidecar?: CoverRef | null;
}

export type ScanCacheData = Record<string, ScanCacheEntry>;

const FORMATS: ReadonlySet<string> = new Set(['mp3', 'flac', 'vorbis', 'opus', 'wav']);

/** Relative path → what the last scan read, so a rescan re-reads only changed files. */
export class ScanCache {
  private entries: Map<string, ScanCacheEntry>;

  constructor(data: ScanCacheData = {}) {
    this.entries = new Map(Object.entries(data));
  }

  /** The cached reading when the file still has the size and mtime it had, else undefined. */
  lookup(relativePath: string, sizeBytes: number, mtimeMs: number): ScanCacheEntry | undefined {
    const entry = this.entries.get(relativePath);
    return entry && entry.sizeBytes === sizeBytes && entry.mtimeMs === mtimeMs ? entry : undefined;
  }

  /** Replaces the whole cache with this scan's files (removed files drop out). */
  replace(entries: ReadonlyMap<string, ScanCacheEntry>): void {
    this.entries = new Map(entries);
  }

  /** Sidecar covers the last scan found, so a rescan hashes only images that changed. */
  sidecars(): CoverRef[] {
    return [...this.entries.values()].flatMap((entry) => entry.sidecar ?? []);
  }

  get size(): number {
    return this.entries.size;
  }

  toData(): ScanCacheData {
    return Object.fromEntries(this.entries);
  }
}

/** A cache entry from a fresh reading of a file of this size and mtime. */
export function toCacheEntry(
  { song, warning }: SongDetailsResult,
  sizeBytes: number,
  mtimeMs: number,
): ScanCacheEntry {
  const { relativePath: _r, absolutePath: _a, realPath: _p, ...rest } = song;
  return { sizeBytes, mtimeMs, format: song.format, song: rest, warning };
}

/** The saved cache, keeping only well-formed entries (a bad one is just read again). */
export function parseScanCache(value: unknown): ScanCacheData | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const data: ScanCacheData = {};
  for (const [relativePath, raw] of Object.entries(value as Record<string, unknown>)) {
    if (isEntry(raw)) data[relativePath] = raw;
  }
  return data;
}

function isEntry(value: unknown): value is ScanCacheEntry {
  if (typeof value !== 'object' || value === null) return false;
  const entry = value as Partial<ScanCacheEntry>;
  const song = entry.song as Partial<ScanCacheEntry['song']> | undefined;
  return (
    typeof entry.sizeBytes === 'number' &&
    typeof entry.mtimeMs === 'number' &&
    typeof entry.format === 'string' &&
    FORMATS.has(entry.format) &&
    (entry.warning === null || typeof entry.warning === 'string') &&
    typeof song === 'object' &&
    song !== null &&
    typeof song.title === 'string' &&
    song.format === entry.format &&
    // Caches from before covers were located have no `cover`: those files are read again once.
    (song.cover === null || parseCoverRef(song.cover)?.source === 'embedded') &&
    (entry.sidecar === undefined ||
      entry.sidecar === null ||
      parseCoverRef(entry.sidecar)?.source === 'sidecar')
  );
}
