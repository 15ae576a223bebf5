import { PacketType, clientMessages, type Packet } from '../protocol';
import { ConnectionClosedError } from './clientErrors';
import type { PendingReplies } from './pendingReplies';
import type { PlaybackRouter } from './playbackRouter';
import type { ServerHold } from './serverHold';
import type { SongStream } from './songStream';

/** What the writer needs of its session. */
export interface RequestWriterDeps {
  replies: PendingReplies;
  router: PlaybackRouter;
  hold: ServerHold;
  requestTimeoutMs: number;
  /** Writes to the socket (the session then decides whether to read it). */
  write(wire: Buffer): void;
  /** Why no request can be sent now, or null when one can. */
  unusableReason(): string | null;
}

/**
 * Writes a session's requests, each with its place in the reply FIFOs, in an order both kinds of
 * server act on.
 *
 * Our server reads every request in a write, so `stop` and `play` go out together. A seed-era
 * server acts only on the first request of each read, so there the play is held back until no
 * stop is unanswered and then written on its own. When the kind of server is not known yet (no
 * list reply) the play is held back too: that works with both kinds and costs one round trip,
 * whereas one write would make a seed-era server play nothing.
 */
export class RequestWriter {
  /** Null until a list reply tells whether the server has the metadata extension. */
  metadata: boolean | null = null;
  /** The reply to the newest stop, while no play has been written after it. */
  private lastStopReply: Promise<Packet> | null = null;

  constructor(private readonly deps: RequestWriterDeps) {}

  /** Asks for `stream`'s song, after a stop when the server may still be sending another. */
  play(stream: SongStream): void {
    const { router, replies } = this.deps;
    const needsStop = router.serverMayBeSending;
    const play = clientMessages.play(stream.songId, stream.startSeconds);
    if (this.metadata === true) {
      router.begin(stream, false);
      if (needsStop) this.expectStopReply();
      this.sendPlay(needsStop ? Buffer.concat([clientMessages.stop(), play]) : play);
      return;
    }
    // A stop still unanswered already ends every earlier song: no second one, which a seed-era
    // server could read together with the first and never answer.
    if (needsStop && replies.count(PacketType.Stop) === 0) {
      this.expectStopReply();
      this.deps.write(clientMessages.stop());
    }
    const held = replies.count(PacketType.Stop) > 0;
    router.begin(stream, held);
    if (!held) this.sendPlay(play);
  }

  /** Resolves on the server's reply to a stop. */
  async stop(): Promise<void> {
    // As in play: a stop with nothing written after it and no reply yet serves this one too.
    const unanswered = this.deps.replies.count(PacketType.Stop) > 0 ? this.lastStopReply : null;
    if (unanswered && this.deps.unusableReason() === null) await unanswered;
    else await this.request(PacketType.Stop, clientMessages.stop());
  }

  request(type: string, wire: Buffer): Promise<Packet> {
    const unusable = type === PacketType.Quit ? null : this.deps.unusableReason();
    if (unusable !== null) return Promise.reject(new ConnectionClosedError(unusable));
    const reply = this.deps.replies.expect(type, this.deps.requestTimeoutMs);
    if (type === PacketType.Stop) this.lastStopReply = reply;
    this.deps.write(wire);
    return reply;
  }

  /** Every stop is answered: the held play, if any, can go out on its own. */
  sendHeldPlay(): void {
    const stream = this.deps.router.heldPlay;
    if (!stream || this.deps.replies.count(PacketType.Stop) > 0) return;
    if (this.deps.unusableReason() !== null) return; // closing already ended the stream
    this.deps.router.playSent(stream);
    this.sendPlay(clientMessages.play(stream.songId, stream.startSeconds));
  }

  private expectStopReply(): void {
    const reply = this.deps.replies.expect(PacketType.Stop, this.deps.requestTimeoutMs);
    reply.catch(() => {}); // the reply only marks where the old song's bytes end
    this.lastStopReply = reply;
  }

  /** Writes `wire`, which ends with a play: a stop written before it no longer ends everything. */
  private sendPlay(wire: Buffer): void {
    this.lastStopReply = null;
    this.deps.write(wire);
    this.deps.hold.onPlaySent(); // after: a pause for the new song must follow its play
  }
}
