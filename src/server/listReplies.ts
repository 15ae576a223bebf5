import type { Library, SongEntry } from '../library';
import {
  compressDocument,
  compressDocumentSync,
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

/** Songs per slice of the metadata document (a rescan gives the event loop a turn after each). */
const SONGS_PER_SLICE = 1_000;

/** Builds the replies at once (a server's first scan, before it has clients). */
export function buildListReplies(library: Library): ListReplies {
  const steps = replySteps(library);
  let compressed = '';
  for (;;) {
    const step = steps.next(compressed);
    if (step.done) return step.value;
    compressed = step.value === TURN ? '' : compressDocumentSync(step.value);
  }
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
  const steps = replySteps(library);
  let compressed = '';
  for (;;) {
    const step = steps.next(compressed);
    if (step.done) return step.value;
    compressed = step.value === TURN ? (await nextTurn(), '') : await compressDocument(step.value);
  }
}

/** Where the builder may give the event loop a turn. */
const TURN = Symbol('turn');

/**
 * The one builder of both: yields TURN where a turn may pass, and the metadata document where it
 * wants it compressed (the compressed text comes back from the yield).
 */
function* replySteps(library: Library): Generator<typeof TURN | Buffer, ListReplies, string> {
  const parts: string[] = [];
  for (let at = 0; at < library.songs.length; at += SONGS_PER_SLICE) {
    parts.push(metadataSongs(library.songs.slice(at, at + SONGS_PER_SLICE).map(songMetadata)));
    yield TURN;
  }
  // Each text is encoded once, and each reply built in a turn of its own.
  const metadata = Buffer.from(metadataDocument(parts));
  const compressed = yield metadata;
  const plainText = Buffer.from(plainListText(library));
  yield TURN;
  const withMetadata = serverMessages.list(plainText, metadata, FEATURES);
  yield TURN;
  return {
    plain: serverMessages.list(plainText),
    withMetadata,
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
