import { encodePacket } from './packetEncoder';
import { LIST_GZIP_FLAG } from './compressedMetadata';
import { helloName } from './helloName';
import { LIST_METADATA_FLAG, PacketType } from './packetTypes';

/** Builders for every packet the protocol defines, so no caller spells the wire by hand. */

export const clientMessages = {
  /**
   * `list<NEXT;><END;>`, or with the metadata extension `list<NEXT;>meta<NEXT;><END;>`, and
   * `list<NEXT;>meta<NEXT;>gzip<NEXT;><END;>` to read the document compressed (PROTOCOL §5.1).
   */
  list: (withMetadata = false, gzip = false): Buffer =>
    encodePacket(
      !withMetadata
        ? [PacketType.List]
        : gzip
          ? [PacketType.List, LIST_METADATA_FLAG, LIST_GZIP_FLAG]
          : [PacketType.List, LIST_METADATA_FLAG],
    ),
  /** `play<NEXT;>3<NEXT;><END;>`, with an optional start position in seconds as a third field. */
  play: (songId: number, startSeconds?: number): Buffer => {
    const start = startSeconds !== undefined && startSeconds > 0 ? startField(startSeconds) : '';
    if (start === null) throw new RangeError(`Not a start time to send: ${startSeconds}`);
    return encodePacket(
      start === '' ? [PacketType.Play, String(songId)] : [PacketType.Play, String(songId), start],
    );
  },
  stop: (): Buffer => encodePacket([PacketType.Stop]),
  quit: (): Buffer => encodePacket([PacketType.Quit]),
  /** `pause<NEXT;><END;>`: only to a server whose list advertised it (PROTOCOL §17). */
  pause: (): Buffer => encodePacket([PacketType.Pause]),
  resume: (): Buffer => encodePacket([PacketType.Resume]),
  /** `hello<NEXT;>NAME<NEXT;><END;>`: only to a server whose list advertised it (PROTOCOL §18). */
  hello: (name: string): Buffer => encodePacket([PacketType.Hello, helloName(name)]),
};

export const serverMessages = {
  /**
   * With `features`, a fourth field naming the extensions beyond metadata (PROTOCOL §17). The
   * texts may come already encoded (UTF-8), as a long list's are.
   */
  list: (
    plainText: string | Uint8Array,
    metadataJson?: string | Uint8Array,
    features: readonly string[] = [],
  ): Buffer =>
    encodePacket(
      metadataJson === undefined
        ? [PacketType.List, plainText]
        : features.length === 0
          ? [PacketType.List, plainText, metadataJson]
          : [PacketType.List, plainText, metadataJson, features.join(' ')],
    ),
  /** One chunk of song bytes; the caller guarantees it holds no whole delimiter. */
  playData: (data: Uint8Array): Buffer => encodePacket([PacketType.Play, data]),
  /** End of song: a play packet with no data field. Seed clients drop it or append `<END;>`. */
  endOfSong: (): Buffer => encodePacket([PacketType.Play]),
  stop: (): Buffer => encodePacket([PacketType.Stop]),
  quit: (): Buffer => encodePacket([PacketType.Quit]),
  /**
   * Precedes a seek's data: decoded without gapless trimming, the data's audio begins at song
   * sample `firstSample` (negative inside the encoder delay); the song has `totalSamples`.
   */
  streamStart: (firstSample: number, sampleRate: number, totalSamples: number): Buffer =>
    encodePacket([PacketType.Start, String(firstSample), String(sampleRate), String(totalSamples)]),
  /** Unasked: the library changed and now holds `songCount` songs (metadata clients only). */
  changed: (songCount: number): Buffer => encodePacket([PacketType.Changed, String(songCount)]),
  error: (message: string): Buffer =>
    encodePacket([PacketType.Error, message.replace(/</g, '\u2039').replace(/>/g, '\u203a')]),
};

/** Seconds with millisecond precision and no exponent, e.g. `42.5`. */
export function formatSeconds(seconds: number): string {
  return String(Math.round(seconds * 1000) / 1000);
}

/** The longest SECONDS field a server reads (PROTOCOL §7). */
export const MAX_START_FIELD_BYTES = 32;
const START_FIELD = /^\d+(\.\d+)?$/;

/**
 * The wire form of a start time, or null when it has none (not finite, negative, or too large
 * to write without an exponent in 32 bytes: 1e308 would go out as "Infinity").
 */
export function startField(seconds: number): string | null {
  if (!Number.isFinite(seconds) || seconds < 0) return null;
  const text = formatSeconds(seconds);
  return text.length <= MAX_START_FIELD_BYTES && START_FIELD.test(text) ? text : null;
}

/** Whether a received SECONDS field has the protocol's syntax (digits, optionally a fraction). */
export function isStartField(text: string): boolean {
  return text.length <= MAX_START_FIELD_BYTES && START_FIELD.test(text);
}

/** Parses a song id field: a base-10 integer, nothing else. */
export function parseSongId(field: Buffer | undefined): number | null {
  if (!field) return null;
  const text = field.toString('latin1');
  return /^\d{1,9}$/.test(text) ? Number(text) : null;
}

/** Parses an optional start-position field; absent, malformed or negative means the start. */
export function parseStartSeconds(field: Buffer | undefined): number {
  if (!field || field.length === 0 || field.length > 32) return 0;
  const text = field.toString('latin1');
  if (!isStartField(text)) return 0;
  return Number(text);
}
