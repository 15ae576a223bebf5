import type { Library, SongEntry } from '../library';
import {
  helloName,
  LIST_GZIP_FLAG,
  LIST_METADATA_FLAG,
  PacketType,
  sanitizeTitle,
  serverMessages,
  type Packet,
} from '../protocol';
import { updateListener, type ListenerState } from './listenerRegistry';
import type { ListReplies } from './listReplies';
import { checkPlayRequest } from './playRequest';

/** What a request may do to its connection; ClientConnection provides it. */
export interface RequestContext {
  library: Library;
  listReplies: ListReplies;
  send(packet: Buffer): void;
  play(song: SongEntry, startSeconds: number): void;
  /** Cancels the current song, if any, so that nothing of it follows. */
  stopPlayback(): void;
  /** The pause extension: hold the current song where it is, or let it go on. */
  holdPlayback(paused: boolean): void;
  /** The cover extension (§19): queue a request for the cover of the song this field names. */
  cover(idField: Buffer | undefined): void;
  /** Sends nothing more and closes once what was written is flushed. */
  endConnection(): void;
  /** The client asked for metadata: from now on it is told when the library changes. */
  wantsNotices(): void;
  /** What the host's listeners table shows of this client (its name, the song it asked for). */
  listener: ListenerState;
  log(line: string): void;
}

/** Answers one request packet per docs/PROTOCOL.md. A bad request is answered or ignored, never thrown. */
export function handleRequest(packet: Packet, context: RequestContext): void {
  switch (packet.type) {
    case PacketType.List: {
      const withMetadata = packet.fields[1]?.toString('latin1') === LIST_METADATA_FLAG;
      const gzip = withMetadata && packet.fields[2]?.toString('latin1') === LIST_GZIP_FLAG;
      context.log(withMetadata ? `list (with metadata${gzip ? ', gzip' : ''})` : 'list');
      if (withMetadata) context.wantsNotices();
      const { plain, withMetadata: metadata, compressed } = context.listReplies;
      context.send(gzip ? compressed : withMetadata ? metadata : plain);
      return;
    }
    case PacketType.Play:
      return handlePlay(packet, context);
    case PacketType.Stop:
      context.log('stop');
      updateListener(context.listener, { nowPlaying: null });
      context.stopPlayback();
      context.send(serverMessages.stop());
      return;
    // No reply: the client knows its state, and a reply would only queue behind song data.
    // Not logged either: a client may send these often, and they change nothing but timing.
    case PacketType.Pause:
    case PacketType.Resume:
      context.holdPlayback(packet.type === PacketType.Pause);
      return;
    // No reply: the name only labels the connection in the host's listeners table.
    case PacketType.Hello: {
      const name = helloName(packet.fields[1]?.toString('utf8') ?? '');
      context.log(`hello ${JSON.stringify(name)}`);
      updateListener(context.listener, { clientName: name === '' ? null : name });
      return;
    }
    case PacketType.Cover:
      // Logged when answered (coverQueue.ts): a client may ask for a whole album's at once.
      context.cover(packet.fields[1]);
      return;
    case PacketType.Quit:
      context.log('quit');
      context.stopPlayback();
      context.send(serverMessages.quit());
      context.endConnection();
      return;
    default:
      context.log(`discarded unknown command ${JSON.stringify(packet.type.slice(0, 40))}`);
  }
}

function handlePlay(packet: Packet, context: RequestContext): void {
  const request = checkPlayRequest(packet.fields, context.library.songs);
  if (!request.ok) {
    // A refused play leaves whatever is streaming alone.
    context.log(request.message);
    context.send(serverMessages.error(request.message));
    return;
  }
  const { song, startSeconds } = request;
  const from = startSeconds > 0 ? ` from ${startSeconds} s` : '';
  context.log(`play ${song.id} (${sanitizeTitle(song.title)})${from}`);
  updateListener(context.listener, { nowPlaying: { id: song.id, title: song.title } });
  context.play(song, startSeconds);
}
