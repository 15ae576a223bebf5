import type { SongEntry } from '../library';
import { coverMessages, DataChunker, MAX_COVER_DATA_BYTES, parseSongId } from '../protocol';
import { CoverUnavailableError, readCover } from './coverReader';
import { findSongById, quoteField } from './playRequest';

/** Cover requests one connection may have waiting; more are refused at once (PROTOCOL §19). */
export const MAX_WAITING_COVER_REQUESTS = 8;

/** The part of a socket the queue writes to. */
export interface CoverOutput {
  write(packet: Buffer): boolean;
  readonly destroyed: boolean;
  readonly writableEnded: boolean;
  once(event: 'drain' | 'close', listener: () => void): unknown;
  off(event: 'drain' | 'close', listener: () => void): unknown;
}

export interface CoverQueueDeps {
  output: CoverOutput;
  /** The songs served now, sorted by id (a rescan may have changed them since the request). */
  songs(): readonly SongEntry[];
  log(line: string): void;
}

/**
 * One connection's cover requests, answered one at a time in the order they came. A cover is
 * written with backpressure (the next data packet waits for 'drain'), so a client that does not
 * read holds at most one cover in the server's memory, and its play data is never held back by
 * more than what already waits in the socket.
 */
export class CoverQueue {
  private readonly waiting: Buffer[] = [];
  private busy = false;
  private disposed = false;

  constructor(private readonly deps: CoverQueueDeps) {
    deps.output.once('close', () => this.dispose());
  }

  request(idField: Buffer | undefined): void {
    if (this.disposed) return;
    const field = idField ?? Buffer.alloc(0);
    if (this.waiting.length >= MAX_WAITING_COVER_REQUESTS) {
      const message = `too many cover requests (at most ${MAX_WAITING_COVER_REQUESTS} waiting)`;
      this.deps.log(`cover refused: ${message}`);
      this.write(coverMessages.refusal(echo(field), message));
      return;
    }
    this.waiting.push(Buffer.from(field));
    if (!this.busy) void this.run();
  }

  /** The connection is gone: nothing more is read or written. */
  dispose(): void {
    this.disposed = true;
    this.waiting.length = 0;
  }

  private async run(): Promise<void> {
    this.busy = true;
    try {
      for (let field = this.waiting.shift(); field; field = this.waiting.shift()) {
        if (this.disposed) return;
        await this.answer(field);
      }
    } finally {
      this.busy = false;
    }
  }

  private async answer(field: Buffer): Promise<void> {
    const id = parseSongId(field);
    const song = id === null ? undefined : findSongById(this.deps.songs(), id);
    if (!song) return this.refuse(field, `unknown song id ${id ?? quoteField(field)}`);
    let image;
    try {
      image = await readCover(song);
    } catch (error) {
      const message = error instanceof CoverUnavailableError ? error.message : String(error);
      return this.refuse(field, message);
    }
    this.deps.log(`cover ${song.id} (${image.mime}, ${image.bytes.length} bytes)`);
    this.write(coverMessages.begin(song.id, image.mime, image.bytes.length, image.hash));
    const chunker = new DataChunker(MAX_COVER_DATA_BYTES);
    for (const chunk of [...chunker.push(image.bytes), ...chunker.flush()]) {
      if (!this.write(coverMessages.data(chunk)) && !(await this.drained())) return;
    }
    this.write(coverMessages.end(song.id));
  }

  private refuse(field: Buffer, message: string): void {
    this.deps.log(`cover refused: ${message}`);
    this.write(coverMessages.refusal(echo(field), message));
  }

  /** Writes unless the connection is gone or ending; false when the socket's buffer is full. */
  private write(packet: Buffer): boolean {
    const { output } = this.deps;
    if (this.disposed || output.destroyed || output.writableEnded) return true;
    return output.write(packet);
  }

  /** Waits for 'drain'; false when the connection closed (or is ending) instead. */
  private drained(): Promise<boolean> {
    const { output } = this.deps;
    return new Promise((resolve) => {
      const done = (ok: boolean) => () => {
        output.off('drain', onDrain);
        output.off('close', onClose);
        resolve(ok && !this.disposed && !output.writableEnded);
      };
      const onDrain = done(true);
      const onClose = done(false);
      output.once('drain', onDrain);
      output.once('close', onClose);
    });
  }
}

/** The id field as a refusal repeats it: a well-formed id, else empty. */
function echo(field: Buffer): string {
  return parseSongId(field) === null ? '' : field.toString('latin1');
}
