import type { Library } from '../library';
import { formatMetadata, formatPlainList, PAUSE_FEATURE, serverMessages } from '../protocol';

/** The two `list` replies, built once per library since the library does not change. */
export interface ListReplies {
  /** `list<NEXT;>PLAINTEXT<NEXT;><END;>`, what the seed sends. */
  plain: Buffer;
  /** The same plus the metadata extension's JSON field. */
  withMetadata: Buffer;
}

export function buildListReplies(library: Library): ListReplies {
  // Seed-era clients hand play data to an MP3 decoder: their list holds the MP3 songs only, with
  // the same ids as the metadata list (PROTOCOL.md §4.1).
  const plainText = formatPlainList(library.songs.filter((song) => song.format === 'mp3'));
  const metadata = formatMetadata(
    library.songs.map(
      ({ id, title, artist, album, durationSeconds, hasCover, format, bitrate, extras }) => ({
        id,
        title,
        artist,
        album,
        durationSeconds,
        hasCover,
        format,
        bitrate,
        ...extras,
      }),
    ),
  );
  return {
    plain: serverMessages.list(plainText),
    withMetadata: serverMessages.list(plainText, metadata, [PAUSE_FEATURE]),
  };
}
