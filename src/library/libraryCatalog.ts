import { stat } from 'node:fs/promises';
import path from 'node:path';
import { findMp3Files, type FoundMp3File } from './findMp3Files';
import { isSongFileName, sniffSongFiles, type FoundSongFile } from './findSongFiles';
import { LibraryError, toLibraryError } from './libraryError';
import { libraryStatePaths, readStateFile, writeStateFile } from './libraryStateFiles';
import type { Library, SongEntry } from './libraryTypes';
import { mapWithConcurrency } from './mapWithConcurrency';
import { readSongMetadata, type SongDetails, type SongDetailsResult } from './readSongMetadata';
import { parseScanCache, ScanCache, toCacheEntry, type ScanCacheEntry } from './scanCache';
import type { CoverRef } from './coverRef';
import { SidecarCovers } from './sidecarCovers';
import { parseSongIdTable, SongIdTable } from './songIdTable';

/** Enough parallel reads to hide disk latency without opening hundreds of files at once. */
const METADATA_CONCURRENCY = 4;
/** A stat opens nothing, so more of them may wait on the disk at once. */
const STAT_CONCURRENCY = 16;

export interface LibraryCatalogOptions {
  folder: string;
  /** Where the id table and the scan cache are kept; without it they live in memory only. */
  stateDir?: string;
  log?: (line: string) => void;
  /** Reads one file's tags and duration (tests count the calls). */
  readMetadata?: (file: FoundSongFile) => Promise<SongDetailsResult>;
}

interface FileReading {
  song: SongDetails;
  warning: string | null;
  entry: ScanCacheEntry;
}

/**
 * One music folder's songs, scanned as often as asked: ids stay with their files
 * (SongIdTable), and files whose size and mtime did not change are not read again (ScanCache).
 * With a state folder, both survive restarts. Scans run one at a time.
 */
export class LibraryCatalog {
  private queue: Promise<unknown> = Promise.resolve();
  /** Whether the state files hold what the last scan found. */
  private saved = false;

  private constructor(
    readonly folder: string,
    private readonly ids: SongIdTable,
    private readonly cache: ScanCache,
    private readonly options: LibraryCatalogOptions,
  ) {}

  /** Loads the saved id table and scan cache, if any (a corrupt file is logged and ignored). */
  static async open(options: LibraryCatalogOptions): Promise<LibraryCatalog> {
    const folder = path.resolve(options.folder);
    if (options.stateDir === undefined) {
      return new LibraryCatalog(folder, new SongIdTable(), new ScanCache(), options);
    }
    const files = libraryStatePaths(options.stateDir, folder);
    const log = (line: string) => options.log?.(line);
    const ids = await readStateFile(files.ids, parseSongIdTable, log);
    const cache = await readStateFile(files.cache, parseScanCache, log);
    const catalog = new LibraryCatalog(
      folder,
      new SongIdTable(ids ?? undefined),
      new ScanCache(cache ?? undefined),
      options,
    );
    catalog.saved = ids !== null && cache !== null;
    return catalog;
  }

  /** A catalog for a library scanned without one, keeping its ids. */
  static fromLibrary(library: Library, options: Omit<LibraryCatalogOptions, 'folder'> = {}) {
    const ids = SongIdTable.fromSongs(library.songs);
    return new LibraryCatalog(library.folder, ids, new ScanCache(), {
      ...options,
      folder: library.folder,
    });
  }

  /**
   * Scans the folder: songs in id order, each id kept from before or new.
   * @throws LibraryError when the folder is missing, not a folder, unreadable or has no songs.
   */
  scan(): Promise<Library> {
    const result = this.queue.then(
      () => this.scanNow(),
      () => this.scanNow(),
    );
    this.queue = result.catch(() => undefined);
    return result;
  }

  private async scanNow(): Promise<Library> {
    const root = this.folder;
    const rootStats = await stat(root).catch((error: unknown) => {
      throw toLibraryError(error, root);
    });
    if (!rootStats.isDirectory()) throw new LibraryError('ENOTDIR', root);
    const found = await findMp3Files(root, isSongFileName);
    if (found.files.length === 0) throw new LibraryError('EMPTY', root);

    const readings = new Map<string, FileReading>();
    const unknown: { file: FoundMp3File; sizeBytes: number; mtimeMs: number }[] = [];
    const stats = await mapWithConcurrency(found.files, STAT_CONCURRENCY, (file) =>
      stat(file.absolutePath).then(
        ({ size, mtimeMs }) => ({ size, mtimeMs }),
        () => ({ size: -1, mtimeMs: -1 }),
      ),
    );
    found.files.forEach((file, i) => {
      const { size, mtimeMs } = stats[i];
      const entry = this.cache.lookup(file.relativePath, size, mtimeMs);
      if (entry) readings.set(file.relativePath, fromCache(file, entry));
      else unknown.push({ file, sizeBytes: size, mtimeMs });
    });

    const sniffed = await sniffSongFiles(unknown.map(({ file }) => file));
    const statsByPath = new Map(unknown.map((item) => [item.file.relativePath, item]));
    const read = this.options.readMetadata ?? readSongMetadata;
    const results = await mapWithConcurrency(sniffed.files, METADATA_CONCURRENCY, read);
    sniffed.files.forEach((file, i) => {
      const known = statsByPath.get(file.relativePath);
      const entry = toCacheEntry(results[i], known?.sizeBytes ?? -1, known?.mtimeMs ?? -1);
      readings.set(file.relativePath, { ...results[i], entry });
    });

    // The walk's order is path order, so new files are numbered in path order.
    const paths = found.files.map((f) => f.relativePath).filter((p) => readings.has(p));
    if (paths.length === 0) throw new LibraryError('EMPTY', root);
    const sidecarsChanged = await this.findSidecarCovers(paths, readings);
    const ids = this.ids.assign(paths);
    const songs: SongEntry[] = paths.map((p, i) => ({ id: ids[i], ...readings.get(p)!.song }));
    songs.sort((a, b) => a.id - b.id);
    // Nothing read afresh and nothing gone: the saved state is already this scan's.
    const changed =
      unknown.length > 0 || paths.length !== this.cache.size || !this.saved || sidecarsChanged;
    this.cache.replace(new Map(paths.map((p) => [p, readings.get(p)!.entry])));
    if (changed) await this.save();
    const warnings = [
      ...found.warnings,
      ...sniffed.warnings,
      ...paths.flatMap((p) => readings.get(p)!.warning ?? []),
    ];
    return { folder: root, songs, warnings };
  }

  /**
   * Gives each song without an embedded picture the image beside it, if any (sidecarCovers.ts);
   * true when a song's sidecar is not the one the cache had.
   */
  private async findSidecarCovers(
    paths: readonly string[],
    readings: Map<string, FileReading>,
  ): Promise<boolean> {
    const sidecars = new SidecarCovers(this.cache.sidecars());
    let changed = false;
    await mapWithConcurrency(paths, STAT_CONCURRENCY, async (p) => {
      const reading = readings.get(p)!;
      const embedded = reading.entry.song.cover ?? null;
      const sidecar = embedded ? null : await sidecars.forSong(reading.song.absolutePath, p);
      if (!sameCover(reading.entry.sidecar ?? null, sidecar)) changed = true;
      const cover = embedded ?? sidecar;
      reading.song = { ...reading.song, cover, hasCover: cover !== null };
      reading.entry = { ...reading.entry, sidecar };
    });
    return changed;
  }

  private async save(): Promise<void> {
    if (this.options.stateDir === undefined) return;
    this.saved = false;
    const files = libraryStatePaths(this.options.stateDir, this.folder);
    try {
      await writeStateFile(files.ids, this.ids.toData());
      await writeStateFile(files.cache, this.cache.toData());
      this.saved = true;
    } catch (error) {
      // The library still serves; ids stay stable for this run and the next scan tries again.
      const reason = (error as NodeJS.ErrnoException).code ?? String(error);
      this.options.log?.(
        `could not save the library state in ${this.options.stateDir} (${reason})`,
      );
    }
  }
}

function sameCover(a: CoverRef | null, b: CoverRef | null): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function fromCache(file: FoundMp3File, entry: ScanCacheEntry): FileReading {
  return { song: { ...file, ...entry.song, format: entry.format }, warning: entry.warning, entry };
}
