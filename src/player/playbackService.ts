import { EventEmitter } from 'node:events';
import { badPlayRequest } from '../client';
import { SOURCE_DECODER_WORKER, WorkerDecoder, type StreamDecoder } from '../decoder';
import type {
  AudioChunk,
  ConnectionState,
  DisconnectResult,
  PlayRequest,
  PlayStarted,
  SongInfo,
  StreamEvent,
} from '../shared/tidewaveApi';
import { FlowGate } from './flowGate';
import { readableError } from './playbackErrors';
import { ServerConnection } from './serverConnection';
import { StreamPump, type PumpState } from './streamPump';

export interface PlaybackServiceOptions {
  /** Stop reading the song once the renderer holds this much audio (seconds). */
  maxBufferedSeconds?: number;
  /** Read again once the renderer reports less than this. */
  resumeBelowSeconds?: number;
  /** Length of the audio chunks sent to the renderer (seconds). */
  chunkSeconds?: number;
  createDecoder?: () => StreamDecoder;
  /** The built decoder worker (the app passes its bundled path); defaults to the .ts source. */
  decoderWorkerPath?: string;
  /** Bound on each reply from the server (the song list, stop, quit). */
  listTimeoutMs?: number;
  connectTimeoutMs?: number;
  log?: (message: string) => void;
}

type PlaybackEvents = { connection: [ConnectionState]; stream: [StreamEvent]; audio: [AudioChunk] };

/**
 * The player's side of one server connection: connects, lists, and turns each played song into
 * decoded audio chunks and stream events, with flow control from the renderer's reports.
 */
export class PlaybackService extends EventEmitter<PlaybackEvents> {
  private readonly connection: ServerConnection;
  private pump: StreamPump | null = null;
  private lastStreamId = 0;
  private decoder: StreamDecoder | null = null;
  private readonly options: Required<
    Omit<PlaybackServiceOptions, 'createDecoder' | 'decoderWorkerPath'>
  >;
  private readonly createDecoder: () => StreamDecoder;

  constructor(options: PlaybackServiceOptions = {}) {
    super();
    this.options = {
      maxBufferedSeconds: options.maxBufferedSeconds ?? 6,
      resumeBelowSeconds: options.resumeBelowSeconds ?? 3,
      chunkSeconds: options.chunkSeconds ?? 0.25,
      listTimeoutMs: options.listTimeoutMs ?? 10_000,
      connectTimeoutMs: options.connectTimeoutMs ?? 5_000,
      log: options.log ?? (() => {}),
    };
    this.connection = new ServerConnection(this.options);
    this.connection.on('changed', (state) => this.emit('connection', state));
    const workerPath = options.decoderWorkerPath ?? SOURCE_DECODER_WORKER;
    this.createDecoder = options.createDecoder ?? (() => new WorkerDecoder(workerPath));
  }

  getConnection(): ConnectionState {
    return this.connection.state;
  }

  /** True while the song's socket is not read because the renderer is full (diagnostics). */
  get readingPaused(): boolean {
    return this.connection.session?.readingPaused ?? false;
  }

  /** Disconnects an existing session first. */
  connect(host: string, port: number): Promise<ConnectionState> {
    this.cancelStream();
    return this.connection.connect(host, port);
  }

  /** Sends quit; quitAcknowledged tells whether the server answered. */
  disconnect(): Promise<DisconnectResult> {
    this.cancelStream();
    return this.connection.disconnect();
  }

  listSongs(): Promise<SongInfo[]> {
    return this.connection.listSongs();
  }

  /** Starts a song, replacing the current one at once; resolves when the request is sent. */
  async play(request: PlayRequest): Promise<PlayStarted> {
    const session = this.connection.requireSession();
    const startSeconds = request.startSeconds ?? 0;
    const refused = badPlayRequest(request.songId, startSeconds);
    if (refused) throw refused; // before anything is sent or the current song is touched
    const previous = this.pump;
    // An ended stream's audio keeps playing before this one's (gapless hand-over): until the
    // renderer reports on the new stream, count what the old one held or had in flight.
    const carriedOver = previous?.state === 'ended' ? previous.gate.bufferedSeconds : 0;
    this.cancelStream('play');
    const streamId = ++this.lastStreamId;
    const source = session.play(request.songId, { startSeconds });
    const gate = new FlowGate(
      this.options.maxBufferedSeconds,
      this.options.resumeBelowSeconds,
      carriedOver,
    );
    const decoder = this.useDecoder();
    const pump = new StreamPump(
      streamId,
      source,
      decoder,
      gate,
      {
        audio: (chunk) => this.emit('audio', chunk),
        event: (event) => this.emit('stream', event),
      },
      this.options.chunkSeconds,
    );
    this.pump = pump;
    this.emit('stream', { kind: 'started', streamId, songId: request.songId });
    void pump.run().then((state) => this.afterPump(pump, decoder, state));
    return { streamId, songId: request.songId, startSeconds };
  }

  /** Stops the current song: a 'stopped' event now, then resolves on the server's reply. */
  async stop(): Promise<void> {
    this.cancelStream();
    const session = this.connection.session;
    if (!session) return;
    try {
      await session.stop();
    } catch (error) {
      throw readableError(error);
    }
  }

  /** The listener paused or went on: the server holds the song meanwhile (PROTOCOL §15). */
  setPaused(paused: boolean): void {
    this.connection.session?.setPaused(paused);
  }

  /**
   * Flow control input from the renderer: the unplayed seconds it holds (across streams) and the
   * seconds of `streamId` it has received, so that audio still in flight to it counts too. A
   * consumer in this process that reports from its 'audio' listener has received everything
   * emitted, and may leave `receivedSeconds` out.
   */
  reportBuffer(streamId: number, bufferedSeconds: number, receivedSeconds = Infinity): void {
    const pump = this.pump;
    if (pump && pump.streamId === streamId) pump.gate.onReport(bufferedSeconds, receivedSeconds);
  }

  async dispose(): Promise<void> {
    await this.disconnect().catch(() => undefined);
    const decoder = this.decoder;
    this.decoder = null;
    await decoder?.terminate();
    this.removeAllListeners();
  }

  /**
   * Ends the current stream for us with a 'stopped' event if it was still sending, or, for
   * stop(), also if it had ended (its audio may still be queued). A new play leaves an ended
   * stream alone: its audio plays out before the next song's (gapless).
   */
  private cancelStream(reason: 'play' | 'stop' = 'stop'): void {
    const pump = this.pump;
    this.pump = null;
    if (!pump) return;
    const announce = pump.state === 'streaming' || (reason === 'stop' && pump.state === 'ended');
    pump.cancel();
    if (announce) this.emit('stream', { kind: 'stopped', streamId: pump.streamId });
  }

  private afterPump(pump: StreamPump, decoder: StreamDecoder, state: PumpState): void {
    if (pump.decoderStopped && this.decoder === decoder) this.decoder = null; // next song: a new one
    // A song we gave up on may still be streaming: tell the server to stop sending it.
    if (state === 'failed' && pump === this.pump)
      void this.connection.session?.stop().catch(() => undefined);
  }

  private useDecoder(): StreamDecoder {
    this.decoder ??= this.createDecoder();
    return this.decoder;
  }
}
