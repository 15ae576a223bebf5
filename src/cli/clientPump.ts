import type { Writable } from 'node:stream';
import type { SongStream, SongStreamOutcome } from '../client';
import { formatBytes } from './clientFormat';

/** The song's destination failed, e.g. the player exited. */
export class OutputError extends Error {
  constructor(destination: string, cause: Error) {
    super(`Could not write the song${destination}: ${cause.message}`, { cause });
    this.name = 'OutputError';
  }
}

/** The song passed `--max-size`: a server can send for ever, a disk cannot take it. */
export class SongTooLargeError extends Error {
  constructor(readonly limitBytes: number) {
    super(
      `The song is larger than --max-size (${formatBytes(limitBytes)}): stopped. ` +
        'Use a larger --max-size if it should be this large.',
    );
    this.name = 'SongTooLargeError';
  }
}

export interface PumpTarget {
  output: Writable;
  label: string;
  /** Resolves if the destination goes away early (a player that exits): why. */
  failed?: Promise<Error>;
}

/**
 * Copies a song into `output` with backpressure (a full output pauses the song, and so the
 * socket). A failing output destroys the song stream, which stops the song at the server; so
 * does one that closes early, or a player that exits, whose pipe then never drains. Nothing past
 * `limitBytes` is written.
 */
export function pumpSong(
  song: SongStream,
  { output, label, failed }: PumpTarget,
  onProgress: (bytesWritten: number) => void = () => {},
  limitBytes = Infinity,
): Promise<SongStreamOutcome> {
  let written = 0;
  const fail = (error: Error) => song.destroy(new OutputError(label, error));
  output.on('error', fail);
  void failed?.then(fail);
  song.on('data', (chunk: Buffer) => {
    if (written + chunk.length > limitBytes) {
      song.destroy(new SongTooLargeError(limitBytes));
      return;
    }
    written += chunk.length;
    if (!output.write(chunk)) {
      song.pause();
      output.once('drain', () => song.resume());
    }
    onProgress(written);
  });
  return song.outcome();
}
