import { LibraryError, LibraryWatcher, type Library } from '../library';
import type { LibraryServer } from './libraryServer';

export interface LibraryReloaderOptions {
  /** Called after each rescan that changed what clients see. */
  onReloaded?: (library: Library) => void;
  /** Quiet time before a burst of changes counts as over (LibraryWatcher). */
  quietMs?: number;
  log?: (line: string) => void;
}

/**
 * Keeps a running server's library in step with its folder: each settled burst of changes
 * (LibraryWatcher) leads to one rescan, whose result the server then serves. Rescans never
 * overlap: a burst during one leads to exactly one more after it.
 */
export class LibraryReloader {
  private running: Promise<void> | null = null;
  private again = false;
  private closed = false;
  /** Rescans done so far (tests count them). */
  rescans = 0;
  /**
   * Settles once the watcher has walked the folder (changes from then on are seen); never
   * rejects: a folder that cannot be watched is still served, and the reason logged.
   */
  readonly ready: Promise<void>;
  private readonly watcher: Promise<LibraryWatcher | null>;

  /**
   * Starts watching the server's folder. Returns at once: the watcher's walk of a large folder
   * must not hold up serving it.
   */
  constructor(
    private readonly server: Pick<LibraryServer, 'library' | 'replaceLibrary' | 'rescan'>,
    private readonly options: LibraryReloaderOptions = {},
  ) {
    this.watcher = LibraryWatcher.start(server.library.folder, {
      quietMs: options.quietMs,
      onSettled: () => this.reload(),
      onError: (error) => this.log(`watching the folder: ${error.message}`),
    }).catch((error: unknown) => {
      this.log(`not watching the folder: ${describe(error)}`);
      return null;
    });
    this.ready = this.watcher.then(() => undefined);
  }

  /** Resolves when no rescan is running or queued (tests). */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  async close(): Promise<void> {
    this.closed = true;
    await (await this.watcher)?.close();
    await this.idle();
  }

  /** Rescans now, or once more after the rescan under way. */
  reload(): void {
    if (this.closed) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.rescanOnce().finally(() => {
      this.running = null;
      if (this.again && !this.closed) {
        this.again = false;
        this.reload();
      }
    });
  }

  private async rescanOnce(): Promise<void> {
    const current = this.server.library;
    let library: Library;
    let changed: boolean;
    try {
      // The server's own rescan keeps song ids, reads only changed files and swaps the library in.
      library = await this.server.rescan();
      changed = library.songs !== current.songs;
    } catch (error) {
      // A folder emptied is a library of no songs; a folder gone or unreadable keeps the old list.
      if (!(error instanceof LibraryError && error.code === 'EMPTY')) {
        this.log(`rescan failed, still serving the last list: ${describe(error)}`);
        return;
      }
      library = { folder: current.folder, songs: [], warnings: [] };
      changed = this.server.replaceLibrary(library);
    }
    this.rescans += 1;
    if (this.closed) return;
    if (changed) {
      this.log(`library changed: ${library.songs.length} songs`);
      this.options.onReloaded?.(library);
    }
  }

  private log(line: string): void {
    this.options.log?.(line);
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
