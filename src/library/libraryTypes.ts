import type { CoverRef } from './coverRef';
import type { SongExtras } from './songExtras';
import type { AudioFormat } from './sniffFormat';

/** One playable song in a library; `id` is its index in the library's stable order. */
export interface SongEntry {
  id: number;
  /** Path inside the library folder, always with '/' separators. */
  relativePath: string;
  absolutePath: string;
  /** Real path at scan time: the server opens only this file (src/server/openSongFile.ts). */
  realPath: string;
  /** From the file's first bytes, not its name. */
  format: AudioFormat;
  sizeBytes: number;
  title: string;
  artist: string | null;
  album: string | null;
  durationSeconds: number | null;
  /** Whether `cover` is set: an embedded picture or an image beside the file. */
  hasCover: boolean;
  /** Where the cover is (read only when asked for); null or absent when the song has none. */
  cover?: CoverRef | null;
  /** Bits per second. */
  bitrate: number | null;
  /** Sample rate, channels and more tags; absent when the file's tags could not be read. */
  extras?: SongExtras;
}

export interface Library {
  /** Absolute path of the scanned folder. */
  folder: string;
  songs: SongEntry[];
  /** Human-readable notes about files that are listed but could not be fully read. */
  warnings: string[];
}
