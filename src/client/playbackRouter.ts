import type { Packet } from '../protocol';
import { PlayRefusedError, RequestTimeoutError } from './clientErrors';
import type { PlayPiece } from './playDataAssembler';
import type { SongStream } from './songStream';
import { parseStartPacket } from './streamOrigin';

/**
 * Hands play data to the song it belongs to: the stream of the latest play, once every stop sent
 * before it has its reply (the session says when it is still `discarding`). Tracks whether the
 * reader is full, so the session can pause the socket, and whether the server may still be
 * sending, so the next play knows to send a stop first. The latest play may be held back (not yet
 * written) until a stop is answered; it fails if that takes longer than the timeout.
 */
export class PlaybackRouter {
  /** The server may still send data of the last play; false after its end marker or error. */
  serverMayBeSending = false;
  /** The current song's reader holds its high-water mark of unread bytes. */
  readerFull = false;
  private receiving: SongStream | null = null;
  private held = false;
  /** The server was asked to hold the song (PROTOCOL §17): no first-data deadline meanwhile. */
  private holding = false;
  private firstDataTimer: NodeJS.Timeout | undefined;

  /** Whether the server is seed-era (it ignores start times); null until a list reply says. */
  seedEra: boolean | null = null;

  constructor(
    private readonly firstDataTimeoutMs: number,
    private readonly onFlowChange: () => void,
  ) {}

  /** A play was asked for `stream`, and written unless `held`; any earlier song is over. */
  begin(stream: SongStream, held: boolean): void {
    this.stopAll();
    this.receiving = stream;
    this.held = held;
    this.serverMayBeSending = true;
    this.startTimer(stream);
  }

  /** The current song, while its play is held back; null once written (or when none). */
  get heldPlay(): SongStream | null {
    return this.held ? this.receiving : null;
  }

  /** The held play of `stream` has been written: now it waits for its first data. */
  playSent(stream: SongStream): void {
    if (stream !== this.receiving || !this.held) return;
    this.held = false;
    this.startTimer(stream);
  }

  /**
   * The server was asked to hold the current song, or to go on. A play held before its first
   * byte (a song resumed on a new connection while the listener pauses) is not a server that
   * "sent nothing": its deadline waits, and starts afresh when the song may go on.
   */
  serverHolding(holding: boolean): void {
    this.holding = holding;
    const stream = this.receiving;
    if (holding) clearTimeout(this.firstDataTimer);
    else if (stream && !this.held && stream.bytesReceived === 0) this.startTimer(stream);
  }

  /** A stop (or quit) is being sent: the current song ends as 'stopped'. */
  stopAll(): void {
    const stream = this.release();
    this.serverMayBeSending = false;
    stream?.discard();
  }

  onPiece(piece: PlayPiece, discarding: boolean): void {
    const stream = discarding ? null : this.receiving;
    if (!stream) return; // bytes of a song already stopped
    clearTimeout(this.firstDataTimer);
    if (piece.kind === 'end') {
      this.serverMayBeSending = false;
      this.release();
      stream.complete();
    } else if (!stream.deliver(piece.bytes, this.seedEra) && !this.readerFull) {
      this.readerFull = true;
      this.onFlowChange();
    }
  }

  /** A `start` packet: where the current seek's bytes start in the song (malformed: ignored). */
  onStartPacket(packet: Packet, discarding: boolean): void {
    const origin = parseStartPacket(packet);
    if (origin && !discarding) this.receiving?.announce(origin);
  }

  /** An error packet: the server refused the current play, or could not go on with it. */
  onServerError(message: string, discarding: boolean): boolean {
    const stream = discarding ? null : this.receiving;
    if (!stream) return false;
    this.serverMayBeSending = false;
    this.release();
    stream.fail(new PlayRefusedError(stream.songId, message));
    return true;
  }

  /** Song bytes the current song's stream holds unread. */
  get unreadBytes(): number {
    return this.receiving?.readableLength ?? 0;
  }

  isCurrent(stream: SongStream): boolean {
    return stream === this.receiving;
  }

  onReaderWantsMore(stream: SongStream): void {
    if (stream !== this.receiving || !this.readerFull) return;
    this.readerFull = false;
    this.onFlowChange();
  }

  /** The connection is gone. */
  failAll(error: Error): void {
    this.serverMayBeSending = false;
    this.release()?.fail(error);
  }

  /**
   * A seed-era server says nothing about an unknown song id, and a held play waits on a stop
   * reply that may never come: either way the song fails after the timeout rather than hang.
   */
  private startTimer(stream: SongStream): void {
    clearTimeout(this.firstDataTimer);
    if (this.holding && !this.held) return; // see serverHolding
    const request = this.held ? `stop before play ${stream.songId}` : `play ${stream.songId}`;
    this.firstDataTimer = setTimeout(() => {
      if (stream !== this.receiving || stream.bytesReceived > 0) return;
      this.release();
      stream.fail(new RequestTimeoutError(request, this.firstDataTimeoutMs));
    }, this.firstDataTimeoutMs);
  }

  private release(): SongStream | null {
    clearTimeout(this.firstDataTimer);
    const stream = this.receiving;
    this.receiving = null;
    this.held = false;
    if (this.readerFull) {
      this.readerFull = false;
      this.onFlowChange();
    }
    return stream;
  }
}
