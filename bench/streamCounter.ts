import type { Socket } from 'node:net';
import { clientMessages, serverMessages } from '../src/protocol';
import { BareRequest } from './bareServer';
import { connectLoopback } from './connectLoopback';
import { now, withTimeout } from './timing';

/** The previous packet's end, then the end-of-song marker: no data packet can end like this. */
const SONG_END = Buffer.concat([Buffer.from('<END;>'), serverMessages.endOfSong()]);
/** Song bytes per wire byte in full play packets: 4072 of data in 4096. */
const PAYLOAD_SHARE = 4072 / 4096;
/** A player starts once it holds this much audio: the app's first chunk is 0.25 s. */
export const STARTUP_AUDIO_SECONDS = 0.25;

export type StreamSource =
  | { kind: 'tidewave'; songId: number }
  | { kind: 'bare' }
  /** The bare server's first bytes of the file, once (BareRequest.head). */
  | { kind: 'bareHead' }
  /** The same number of bytes from the bare server's memory (BareRequest.memoryHead). */
  | { kind: 'bareMemoryHead' };

/**
 * A load-generating client that parses nothing: it counts bytes, spots the end-of-song marker
 * in the last bytes received, and can track how far ahead of real-time playback it stays. To the
 * bare reference server it also makes single requests of a known reply size (`request`).
 */
export class StreamCounter {
  wireBytes = 0;
  firstByteAt: number | null = null;
  songsEnded = 0;
  /** When a player would have started: once it held STARTUP_AUDIO_SECONDS. */
  playingSince: number | null = null;
  /** Least seconds of audio held ahead of that player's position. */
  minLeadSeconds = Infinity;
  private tail = Buffer.alloc(0);
  private endWaiters: Array<() => void> = [];
  private byteWaiter: { target: number; resolve(): void } | null = null;

  private constructor(
    readonly socket: Socket,
    private readonly source: StreamSource,
    private readonly options: { restart: boolean; bytesPerSecond: number | null },
  ) {
    socket.on('data', (chunk: Buffer) => this.onData(chunk));
    socket.on('error', () => {}); // servers drop their clients at the end of a measurement
  }

  static async connect(
    port: number,
    source: StreamSource,
    options: { restart?: boolean; bytesPerSecond?: number } = {},
  ): Promise<StreamCounter> {
    return new StreamCounter(await connectLoopback(port), source, {
      restart: options.restart ?? false,
      bytesPerSecond: options.bytesPerSecond ?? null,
    });
  }

  /** Audio seconds received, from song bytes at the player's byte rate. */
  get audioSeconds(): number {
    return this.options.bytesPerSecond === null
      ? 0
      : (this.wireBytes * PAYLOAD_SHARE) / this.options.bytesPerSecond;
  }

  start(): void {
    this.socket.write(
      this.source.kind === 'tidewave'
        ? clientMessages.play(this.source.songId)
        : this.source.kind === 'bare'
          ? BareRequest.file
          : this.source.kind === 'bareHead'
            ? BareRequest.head
            : BareRequest.memoryHead,
    );
  }

  /** Resolves at the next end-of-song marker. */
  nextSongEnd(): Promise<void> {
    return new Promise((resolve) => this.endWaiters.push(resolve));
  }

  /** Resolves once `count` bytes in all have arrived. */
  wireBytesAtLeast(count: number): Promise<void> {
    if (this.wireBytes >= count) return Promise.resolve();
    return new Promise((resolve) => (this.byteWaiter = { target: count, resolve }));
  }

  /** Sends `bytes` (a bare request) and resolves once `replyBytes` more have come back. */
  request(bytes: string | Buffer, replyBytes: number, timeoutMs: number): Promise<void> {
    const done = this.wireBytesAtLeast(this.wireBytes + replyBytes);
    this.socket.write(bytes);
    return withTimeout(done, timeoutMs, `bare reply of ${replyBytes} bytes`);
  }

  /** The lead right now, counting the time since the last byte too; 0 before playing. */
  leadNow(): number {
    if (this.playingSince === null) return 0;
    return this.audioSeconds - (now() - this.playingSince) / 1000;
  }

  close(): void {
    this.socket.destroy();
  }

  private onData(chunk: Buffer): void {
    const at = now();
    this.firstByteAt ??= at;
    // The lead is least just before bytes arrive: measure it then.
    if (this.playingSince !== null)
      this.minLeadSeconds = Math.min(this.minLeadSeconds, this.leadNow());
    this.wireBytes += chunk.length;
    if (this.playingSince === null && this.options.bytesPerSecond !== null) {
      if (this.audioSeconds >= STARTUP_AUDIO_SECONDS) this.playingSince = at;
    }
    if (this.byteWaiter && this.wireBytes >= this.byteWaiter.target) {
      this.byteWaiter.resolve();
      this.byteWaiter = null;
    }
    if (this.source.kind !== 'tidewave') return;
    const recent = chunk.length >= SONG_END.length ? chunk : Buffer.concat([this.tail, chunk]);
    this.tail = Buffer.from(recent.subarray(Math.max(0, recent.length - SONG_END.length)));
    if (this.tail.equals(SONG_END)) this.onSongEnd();
  }

  private onSongEnd(): void {
    this.songsEnded += 1;
    this.tail = Buffer.alloc(0);
    const waiting = this.endWaiters;
    this.endWaiters = [];
    for (const wake of waiting) wake();
    if (this.options.restart && !this.socket.destroyed) this.start();
  }
}
