import type { Socket } from 'node:net';
import type { Library } from '../library';
import {
  FrameParser,
  PacketTooLargeError,
  SERVER_MAX_PACKET_BYTES,
  serverMessages,
} from '../protocol';
import type { ListReplies } from './listReplies';
import type { ConnectionPeer } from './proxyGate';
import { handleRequest, type RequestContext } from './requestHandler';
import { SongPlayback } from './songPlayback';
import type { PacingOptions } from './streamPacer';

export interface ClientConnectionOptions {
  library: Library;
  listReplies: ListReplies;
  pacing: PacingOptions | false;
  /** The client as the PROXY header named it; the socket's own peer when left out. */
  peer?: Omit<ConnectionPeer, 'healthCheck'>;
  log: (line: string) => void;
}

/** After `quit`, how long the server waits for the client to close before it closes itself. */
const QUIT_CLOSE_TIMEOUT_MS = 2_000;

/** One client: parses its requests, answers them, and frees everything when it goes away. */
export class ClientConnection {
  readonly name: string;
  /** The real client's address (behind a balancer, from its PROXY header). */
  readonly remoteAddress: string;
  /** Most bytes ever waiting in this socket's userland buffer after a write. */
  peakQueuedBytes = 0;
  readonly closed: Promise<void>;
  private readonly parser = new FrameParser(SERVER_MAX_PACKET_BYTES);
  private readonly playback: SongPlayback;
  private readonly context: RequestContext;
  private ending = false;
  private peerEnded = false;

  constructor(
    private readonly socket: Socket,
    options: ClientConnectionOptions,
  ) {
    this.remoteAddress = options.peer?.address ?? socket.remoteAddress ?? 'unknown';
    this.name = `${this.remoteAddress}:${options.peer?.port ?? socket.remotePort ?? 0}`;
    const log = (line: string) => options.log(`client ${this.name} ${line}`);
    this.playback = new SongPlayback({
      output: socket,
      pacing: options.pacing,
      log,
      onFailure: (song) => this.send(serverMessages.error(`could not stream song ${song.id}`)),
      onWrite: (queued) => (this.peakQueuedBytes = Math.max(this.peakQueuedBytes, queued)),
      onIdle: () => this.peerEnded && this.end(),
    });
    this.context = {
      library: options.library,
      listReplies: options.listReplies,
      send: (packet) => this.send(packet),
      play: (song, startSeconds) => this.playback.start(song, startSeconds),
      stopPlayback: () => this.playback.cancel(),
      endConnection: () => this.end(),
      log,
    };
    socket.setNoDelay(true);
    socket.on('data', (chunk: Buffer) => this.receive(chunk));
    // A client that half-closes after its requests (`nc -N`) still gets the song it asked for.
    socket.on('end', () => {
      this.peerEnded = true;
      if (!this.playback.isStreaming) this.end();
    });
    // Resets and broken pipes are how clients often leave; 'close' follows and cleans up.
    socket.on('error', (error: NodeJS.ErrnoException) =>
      log(`error: ${error.code ?? error.message}`),
    );
    this.closed = new Promise((resolve) =>
      socket.once('close', () => {
        this.playback.cancel();
        log('disconnected');
        resolve();
      }),
    );
    log('connected');
  }

  /** Bytes written but still waiting in the socket's userland buffer. */
  get queuedBytes(): number {
    return this.socket.writableLength;
  }

  /** Bytes handed to the kernel so far. */
  get bytesSent(): number {
    return this.socket.bytesWritten - this.socket.writableLength;
  }

  /** Closes at once, dropping anything unsent. */
  destroy(): void {
    this.playback.cancel();
    this.socket.destroy();
  }

  private receive(chunk: Buffer): void {
    if (this.ending) return;
    try {
      for (const packet of this.parser.push(chunk)) {
        if (this.ending) return;
        handleRequest(packet, this.context);
      }
    } catch (error) {
      // Whatever a peer sends, the server only drops that peer.
      this.context.log(
        error instanceof PacketTooLargeError
          ? `sent more than ${error.limitBytes} bytes without <END;>; closing`
          : `request failed (${error instanceof Error ? error.message : String(error)}); closing`,
      );
      this.destroy();
    }
  }

  private send(packet: Buffer): void {
    if (!this.socket.destroyed && !this.ending) this.socket.write(packet);
  }

  private end(): void {
    if (this.ending) return;
    this.ending = true;
    this.socket.end();
    setTimeout(() => this.socket.destroy(), QUIT_CLOSE_TIMEOUT_MS).unref();
  }
}
