import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, stat, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** A cached cover: its image type and bytes. */
export interface CachedCover {
  mime: string;
  bytes: Buffer;
}

export const DEFAULT_COVER_CACHE_BYTES = 64 * 1024 * 1024;

const KEY = /^[0-9a-f]{64}$/;
/** Image types by file name suffix: the type is kept in the name, the bytes stay the image's. */
const SUFFIXES: Record<string, string> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/gif': 'gif',
  'image/webp': 'webp',
};
const MIMES = new Map(Object.entries(SUFFIXES).map(([mime, suffix]) => [suffix, mime]));

interface Entry {
  file: string;
  mime: string;
  size: number;
  /** Last use in ms; kept on disk as the file's mtime, so the order survives restarts. */
  used: number;
}

/**
 * Covers on disk keyed by the SHA-256 of their bytes (one album's songs share one file), at most
 * `maxBytes` in all: the least recently used go first. Writes go to a temp file renamed into
 * place, so a crash never leaves half an image under a key; a file whose bytes no longer match
 * its key is removed when read.
 */
export class CoverCache {
  private readonly entries = new Map<string, Entry>();
  private total = 0;
  private loaded: Promise<void> | null = null;
  private tempCount = 0;

  constructor(
    private readonly dir: string,
    private readonly maxBytes = DEFAULT_COVER_CACHE_BYTES,
  ) {}

  static isKey(key: string): boolean {
    return KEY.test(key);
  }

  get sizeBytes(): number {
    return this.total;
  }

  async get(key: string): Promise<CachedCover | null> {
    await this.load();
    const entry = this.entries.get(key);
    if (!entry) return null;
    let bytes: Buffer;
    try {
      bytes = await readFile(entry.file);
    } catch {
      this.forget(key);
      return null;
    }
    if (sha256(bytes) !== key) {
      await this.remove(key);
      return null;
    }
    entry.used = Date.now();
    await utimes(entry.file, new Date(), new Date(entry.used)).catch(() => undefined);
    return { mime: entry.mime, bytes };
  }

  /** Stores `bytes` under their own hash (returned), then evicts down to the bound. */
  async put(mime: string, bytes: Buffer): Promise<string> {
    await this.load();
    const key = sha256(bytes);
    const suffix = SUFFIXES[mime];
    if (!suffix || bytes.length > this.maxBytes) return key; // not kept, still served
    if (!this.entries.has(key)) {
      const file = path.join(this.dir, `${key}.${suffix}`);
      const temp = path.join(this.dir, `.${key}.${process.pid}.${this.tempCount++}.tmp`);
      await writeFile(temp, bytes);
      await rename(temp, file);
      this.entries.set(key, { file, mime, size: bytes.length, used: Date.now() });
      this.total += bytes.length;
    }
    this.entries.get(key)!.used = Date.now();
    await this.evict(key);
    return key;
  }

  private async evict(keep: string): Promise<void> {
    if (this.total <= this.maxBytes) return;
    const oldest = [...this.entries].sort(([, a], [, b]) => a.used - b.used);
    for (const [key] of oldest) {
      if (this.total <= this.maxBytes) break;
      if (key !== keep) await this.remove(key);
    }
  }

  private async remove(key: string): Promise<void> {
    const entry = this.entries.get(key);
    this.forget(key);
    if (entry) await rm(entry.file, { force: true });
  }

  private forget(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    this.total -= entry.size;
  }

  /** Reads the folder once: each `KEY.suffix` file is an entry; leftovers of a crash go. */
  private load(): Promise<void> {
    this.loaded ??= (async () => {
      await mkdir(this.dir, { recursive: true });
      for (const name of await readdir(this.dir)) {
        const file = path.join(this.dir, name);
        const [key, suffix] = name.split('.');
        const mime = MIMES.get(suffix ?? '');
        if (!KEY.test(key) || !mime || name !== `${key}.${suffix}`) {
          if (name.endsWith('.tmp')) await rm(file, { force: true });
          continue;
        }
        const { size, mtimeMs } = await stat(file);
        this.entries.set(key, { file, mime, size, used: mtimeMs });
        this.total += size;
      }
      await this.evict('');
    })();
    return this.loaded;
  }
}

function sha256(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}
