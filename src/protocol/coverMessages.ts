import { encodePacket } from './packetEncoder';
import { PacketType, type Packet } from './packetTypes';

/**
 * The cover extension's packets (PROTOCOL §19). A reply is a `begin` packet, `data` packets and
 * an `end` packet, all of type `cover`; a refusal is an `error` whose third and fourth fields
 * say which cover request it answers, so it cannot be taken for a song's error.
 */
export const COVER_BEGIN = 'begin';
export const COVER_DATA = 'data';
export const COVER_END = 'end';

/** Most image bytes in one data packet: the packet is then at most 4,096 bytes like a play one. */
export const MAX_COVER_DATA_BYTES = 4096 - ('cover'.length + 7 + COVER_DATA.length + 7 + 7 + 6);

export const coverMessages = {
  /** `cover<NEXT;>ID<NEXT;><END;>`: only to a server whose list advertised `cover`. */
  request: (songId: number): Buffer => encodePacket([PacketType.Cover, String(songId)]),
  begin: (songId: number, mime: string, sizeBytes: number, hash: string): Buffer =>
    encodePacket([PacketType.Cover, COVER_BEGIN, String(songId), mime, String(sizeBytes), hash]),
  /** The caller guarantees `data` holds no whole delimiter (a DataChunker's output). */
  data: (data: Uint8Array): Buffer => encodePacket([PacketType.Cover, COVER_DATA, data]),
  end: (songId: number): Buffer => encodePacket([PacketType.Cover, COVER_END, String(songId)]),
  /** `error<NEXT;>MESSAGE<NEXT;>cover<NEXT;>ID<NEXT;><END;>`; ID is the field as sent. */
  refusal: (idField: string, message: string): Buffer =>
    encodePacket([
      PacketType.Error,
      message.replace(/</g, '\u2039').replace(/>/g, '\u203a'),
      PacketType.Cover,
      idField,
    ]),
};

/** The id a cover refusal answers (its fourth field), or null when `packet` is not one. */
export function coverRefusalId(packet: Packet): string | null {
  if (packet.type !== PacketType.Error) return null;
  if (packet.fields[2]?.toString('latin1') !== PacketType.Cover) return null;
  return packet.fields[3]?.toString('latin1') ?? '';
}
