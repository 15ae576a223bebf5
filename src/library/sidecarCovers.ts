import { lstat, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { coverHash, sniffImageType, type CoverRef } from './coverRef';

/**
 * Image files taken as a folder's cover when a song embeds none, in this order of preference;
 * names are compared without regard to case (`Cover.JPG` counts). Documented in ARCHITECTURE.md.
 */
export const SIDECAR_COVER_NAMES = [
  'cover.jpg',
  'cover.jpeg',
  'cover.png',
  'folder.jpg',
  'folder.jpeg',
  'folder.png',
  'front.jpg',
  'front.jpeg',
  'front.png',
];

/** The largest cover offered (embedded or beside the file); a bigger one is left out. */
export const MAX_COVER_BYTES = 8 * 1024 * 1024;

type SidecarRef = Extract<CoverRef, { source: 'sidecar' }>;

/**
 * Finds each folder's sidecar cover once per scan. Images already hashed by an earlier scan (same
 * path, size and mtime) are not read again, so a warm rescan costs one readdir and one lstat per
 * album folder.
 */
export class SidecarCovers {
  private readonly known = new Map<string, SidecarRef>();
  private readonly folders = new Map<string, Promise<SidecarRef | null>>();

  /**
   * `listed`, when given, holds each folder's cover-named files as the walk saw them (absolute
   * folder path → names): folders missing from it have no cover, and none is read again.
   */
  constructor(
    earlier: Iterable<CoverRef>,
    private readonly listed?: ReadonlyMap<string, readonly string[]>,
  ) {
    for (const ref of earlier) if (ref.source === 'sidecar') this.known.set(ref.relativePath, ref);
  }

  /** Whether a song in `dir` can have a sidecar cover at all (false: no need to ask). */
  mayHave(dir: string): boolean {
    return this.listed === undefined || this.listed.has(dir);
  }

  /** The cover beside a song (`absolutePath`, `relativePath` inside the library), or null. */
  forSong(absolutePath: string, relativePath: string): Promise<SidecarRef | null> {
    const dir = path.dirname(absolutePath);
    let found = this.folders.get(dir);
    if (!found) {
      found = this.find(dir, path.posix.dirname(relativePath)).catch(() => null);
      this.folders.set(dir, found);
    }
    return found;
  }

  private async find(dir: string, dirRelative: string): Promise<SidecarRef | null> {
    const names = new Map<string, string>();
    for (const name of this.listed?.get(dir) ?? (await readdir(dir))) {
      names.set(name.toLowerCase(), name);
    }
    for (const wanted of SIDECAR_COVER_NAMES) {
      const name = names.get(wanted);
      if (name === undefined) continue;
      const relativePath = dirRelative === '.' ? name : `${dirRelative}/${name}`;
      const ref = await this.read(path.join(dir, name), relativePath);
      if (ref) return ref;
    }
    return null;
  }

  /** A regular file (no symlink: the server would refuse to serve it) that is an image. */
  private async read(file: string, relativePath: string): Promise<SidecarRef | null> {
    const stats = await lstat(file);
    if (!stats.isFile() || stats.size === 0 || stats.size > MAX_COVER_BYTES) return null;
    const known = this.known.get(relativePath);
    if (known && known.sizeBytes === stats.size && known.mtimeMs === stats.mtimeMs) return known;
    const bytes = await readFile(file);
    const mime = sniffImageType(bytes);
    if (mime === null || bytes.length > MAX_COVER_BYTES) return null;
    return {
      source: 'sidecar',
      relativePath,
      hash: coverHash(bytes),
      mime,
      sizeBytes: bytes.length,
      mtimeMs: stats.mtimeMs,
    };
  }
}
