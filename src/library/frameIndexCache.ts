import { stat, type FileHandle } from 'node:fs/promises';
import { buildFrameIndex, type FrameIndex } from './buildFrameIndex';

interface CachedIndex {
  /** Which file (a path may be given another one), and which version of it. */
  ino: number;
  mtimeMs: number;
  sizeBytes: number;
  index: Promise<FrameIndex>;
}

/**
 * Remembers the frame indexes of recently used files, so repeated seeks in a song read the file
 * once. An entry is rebuilt when the path names another file (inode), or the file's modification
 * time or size changes.
 */
export class FrameIndexCache {
  // A Map iterates in insertion order, so re-inserting on use makes the first key the stalest.
  private readonly entries = new Map<string, CachedIndex>();

  constructor(private readonly maxEntries = 16) {}

  /** With `opened`, the index is of that file (read through it), whatever the path holds now. */
  async get(filePath: string, opened?: FileHandle): Promise<FrameIndex> {
    const { ino, mtimeMs, size } = await (opened ? opened.stat() : stat(filePath));
    const cached = this.entries.get(filePath);
    this.entries.delete(filePath);
    if (cached && cached.ino === ino && cached.mtimeMs === mtimeMs && cached.sizeBytes === size) {
      this.entries.set(filePath, cached);
      return cached.index;
    }
    // The promise is cached, so seeks arriving while the file is read share one read.
    const index = buildFrameIndex(filePath, opened);
    const entry: CachedIndex = { ino, mtimeMs, sizeBytes: size, index };
    this.entries.set(filePath, entry);
    this.evictStalest();
    entry.index.catch(() => {
      if (this.entries.get(filePath) === entry) this.entries.delete(filePath);
    });
    return entry.index;
  }

  get size(): number {
    return this.entries.size;
  }

  clear() {
    this.entries.clear();
  }

  private evictStalest() {
    while (this.entries.size > this.maxEntries) {
      const stalest = this.entries.keys().next().value;
      if (stalest === undefined) return;
      this.entries.delete(stalest);
    }
  }
}
