import type { Library } from '../library';
import {
  compressDocument,
  compressDocumentSync,
  formatMetadata,
  formatPlainList,
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

/** Builds the replies at once (a server's first scan, before it has clients). */
export function buildListReplies(library: Library): ListReplies {
  const { plainText, metadata } = listTexts(library);
  return replies(plainText, metadata, compressDocumentSync(metadata));
}

/** As buildListReplies, compressing off the event loop, so streams keep flowing (rescans). */
export async function buildListRepliesAsync(library: Library): Promise<ListReplies> {
  const { plainText, metadata } = listTexts(library);
  return replies(plainText, metadata, await compressDocument(metadata));
}

/** The three list replies from the list's texts and the compressed metadata document. */
function replies(plainText: string, metadata: string, compressed: string): ListReplies {
  return {
    plain: serverMessages.list(plainText),
    withMetadata: serverMessages.list(plainText, metadata, FEATURES),
    compressed: serverMessages.list('', compressed, FEATURES),
  };
}

function listTexts(library: Library): { plainText: string; metadata: string } {
  // Seed-era clients hand play data to an MP3 decoder: their list holds the MP3 songs only, with
  // the same ids as the metadata list (PROTOCOL.md §4.1).
  const plainText = formatPlainList(library.songs.filter((song) => song.format === 'mp3'));
  const metadata = formatMetadata(
    library.songs.map(
      ({
        id,
        title,
        artist,
        album,
        durationSeconds,
        hasCover,
        cover,
        format,
        bitrate,
        extras,
      }) => ({
        id,
        title,
        artist,
        album,
        durationSeconds,
        hasCover,
        format,
        bitrate,
        ...extras,
        // Clients cache covers by this hash and ask only for songs that have one (§19).
        coverHash: cover?.hash ?? null,
      }),
    ),
  );
  return { plainText, metadata };
}
