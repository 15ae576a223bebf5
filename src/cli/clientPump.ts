import type { Writable } from 'node:stream';
import type { SongStream, SongStreamOutcome } from '../client';

/** The song's destination failed, e.g. the player exited. */
export class OutputError extends Error {
  constructor(destination: string, cause: Error) {
    super(`Could not write the song${destination}: ${cause.message}`, { cause });
    this.name = 'OutputError';
  }
}

/**
 * Copies a song into `output` with backpressure (a full output pauses the song, and so the
 * socket). A failing output destroys the song stream, which stops the song at the server.
 */
export function pumpSong(
  song: SongStream,
  { output, label }: { output: Writable; label: string },
  onProgress: (bytesWritten: number) => void = () => {},
): Promise<SongStreamOutcome> {
  let written = 0;
  output.on('error', (error) => song.destroy(new OutputError(label, error)));
  song.on('data', (chunk: Buffer) => {
    written += chunk.length;
    if (!output.write(chunk)) {
      song.pause();
      output.once('drain', () => song.resume());
    }
    onProgress(written);
  });
  return song.outcome();
}
