/** One playable song in a library; `id` is its index in the library's stable order. */
export interface SongEntry {
  id: number;
  /** Path inside the library folder, always with '/' separators. */
  relativePath: string;
  absolutePath: string;
  /** Real path at scan time: the server opens only this file (src/server/openSongFile.ts). */
  realPath: string;
  sizeBytes: number;
  title: string;
  artist: string | null;
  album: string | null;
  durationSeconds: number | null;
  hasCover: boolean;
  /** Bits per second. */
  bitrate: number | null;
}

export interface Library {
  /** Absolute path of the scanned folder. */
  folder: string;
  songs: SongEntry[];
  /** Human-readable notes about files that are listed but could not be fully read. */
  warnings: string[];
}
