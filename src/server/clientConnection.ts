import type { Socket } from 'node:net';
import { PacketTooLargeError, SERVER_MAX_PACKET_BYTES, serverMessages } from '../protocol';
import { AccessGate } from './accessGate';
import { ChangedNotices } from './changedNotices';
import { CloseDeadline } from './closeDeadline';
import { CoverQueue } from './coverQueue';
import {
  QUIT_CLOSE_TIMEOUT_MS,
  REQUEST_TYPES,
  REQUESTS_PER_TURN,
  TURN_BUDGET_MS,
  type ClientConnectionOptions,
} from './clientConnectionOptions';
import { addressKey, repliesOverBound } from './connectionLimits';
import type { Listener, ListenerState } from './listenerRegistry';
import { LogLimiter } from './logLimiter';
import { RequestDeadline } from './requestDeadline';
import { handleRequest, type RequestContext } from './requestHandler';
import { RequestInbox } from './requestInbox';
import { SongPlayback } from './songPlayback';

/** One client: parses its requests, answers them, and frees everything when it goes away. */
export class ClientConnection implements Listener {
  readonly name: string;
  /** The real client's address (behind a balancer, from its PROXY header). */
  readonly remoteAddress: string;
  readonly remotePort: number;
  readonly connectedAt = Date.now();
  readonly state: ListenerState = { clientName: null, nowPlaying: null };
  /** Most bytes ever waiting in this socket's userland buffer after a write. */
  peakQueuedBytes = 0;
  readonly closed: Promise<void>;
  private readonly inbox = new RequestInbox(SERVER_MAX_PACKET_BYTES);
  private readonly playback: SongPlayback;
  private readonly context: RequestContext;
  private readonly logLimiter: LogLimiter;
  private readonly deadline: RequestDeadline;
  private readonly gate: AccessGate;
  private readonly closeDeadline = new CloseDeadline(() => this.socket.destroy());
  private ending = false;
  private peerEnded = false;
  private waitingForDrain = false;
  private yielding = false;
  private readonly notices: ChangedNotices;

  constructor(
    private readonly socket: Socket,
    private readonly options: ClientConnectionOptions,
  ) {
    this.remoteAddress = options.peer?.address ?? socket.remoteAddress ?? 'unknown';
    this.remotePort = options.peer?.port ?? socket.remotePort ?? 0;
    this.name = `${this.remoteAddress}:${this.remotePort}`;
    const prefix = `client ${this.name} `;
    // Everything a peer can make the server say goes through its budget (docs/PROTOCOL.md §14).
    this.logLimiter = new LogLimiter((line) => options.log(prefix + line), options.logBudget);
    const log = (line: string) => this.logLimiter.log(line);
    this.playback = new SongPlayback({
      output: socket,
      pacing: options.pacing,
      log,
      onFailure: (song) => this.send(serverMessages.error(`could not stream song ${song.id}`)),
      onWrite: (queued) => this.notePeak(queued),
      onIdle: () => this.endOnceAnswered(),
    });
    this.notices = new ChangedNotices(
      socket,
      (packet) => this.send(packet),
      () => this.ending,
    );
    const served = options.served;
    const covers = new CoverQueue({ output: socket, songs: () => served.library.songs, log });
    this.context = {
      get library() {
        return served.library;
      },
      get listReplies() {
        return served.listReplies;
      },
      wantsNotices: () => this.notices.want(),
      listener: this.state,
      send: (packet) => this.send(packet),
      play: (song, startSeconds) => this.playback.start(song, startSeconds),
      stopPlayback: () => this.playback.cancel(),
      cover: (idField) => covers.request(idField),
      holdPlayback: (paused) => (paused ? this.playback.pause() : this.playback.resume()),
      endConnection: () => this.end(),
      log,
    };
    this.gate = new AccessGate(options.access ?? null, {
      address: addressKey(this.remoteAddress),
      send: (packet) => this.send(packet),
      endConnection: () => this.end(),
      log,
    });
    this.deadline = new RequestDeadline(options.limits.requestTimeoutMs, () => this.timedOut());
    socket.setNoDelay(true);
    socket.on('data', (chunk: Buffer) => {
      // After quit, a timeout or an access refusal, input is read and dropped.
      if (this.ending || this.gate.refusing) return;
      this.inbox.push(chunk);
      this.takeRequests();
    });
    socket.on('drain', () => this.onDrain());
    // A client that half-closes after its requests (`nc -N`) still gets the song it asked for.
    socket.on('end', () => {
      this.peerEnded = true;
      this.endOnceAnswered();
    });
    // Resets and broken pipes are how clients often leave; 'close' follows and cleans up.
    socket.on('error', (error: NodeJS.ErrnoException) =>
      log(`error: ${error.code ?? error.message}`),
    );
    this.closed = new Promise((resolve) =>
      socket.once('close', () => {
        this.playback.cancel();
        this.deadline.stop();
        this.gate.dispose();
        this.logLimiter.close();
        options.log(`${prefix}disconnected`);
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

  /** Whether the server has stopped reading this client's requests until its replies drain. */
  get readingPaused(): boolean {
    return this.waitingForDrain;
  }

  /** Request bytes received and not yet answered. */
  get heldRequestBytes(): number {
    return this.inbox.heldBytes;
  }

  /** Tells a metadata client that the library changed (PROTOCOL §5.2; changedNotices.ts). */
  notifyLibraryChanged(songCount: number): void {
    this.notices.notify(songCount);
  }

  /**
   * The host let this listener go: its song stops, it gets `error` with `message`, then the close,
   * waited for up to `limits.hostDisconnectCloseTimeoutMs` (PROTOCOL §18.2.1).
   */
  disconnect(message: string): void {
    if (!this.ending) this.options.onHostDisconnect?.();
    this.sendErrorAndEnd(message, this.options.limits.hostDisconnectCloseTimeoutMs);
  }

  /** Whether a song is being sent on this connection now. */
  get streaming(): boolean {
    return this.playback.isStreaming;
  }

  /**
   * Closes for a drain: the song stops between two packets, what is already written is still
   * delivered, then FIN. A Tidewave player reconnects and resumes from its next sample.
   */
  closeBetweenPackets(): void {
    this.playback.cancel();
    this.end();
  }

  /** Closes at once, dropping anything unsent. */
  destroy(): void {
    this.playback.cancel();
    this.socket.destroy();
  }

  /**
   * Answers the requests received so far, in order, while the replies waiting to be sent stay
   * under their bound. Past it, the socket is paused, so the peer's requests wait in its own
   * buffers (and TCP's), not in the server's memory, until 'drain'.
   */
  private takeRequests(): void {
    if (this.yielding) return; // the turn already scheduled takes these too
    let madeRequest = false;
    let endedPacket = false;
    let stopped: 'replies' | 'turn' | null = null;
    try {
      const turnEnds = performance.now() + TURN_BUDGET_MS;
      for (let answered = 0; !this.ending && !this.gate.refusing; answered++) {
        if (repliesOverBound(this.socket, this.options.limits.maxQueuedReplyBytes)) {
          stopped = 'replies';
          break;
        }
        const turnOver = answered >= REQUESTS_PER_TURN || performance.now() > turnEnds;
        if (answered > 0 && turnOver && this.inbox.hasPending) {
          stopped = 'turn';
          break;
        }
        const packet = this.inbox.next();
        if (packet === null) break;
        endedPacket = true;
        madeRequest ||= REQUEST_TYPES.has(packet.type);
        if (!this.gate.intercept(packet)) handleRequest(packet, this.context);
      }
    } catch (error) {
      // Whatever a peer sends, the server only drops that peer.
      this.context.log(
        error instanceof PacketTooLargeError
          ? `sent more than ${error.limitBytes} bytes without <END;>; closing`
          : `request failed (${error instanceof Error ? error.message : String(error)}); closing`,
      );
      this.destroy();
      return;
    }
    if (this.ending || this.gate.refusing) return this.deadline.stop(); // it closes by itself
    this.deadline.update(madeRequest, endedPacket, this.inbox.partialBytes > 0);
    if (stopped === 'replies') {
      this.waitingForDrain = true;
      this.socket.pause();
      this.deadline.suspend();
    } else if (stopped === 'turn') {
      this.yieldTurn();
    }
  }

  private onDrain(): void {
    this.notices.onDrain();
    if (!this.waitingForDrain) return;
    this.waitingForDrain = false;
    this.deadline.resume();
    this.continueReading();
  }

  /** Lets other connections' events run, then goes on with this one's requests. */
  private yieldTurn(): void {
    this.yielding = true;
    this.socket.pause();
    setImmediate(() => {
      this.yielding = false;
      this.continueReading();
    });
  }

  private continueReading(): void {
    if (this.socket.destroyed) return;
    this.takeRequests();
    if (!this.waitingForDrain && !this.yielding && !this.ending) this.socket.resume();
    this.endOnceAnswered();
  }

  /**
   * After a half-close: once every request is answered ('end' may come first), a held song goes
   * on (no `resume` can come) and the connection ends with it (PROTOCOL §11).
   */
  private endOnceAnswered(): void {
    if (!this.peerEnded || this.yielding || this.waitingForDrain || this.inbox.hasPending) return;
    this.playback.resume();
    if (!this.playback.isStreaming) this.end();
  }

  private timedOut(): void {
    const seconds = this.options.limits.requestTimeoutMs / 1000;
    this.context.log(`sent no complete request within ${seconds} s; closing`);
    this.sendErrorAndEnd(
      `timed out: no complete request within ${seconds} s`,
      QUIT_CLOSE_TIMEOUT_MS,
    );
  }

  private sendErrorAndEnd(message: string, closeTimeoutMs: number): void {
    this.playback.cancel();
    this.send(serverMessages.error(message));
    this.end(closeTimeoutMs);
  }

  private send(packet: Buffer): void {
    if (this.socket.destroyed || this.ending) return;
    this.socket.write(packet);
    this.notePeak(this.socket.writableLength);
  }

  private notePeak(queued: number): void {
    if (queued > this.peakQueuedBytes) this.peakQueuedBytes = queued;
  }

  private end(closeTimeoutMs = QUIT_CLOSE_TIMEOUT_MS): void {
    this.closeDeadline.within(closeTimeoutMs); // a drain shortens a host disconnect's wait
    if (this.ending) return;
    this.ending = true;
    this.deadline.stop();
    this.socket.end();
    // Whatever the peer still sends is read and dropped, so its bytes cannot pile up unread.
    this.socket.resume();
  }
}
