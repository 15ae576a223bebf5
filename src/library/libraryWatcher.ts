import { stat } from 'node:fs/promises';
import { watch, type FSWatcher } from 'chokidar';
import { stillChanging, type SizeSnapshot } from './writeSettling';

export interface LibraryWatcherOptions {
  /** Called once per settled burst of changes (an album copied in is one burst). */
  onSettled: () => void;
  /** Quiet time after the last file-system event before a burst counts as over. */
  quietMs?: number;
  /** Between the two looks at the burst's file sizes; a size that moved means: wait again. */
  sizeCheckMs?: number;
  onError?: (error: Error) => void;
}

export const DEFAULT_QUIET_MS = 500;
const DEFAULT_SIZE_CHECK_MS = 150;
/** Past this many files in one burst, sizes are not compared (the quiet time alone decides). */
const MAX_SIZE_CHECKED_FILES = 2_000;

/**
 * Watches a music folder, recursively, and reports when a burst of changes is over: no event
 * for `quietMs` (every write of a copy is an event, so this waits for copies to finish), then
 * the sizes of the files the burst touched, looked at twice, stand still. Why chokidar and not
 * `fs.watch({ recursive })`: docs/ARCHITECTURE.md, "Live library changes".
 */
export class LibraryWatcher {
  private timer: NodeJS.Timeout | undefined;
  private touched = new Set<string>();
  private closed = false;
  /** Events seen so far: a size check that saw new ones leaves the decision to a later check. */
  private events = 0;

  private constructor(
    private readonly watcher: FSWatcher,
    private readonly options: LibraryWatcherOptions,
  ) {
    watcher.on('all', (_event, file) => this.onEvent(file));
    // Raw events include every write to a file being copied, which 'change' throttles.
    watcher.on('raw', () => this.onEvent(null));
    watcher.on('error', (error) => options.onError?.(toError(error)));
  }

  /** Starts watching `folder`; resolves once the watcher has seen what is there now. */
  static async start(folder: string, options: LibraryWatcherOptions): Promise<LibraryWatcher> {
    // The scan has read the folder already: what is there now is no change.
    const watcher = watch(folder, { ignoreInitial: true, followSymlinks: false });
    await new Promise<void>((resolve) => watcher.once('ready', () => resolve()));
    return new LibraryWatcher(watcher, options);
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.timer);
    await this.watcher.close();
  }

  private onEvent(file: string | null): void {
    if (this.closed) return;
    this.events += 1;
    if (file !== null && this.touched.size < MAX_SIZE_CHECKED_FILES) this.touched.add(file);
    clearTimeout(this.timer);
    const quietMs = this.options.quietMs ?? DEFAULT_QUIET_MS;
    this.timer = setTimeout(() => void this.checkSettled(), quietMs);
  }

  /** The burst looks over: confirm its files stopped growing, else wait for more quiet. */
  private async checkSettled(): Promise<void> {
    const eventsSoFar = this.events;
    const files = [...this.touched];
    const before = await sizesOf(files);
    const sizeCheckMs = this.options.sizeCheckMs ?? DEFAULT_SIZE_CHECK_MS;
    await new Promise((resolve) => setTimeout(resolve, sizeCheckMs));
    const after = await sizesOf(files);
    // An event meanwhile re-armed the timer: the check after it decides.
    if (this.closed || this.events !== eventsSoFar) return;
    if (stillChanging(before, after).length > 0) {
      this.onEvent(null);
      return;
    }
    this.touched = new Set();
    this.options.onSettled();
  }
}

async function sizesOf(files: readonly string[]): Promise<SizeSnapshot> {
  const sizes = await Promise.all(
    files.map((file) =>
      stat(file).then(
        (stats) => (stats.isFile() ? stats.size : null),
        () => null,
      ),
    ),
  );
  return new Map(files.map((file, i) => [file, sizes[i]]));
}

function toError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}
