import { parseCoverRef, type CoverRef } from './coverRef';
import type { FoundMp3File } from './findMp3Files';
import type { SongEntry } from './libraryTypes';
import type { SongDetailsResult } from './readSongMetadata';
import type { ScanCacheEntry } from './scanCache';
import type { SongExtras } from './songExtras';
import { AUDIO_FORMATS, type AudioFormat } from './sniffFormat';

type Extras = [
  sampleRate: number | null,
  channels: number | null,
  trackNumber: number | null,
  discNumber: number | null,
  year: number | null,
  genre: string | null,
  albumArtist: string | null,
];

/**
 * One file in the saved library state (libraryState.ts): a flat array, so 20,000 of them parse and
 * serialise several times faster than keyed objects and take less than half the bytes. The file's
 * size and mtime (`fileSize`, `mtimeMs`) say whether the rest still holds.
 */
export type ScanCacheRow = [
  relativePath: string,
  /** Filled in when saved; the id table is the authority in memory. */
  id: number,
  fileSize: number,
  mtimeMs: number,
  format: AudioFormat,
  sizeBytes: number,
  title: string,
  artist: string | null,
  album: string | null,
  durationSeconds: number | null,
  bitrate: number | null,
  /** The embedded picture, or null. */
  cover: CoverRef | null,
  /** The image beside the file that the last scan took as its cover (its hash is reused). */
  sidecar: CoverRef | null,
  warning: string | null,
  /** Absent (null) when the file's tags could not be read. */
  extras: Extras | null,
];

const FORMATS: ReadonlySet<unknown> = new Set(AUDIO_FORMATS);

/** The row for a fresh reading of a file of this size and mtime (sidecar still to be found). */
export function rowFromReading(
  relativePath: string,
  { song, warning }: SongDetailsResult,
  fileSize: number,
  mtimeMs: number,
): ScanCacheRow {
  const x = song.extras;
  const extras: Extras | null = x
    ? [x.sampleRate, x.channels, x.trackNumber, x.discNumber, x.year, x.genre, x.albumArtist]
    : null;
  return [
    relativePath,
    -1,
    fileSize,
    mtimeMs,
    song.format,
    song.sizeBytes,
    song.title,
    song.artist,
    song.album,
    song.durationSeconds,
    song.bitrate,
    song.cover ?? null,
    null,
    warning,
    extras,
  ];
}

/** A cache entry of the first state format (migrated once; see libraryState.ts). */
export function rowFromEntry(relativePath: string, entry: ScanCacheEntry): ScanCacheRow {
  const song = { ...entry.song, relativePath, absolutePath: '', realPath: '' };
  const row = rowFromReading(relativePath, { song, warning: entry.warning }, entry.sizeBytes, 0);
  row[3] = entry.mtimeMs;
  row[12] = entry.sidecar ?? null;
  return row;
}

/** The song a row describes, found by the walk as `file`, with its final cover. */
export function songFromRow(file: FoundMp3File, id: number, row: ScanCacheRow): SongEntry {
  const cover = row[11] ?? row[12];
  const song: SongEntry = {
    id,
    relativePath: file.relativePath,
    absolutePath: file.absolutePath,
    realPath: file.realPath,
    format: row[4],
    sizeBytes: row[5],
    title: row[6],
    artist: row[7],
    album: row[8],
    durationSeconds: row[9],
    hasCover: cover !== null,
    cover,
    bitrate: row[10],
  };
  const x = row[14];
  if (x) song.extras = toExtras(x);
  return song;
}

function toExtras(x: Extras): SongExtras {
  return {
    sampleRate: x[0],
    channels: x[1],
    trackNumber: x[2],
    discNumber: x[3],
    year: x[4],
    genre: x[5],
    albumArtist: x[6],
  };
}

/** Whether a saved row's cached part is well formed (a bad one is just read again). */
export function isCacheRow(row: readonly unknown[]): row is ScanCacheRow {
  return (
    row.length === 15 &&
    typeof row[2] === 'number' &&
    typeof row[3] === 'number' &&
    FORMATS.has(row[4]) &&
    typeof row[5] === 'number' &&
    typeof row[6] === 'string' &&
    nullOr(row[7], 'string') &&
    nullOr(row[8], 'string') &&
    nullOr(row[9], 'number') &&
    nullOr(row[10], 'number') &&
    (row[11] === null || parseCoverRef(row[11])?.source === 'embedded') &&
    (row[12] === null || parseCoverRef(row[12])?.source === 'sidecar') &&
    nullOr(row[13], 'string') &&
    (row[14] === null || isExtras(row[14]))
  );
}

function isExtras(value: unknown): boolean {
  if (!Array.isArray(value) || value.length !== 7) return false;
  return value.every((v, i) => nullOr(v, i < 5 ? 'number' : 'string'));
}

function nullOr(value: unknown, type: 'string' | 'number'): boolean {
  return value === null || typeof value === type;
}
