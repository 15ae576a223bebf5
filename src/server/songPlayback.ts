import type { Writable } from 'node:stream';
import { findFrameOffset, type SongEntry } from '../library';
import { streamSong } from './songStreamer';
import { StreamPacer, songBytesPerSecond, type PacingOptions } from './streamPacer';

export interface SongPlaybackOptions {
  output: Writable;
  pacing: PacingOptions | false;
  log: (line: string) => void;
  /** Reports a song that could not be streamed; never called after that stream was cancelled. */
  onFailure: (song: SongEntry) => void;
  onWrite?: (queuedBytes: number) => void;
  /** Called when a stream is over by itself (ended or failed), not when it was cancelled. */
  onIdle?: () => void;
}

/** The one song a connection streams at a time: starting another cancels it at once. */
export class SongPlayback {
  private current: AbortController | null = null;

  constructor(private readonly options: SongPlaybackOptions) {}

  get isStreaming(): boolean {
    return this.current !== null;
  }

  start(song: SongEntry, startSeconds: number): void {
    this.cancel();
    const controller = new AbortController();
    this.current = controller;
    void this.run(song, startSeconds, controller.signal).finally(() => {
      if (this.current !== controller) return;
      this.current = null;
      this.options.onIdle?.();
    });
  }

  /** Synchronous: once it returns, the cancelled stream writes nothing more. */
  cancel(): void {
    this.current?.abort();
    this.current = null;
  }

  private async run(song: SongEntry, startSeconds: number, signal: AbortSignal): Promise<void> {
    const { output, pacing, log } = this.options;
    try {
      // Only MP3 has a seek index yet; a frame search in another format's bytes would land on
      // false syncs, so such a seek is refused (an error packet) rather than sent as noise.
      if (startSeconds > 0 && song.format !== 'mp3') {
        throw new Error(`seeking in ${song.format} songs is not supported yet`);
      }
      // Offset 0 for the start, so the ID3 tag (and its cover art) goes out too.
      const byteOffset =
        startSeconds > 0 ? (await findFrameOffset(song.absolutePath, startSeconds)).byteOffset : 0;
      if (signal.aborted) return;
      const pacer =
        pacing === false
          ? null
          : new StreamPacer(songBytesPerSecond(song.sizeBytes, song.durationSeconds), pacing);
      const outcome = await streamSong({
        output,
        path: song.absolutePath,
        byteOffset,
        pacer,
        signal,
        onWrite: this.options.onWrite,
      });
      if (outcome === 'ended') log(`finished song ${song.id}`);
    } catch (error) {
      if (signal.aborted) return;
      const reason = error instanceof Error ? error.message : String(error);
      log(`could not stream song ${song.id}: ${reason}`);
      this.options.onFailure(song);
    }
  }
}
