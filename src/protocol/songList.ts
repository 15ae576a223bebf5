/**
 * The `list` reply: the seed's plain text (one `{sid: N title: NAME}` line per song) that
 * seed-era clients read, and the metadata extension's JSON that our client prefers.
 */

import type { SongInfo } from '../shared/tidewaveApi';

/** One song of the metadata document: its first members, as the app shows them too. */
export type SongMetadata = Pick<
  SongInfo,
  'id' | 'title' | 'artist' | 'album' | 'durationSeconds' | 'hasCover'
>;

export interface PlainSong {
  id: number;
  title: string;
}

/** Names are shown on one line and must never hold a delimiter, so the plain list rewrites them. */
export function sanitizeTitle(title: string): string {
  return (
    title
      // eslint-disable-next-line no-control-regex -- control characters are exactly what must go
      .replace(/[\u0000-\u001f\u007f]+/g, ' ')
      .replace(/</g, '\u2039')
      .replace(/>/g, '\u203a')
      .replace(/\{/g, '(')
      .replace(/\}/g, ')')
      .trim()
  );
}

export function formatPlainList(songs: readonly PlainSong[]): string {
  return songs.map((song) => `{sid: ${song.id} title: ${sanitizeTitle(song.title)}}`).join('\n');
}

const PLAIN_LINE = /^\{sid: (\d+) title: (.*)\}$/;

/** Reads the seed's list text; lines that do not match are ignored. */
export function parsePlainList(text: string): PlainSong[] {
  const songs: PlainSong[] = [];
  for (const line of text.split(/\r?\n/)) {
    const match = PLAIN_LINE.exec(line.trim());
    if (match) songs.push({ id: Number(match[1]), title: match[2] });
  }
  return songs;
}

/**
 * Members a Tidewave server adds to each song of the metadata document beyond SongMetadata
 * (PROTOCOL.md §5); clients that do not know them ignore them.
 */
export interface SongMetadataExtras {
  format?: string;
  bitrate?: number | null;
  sampleRate?: number | null;
  channels?: number | null;
  trackNumber?: number | null;
  discNumber?: number | null;
  year?: number | null;
  genre?: string | null;
  albumArtist?: string | null;
  coverHash?: string | null;
}

/** Version of the metadata document; a client ignores fields it does not know. */
export const METADATA_VERSION = 1;

/**
 * JSON with `<` and `>` written as `\u003c` / `\u003e`: still valid JSON with the same
 * strings, and no delimiter can appear in it.
 */
export function formatMetadata(songs: readonly (SongMetadata & SongMetadataExtras)[]): string {
  return metadataDocument([metadataSongs(songs)]);
}

/**
 * Part of a document's song array: `songs` as JSON, comma-separated, without the brackets and
 * with `<` and `>` escaped. A long list can be written a part at a time (metadataDocument).
 */
export function metadataSongs(songs: readonly (SongMetadata & SongMetadataExtras)[]): string {
  return escapeDelimiters(JSON.stringify(songs).slice(1, -1));
}

/** The document around parts from metadataSongs: the same text as formatMetadata of them all. */
export function metadataDocument(parts: readonly string[]): string {
  const songs = parts.filter((part) => part.length > 0).join(',');
  return `{"version":${METADATA_VERSION},"songs":[${songs}]}`;
}

function escapeDelimiters(json: string): string {
  return json.replace(/</g, '\\u003c').replace(/>/g, '\\u003e');
}

export class MetadataFormatError extends Error {
  constructor(detail: string) {
    super(`Malformed song metadata: ${detail}`);
    this.name = 'MetadataFormatError';
  }
}

function nullableString(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

function nullableNumber(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

/**
 * The newer members (PROTOCOL §5) under the app's names, each only when the document has it:
 * a server from before them sends none, and the table then shows no column for them.
 */
function songExtras(song: Record<string, unknown>): Partial<SongInfo> {
  const extras: Partial<SongInfo> = {};
  const numbers = [
    ['trackNumber', 'track'],
    ['discNumber', 'disc'],
    ['sampleRate', 'sampleRate'],
    ['channels', 'channels'],
    ['bitrate', 'bitrate'],
    ['year', 'year'],
  ] as const;
  for (const [member, name] of numbers) {
    if (member in song) extras[name] = nullableNumber(song[member]);
  }
  for (const name of ['format', 'genre', 'albumArtist', 'coverHash'] as const) {
    if (name in song) extras[name] = nullableString(song[name]);
  }
  return extras;
}

export function parseMetadata(text: string): SongInfo[] {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    throw new MetadataFormatError('not JSON');
  }
  if (
    typeof doc !== 'object' ||
    doc === null ||
    !Array.isArray((doc as { songs?: unknown }).songs)
  ) {
    throw new MetadataFormatError('no songs array');
  }
  return (doc as { songs: unknown[] }).songs.map((raw, index) => {
    const song = (raw ?? {}) as Record<string, unknown>;
    if (!Number.isInteger(song.id) || typeof song.title !== 'string') {
      throw new MetadataFormatError(`song ${index} lacks an id or a title`);
    }
    const duration = song.durationSeconds;
    return {
      id: song.id as number,
      title: song.title,
      artist: nullableString(song.artist),
      album: nullableString(song.album),
      durationSeconds: typeof duration === 'number' && Number.isFinite(duration) ? duration : null,
      hasCover: song.hasCover === true,
      ...songExtras(song),
    };
  });
}
