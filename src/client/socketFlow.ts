import { PAUSED_READ_LIMIT_BYTES, readsOnWhilePaused } from './pausedReading';
import { FLOW_PAUSE_AFTER_MS, ServerHold } from './serverHold';

/** The socket as the flow sees it. */
export interface FlowSocket {
  write(wire: Buffer): boolean;
  pause(): unknown;
  resume(): unknown;
  isPaused(): boolean;
}

/** What the flow reads of its session at each update. */
export interface FlowState {
  /** The song's reader is full, and nothing else waits to be read (a reply, a cover). */
  readerHoldsBack(): boolean;
  /** Song bytes the current song's stream holds unread. */
  unreadSongBytes(): number;
  /** Told whenever the server is asked to hold the song, or to go on. */
  serverHolding(holding: boolean): void;
}

/**
 * Whether a session reads its socket: TCP backpressure from the song's reader to the server, the
 * pause extension's hold that goes with it (serverHold.ts), and, while the listener pauses,
 * reading on up to a bound (pausedReading.ts), so a packet behind the song bytes arrives.
 */
export class SocketFlow {
  readonly hold: ServerHold;

  constructor(
    private readonly socket: FlowSocket,
    private readonly state: FlowState,
    private readonly pausedReadLimit = PAUSED_READ_LIMIT_BYTES,
    flowPauseAfterMs = FLOW_PAUSE_AFTER_MS,
  ) {
    this.hold = new ServerHold(
      (wire) => socket.write(wire),
      flowPauseAfterMs,
      (holding) => {
        state.serverHolding(holding);
        this.update();
      },
    );
  }

  /** A hold already sent for a full reader sends nothing new, but is the listener's from now. */
  setListenerPaused(paused: boolean): void {
    this.hold.setListenerPaused(paused);
    this.update();
  }

  /** Call whenever the reader, the replies awaited or the song's unread bytes change. */
  update(): void {
    const full = this.state.readerHoldsBack();
    this.hold.setFlowHeld(full); // may ask the server to hold, which comes back here
    const unread = this.state.unreadSongBytes();
    const pause =
      full && !readsOnWhilePaused(this.hold.heldForListener, unread, this.pausedReadLimit);
    if (pause && !this.socket.isPaused()) this.socket.pause();
    else if (!pause && this.socket.isPaused()) this.socket.resume();
  }
}
