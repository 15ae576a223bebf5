import { coverRefusalId, DISCONNECTED_BY_HOST, PacketType, type Packet } from '../protocol';
import { isAccessRefusal } from './accessHandshake';
import { closingRefusal } from './closingRefusal';
import { parseChangedNotice, type LibraryChange } from './changedNotice';
import type { PendingReplies } from './pendingReplies';
import type { PlaybackRouter } from './playbackRouter';
import type { AssembledItem, PlayDataAssembler } from './playDataAssembler';

/** What the session does for the items that are neither the router's nor a request's. */
export interface ItemHooks {
  changed(change: LibraryChange): void;
  /** A `cover` packet, or a refusal of a cover request (PROTOCOL §19). */
  cover(packet: Packet): void;
  coverRefused(idField: string, message: string): void;
  /** The server refused this connection (an access code, a cap): the reason for the close that
   * follows. */
  refused(reason: string): void;
  /** The host let this client go (PROTOCOL §18.2): the close that follows is final. */
  disconnectedByHost(): void;
  /** A stop reply settled its request: a held play may go out. */
  stopAnswered(): void;
  updateFlow(): void;
  log(message: string): void;
}

/**
 * Hands each item read from the server to its owner: play data and `start` packets to the router,
 * replies to the oldest request waiting for their type, notices to the session.
 */
export class ItemDispatch {
  constructor(
    private readonly assembler: PlayDataAssembler,
    private readonly router: PlaybackRouter,
    private readonly replies: PendingReplies,
    private readonly hooks: ItemHooks,
  ) {}

  take(item: AssembledItem): void {
    // Until every stop sent has its reply, play data belongs to a song already stopped.
    const discarding = this.replies.count(PacketType.Stop) > 0;
    if (item.kind !== 'reply') return this.router.onPiece(item, discarding);
    const { packet } = item;
    if (packet.type === PacketType.Start) return this.router.onStartPacket(packet, discarding);
    if (packet.type === PacketType.Changed) return this.hooks.changed(parseChangedNotice(packet));
    if (packet.type === PacketType.Cover) return this.hooks.cover(packet);
    if (packet.type === PacketType.Error) {
      const message = packet.fields[1]?.toString('utf8') || 'request refused';
      const coverId = coverRefusalId(packet);
      if (coverId !== null) return this.hooks.coverRefused(coverId, message);
      if (isAccessRefusal(message)) this.hooks.refused(`Access refused: ${message}`);
      const closing = closingRefusal(message);
      if (closing !== null) this.hooks.refused(closing);
      if (message === DISCONNECTED_BY_HOST) this.hooks.disconnectedByHost();
      if (!this.router.onServerError(message, discarding))
        this.hooks.log(`Server error: ${message}`);
      return;
    }
    if (packet.type === PacketType.List) {
      this.assembler.seedFraming = this.router.seedEra = packet.fields.length < 3;
    }
    if (!this.replies.settle(packet)) {
      this.hooks.log(`Ignoring an unexpected ${JSON.stringify(packet.type.slice(0, 40))} packet`);
    } else if (packet.type === PacketType.Stop) {
      this.hooks.stopAnswered();
    }
    this.hooks.updateFlow();
  }
}
