import type { Library, SongEntry } from '../library';
import {
  compressDocument,
  compressDocumentSync,
  formatMetadata,
  formatPlainList,
  metadataDocument,
  metadataSongs,
  type SongMetadata,
  type SongMetadataExtras,
  HELLO_FEATURE,
  PAUSE_FEATURE,
  COVER_FEATURE,
  serverMessages,
} from '../protocol';

/** Extensions this server advertises in the metadata reply's fourth field (PROTOCOL §17). */
const FEATURES = [PAUSE_FEATURE, HELLO_FEATURE, COVER_FEATURE];

/** The `list` replies, built once per scan of the library. */
export interface ListReplies {
  /** `list<NEXT;>PLAINTEXT<NEXT;><END;>`, what the seed sends. */
  plain: Buffer;
  /** The same plus the metadata extension's JSON field. */
  withMetadata: Buffer;
  /** `list<NEXT;><NEXT;>gzip:BASE64<NEXT;><END;>`, for `list meta gzip` (PROTOCOL §5.1). */
  compressed: Buffer;
}

/** Songs per slice of the metadata document when built off a running server's event loop. */
const SONGS_PER_SLICE = 1_000;

/** Builds the replies at once (a server's first scan, before it has clients). */
export function buildListReplies(library: Library): ListReplies {
  const metadata = formatMetadata(library.songs.map(songMetadata));
  return replies(plainListText(library), metadata, compressDocumentSync(metadata));
}

/**
 * As buildListReplies, for rescans while songs stream: the document is written a slice of songs
 * at a time with an event-loop turn between slices (20,000 songs in one go held the loop for
 * 100-250 ms on a loaded machine), and compressed off the loop.
 */
export async function buildListRepliesAsync(
  library: Library,
  nextTurn: () => Promise<unknown> = () => new Promise((resolve) => setImmediate(resolve)),
): Promise<ListReplies> {
  const parts: string[] = [];
  for (let at = 0; at < library.songs.length; at += SONGS_PER_SLICE) {
    parts.push(metadataSongs(library.songs.slice(at, at + SONGS_PER_SLICE).map(songMetadata)));
    await nextTurn();
  }
  // Each text is encoded once, and each reply built in a turn of its own.
  const metadata = Buffer.from(metadataDocument(parts));
  const compressed = await compressDocument(metadata);
  const plainText = Buffer.from(plainListText(library));
  await nextTurn();
  const withMetadata = serverMessages.list(plainText, metadata, FEATURES);
  await nextTurn();
  return {
    plain: serverMessages.list(plainText),
    withMetadata,
    compressed: serverMessages.list('', compressed, FEATURES),
  };
}

/** The three list replies from the list's texts and the compressed metadata document. */
function replies(plainText: string, metadata: string, compressed: string): ListReplies {
  return {
    plain: serverMessages.list(plainText),
    withMetadata: serverMessages.list(plainText, metadata, FEATURES),
    compressed: serverMessages.list('', compressed, FEATURES),
  };
}

/**
 * Seed-era clients hand play data to an MP3 decoder: their list holds the MP3 songs only, with
 * the same ids as the metadata list (PROTOCOL.md §4.1).
 */
function plainListText(library: Library): string {
  return formatPlainList(library.songs.filter((song) => song.format === 'mp3'));
}

/** A song as the metadata document gives it. */
function songMetadata(song: SongEntry): SongMetadata & SongMetadataExtras {
  const { id, title, artist, album, durationSeconds, hasCover, format, bitrate } = song;
  return {
    ...{ id, title, artist, album, durationSeconds, hasCover, format, bitrate },
    ...song.extras,
    // Clients cache covers by this hash and ask only for songs that have one (§19).
    coverHash: song.cover?.hash ?? null,
  };
}
