import { documentText, parseMetadata, parsePlainList, type Packet } from '../protocol';
import type { SongInfo } from '../shared/tidewaveApi';

/** A song as the client knows it; the same shape the renderer receives. */
export type SongListing = SongInfo;

export interface SongList {
  songs: SongListing[];
  /** False for a seed-era server, which answers with the plain list only. */
  hasMetadata: boolean;
  /** Extensions the server named in the reply's fourth field (PROTOCOL §17); empty if none. */
  features: string[];
}

/**
 * Reads a `list` reply: the metadata JSON (third field) when the server sent it and it parses,
 * otherwise the seed's plain text (second field) with titles only.
 */
export function parseSongListReply(packet: Packet, log: (message: string) => void): SongList {
  const json = packet.fields[2];
  if (json !== undefined && json.length > 0) {
    try {
      // A Tidewave server sends the document gzip-compressed when asked (PROTOCOL §5.1).
      const features = (packet.fields[3]?.toString('latin1') ?? '').split(' ').filter(Boolean);
      return { songs: parseMetadata(documentText(json)), hasMetadata: true, features };
    } catch (error) {
      log(`Ignoring the list metadata: ${(error as Error).message}`);
    }
  }
  const plain = parsePlainList(packet.fields[1]?.toString('utf8') ?? '');
  return {
    songs: plain.map(({ id, title }) => ({
      id,
      title,
      artist: null,
      album: null,
      durationSeconds: null,
      hasCover: false,
    })),
    hasMetadata: false,
    features: [],
  };
}
