import { EventEmitter } from 'node:events';
import { badPlayRequest, type FetchedCover } from '../client';
import { SOURCE_DECODER_WORKER, WorkerDecoder, type StreamDecoder } from '../decoder';
import type {
  ConnectionState,
  DisconnectResult,
  PlayRequest,
  PlayStarted,
  SongInfo,
  StreamEvent,
} from '../shared/tidewaveApi';
import { FlowGate } from './flowGate';
import { readableError } from './playbackErrors';
import { DropRecovery } from './dropRecovery';
import type { BackoffOptions } from './reconnectBackoff';
import type { PlaybackEvents, PlaybackServiceOptions } from './playbackServiceOptions';
import { resumeRequest } from './resumePoint';
import { ServerConnection } from './serverConnection';

export type { PlaybackServiceOptions } from './playbackServiceOptions';
import { StreamPump, type PumpState } from './streamPump';

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
    Omit<
      PlaybackServiceOptions,
      'createDecoder' | 'decoderWorkerPath' | 'reconnect' | 'clientName' | 'accessCodeFor'
    >
  >;
  /** Reconnects and resumes after a lost connection; null when told not to reconnect. */
  private readonly recovery: DropRecovery | null;
  /** The current pump's song and the time it was asked from. */
  private playing = { songId: -1, startSeconds: 0 };
  private pumpDone: Promise<void> = Promise.resolve();
  private readonly createDecoder: () => StreamDecoder;
  private listenerPaused = false;

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
    const backoff = options.reconnect || null;
    this.connection = new ServerConnection({
      ...this.options,
      clientName: options.clientName,
      shouldReconnect: () => backoff !== null,
      accessCodeFor: options.accessCodeFor,
    });
    this.recovery = backoff && this.dropRecovery(backoff);
    this.connection.on('changed', (state) => {
      this.emit('connection', state);
      if (state.status === 'reconnecting') this.recovery?.start();
      // Refused for the access code while reconnecting: stop, and tell the cut song's error.
      if (state.status === 'error' && this.recovery?.active) void this.recovery.end();
    });
    this.connection.on('library', (change) => this.emit('library', change));
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
  async connect(host: string, port: number): Promise<ConnectionState> {
    this.recovery?.cancel();
    this.cancelStream();
    const state = await this.connection.connect(host, port);
    // The decoder's worker and its WASM start now, not on the first click (over a second of a
    // first play's click to sound on a busy machine, `npm run bench -- --only clicktosound`).
    if (state.status === 'connected') this.useDecoder();
    return state;
  }

  /** Sends quit; quitAcknowledged tells whether the server answered. */
  disconnect(): Promise<DisconnectResult> {
    this.recovery?.cancel();
    this.cancelStream();
    return this.connection.disconnect();
  }

  /** A song's cover from the connected server (PROTOCOL §19); see CoverService. */
  fetchCover(songId: number): Promise<FetchedCover> {
    return this.connection.requireSession().fetchCover(songId);
  }

  listSongs(): Promise<SongInfo[]> {
    return this.connection.listSongs();
  }

  /** Starts a song, replacing the current one at once; resolves when the request is sent. */
  async play(request: PlayRequest): Promise<PlayStarted> {
    // While reconnecting the song waits for the connection (DropRecovery), as a cut one does.
    const reconnecting = this.connection.session === null && this.recovery?.active === true;
    if (!reconnecting) this.connection.requireSession();
    const startSeconds = request.startSeconds ?? 0;
    const refused = badPlayRequest(request.songId, startSeconds);
    if (refused) throw refused; // before anything is sent or the current song is touched
    const previous = this.pump;
    // An ended stream's audio keeps playing before this one's (gapless hand-over): until the
    // renderer reports on the new stream, count what the old one held or had in flight.
    const carriedOver = previous?.state === 'ended' ? previous.gate.bufferedSeconds : 0;
    this.cancelStream('play');
    const streamId = ++this.lastStreamId;
    const gate = new FlowGate(
      this.options.maxBufferedSeconds,
      this.options.resumeBelowSeconds,
      carriedOver,
    );
    this.playing = { songId: request.songId, startSeconds };
    const start = () => this.startPump(streamId, startSeconds, gate, null);
    if (!reconnecting || !this.recovery?.whenReconnected(streamId, start)) start();
    this.emit('stream', { kind: 'started', streamId, songId: request.songId });
    return { streamId, songId: request.songId, startSeconds };
  }

  /** The machine woke up (or the person asked): try a lost connection now, probe a live one. */
  checkConnection(): void {
    if (this.recovery?.active) this.recovery.hurry();
    // A socket that died while the machine slept fails this request, which starts a reconnect.
    else if (this.connection.state.status === 'connected') void this.listSongs().catch(() => {});
  }

  /** Stops the current song: a 'stopped' event now, then resolves on the server's reply. */
  async stop(): Promise<void> {
    this.cancelStream();
    this.readyDecoder();
    const session = this.connection.session;
    if (!session) return;
    try {
      await session.stop();
    } catch (error) {
      throw readableError(error);
    }
  }

  /** The listener paused or went on: the server holds the song meanwhile (PROTOCOL §17).
   * Kept here too: a song resumed on a new session while paused must be held there as well. */
  setPaused(paused: boolean): void {
    this.listenerPaused = paused;
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
    const waiting = this.recovery?.forget() ?? null;
    if (waiting !== null) this.emit('stream', { kind: 'stopped', streamId: waiting });
    if (!pump) return;
    const announce = pump.state === 'streaming' || (reason === 'stop' && pump.state === 'ended');
    pump.cancel();
    if (announce) this.emit('stream', { kind: 'stopped', streamId: pump.streamId });
  }

  private afterPump(pump: StreamPump, decoder: StreamDecoder, state: PumpState): void {
    const current = this.decoder === decoder;
    if (pump.decoderStopped && current)
      this.decoder = null; // next song: a new one
    // It ended by itself (stop() readied it already), and no newer song has the decoder.
    else if (current && state !== 'stopped' && (this.pump === null || this.pump === pump))
      this.readyDecoder();
    // A song we gave up on may still be streaming: tell the server to stop sending it.
    if (state === 'failed' && pump === this.pump)
      void this.connection.session?.stop().catch(() => undefined);
  }

  /**
   * Readies the decoder for the next song now that no song uses it (SongDecoder.reset), while
   * nothing waits on it rather than on the next play's way to its first audio. The stopped song's last decode is queued before this reset, and it sends no more;
   * the next play's messages queue behind it.
   */
  private readyDecoder(): void {
    void this.decoder?.reset().catch(() => undefined);
  }

  /** Plays the current song from `startSeconds` (or exactly `exactSample`) as `streamId`. */
  private startPump(
    streamId: number,
    startSeconds: number,
    gate: FlowGate,
    exactSample: number | null,
  ): void {
    const session = this.connection.requireSession();
    const source = session.play(this.playing.songId, { startSeconds });
    session.setPaused(this.listenerPaused);
    const decoder = this.useDecoder();
    const pump: StreamPump = new StreamPump(
      streamId,
      source,
      decoder,
      gate,
      {
        audio: (chunk) => this.emit('audio', chunk),
        event: (event) => this.onPumpEvent(pump, event),
      },
      this.options.chunkSeconds,
      exactSample,
    );
    this.pump = pump;
    this.pumpDone = pump.run().then((state) => this.afterPump(pump, decoder, state));
  }

  private onPumpEvent(pump: StreamPump, event: StreamEvent): void {
    // A cut song goes on after the reconnect (its error may come after it): held meanwhile.
    if (!this.recovery?.holds(pump, event)) this.emit('stream', event);
  }

  private dropRecovery(backoff: BackoffOptions): DropRecovery {
    return new DropRecovery(backoff, {
      reconnectOnce: () => this.connection.reconnectOnce(),
      retryIn: (attempt, delayMs) => this.connection.retryIn(attempt, delayMs),
      giveUp: () => this.connection.giveUp(),
      current: () => this.pump,
      pumpDone: () => this.pumpDone,
      emit: (event) => this.emit('stream', event),
      resume: (cut) => {
        const { startSeconds, exactSample } = resumeRequest(
          cut.nextSample,
          cut.sampleRate,
          this.playing.startSeconds,
        );
        this.startPump(cut.streamId, startSeconds, FlowGate.continuing(cut.gate), exactSample);
        this.options.log(`Resumed song ${this.playing.songId} at sample ${exactSample ?? 'start'}`);
      },
    });
  }

  private useDecoder(): StreamDecoder {
    this.decoder ??= this.createDecoder();
    return this.decoder;
  }
}
