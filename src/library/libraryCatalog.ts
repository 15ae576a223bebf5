import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { CoverRef } from './coverRef';
import { walkSongFolder, type WalkedFile } from './findMp3Files';
import { isSongFileName, sniffSongFiles, type FoundSongFile } from './findSongFiles';
import { LibraryError, toLibraryError } from './libraryError';
import { readLibraryState, writeLibraryState } from './libraryState';
import type { Library, SongEntry } from './libraryTypes';
import { mapWithConcurrency } from './mapWithConcurrency';
import { readSongMetadata, type SongDetailsResult } from './readSongMetadata';
import { ScanCache } from './scanCache';
import { rowFromReading, songFromRow, type ScanCacheRow } from './scanCacheRow';
import { SIDECAR_COVER_NAMES, SidecarCovers } from './sidecarCovers';
import { SliceClock } from './sliceClock';
import { SongIdTable } from './songIdTable';

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

const SIDECAR_NAMES: ReadonlySet<string> = new Set(SIDECAR_COVER_NAMES);
const isSidecarName = (lowerName: string) => SIDECAR_NAMES.has(lowerName);

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
    const log = (line: string) => options.log?.(line);
    const state = await readLibraryState(options.stateDir, folder, log);
    if (state === null)
      return new LibraryCatalog(folder, new SongIdTable(), new ScanCache(), options);
    const catalog = new LibraryCatalog(folder, state.ids, state.cache, options);
    catalog.saved = state.current;
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
    const found = await walkSongFolder(root, isSongFileName, { keepName: isSidecarName });
    if (found.files.length === 0) throw new LibraryError('EMPTY', root);

    // Rows for this scan, by the walk's index: cached ones while size and mtime hold, fresh
    // readings for the rest (arrays, not maps: this runs 20,000 times per rescan).
    const rowAt: (ScanCacheRow | undefined)[] = new Array(found.files.length);
    const unknown = new Map<string, number>();
    const clock = new SliceClock();
    found.files.forEach((file, i) => {
      rowAt[i] = this.cache.lookup(file.relativePath, file.sizeBytes, file.mtimeMs);
      if (rowAt[i] === undefined) unknown.set(file.relativePath, i);
    });
    const sniffed = await sniffSongFiles([...unknown.values()].map((i) => found.files[i]));
    const read = this.options.readMetadata ?? readSongMetadata;
    const results = await mapWithConcurrency(sniffed.files, METADATA_CONCURRENCY, read);
    sniffed.files.forEach((file, i) => {
      const at = unknown.get(file.relativePath)!;
      const { sizeBytes, mtimeMs } = found.files[at];
      rowAt[at] = rowFromReading(file.relativePath, results[i], sizeBytes, mtimeMs);
    });

    // The walk's order is path order, so new files are numbered in path order.
    const files: WalkedFile[] = [];
    const rows: ScanCacheRow[] = [];
    found.files.forEach((file, i) => {
      const row = rowAt[i];
      if (row === undefined) return;
      files.push(file);
      rows.push(row);
    });
    if (files.length === 0) throw new LibraryError('EMPTY', root);
    const sidecarsChanged = await this.findSidecarCovers(files, rows, found.kept);
    const ids = this.ids.assign(files.map((f) => f.relativePath));
    const songs: SongEntry[] = new Array(files.length);
    const cached = new Map<string, ScanCacheRow>();
    const warnings = [...found.warnings, ...sniffed.warnings];
    for (let i = 0; i < files.length; i++) {
      if (clock.due()) await clock.pause();
      songs[i] = songFromRow(files[i], ids[i], rows[i]);
      cached.set(files[i].relativePath, rows[i]);
      const warning = rows[i][13];
      if (warning !== null) warnings.push(warning);
    }
    songs.sort((a, b) => a.id - b.id);
    // Nothing read afresh and nothing gone: the saved state is already this scan's.
    const changed =
      unknown.size > 0 || files.length !== this.cache.size || !this.saved || sidecarsChanged;
    this.cache.replace(cached);
    if (changed) await this.save();
    return { folder: root, songs, warnings };
  }

  /**
   * Gives each song without an embedded picture the image beside it, if any (sidecarCovers.ts),
   * asking once per folder and only where the walk saw a cover-named file; true when a song's
   * sidecar is not the one the cache had. `rows[i]` is `files[i]`'s; a changed one is replaced.
   */
  private async findSidecarCovers(
    files: readonly WalkedFile[],
    rows: ScanCacheRow[],
    listed: ReadonlyMap<string, readonly string[]>,
  ): Promise<boolean> {
    const sidecars = new SidecarCovers(this.cache.sidecars(), listed);
    const wanted = new Map<string, WalkedFile>();
    files.forEach((file, i) => {
      if (rows[i][11] === null && sidecars.mayHave(file.dir)) wanted.set(file.dir, file);
    });
    const byFolder = new Map<string, CoverRef | null>();
    await mapWithConcurrency([...wanted], STAT_CONCURRENCY, async ([dir, file]) => {
      byFolder.set(dir, await sidecars.forSong(file.absolutePath, file.relativePath));
    });
    let changed = false;
    files.forEach((file, i) => {
      const row = rows[i];
      const sidecar = row[11] === null ? (byFolder.get(file.dir) ?? null) : null;
      if (!sameCover(row[12], sidecar)) {
        changed = true;
        // A row of the last scan is shared with the cache being replaced: change a copy.
        rows[i] = [...row];
        rows[i][12] = sidecar;
      }
    });
    return changed;
  }

  private async save(): Promise<void> {
    if (this.options.stateDir === undefined) return;
    this.saved = false;
    try {
      await writeLibraryState(this.options.stateDir, this.folder, this.ids, this.cache);
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
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}
