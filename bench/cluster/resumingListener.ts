import type { Socket } from 'node:net';
import { clientMessages } from '../../src/protocol';
import { backoffDelayMs, DEFAULT_BACKOFF } from '../../src/player/reconnectBackoff';
import { connectLoopback } from '../connectLoopback';
import { STARTUP_AUDIO_SECONDS } from '../streamCounter';
import { now } from '../timing';

/** Song bytes per wire byte in full play packets: 4072 of data in 4096. */
const PAYLOAD_SHARE = 4072 / 4096;

export interface ListenerSong {
  id: number;
  bytesPerSecond: number;
  durationSeconds: number;
}

/**
 * A paced listener through the balancer that behaves like the player after a cut: it reconnects
 * with the player's own backoff (0.5 s ± 20 % first) and asks for the song from the time it
 * had reached (`play ID SECONDS`). It parses nothing: it counts bytes, tracks its least lead
 * over real-time playback, and notes when the first bytes came after each cut.
 */
export class ResumingListener {
  wireBytes = 0;
  playingSince: number | null = null;
  minLeadSeconds = Infinity;
  /** When the connection was lost unasked, and when bytes came again after it. */
  cutAt: number | null = null;
  resumedAt: number | null = null;
  private socket: Socket | null = null;
  private closing = false;
  private attempt = 0;

  constructor(
    private readonly port: number,
    private readonly localAddress: string,
    private readonly song: ListenerSong,
  ) {}

  get audioSeconds(): number {
    return (this.wireBytes * PAYLOAD_SHARE) / this.song.bytesPerSecond;
  }

  leadNow(): number {
    if (this.playingSince === null) return 0;
    return this.audioSeconds - (now() - this.playingSince) / 1000;
  }

  async connect(): Promise<void> {
    this.socket = await connectLoopback(this.port, 10_000, this.localAddress);
    this.socket.on('data', (chunk: Buffer) => this.onData(chunk));
    this.socket.on('error', () => {}); // 'close' follows
    this.socket.once('close', () => this.onClose());
  }

  start(): void {
    const from = this.cutAt === null ? undefined : this.resumeSeconds();
    this.socket?.write(clientMessages.play(this.song.id, from));
  }

  close(): void {
    this.closing = true;
    this.socket?.destroy();
  }

  /** Where the received audio reaches, in whole milliseconds, before the song's end. */
  private resumeSeconds(): number {
    const reached = Math.min(this.audioSeconds, this.song.durationSeconds - 1);
    return Math.max(0, Math.floor(reached * 1000) / 1000);
  }

  private onData(chunk: Buffer): void {
    const at = now();
    if (this.cutAt !== null && this.resumedAt === null) this.resumedAt = at;
    if (this.playingSince !== null) {
      this.minLeadSeconds = Math.min(this.minLeadSeconds, this.leadNow());
    }
    this.wireBytes += chunk.length;
    if (this.playingSince === null && this.audioSeconds >= STARTUP_AUDIO_SECONDS) {
      this.playingSince = at;
    }
  }

  private onClose(): void {
    if (this.closing) return;
    this.cutAt ??= now();
    const delay = backoffDelayMs(this.attempt++, DEFAULT_BACKOFF);
    setTimeout(() => {
      if (this.closing) return;
      this.connect().then(
        () => this.start(),
        () => this.onClose(),
      );
    }, delay).unref();
  }
}
