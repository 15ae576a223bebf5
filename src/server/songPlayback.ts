import { Socket } from 'node:net';
import type { Writable } from 'node:stream';
import type { SongEntry } from '../library';
import { MAX_DATA_BYTES, MAX_PLAY_PACKET_BYTES } from '../protocol';
import { FIRST_AUDIO_SECONDS } from './readOrder';
import { processPathLookups, processSongOpens, type OpenedSongFile } from './openSongFile';
import type { SharedOpen } from './sharedOpens';
import { headProvenNow } from './provenHead';
import { framePrefix, planStreamBeginning, SONG_START } from './seekStart';
import { headBytesFor } from './songHeadCache';
import { processFramePool, processReadGate, processSongHeads, streamSong } from './songStreamer';
import type { StartClaim } from './readGate';
import { StreamHold } from './streamHold';
import {
  DEFAULT_BURST_SECONDS,
  packetsPerBatch,
  songBytesPerSecond,
  steadyPacketsPerBatch,
  StreamPacer,
  type PacingOptions,
} from './streamPacer';

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

/**
 * The one song a connection streams at a time: starting another cancels it at once. Each stream
 * waits until the one before it has let go of its file, so a connection never holds more than one
 * song file open, and a play cancelled before its turn never opens or reads anything. (Streams of
 * several connections that start the same song at once share one open: sharedOpens.ts.)
 */
export class SongPlayback {
  private current: AbortController | null = null;
  /** Settles once the most recently started stream is over and has let go of its file; never rejects. */
  private previous: Promise<void> = Promise.resolve();
  /** The pause extension's state for the current stream; a new stream starts unpaused. */
  private hold = new StreamHold();

  constructor(private readonly options: SongPlaybackOptions) {}

  get isStreaming(): boolean {
    return this.current !== null;
  }

  /** Holds the current stream where it is until resume() or the next start (PROTOCOL §17). */
  pause(): void {
    this.hold.pause();
  }

  resume(): void {
    this.hold.resume();
  }

  start(song: SongEntry, startSeconds: number): void {
    this.cancel();
    this.hold.resume();
    this.hold = new StreamHold();
    const hold = this.hold;
    const controller = new AbortController();
    this.current = controller;
    const run = this.previous
      .then(() => this.run(song, startSeconds, controller.signal, hold))
      // run() reports its own failures; this only keeps a throwing log from stalling the queue.
      .catch(() => {});
    this.previous = run;
    void run.then(() => {
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

  /** Streams one song; resolves (never rejects) once it is over and has let go of its file. */
  private async run(
    song: SongEntry,
    startSeconds: number,
    signal: AbortSignal,
    hold: StreamHold,
  ): Promise<void> {
    if (signal.aborted) return;
    // From here until its first audio is out, this stream's reads go before others' bursts.
    const claim = processReadGate.claimStart();
    // Streams starting this song in the same instant share one open (sharedOpens.ts); stream()
    // starts it, after a proven head is out.
    const held: { opening: Promise<SharedOpen<OpenedSongFile>> | null } = { opening: null };
    const open = async () =>
      (await (held.opening ??= processSongOpens.acquire(song.realPath))).value;
    try {
      await this.stream(song, open, startSeconds, signal, hold, claim);
    } catch (error) {
      if (signal.aborted) return;
      const reason = error instanceof Error ? error.message : String(error);
      this.options.log(`could not stream song ${song.id}: ${reason}`);
      this.options.onFailure(song);
    } finally {
      claim.release();
      // Even a stream cancelled before its open was done lets go of it only once it is.
      await held.opening?.then((file) => file.release()).catch(() => {});
    }
  }

  private async stream(
    song: SongEntry,
    open: () => Promise<OpenedSongFile>,
    startSeconds: number,
    signal: AbortSignal,
    hold: StreamHold,
    startClaim: StartClaim,
  ): Promise<void> {
    const { output, pacing, log } = this.options;
    // Offset 0 for the start, so the ID3 tag (and its cover art) goes out too; a seek starts a
    // few frames early and announces its first sample (PROTOCOL §7.1).
    let file: OpenedSongFile | Promise<OpenedSongFile>;
    let beginning = SONG_START;
    let provenHead = null;
    let startOpen = (): void => {};
    if (startSeconds > 0) {
      file = await open();
      if (signal.aborted) return;
      beginning = await planStreamBeginning(song, file.handle, startSeconds);
      if (signal.aborted) return;
    } else {
      // The song's cached head may go out before the open is done (provenHead.ts); the open
      // starts once it is, so that handing it to libuv's pool does not delay that write.
      provenHead = headProvenNow(song.realPath, processPathLookups, processSongHeads);
      file = new Promise(
        (resolve, reject) => (startOpen = () => void open().then(resolve, reject)),
      );
      file.catch(() => {}); // a stream cancelled during its head never looks at it
    }
    const { byteOffset, announcement, prefix } = beginning;
    if (announcement && !output.destroyed) output.write(announcement);
    // A format's headers for a seek (WAV, FLAC): small, made by planFormatSeek.
    if (prefix.length > 0 && !output.destroyed) output.write(framePrefix(prefix));
    const bytesPerSecond = songBytesPerSecond(song.sizeBytes, song.durationSeconds);
    const streaming = streamSong({
      output,
      file,
      byteOffset,
      pacer: pacing === false ? null : new StreamPacer(bytesPerSecond, pacing),
      packetsPerBatch: packetsPerBatch(
        pacing === false ? null : bytesPerSecond,
        MAX_PLAY_PACKET_BYTES,
      ),
      // Larger writes once every start is served: fewer writes per stream (issue 12 item 5).
      steadyPacketsPerBatch:
        pacing === false
          ? undefined
          : steadyPacketsPerBatch(
              bytesPerSecond,
              pacing.burstSeconds ?? DEFAULT_BURST_SECONDS,
              MAX_PLAY_PACKET_BYTES,
            ),
      signal,
      hold,
      startClaim,
      // A paced stream's first read is its first audio and as much again, so that its player
      // has a margin while the other starting streams get theirs; unpaced ones start with one
      // packet.
      firstReadPackets:
        pacing === false
          ? 1
          : Math.ceil((2 * bytesPerSecond * FIRST_AUDIO_SECONDS) / MAX_DATA_BYTES),
      // Many listeners of the same song start from one read of its head (songHeadCache.ts).
      headBytes: headBytesFor(bytesPerSecond),
      provenHead,
      onWrite: this.options.onWrite,
      // A socket is done with a buffer once its write callback succeeds: frames are reused.
      framePool: output instanceof Socket ? processFramePool : undefined,
    });
    startOpen();
    const outcome = await streaming;
    if (outcome === 'ended') log(`finished song ${song.id}`);
  }
}
