import { connect, type Socket } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';

/** The seed client's `recv(4096)`: what one read returns is taken as one whole packet. */
export const SEED_RECV_BYTES = 4096;
/** The seed client's pause between the stop and the play of a `play N`. */
export const SEED_PLAY_PAUSE_MS = 1_000;
const NEXT = Buffer.from('<NEXT;>');

export interface SeedRead {
  type: string;
  bytes: number;
}

/**
 * A re-creation of the seed (Python 2) client's behaviour, for testing our server against it
 * (docs/PROTOCOL.md section 13). Like the seed's client.py:
 *
 * - every command is one write; `play N` sends `stop`, empties the song buffer, waits a second,
 *   then sends `play<NEXT;>N<NEXT;><END;>`;
 * - every read of at most 4096 bytes is one packet, split on `<NEXT;>` and nothing else (it never
 *   looks for `<END;>`): the first piece is the type, the second the data, the rest is dropped;
 * - `stop` is skipped, a `list`'s data printed, a `play`'s data appended to the song buffer
 *   while a song is wanted, and any other type (`quit`, `error`…) ignored;
 * - a read holding no `<NEXT;>` that is not `stop`, the empty read at the end of the connection
 *   included, raises in the seed's receive thread, which dies: after that nothing more is read;
 * - `quit` sends the request and exits at once, without waiting for a reply.
 *
 * The seed hands its buffer to a decoder as it plays; here it only grows, so a test can compare
 * it with the song.
 */
export class SeedClient {
  /** Each list reply's data, as the seed client prints it. */
  readonly printed: string[] = [];
  /** Every read: its first piece (up to 20 characters), taken as the packet type, and its size. */
  readonly reads: SeedRead[] = [];
  /** Why the receive thread died, if it did. */
  receiverError: string | null = null;
  readonly closed: Promise<void>;
  private songParts: Buffer[] = [];
  private wantsSong = false;

  private constructor(readonly socket: Socket) {
    socket.on('data', (chunk: Buffer) => {
      for (let at = 0; at < chunk.length && this.receiverError === null; at += SEED_RECV_BYTES) {
        this.takeRead(chunk.subarray(at, at + SEED_RECV_BYTES));
      }
    });
    socket.on('end', () => this.takeRead(Buffer.alloc(0)));
    socket.on('error', () => {}); // 'close' follows
    this.closed = new Promise((resolve) => socket.once('close', () => resolve()));
  }

  static connect(port: number, host = '127.0.0.1'): Promise<SeedClient> {
    return new Promise((resolve, reject) => {
      const socket = connect(port, host, () => {
        socket.off('error', reject);
        resolve(new SeedClient(socket));
      });
      socket.once('error', reject);
    });
  }

  /** The song buffer: the play data appended since the last `play` or `stop`. */
  get songBuffer(): Buffer {
    return Buffer.concat(this.songParts);
  }

  list(): void {
    this.socket.write('list<NEXT;><END;>');
  }

  async play(songId: number, pauseMs = SEED_PLAY_PAUSE_MS): Promise<void> {
    this.stop();
    await sleep(pauseMs);
    this.wantsSong = true;
    this.socket.write(`play<NEXT;>${songId}<NEXT;><END;>`);
  }

  stop(): void {
    this.wantsSong = false;
    this.socket.write('stop<NEXT;><END;>');
    this.songParts = [];
  }

  /**
   * Sends quit and, like the seed, exits at once: the socket closes once the request is written.
   * With `exitAtOnce` false it stays, to show what the seed's receive thread would get.
   */
  quit(exitAtOnce = true): void {
    this.socket.write('quit<NEXT;><END;>', () => exitAtOnce && this.socket.destroy());
  }

  destroy(): void {
    this.socket.destroy();
  }

  private takeRead(read: Buffer): void {
    if (this.receiverError !== null) return;
    const typeEnd = read.indexOf(NEXT);
    const type = (typeEnd === -1 ? read : read.subarray(0, typeEnd)).toString('latin1');
    this.reads.push({ type: type.slice(0, 20), bytes: read.length });
    if (type === 'stop') return;
    if (typeEnd === -1) {
      // `type, data = pieces[0], pieces[1]` with one piece: an IndexError ends the thread.
      this.receiverError = read.length === 0 ? 'empty read (connection closed)' : 'no <NEXT;>';
      this.socket.pause();
      return;
    }
    const rest = read.subarray(typeEnd + NEXT.length);
    const dataEnd = rest.indexOf(NEXT);
    const data = dataEnd === -1 ? rest : rest.subarray(0, dataEnd);
    if (type === 'list') this.printed.push(data.toString('utf8'));
    else if (type === 'play' && this.wantsSong) this.songParts.push(Buffer.from(data));
  }
}
