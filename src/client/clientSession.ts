import { EventEmitter } from 'node:events';
import type { Socket } from 'node:net';
import {
  CLIENT_MAX_PACKET_BYTES,
  FrameParser,
  PacketTooLargeError,
  PacketType,
  PAUSE_FEATURE,
  HELLO_FEATURE,
  COVER_FEATURE,
  clientMessages,
  type Packet,
} from '../protocol';
import { ConnectionClosedError } from './clientErrors';
import { CoverFetcher, type FetchedCover } from './coverFetcher';
import { connectSocket } from './connectSocket';
import { proveAccessCode } from './accessHandshake';
import { PendingReplies } from './pendingReplies';
import { SocketFlow } from './socketFlow';
import { PlaybackRouter } from './playbackRouter';
import { PlayDataAssembler } from './playDataAssembler';
import { ItemDispatch } from './itemDispatch';
import { parseSongListReply, type SongList } from './songListReply';
import type {
  ClientSessionEvents,
  ClientSessionOptions,
  PlayOptions,
  QuitResult,
  SessionCloseInfo,
} from './clientSessionTypes';
import { describeSessionClose, type SessionEnding } from './closeReason';
import { badPlayRequest } from './playRequestCheck';
import { RequestWriter } from './requestWriter';
import { SONG_STREAM_HIGH_WATER_MARK, SongStream } from './songStream';

/**
 * One connection to a Tidewave (or seed-era) server: typed requests, songs as streams, and TCP
 * backpressure from a song's reader to the server. Replies come back in request order, so each
 * request type waits in a FIFO; play data belongs to the playback router.
 */
export class ClientSession extends EventEmitter<ClientSessionEvents> {
  static async connect(options: ClientSessionOptions): Promise<ClientSession> {
    const { host, port, connectTimeoutMs = 5000 } = options;
    const socket = await connectSocket(host, port, connectTimeoutMs);
    if (options.accessCode === undefined) return new ClientSession(socket, options);
    await proveAccessCode(socket, options.accessCode, options.requestTimeoutMs ?? 5000);
    const session = new ClientSession(socket, options);
    socket.resume(); // the handshake left it paused so no reply could slip past the session
    return session;
  }

  readonly host: string;
  readonly port: number;
  private readonly parser: FrameParser;
  private readonly assembler = new PlayDataAssembler();
  private readonly replies = new PendingReplies();
  private readonly router: PlaybackRouter;
  private readonly writer: RequestWriter;
  private readonly items: ItemDispatch;
  private readonly covers: CoverFetcher;
  private readonly requestTimeoutMs: number;
  private readonly songHighWaterMark: number;
  private readonly log: (message: string) => void;
  private readonly flow: SocketFlow;
  private closeInfo: SessionCloseInfo | null = null;
  private ending: SessionEnding = null;
  private failureReason: string | null = null;
  /** The failure reason is the server's own refusal (see ItemDispatch). */
  private refusedByServer = false;
  private lastSocketError: Error | null = null;
  private quitResult: Promise<QuitResult> | null = null;
  private quitAcknowledged = false;
  private dismissed = false;
  /** Sent once, after the first list reply that names `hello` (PROTOCOL §18). */
  private helloName: string | null;

  private constructor(
    private readonly socket: Socket,
    options: ClientSessionOptions,
  ) {
    super();
    this.host = options.host;
    this.port = options.port;
    this.requestTimeoutMs = options.requestTimeoutMs ?? 5000;
    this.songHighWaterMark = options.songHighWaterMark ?? SONG_STREAM_HIGH_WATER_MARK;
    this.log = options.log ?? (() => {});
    this.helloName = options.clientName ?? null;
    this.parser = new FrameParser(options.maxPacketBytes ?? CLIENT_MAX_PACKET_BYTES);
    this.router = new PlaybackRouter(this.requestTimeoutMs, () => this.updateFlow());
    this.flow = new SocketFlow(
      socket,
      {
        readerHoldsBack: () =>
          this.router.readerFull && this.replies.count() === 0 && !this.covers.busy,
        unreadSongBytes: () => this.router.unreadBytes,
        serverHolding: (holding) => this.router.serverHolding(holding),
      },
      options.pausedReadLimitBytes,
    );
    this.writer = new RequestWriter({
      replies: this.replies,
      router: this.router,
      hold: this.flow.hold,
      requestTimeoutMs: this.requestTimeoutMs,
      write: (wire) => {
        this.socket.write(wire);
        this.updateFlow();
      },
      unusableReason: () => this.unusableReason(),
    });
    this.covers = new CoverFetcher({
      write: (wire) => this.socket.write(wire),
      timeoutMs: this.requestTimeoutMs,
      onBusyChange: () => this.updateFlow(),
    });
    this.items = new ItemDispatch(this.assembler, this.router, this.replies, {
      changed: (change) => this.emit('changed', change),
      cover: (packet) => this.covers.onPacket(packet),
      coverRefused: (idField, message) => this.covers.onRefusal(idField, message),
      refused: (reason) => {
        if (this.failureReason !== null) return;
        this.failureReason = reason;
        this.refusedByServer = true;
      },
      disconnectedByHost: () => {
        this.failureReason ??= 'The host disconnected this player';
        this.dismissed = true;
      },
      stopAnswered: () => this.writer.sendHeldPlay(),
      updateFlow: () => this.updateFlow(),
      log: this.log,
    });
    socket.on('data', (chunk: Buffer) => this.onData(chunk));
    socket.on('error', (error) => {
      this.lastSocketError = error;
      if (this.listenerCount('error') > 0) this.emit('error', error);
    });
    socket.on('close', () => this.onClose());
  }

  /** Null until a list reply tells whether the server has the metadata extension. */
  get hasMetadata(): boolean | null {
    return this.writer.metadata;
  }

  /** True once the connection is gone. */
  get closed(): boolean {
    return this.closeInfo !== null;
  }

  /** True while the socket is not read because the current song's reader is full. */
  get readingPaused(): boolean {
    return this.socket.isPaused();
  }

  /** The song list, with metadata when the server has the extension. */
  async list(): Promise<SongList> {
    const packet = await this.writer.request(PacketType.List, clientMessages.list(true, true));
    const list = parseSongListReply(packet, this.log);
    this.writer.metadata = list.hasMetadata;
    this.flow.hold.setSupported(list.features.includes(PAUSE_FEATURE));
    if (this.helloName !== null && list.features.includes(HELLO_FEATURE) && !this.closed) {
      this.socket.write(clientMessages.hello(this.helloName)); // no reply comes
      this.helloName = null;
    }
    this.covers.supported = list.features.includes(COVER_FEATURE);
    return list;
  }

  /**
   * A song's cover (PROTOCOL §19). Fails with CoverUnavailableError when the song has none, and
   * at once, `unsupported`, when the server does not send covers: its list did not name `cover`,
   * or (before any list) it left a request unanswered for the request timeout.
   */
  fetchCover(songId: number): Promise<FetchedCover> {
    const unusable = this.unusableReason();
    if (unusable !== null) return Promise.reject(new ConnectionClosedError(unusable));
    return this.covers.fetch(songId);
  }

  /**
   * Starts a song. A song still streaming is replaced: the server is told to stop, and everything
   * before the stop reply is dropped, so the old song's bytes never reach the new one (RequestWriter
   * says in which order the two go out).
   */
  play(songId: number, options: PlayOptions = {}): SongStream {
    const startSeconds = options.startSeconds ?? 0;
    const stream = new SongStream(
      songId,
      startSeconds,
      (s) => this.router.onReaderWantsMore(s),
      (s) => this.onStreamAbandoned(s),
      this.songHighWaterMark,
    );
    const unusable = this.unusableReason() ?? badPlayRequest(songId, startSeconds);
    if (unusable !== null) {
      stream.fail(unusable instanceof Error ? unusable : new ConnectionClosedError(unusable));
      return stream;
    }
    this.writer.play(stream);
    return stream;
  }

  /** Stops the current song (its stream ends as 'stopped'); resolves on the server's reply. */
  async stop(): Promise<void> {
    this.router.stopAll();
    await this.writer.stop();
  }

  /** The listener paused (or went on): a server with the pause extension holds the song, and the
   * socket is read on meanwhile, up to a bound (socketFlow.ts, PROTOCOL §17). */
  setPaused = (paused: boolean) => this.closeInfo === null && this.flow.setListenerPaused(paused);

  /** Says goodbye: resolves once the connection is closed, bounded by the request timeout. */
  quit(): Promise<QuitResult> {
    if (this.quitResult) return this.quitResult;
    const closed = new Promise<void>((resolve) =>
      this.closeInfo !== null ? resolve() : this.once('close', () => resolve()),
    );
    if (this.unusableReason() !== null) {
      this.quitResult = closed.then(() => ({ acknowledged: false }));
      return this.quitResult;
    }
    this.ending = 'quit';
    this.router.stopAll();
    const timer = setTimeout(() => this.socket.destroy(), this.requestTimeoutMs);
    this.writer.request(PacketType.Quit, clientMessages.quit()).then(
      () => {
        this.quitAcknowledged = true;
        this.socket.end();
      },
      () => this.socket.destroy(),
    );
    this.quitResult = closed.then(() => {
      clearTimeout(timer);
      return { acknowledged: this.quitAcknowledged };
    });
    return this.quitResult;
  }

  /** Drops the connection at once, without telling the server. */
  close(): void {
    if (this.closeInfo !== null) return;
    this.ending ??= 'local';
    this.router.stopAll();
    this.socket.destroy();
  }

  /** A reader destroyed its song stream: stop the song at the server too. */
  private onStreamAbandoned(stream: SongStream): void {
    if (!this.router.isCurrent(stream) || this.closeInfo !== null || this.ending !== null) return;
    this.stop().catch((error: Error) =>
      this.log(`Stop after an abandoned song failed: ${error.message}`),
    );
  }

  /** Why no request can be sent now, or null when one can. */
  private unusableReason(): string | null {
    if (this.closeInfo !== null) return this.closeInfo.reason;
    return this.ending !== null ? 'The session is closing' : null;
  }

  private onData(chunk: Buffer): void {
    let packets: Packet[];
    try {
      packets = this.parser.push(chunk);
    } catch (error) {
      if (!(error instanceof PacketTooLargeError)) throw error;
      this.failureReason = `Server sent more than ${error.limitBytes} bytes without an end marker`;
      this.socket.destroy();
      return;
    }
    for (const packet of packets)
      this.assembler.take(packet).forEach((item) => this.items.take(item));
    this.updateFlow(); // reading on through a pause, the song may now hold its bound
  }

  /** Reads the socket unless the song's reader is full and no control reply is awaited (SocketFlow). */
  private updateFlow(): void {
    if (this.closeInfo === null) this.flow.update();
  }

  private onClose(): void {
    this.flow.hold.dispose();
    const { ending, quitAcknowledged, failureReason, lastSocketError } = this;
    const reason = describeSessionClose({
      ending,
      quitAcknowledged,
      failureReason,
      lastSocketError,
    });
    this.closeInfo = { reason, expected: this.ending !== null };
    if (this.dismissed) this.closeInfo.dismissed = true;
    const error = new ConnectionClosedError(reason, this.ending === null && this.refusedByServer);
    this.replies.rejectAll(error);
    this.router.failAll(error);
    this.covers.failAll(error);
    this.emit('close', this.closeInfo);
  }
}
