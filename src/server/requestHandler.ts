import type { Library, SongEntry } from '../library';
import {
  LIST_METADATA_FLAG,
  PacketType,
  parseSongId,
  parseStartSeconds,
  sanitizeTitle,
  serverMessages,
  type Packet,
} from '../protocol';
import type { ListReplies } from './listReplies';

/** What a request may do to its connection; ClientConnection provides it. */
export interface RequestContext {
  library: Library;
  listReplies: ListReplies;
  send(packet: Buffer): void;
  play(song: SongEntry, startSeconds: number): void;
  /** Cancels the current song, if any, so that nothing of it follows. */
  stopPlayback(): void;
  /** Sends nothing more and closes once what was written is flushed. */
  endConnection(): void;
  log(line: string): void;
}

/** Answers one request packet per docs/PROTOCOL.md. A bad request is answered or ignored, never thrown. */
export function handleRequest(packet: Packet, context: RequestContext): void {
  switch (packet.type) {
    case PacketType.List: {
      const withMetadata = packet.fields[1]?.toString('latin1') === LIST_METADATA_FLAG;
      context.log(withMetadata ? 'list (with metadata)' : 'list');
      context.send(withMetadata ? context.listReplies.withMetadata : context.listReplies.plain);
      return;
    }
    case PacketType.Play:
      return handlePlay(packet, context);
    case PacketType.Stop:
      context.log('stop');
      context.stopPlayback();
      context.send(serverMessages.stop());
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
  const id = parseSongId(packet.fields[1]);
  const song = id === null ? undefined : context.library.songs[id];
  if (!song) {
    // A refused play leaves whatever is streaming alone.
    const shown = id ?? JSON.stringify(packet.fields[1]?.toString('latin1').slice(0, 40) ?? '');
    context.log(`unknown song id ${shown}`);
    context.send(serverMessages.error(`unknown song id ${shown}`));
    return;
  }
  const startSeconds = parseStartSeconds(packet.fields[2]);
  const from = startSeconds > 0 ? ` from ${startSeconds} s` : '';
  context.log(`play ${song.id} (${sanitizeTitle(song.title)})${from}`);
  context.play(song, startSeconds);
}
