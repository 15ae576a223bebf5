import { EventEmitter } from 'node:events';
import { ClientSession } from '../client';
import { DISCONNECTED } from '../shared/defaults';
import type {
  ConnectionState,
  DisconnectResult,
  LibraryChange,
  SongInfo,
} from '../shared/tidewaveApi';
import { describeConnectionLoss, describeFirstListFailure, readableError } from './playbackErrors';

export interface ServerConnectionOptions {
  listTimeoutMs: number;
  connectTimeoutMs: number;
  log: (message: string) => void;
  /** Asked when the connection is lost unasked: true makes the state 'reconnecting', not 'error'
   * (the owner then calls reconnectOnce until it succeeds, or giveUp). */
  shouldReconnect?: () => boolean;
  /** Sent to servers that take it, for the host's listeners table (PROTOCOL §18). */
  clientName?: string;
  /** The access code to prove to `host:port` (PROTOCOL §15), asked at every (re)connect. */
  accessCodeFor?: (host: string, port: number) => Promise<string | undefined>;
}

/** One connection attempt's session, once its socket opened (to close it if the attempt fails). */
interface Attempt {
  session: ClientSession | null;
}

/** The server refused us for the access code (PROTOCOL §15): missing or wrong. */
export function isAccessRefusal(message: string): boolean {
  return /access code required|wrong access code/i.test(message);
}

/**
 * At most one ClientSession and the ConnectionState that describes it. A newer connect or a
 * disconnect makes an older connect attempt void (it closes its session and rejects).
 */
export class ServerConnection extends EventEmitter<{
  changed: [ConnectionState];
  /** The current session's server said its library changed. */
  library: [LibraryChange];
}> {
  private current: ClientSession | null = null;
  private stateNow: ConnectionState = DISCONNECTED;
  private generation = 0;

  constructor(private readonly options: ServerConnectionOptions) {
    super();
  }

  get state(): ConnectionState {
    return this.stateNow;
  }

  get session(): ClientSession | null {
    return this.current;
  }

  requireSession(): ClientSession {
    if (!this.current) throw new Error('Not connected to a server');
    return this.current;
  }

  /** Connects, then lists once: that proves a Tidewave server and says if it has metadata. */
  async connect(host: string, port: number): Promise<ConnectionState> {
    // Every state from here on names the server being connected to, the first one included.
    await this.endSession({ ...DISCONNECTED, host, port });
    const generation = ++this.generation;
    const stale = () => generation !== this.generation;
    this.setState({ ...DISCONNECTED, status: 'connecting', host, port });
    const attempt: Attempt = { session: null };
    try {
      const hasMetadata = await this.openAndList(host, port, generation, attempt);
      return this.setState({ ...this.stateNow, status: 'connected', hasMetadata });
    } catch (error) {
      // With a session the socket opened, so a failure is about what answered.
      const failure = attempt.session
        ? new Error(describeFirstListFailure(error))
        : readableError(error);
      if (!stale()) {
        this.current = null;
        this.setState({ ...this.stateNow, status: 'error', error: failure.message });
      }
      attempt.session?.close();
      throw failure;
    }
  }

  /**
   * One reconnect attempt to the server of the current state, which stays 'reconnecting' until
   * it succeeds (then 'connected'). A connect or disconnect meanwhile makes it void.
   */
  async reconnectOnce(): Promise<boolean> {
    const { host, port } = this.stateNow;
    const generation = ++this.generation;
    const stale = () => generation !== this.generation;
    const attempt: Attempt = { session: null };
    try {
      const hasMetadata = await this.openAndList(host, port, generation, attempt);
      const { retry: _done, ...state } = this.stateNow;
      this.setState({ ...state, status: 'connected', hasMetadata, error: null });
      return true;
    } catch (error) {
      const failure = readableError(error);
      this.options.log(`Reconnect to ${host}:${port} failed: ${failure.message}`);
      if (!stale() && this.current === attempt.session) this.current = null;
      attempt.session?.close();
      // The library now wants another access code: retrying would only count as guesses
      // against this address (PROTOCOL §15.4); the person is asked instead.
      if (!stale() && isAccessRefusal(failure.message)) {
        const { retry: _gone, ...state } = this.stateNow;
        this.setState({ ...state, status: 'error', error: failure.message });
      }
      return false;
    }
  }

  /**
   * Opens a session to `host:port`, adopts it and lists once (that proves a Tidewave server and
   * says whether it has metadata). `attempt.session` is set once the socket opened, so the caller
   * can tell what failed and close it; a newer connect or disconnect makes the attempt void.
   */
  private async openAndList(
    host: string,
    port: number,
    generation: number,
    attempt: Attempt,
  ): Promise<boolean> {
    const stale = () => generation !== this.generation;
    const session = await ClientSession.connect({
      host,
      port,
      accessCode: await this.options.accessCodeFor?.(host, port),
      connectTimeoutMs: this.options.connectTimeoutMs,
      requestTimeoutMs: this.options.listTimeoutMs,
      clientName: this.options.clientName,
      log: this.options.log,
    });
    attempt.session = session;
    if (stale()) throw new Error('Replaced by a newer connection');
    this.adopt(session, generation);
    const { hasMetadata } = await session.list();
    if (stale()) throw new Error('Replaced by a newer connection');
    return hasMetadata;
  }

  /** While reconnecting: says when the next attempt comes. */
  retryIn(attempt: number, delayMs: number): void {
    if (this.stateNow.status === 'reconnecting') {
      this.setState({ ...this.stateNow, retry: { attempt, delayMs } });
    }
  }

  /** Reconnecting failed for good: the state says the connection is lost. */
  giveUp(): void {
    if (this.stateNow.status !== 'reconnecting') return;
    const { retry: _gone, ...state } = this.stateNow;
    this.setState({ ...state, status: 'error' });
  }

  /** Says goodbye with `quit`; quitAcknowledged tells whether the server answered it. */
  disconnect(): Promise<DisconnectResult> {
    return this.endSession(DISCONNECTED);
  }

  async listSongs(): Promise<SongInfo[]> {
    const session = this.requireSession();
    try {
      const { songs, hasMetadata } = await session.list();
      if (session === this.current && hasMetadata !== this.stateNow.hasMetadata) {
        this.setState({ ...this.stateNow, hasMetadata });
      }
      return songs;
    } catch (error) {
      throw readableError(error);
    }
  }

  /** Voids any connect attempt, announces `disconnected` (as `next`) and quits the session. */
  private async endSession(next: ConnectionState): Promise<DisconnectResult> {
    this.generation++;
    const session = this.current;
    this.current = null;
    if (this.stateNow.status !== 'disconnected') this.setState(next);
    if (!session) return { quitAcknowledged: false };
    const { acknowledged } = await session.quit();
    return { quitAcknowledged: acknowledged };
  }

  private adopt(session: ClientSession, generation: number): void {
    this.current = session;
    session.on('error', () => {}); // every failure also arrives as 'close'
    session.on('changed', (change) => {
      if (generation === this.generation) this.emit('library', change);
    });
    session.on('close', ({ reason, expected, dismissed }) => {
      if (expected || generation !== this.generation) return;
      this.current = null;
      const error = describeConnectionLoss(reason);
      // A failed reconnect's session says nothing: the reconnect loop is still in charge.
      if (this.stateNow.status === 'reconnecting') return;
      // A host that let this player go would only be reconnected to against its will. Only an
      // established connection is retried: one refused while connecting (a wrong or missing
      // access code) is an error to show, not a drop to ride out.
      const established = this.stateNow.status === 'connected';
      const retry = established && !dismissed && this.options.shouldReconnect?.();
      const status = retry ? 'reconnecting' : 'error';
      this.setState({ ...this.stateNow, status, error });
    });
  }

  private setState(state: ConnectionState): ConnectionState {
    this.stateNow = state;
    this.emit('changed', state);
    return state;
  }
}
