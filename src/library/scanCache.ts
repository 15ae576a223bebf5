import { parseCoverRef, type CoverRef } from './coverRef';
import type { SongDetails } from './readSongMetadata';
import type { ScanCacheRow } from './scanCacheRow';
import type { AudioFormat } from './sniffFormat';

/** A file's reading in the first state format (`*.scan.json`), kept only to migrate it. */
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

/**
 * Relative path → what the last scan read (one flat row each), so a rescan re-reads only
 * changed files.
 */
export class ScanCache {
  /** Takes `rows` as its own. */
  constructor(private rows: Map<string, ScanCacheRow> = new Map()) {}

  /** The cached reading when the file still has the size and mtime it had, else undefined. */
  lookup(relativePath: string, sizeBytes: number, mtimeMs: number): ScanCacheRow | undefined {
    const row = this.rows.get(relativePath);
    return row && row[2] === sizeBytes && row[3] === mtimeMs ? row : undefined;
  }

  get(relativePath: string): ScanCacheRow | undefined {
    return this.rows.get(relativePath);
  }

  /** Replaces the whole cache with this scan's files (removed files drop out). */
  replace(rows: Map<string, ScanCacheRow>): void {
    this.rows = rows;
  }

  /** Sidecar covers the last scan found, so a rescan hashes only images that changed. */
  sidecars(): CoverRef[] {
    const found: CoverRef[] = [];
    for (const row of this.rows.values()) if (row[12]) found.push(row[12]);
    return found;
  }

  get size(): number {
    return this.rows.size;
  }
}

/** The saved first-format cache, keeping only well-formed entries (a bad one is just read again). */
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
